/**
 * The access matrix of referrals and transfers: for each section and each role in the sending office (PAR),
 * the receiving office (TIR) and a third office (RAB), and for the data protection officer, who sees what.
 *
 * - Referrals: GET /api/referrals/:id answers 403 (no referrals.read), 404 (out of reach) or the referral
 *   with exactly the readable shared sections (and, in the raw body, the content of those sections only).
 * - Transfers: the new owner's case and person pages hide what the sender did not share from before the
 *   transfer, and show what is added afterwards.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNotes } from '../../src/modules/cases/tables';
import {
  REFERRAL_SECTIONS,
  type ReferralSection,
  SENSITIVE_SECTIONS,
} from '../../src/modules/referrals/sections';
import { auditAfter, expectJson, expectProblem, lastAuditSeq, type Session } from '../api/helpers';
import { type CaseDetailBody, caseRow, getCase, tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { documentRows, getPerson, personRow, signIn } from '../registry/helpers';
import {
  addConsent,
  addDocument,
  addNote,
  answer,
  createStaff,
  getReferral,
  MARKERS,
  notificationRows,
  OFFICE_ROLES,
  type OfficeRole,
  type ReferralDetailBody,
  type ReferralSummaryBody,
  referralRow,
  richCase,
  SHARED_KEY,
  send,
  staffEmail,
  upload,
} from './helpers';

const OFFICES = ['PAR', 'TIR', 'RAB'] as const;
type OfficeCode = (typeof OFFICES)[number];
const DPO = 'dpo@x.test';

let t: TestApp;
let as: (email: string) => Session;
const ids: Record<string, string> = {};
const office = {} as Record<OfficeCode, string>;

type Rich = Awaited<ReturnType<typeof richCase>>;
/** A trafficking case (avrr_vot) and an ordinary one (avrr), both with content in every section. */
let vot: Rich;
let plain: Rich;

type Sent = { id: string; caseId: string; caseType: 'avrr' | 'avrr_vot'; sections: ReferralSection[] };
/** (a) a chosen subset with one sensitive section, (b) every section, (c) every section of the plain case. */
const SUBSET: ReferralSection[] = [
  'identity',
  'documents',
  'needs_summary',
  'medical_fitness',
  'case_history',
  'trafficking_details',
];
let subsetOfVot: Sent;
let allOfVot: Sent;
let allOfPlain: Sent;

type Reader = { office: OfficeCode; role: OfficeRole } | 'dpo';
const READERS: Reader[] = [
  ...OFFICES.flatMap((o) => OFFICE_ROLES.map((role) => ({ office: o, role }))),
  'dpo',
];
const emailOf = (reader: Reader) => (reader === 'dpo' ? DPO : staffEmail(reader.role, reader.office));
const seesSensitive = (reader: Reader) =>
  reader === 'dpo' || reader.role === 'supervisor' || reader.role === 'protection_officer';

type Expected =
  | { status: 403 | 404 }
  | {
      status: 200;
      side: 'sender' | 'receiver';
      caseType: string;
      /** The sections listed in the summary. */
      sections: ReferralSection[];
      /** The sections present in `shared`, or null. */
      shared: ReferralSection[] | null;
    };

/** The rule under test, written out independently of the implementation. */
function expected(referral: Sent, status: 'pending' | 'accepted', reader: Reader): Expected {
  const readable = referral.sections.filter((s) => seesSensitive(reader) || !SENSITIVE_SECTIONS.includes(s));
  if (reader === 'dpo')
    return { status: 200, side: 'sender', caseType: referral.caseType, sections: readable, shared: readable };
  // The route guard: no referrals.read.
  if (reader.role === 'me_officer') return { status: 403 };
  if (reader.office === 'RAB') return { status: 404 };
  if (reader.office === 'PAR') {
    // A trafficking case does not exist for a caseworker, nor do its referrals.
    if (referral.caseType === 'avrr_vot' && !seesSensitive(reader)) return { status: 404 };
    return { status: 200, side: 'sender', caseType: referral.caseType, sections: readable, shared: readable };
  }
  const revealed =
    status === 'accepted' && referral.sections.includes('trafficking_details') && seesSensitive(reader);
  return {
    status: 200,
    side: 'receiver',
    caseType: referral.caseType === 'avrr_vot' && !revealed ? 'avrr' : referral.caseType,
    sections: readable,
    shared: status === 'accepted' ? readable : null,
  };
}

const label = (reader: Reader) => (reader === 'dpo' ? 'DPO' : `${reader.role}@${reader.office}`);

/** Reads the referral as each reader and compares with the rule; returns the mismatches. */
async function checkMatrix(referral: Sent, status: 'pending' | 'accepted', rich: Rich): Promise<string[]> {
  const mismatches: string[] = [];
  for (const reader of READERS) {
    const want = expected(referral, status, reader);
    const response = await as(emailOf(reader)).inject({
      method: 'GET',
      url: `/api/referrals/${referral.id}`,
    });
    const who = label(reader);
    if (want.status !== 200) {
      const code = response.json<{ code?: string }>().code;
      const wantCode = want.status === 403 ? 'forbidden' : 'not_found';
      if (response.statusCode !== want.status || code !== wantCode)
        mismatches.push(`${who}: ${response.statusCode} ${code}, expected ${want.status} ${wantCode}`);
      // A refusal says nothing about the person.
      for (const marker of Object.values(MARKERS))
        if (response.body.includes(marker)) mismatches.push(`${who}: refusal contains ${marker}`);
      continue;
    }
    if (response.statusCode !== 200) {
      mismatches.push(`${who}: ${response.statusCode} ${response.body}`);
      continue;
    }
    const body = response.json<ReferralDetailBody>();
    const got = {
      side: body.side,
      status: body.status,
      caseType: body.caseType,
      sections: body.sections,
      shared: body.shared === null ? null : Object.keys(body.shared).sort(),
    };
    const wanted = {
      side: want.side,
      status,
      caseType: want.caseType,
      sections: want.sections,
      shared: want.shared === null ? null : want.shared.map((s) => SHARED_KEY[s]).sort(),
    };
    if (JSON.stringify(got) !== JSON.stringify(wanted))
      mismatches.push(`${who}: got ${JSON.stringify(got)}, expected ${JSON.stringify(wanted)}`);
    // The raw answer carries the content of the readable shared sections, and of no other section.
    for (const section of REFERRAL_SECTIONS) {
      const present = response.body.includes(MARKERS[section]);
      const should = want.shared?.includes(section) ?? false;
      if (present !== should)
        mismatches.push(`${who}: content of ${section} ${present ? 'present' : 'absent'} in the body`);
    }
    // Before acceptance: initials, never names.
    if (want.shared === null) {
      if (response.body.includes(rich.person.givenName) || response.body.includes(rich.person.familyName))
        mismatches.push(`${who}: names before acceptance`);
      if (body.personInitials !== `${rich.person.givenName[0]}. ${rich.person.familyName[0]}.`)
        mismatches.push(`${who}: initials ${body.personInitials}`);
    }
  }
  return mismatches;
}

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  office.PAR = await t.office('PAR');
  office.TIR = await t.office('TIR', 'origin', 'AL');
  office.RAB = await t.office('RAB', 'origin', 'MA');
  Object.assign(ids, await createStaff(t, OFFICES));
  ids[DPO] = (await t.user(DPO, [['PAR', 'data_protection_officer']])).id;
  as = (await signIn(t, Object.keys(ids))).as;

  vot = await richCase(as(staffEmail('protection_officer', 'PAR')), office.PAR, {
    givenName: 'Elona',
    familyName: 'Marku',
    caseType: 'avrr_vot',
  });
  plain = await richCase(as(staffEmail('supervisor', 'PAR')), office.PAR, {
    givenName: 'Arben',
    familyName: 'Hoxha',
    caseType: 'avrr',
  });
  const sendAll = async (rich: Rich, by: OfficeRole, sections: ReferralSection[]): Promise<Sent> => {
    const sender = as(staffEmail(by, 'PAR'));
    const consent = await addConsent(sender, rich.person.id, {
      purpose: 'referral',
      recipient: 'Office TIR',
    });
    const { referral } = await send(sender, rich.kase.id, {
      kind: 'referral',
      toOfficeId: office.TIR,
      sections,
      consentId: consent.id,
      reintegrationNeeds: MARKERS.reintegration_needs,
    });
    return {
      id: referral.id,
      caseId: rich.kase.id,
      caseType: rich.kase.caseType as Sent['caseType'],
      sections: [...sections],
    };
  };
  subsetOfVot = await sendAll(vot, 'protection_officer', SUBSET);
  allOfVot = await sendAll(vot, 'supervisor', [...REFERRAL_SECTIONS]);
  allOfPlain = await sendAll(plain, 'supervisor', [...REFERRAL_SECTIONS]);
});
afterAll(() => t.close());

describe('referrals: who sees what, per section, role and office', () => {
  it('before acceptance: the receiver reads the summary only, a trafficking case as plain AVRR', async () => {
    for (const referral of [subsetOfVot, allOfVot, allOfPlain])
      expect(await checkMatrix(referral, 'pending', referral.caseId === vot.kase.id ? vot : plain)).toEqual(
        [],
      );
    // The receiving supervisor, who may answer, still reads no names.
    const seen = await getReferral(as(staffEmail('supervisor', 'TIR')), allOfVot.id);
    expect(seen).toMatchObject({
      status: 'pending',
      caseType: 'avrr',
      shared: null,
      personInitials: 'E. M.',
      canRespond: true,
    });
  });

  it('lists the referral for the receiving office, masked, and for nobody in a third office', async () => {
    const incoming = async (email: string) =>
      expectJson<{ items: ReferralSummaryBody[] }>(
        await as(email).inject({ method: 'GET', url: '/api/referrals?direction=incoming' }),
      ).items;
    const outgoing = async (email: string) =>
      expectJson<{ items: ReferralSummaryBody[] }>(
        await as(email).inject({ method: 'GET', url: '/api/referrals?direction=outgoing' }),
      ).items;
    const cw = await incoming(staffEmail('caseworker', 'TIR'));
    expect(cw.map((r) => r.id).sort()).toEqual([subsetOfVot.id, allOfVot.id, allOfPlain.id].sort());
    expect(cw.map((r) => r.caseType)).toEqual(['avrr', 'avrr', 'avrr']);
    // Sensitive sections are not even named to a reader who may not read them.
    for (const r of cw) expect(r.sections).not.toContain('trafficking_details');
    for (const role of ['caseworker', 'supervisor', 'protection_officer'] as const) {
      expect(await incoming(staffEmail(role, 'RAB'))).toEqual([]);
      expect(await outgoing(staffEmail(role, 'RAB'))).toEqual([]);
    }
    // The Paris caseworker sees the outgoing referral of the ordinary case only.
    expect((await outgoing(staffEmail('caseworker', 'PAR'))).map((r) => r.id)).toEqual([allOfPlain.id]);
    expectProblem(
      await as(staffEmail('me_officer', 'TIR')).inject({ method: 'GET', url: '/api/referrals' }),
      403,
      'forbidden',
    );
  });

  it('lists a case’s referrals for its owner only', async () => {
    const ofCase = (email: string) =>
      as(email).inject({ method: 'GET', url: `/api/cases/${vot.kase.id}/referrals` });
    const listed = expectJson<{ items: ReferralSummaryBody[] }>(
      await ofCase(staffEmail('supervisor', 'PAR')),
    ).items;
    expect(listed.map((r) => r.id).sort()).toEqual([subsetOfVot.id, allOfVot.id].sort());
    for (const email of [
      staffEmail('caseworker', 'PAR'),
      staffEmail('supervisor', 'TIR'),
      staffEmail('supervisor', 'RAB'),
    ])
      expectProblem(await ofCase(email), 404, 'not_found');
  });

  it('records access.denied for the role without referrals.read, at the route guard', async () => {
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await as(staffEmail('me_officer', 'TIR')).inject({
        method: 'GET',
        url: `/api/referrals/${allOfVot.id}`,
      }),
      403,
      'forbidden',
    );
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorUserId, e.metadata])).toEqual([
      [
        'access.denied',
        ids[staffEmail('me_officer', 'TIR')],
        { permission: 'referrals.read', method: 'GET', route: '/api/referrals/:id' },
      ],
    ]);
  });

  it('after acceptance: the receiver reads exactly the shared sections, sensitive ones only with cases.sensitive', async () => {
    for (const referral of [subsetOfVot, allOfVot, allOfPlain])
      expectJson(await answer(as(staffEmail('supervisor', 'TIR')), referral.id, 'accept'));
    for (const referral of [subsetOfVot, allOfVot, allOfPlain])
      expect(await checkMatrix(referral, 'accepted', referral.caseId === vot.kase.id ? vot : plain)).toEqual(
        [],
      );
  });

  it('carries the content of each section as it is in the case, split by kind of need', async () => {
    const full = await getReferral(as(staffEmail('supervisor', 'TIR')), allOfVot.id);
    expect(full.caseType).toBe('avrr_vot');
    expect(full.shared).toEqual({
      identity: expect.objectContaining({
        givenName: 'Elona',
        familyName: 'Marku',
        phone: MARKERS.identity,
        nationalities: ['AL'],
      }),
      documents: [
        {
          id: vot.document.id,
          type: 'passport',
          number: expect.stringMatching(/4567$/),
          issuingCountry: 'AL',
          expiryDate: MARKERS.documents,
        },
      ],
      needsSummary: ['WR-WR'],
      reintegrationNeeds: MARKERS.reintegration_needs,
      medicalFitness: { fitness: 'fit', needs: ['SM-MI'] },
      household: [
        { name: `${MARKERS.household} Marku`, relationship: 'child', sex: 'female', birthDate: '2015-04-02' },
      ],
      caseHistory: {
        steps: expect.arrayContaining([expect.objectContaining({ kind: 'opened' })]),
        notes: [expect.objectContaining({ body: MARKERS.case_history })],
      },
      attachments: [
        expect.objectContaining({ fileName: MARKERS.attachments, contentType: 'application/pdf' }),
      ],
      traffickingDetails: { victimOfTrafficking: true, needs: ['TR-PI'] },
      confidentialNotes: [expect.objectContaining({ body: MARKERS.confidential_notes })],
    });
    // The full document number never travels.
    expect(JSON.stringify(full)).not.toContain('AB1234567');
    // The ordinary case: trafficking details say what the person record holds, not that the case is one.
    const plainShared = await getReferral(as(staffEmail('protection_officer', 'TIR')), allOfPlain.id);
    expect(plainShared.shared?.traffickingDetails).toEqual({ victimOfTrafficking: false, needs: ['TR-PI'] });
    // The caseworker of the receiving office: the non-sensitive part only, and the case shown as AVRR.
    const cw = await getReferral(as(staffEmail('caseworker', 'TIR')), allOfVot.id);
    expect(cw.caseType).toBe('avrr');
    expect(cw.shared?.needsSummary).toEqual(['WR-WR']);
    expect(cw.shared?.caseHistory).toEqual({
      steps: expect.any(Array),
      notes: [expect.objectContaining({ body: MARKERS.case_history })],
    });
  });

  it('audits every read with the sections it returned', async () => {
    const seq = await lastAuditSeq(t.db);
    await as(staffEmail('caseworker', 'TIR')).inject({
      method: 'GET',
      url: `/api/referrals/${subsetOfVot.id}`,
    });
    await as(DPO).inject({ method: 'GET', url: `/api/referrals/${subsetOfVot.id}` });
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorUserId, e.officeId, e.recordId])).toEqual([
      ['referral.viewed', ids[staffEmail('caseworker', 'TIR')], office.TIR, subsetOfVot.id],
      ['referral.viewed', ids[DPO], office.PAR, subsetOfVot.id],
    ]);
    expect(events[0]?.metadata).toMatchObject({
      side: 'receiver',
      sections: ['identity', 'documents', 'needsSummary', 'medicalFitness', 'caseHistory'],
    });
    expect(events[1]?.metadata).toMatchObject({
      side: 'sender',
      sections: expect.arrayContaining(['traffickingDetails']),
    });
  });

  it('leaves the case with its owner: the receiving office cannot open the case or the person', async () => {
    for (const [rich, referral] of [
      [vot, allOfVot],
      [plain, allOfPlain],
    ] as const) {
      for (const role of OFFICE_ROLES) {
        const session = as(staffEmail(role, 'TIR'));
        const status = role === 'me_officer' ? 403 : 404;
        const code = role === 'me_officer' ? 'forbidden' : 'not_found';
        expectProblem(
          await session.inject({ method: 'GET', url: `/api/cases/${rich.kase.id}` }),
          status,
          code,
        );
        expectProblem(
          await session.inject({ method: 'GET', url: `/api/persons/${rich.person.id}` }),
          status,
          code,
        );
        expectProblem(
          await session.inject({
            method: 'GET',
            url: `/api/cases/${rich.kase.id}/attachments/${rich.attachment.id}`,
          }),
          status,
          code,
        );
      }
      expect((await caseRow(t.db, rich.kase.id)).owningOfficeId).toBe(office.PAR);
      expect(referral.caseId).toBe(rich.kase.id);
    }
  });
});

describe('transfers: what the new owner sees of what was not shared', () => {
  let moved: Rich;
  let transferId: string;
  const SHARED: ReferralSection[] = ['identity', 'needs_summary', 'reintegration_needs'];
  const after = {
    note: 'AFTER-NOTE first interview in Tirana',
    secret: 'AFTER-CONF disclosed new threats',
    file: 'after-plan.pdf',
    expiry: '2036-01-31',
  };

  beforeAll(async () => {
    const sup = as(staffEmail('supervisor', 'PAR'));
    moved = await richCase(sup, office.PAR, {
      givenName: 'Besa',
      familyName: 'Kola',
      caseType: 'avrr',
      childName: 'Drita',
    });
    const consent = await addConsent(sup, moved.person.id, { purpose: 'referral', recipient: 'Office TIR' });
    const { referral } = await send(sup, moved.kase.id, {
      kind: 'transfer',
      toOfficeId: office.TIR,
      sections: SHARED,
      consentId: consent.id,
      reintegrationNeeds: MARKERS.reintegration_needs,
    });
    transferId = referral.id;
    expectJson(
      await answer(as(staffEmail('supervisor', 'TIR')), transferId, 'accept', {
        assigneeId: ids[staffEmail('caseworker', 'TIR')],
      }),
    );
  });

  const hiddenBefore = [
    MARKERS.case_history,
    MARKERS.confidential_notes,
    MARKERS.attachments,
    MARKERS.documents,
    MARKERS.household,
    MARKERS.medical_fitness,
    MARKERS.trafficking_details,
  ];

  it('hides, for every role of the new office, pre-transfer content of the sections not shared', async () => {
    for (const role of OFFICE_ROLES) {
      const session = as(staffEmail(role, 'TIR'));
      const caseResponse = await session.inject({ method: 'GET', url: `/api/cases/${moved.kase.id}` });
      const personResponse = await session.inject({ method: 'GET', url: `/api/persons/${moved.person.id}` });
      if (role === 'me_officer') {
        expectProblem(caseResponse, 403, 'forbidden');
        expectProblem(personResponse, 403, 'forbidden');
        continue;
      }
      const c = expectJson<CaseDetailBody>(caseResponse);
      expect(c, role).toMatchObject({ officeCode: 'TIR', notes: [], attachments: [] });
      expect(c.assignedTo?.id).toBe(ids[staffEmail('caseworker', 'TIR')]);
      expect(
        c.timeline.map((e) => e.kind),
        role,
      ).toEqual(['referral_answered', 'transferred']);
      const person = expectJson<{
        specificNeeds: string[];
        documents: unknown[];
        household: { personId: string }[];
      }>(personResponse);
      expect(person.specificNeeds, role).toEqual(['WR-WR']);
      expect(person.documents, role).toEqual([]);
      // The household list shows the person only: the child stays with the former owner.
      expect(
        person.household.map((h) => h.personId),
        role,
      ).toEqual([moved.person.id]);
      for (const marker of hiddenBefore) {
        expect(caseResponse.body.includes(marker), `${role}: case page shows ${marker}`).toBe(false);
        expect(personResponse.body.includes(marker), `${role}: person page shows ${marker}`).toBe(false);
      }
      // Identity travels with a transfer.
      expect(personResponse.body).toContain(MARKERS.identity);
      // The transfer itself shows the new owner what came with the case, the reintegration needs among it.
      const referralResponse = await session.inject({ method: 'GET', url: `/api/referrals/${transferId}` });
      const came = expectJson<ReferralDetailBody>(referralResponse);
      expect(came, role).toMatchObject({ side: 'receiver', status: 'accepted', progress: null });
      expect(came.shared, role).toEqual({
        identity: expect.objectContaining({ givenName: 'Besa', phone: MARKERS.identity }),
        needsSummary: ['WR-WR'],
        reintegrationNeeds: MARKERS.reintegration_needs,
      });
      for (const marker of hiddenBefore)
        expect(referralResponse.body.includes(marker), `${role}: transfer shows ${marker}`).toBe(false);
      // Hidden things cannot be fetched directly either.
      expectProblem(
        await session.inject({
          method: 'GET',
          url: `/api/cases/${moved.kase.id}/attachments/${moved.attachment.id}`,
        }),
        404,
        'not_found',
      );
      expectProblem(
        await session.inject({
          method: 'GET',
          url: `/api/persons/${moved.person.id}/documents/${moved.document.id}/number`,
        }),
        404,
        'not_found',
      );
    }
  });

  it('keeps the withheld content in the database, for the record', async () => {
    const row = await caseRow(t.db, moved.kase.id);
    expect(row.owningOfficeId).toBe(office.TIR);
    expect([...row.withheldSections].sort()).toEqual(
      REFERRAL_SECTIONS.filter((s) => !SHARED.includes(s)).sort(),
    );
    expect(await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, moved.kase.id))).toHaveLength(2);
    const person = await personRow(t.db, moved.person.id);
    expect(person.owningOfficeId).toBe(office.TIR);
    expect(person.withheldNeeds.sort()).toEqual(['SM-MI', 'TR-PI']);
    expect((await documentRows(t.db, moved.person.id)).map((d) => d.withheld)).toEqual([true]);
  });

  it('removes the case and the person from the former owner and from the third office', async () => {
    for (const o of ['PAR', 'RAB'] as const)
      for (const role of ['caseworker', 'supervisor', 'protection_officer'] as const) {
        const session = as(staffEmail(role, o));
        expectProblem(
          await session.inject({ method: 'GET', url: `/api/cases/${moved.kase.id}` }),
          404,
          'not_found',
        );
        expectProblem(
          await session.inject({ method: 'GET', url: `/api/persons/${moved.person.id}` }),
          404,
          'not_found',
        );
      }
  });

  it('shows what is added after the transfer, to whom it may concern', async () => {
    const cw = as(staffEmail('caseworker', 'TIR'));
    const prot = as(staffEmail('protection_officer', 'TIR'));
    const note = await addNote(cw, moved.kase.id, after.note);
    const secret = await addNote(prot, moved.kase.id, after.secret, true);
    const file = await upload(cw, moved.kase.id, after.file);
    const document = await addDocument(cw, moved.person.id, {
      type: 'national_id',
      number: 'ID998877',
      issuingCountry: 'AL',
      expiryDate: after.expiry,
    });
    const current = await getPerson(cw, moved.person.id);
    expectJson(
      await cw.inject({
        method: 'PATCH',
        url: `/api/persons/${moved.person.id}`,
        payload: { version: current.version, specificNeeds: ['WR-WR', 'SM-CI'] },
      }),
    );
    for (const role of ['caseworker', 'supervisor', 'protection_officer'] as const) {
      const session = as(staffEmail(role, 'TIR'));
      const c = await getCase(session, moved.kase.id);
      const sensitive = role !== 'caseworker';
      expect(c.notes.map((n) => n.id).sort(), role).toEqual(
        (sensitive ? [note.id, secret.id] : [note.id]).sort(),
      );
      expect(
        c.attachments.map((a) => a.id),
        role,
      ).toEqual([file.id]);
      const person = await getPerson(session, moved.person.id);
      expect(
        person.documents.map((d) => d.id),
        role,
      ).toEqual([document.id]);
      expect(person.specificNeeds, role).toEqual(['WR-WR', 'SM-CI']);
      const download = await session.inject({
        method: 'GET',
        url: `/api/cases/${moved.kase.id}/attachments/${file.id}`,
      });
      expect(download.statusCode, role).toBe(200);
      // Still nothing from before.
      const raw = JSON.stringify({ c, person });
      for (const marker of hiddenBefore) expect(raw.includes(marker), `${role}: ${marker}`).toBe(false);
    }
    // The sending office follows progress only: no content in the referral.
    const followed = await getReferral(as(staffEmail('supervisor', 'PAR')), transferId);
    expect(followed.shared).toBeNull();
    expect(followed.progress).not.toBeNull();
    expect(JSON.stringify(followed)).not.toContain(after.note);
  });

  it('does not let content withheld by a first transfer travel on with a second one', async () => {
    // Tirana transfers the case on to Rabat, sharing every section: Paris's withheld content stays hidden.
    const sup = as(staffEmail('supervisor', 'TIR'));
    const consent = await addConsent(sup, moved.person.id, { purpose: 'referral', recipient: 'Office RAB' });
    const { referral } = await send(sup, moved.kase.id, {
      kind: 'transfer',
      toOfficeId: office.RAB,
      sections: [...REFERRAL_SECTIONS],
      consentId: consent.id,
    });
    expectJson(await answer(as(staffEmail('supervisor', 'RAB')), referral.id, 'accept'));
    const response = await as(staffEmail('supervisor', 'RAB')).inject({
      method: 'GET',
      url: `/api/cases/${moved.kase.id}`,
    });
    const c = expectJson<CaseDetailBody>(response);
    expect(c.officeCode).toBe('RAB');
    for (const marker of [MARKERS.case_history, MARKERS.confidential_notes, MARKERS.attachments])
      expect(response.body.includes(marker), marker).toBe(false);
    // Each transfer shows what came with the case to its receiver while it owns the case: Rabat now, not Tirana.
    const first = await getReferral(as(staffEmail('supervisor', 'TIR')), transferId);
    expect(first).toMatchObject({ side: 'receiver', status: 'accepted', shared: null });
    const secondResponse = await as(staffEmail('supervisor', 'RAB')).inject({
      method: 'GET',
      url: `/api/referrals/${referral.id}`,
    });
    const second = expectJson<ReferralDetailBody>(secondResponse);
    expect(Object.keys(second.shared ?? {}).sort()).toEqual(Object.values(SHARED_KEY).sort());
    for (const marker of [MARKERS.case_history, MARKERS.confidential_notes, MARKERS.attachments])
      expect(secondResponse.body.includes(marker), marker).toBe(false);
    const person = await getPerson(as(staffEmail('supervisor', 'RAB')), moved.person.id);
    expect(person.documents.map((d) => d.expiryDate)).toEqual([after.expiry]);
    expect(person.specificNeeds.sort()).toEqual(['SM-CI', 'WR-WR']);
  });
});

describe('referrals of a case that is later transferred', () => {
  it('stop showing the case to the former owner and to their receivers', async () => {
    const sup = as(staffEmail('supervisor', 'PAR'));
    const x = await richCase(sup, office.PAR, {
      givenName: 'Liri',
      familyName: 'Dema',
      caseType: 'avrr',
      childName: 'Drita',
    });
    const consent = await addConsent(sup, x.person.id, {
      purpose: 'referral',
      recipient: 'Office TIR and Office RAB',
    });
    const toRabat = (
      await send(sup, x.kase.id, {
        kind: 'referral',
        toOfficeId: office.RAB,
        sections: ['identity', 'case_history'],
        consentId: consent.id,
      })
    ).referral;
    expectJson(await answer(as(staffEmail('supervisor', 'RAB')), toRabat.id, 'accept'));
    const transfer = (
      await send(sup, x.kase.id, {
        kind: 'transfer',
        toOfficeId: office.TIR,
        sections: ['identity', 'case_history'],
        consentId: consent.id,
      })
    ).referral;
    const seq = await lastAuditSeq(t.db);
    expectJson(await answer(as(staffEmail('supervisor', 'TIR')), transfer.id, 'accept'));
    // Paris's referral to Rabat ends with Paris's ownership, in the acceptance's transaction.
    expect((await auditAfter(t.db, seq)).map((e) => [e.action, e.recordId])).toEqual([
      ['referral.accepted', transfer.id],
      ['referral.revoked', toRabat.id],
      ['case.transferred', x.kase.id],
    ]);
    expect(await referralRow(t.db, toRabat.id)).toMatchObject({
      status: 'revoked',
      revokedReason: 'case_transferred',
    });
    const told = (await notificationRows(t.db)).filter(
      (n) => n.referralId === toRabat.id && n.kind === 'referral.revoked',
    );
    expect(told.map((n) => n.userId).sort()).toEqual(
      (['caseworker', 'supervisor', 'protection_officer'] as const)
        .map((r) => ids[staffEmail(r, 'RAB')])
        .sort(),
    );
    const later = 'LATER-NOTE written in Tirana after the transfer';
    await addNote(as(staffEmail('caseworker', 'TIR')), x.kase.id, later);
    for (const email of [staffEmail('supervisor', 'PAR'), staffEmail('supervisor', 'RAB')]) {
      const response = await as(email).inject({ method: 'GET', url: `/api/referrals/${toRabat.id}` });
      expect(response.json<ReferralDetailBody>(), email).toMatchObject({ status: 'revoked', shared: null });
      expect(response.body.includes(later), email).toBe(false);
      expect(response.body.includes(MARKERS.case_history), email).toBe(false);
    }
  });
});
