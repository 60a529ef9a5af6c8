/**
 * The reception partner's link (issue 13, ADR 0018), on both databases: issued once the household is booked,
 * on demand or with the handover (the previous link then stops working); only its hash stored; the partner
 * sees the arrival section and nothing else (no findings, no document numbers, no medical or trafficking
 * code, no other household); it confirms the reception once, after the arrival, and the office sees it on
 * the household; tampered, expired and revoked links answer 404/410 problems; every step is audited.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receptionLinks } from '../../src/modules/resettlement/tables';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  getHousehold,
  type HouseholdBody,
  type MovementBody,
  movementInput,
  post,
  referredHousehold,
  toExitPermits,
} from './helpers';

const USERS = ['cw@x.test', 'sup@x.test', 'med@x.test', 'cw.tir@x.test'] as const;
let t: TestApp;
let as: Awaited<ReturnType<typeof signIn<(typeof USERS)[number]>>>['as'];
let refresh: () => Promise<void>;
let ids: { officeId: string; projectId: string };
const TODAY = '2026-03-02';
const FINDINGS = 'Asthme sévère, corticoïdes inhalés';

async function at(iso: string) {
  t.clock.set(new Date(iso));
  await refresh();
}

type Issued = {
  link: { id: string; status: string; partnerName: string };
  partnerPath: string;
  expiresAt: string;
};
type PartnerView = {
  caseReference: string;
  fromOffice: string;
  partnerName: string;
  receptionPlace: string;
  receivingContact: string;
  household: {
    principal: string;
    members: {
      name: string;
      nameOriginal: string | null;
      sex: string;
      birthYear: number | null;
      assistance: string[];
    }[];
  };
  arrival: { status: string; date: string; flights: { flightNumber: string }[] } | null;
  confirmation: { receivedOn: string; confirmedByName: string; note: string | null } | null;
};
type WithLinks = HouseholdBody & {
  receptionLinks: {
    id: string;
    partnerName: string;
    status: string;
    confirmation: { receivedOn: string; confirmedByName: string } | null;
  }[];
};

/** The partner has no session: a bare request to the public routes. */
const visit = (path: string) => t.app.inject({ method: 'GET', url: `/api${path}` });
const confirm = (path: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api${path}/confirm`, payload });
const LINK = {
  partnerName: 'Forum Réfugiés',
  partnerContact: 'Claire Martin, +33 4 78 00 00 00',
  receptionPlace: 'CADA Villeurbanne',
};

beforeAll(async () => {
  t = await createTestApp();
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('sup@x.test', [['PAR', 'supervisor']]);
  await t.user('med@x.test', [['PAR', 'medical_officer']]);
  await t.user('cw.tir@x.test', [['TIR', 'caseworker']]);
  const project = await t.project('SYR', 'PAR');
  ids = { officeId: await t.office('PAR'), projectId: project.id };
  ({ as, refresh } = await signIn(t, USERS));
});
afterAll(() => t.close());

describe('the reception partner’s link', () => {
  let household: HouseholdBody;
  let other: HouseholdBody;
  let movement: MovementBody;
  let first: Issued;
  let second: Issued;

  it('is issued once the household is booked, and only its hash is kept', async () => {
    const sup = as('sup@x.test');
    ({ household } = await referredHousehold(
      t,
      sup,
      ids.officeId,
      ids.projectId,
      [
        { given: 'Samir', birthDate: '1980-04-02', sex: 'male', original: ['سمير', 'حداد'] },
        { given: 'Lina', birthDate: '2012-09-15', needs: ['CR-CP', 'SM-MI'] },
        { given: 'Rami', birthDate: '2008-04-10', sex: 'male', needs: ['TR-PI'] },
      ],
      'LEB-14C30001',
    ));
    ({ household: other } = await referredHousehold(
      t,
      sup,
      ids.officeId,
      ids.projectId,
      [{ given: 'Omar', family: 'Khalil', birthDate: '1970-01-01', sex: 'male' }],
      'LEB-14C30002',
    ));
    const cw = as('cw@x.test');
    expectProblem(
      await post(cw, `/api/cases/${household.caseId}/resettlement/reception-links`, LINK),
      409,
      'reception_not_booked',
    );
    for (const h of [household, other])
      await toExitPermits((e) => as(e as (typeof USERS)[number]), ids, h.caseId, {
        today: TODAY,
        validUntil: '2026-12-31',
      });
    // Lina travels in a wheelchair and with oxygen: the findings are health data.
    let h = await getHousehold(cw, household.caseId);
    const lina = h.members.find((m) => m.name.startsWith('Lina'))?.personId as string;
    h = expectJson<HouseholdBody>(
      await post(as('med@x.test'), `/api/cases/${household.caseId}/resettlement/health`, {
        version: h.version,
        personId: lina,
        assessedOn: TODAY,
        outcome: 'fit_with_conditions',
        validUntil: '2026-12-31',
        travelConditions: ['WCHR', 'OXYG'],
        findings: FINDINGS,
      }),
      201,
    );
    movement = expectJson<MovementBody>(
      await post(cw, '/api/resettlement/movements', movementInput(ids, '2026-04-20', 10)),
      201,
    );
    for (const x of [household, other]) {
      const now = await getHousehold(cw, x.caseId);
      movement = expectJson<MovementBody>(
        await post(cw, `/api/resettlement/movements/${movement.id}/bookings`, {
          version: movement.version,
          caseId: x.caseId,
          caseVersion: now.version,
        }),
        201,
      );
    }
    const seq = await lastAuditSeq(t.db);
    first = expectJson<Issued>(
      await post(cw, `/api/cases/${household.caseId}/resettlement/reception-links`, {
        ...LINK,
        validDays: 20,
      }),
      201,
    );
    expect(first.partnerPath).toMatch(/^\/reception\/[A-Za-z0-9_-]{40,}$/);
    expect(first.link).toMatchObject({ status: 'live', partnerName: 'Forum Réfugiés' });
    const token = first.partnerPath.split('/').pop() as string;
    const [stored] = await t.db.select().from(receptionLinks).where(eq(receptionLinks.id, first.link.id));
    expect(stored?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['resettlement.reception_link_issued']);
    expect(JSON.stringify(events)).not.toContain(token);
    // Another office does not reach the household at all.
    expectProblem(
      await post(as('cw.tir@x.test'), `/api/cases/${household.caseId}/resettlement/reception-links`, LINK),
      404,
      'not_found',
    );
  });

  it('shows the partner the arrival section only, and audits the visit', async () => {
    const seq = await lastAuditSeq(t.db);
    const res = await visit(first.partnerPath);
    const view = expectJson<PartnerView>(res);
    expect(view).toMatchObject({
      caseReference: household.caseReference,
      fromOffice: 'Office PAR',
      partnerName: 'Forum Réfugiés',
      receptionPlace: 'CADA Villeurbanne',
      receivingContact: 'Claire Martin, +33 4 78 00 00 00',
      confirmation: null,
    });
    expect(view.household.principal).toBe('Samir Haddad');
    expect(view.household.members).toEqual([
      {
        name: 'Samir Haddad',
        nameOriginal: 'سمير حداد',
        relationship: 'principal',
        sex: 'male',
        birthYear: 1980,
        assistance: [],
      },
      {
        name: 'Rami Haddad',
        nameOriginal: null,
        relationship: 'child',
        sex: 'male',
        birthYear: 2008,
        assistance: [],
      },
      {
        name: 'Lina Haddad',
        nameOriginal: null,
        relationship: 'child',
        sex: 'female',
        birthYear: 2012,
        assistance: ['CR-CP', 'WCHR'],
      },
    ]);
    expect(view.arrival).toMatchObject({ status: 'expected', date: '2026-04-20' });
    expect(view.arrival?.flights.map((f) => f.flightNumber)).toEqual(['TK827', 'TK1821']);
    // Nothing else: no findings, no medical or trafficking code, no document number, no identifier, no
    // other household.
    const text = res.body;
    for (const absent of [
      FINDINGS,
      'OXYG',
      'SM-MI',
      'TR-PI',
      'EXP',
      'FRV',
      'Omar',
      'Khalil',
      household.caseId,
      'personId',
      'birthDate',
      '1980-04-02',
    ])
      expect(text, absent).not.toContain(absent);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorEmail, e.recordId])).toEqual([
      ['resettlement.reception_link_visited', 'reception:Forum Réfugiés', household.caseId],
    ]);
    // The office sees when the link was last opened.
    const h = expectJson<WithLinks>(
      await as('cw@x.test').inject({ method: 'GET', url: `/api/cases/${household.caseId}/resettlement` }),
    );
    expect(h.receptionLinks).toEqual([
      expect.objectContaining({ id: first.link.id, status: 'live', lastVisitAt: '2026-03-02T09:00:00.000Z' }),
    ]);
  });

  it('refuses a tampered link (404) and a confirmation before the arrival (409), as problems', async () => {
    const tampered = await visit(`${first.partnerPath.slice(0, -2)}xx`);
    expectProblem(tampered, 404, 'partner_link_invalid');
    expect(tampered.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectProblem(await visit('/reception/short'), 400, 'validation_failed');
    expectProblem(
      await confirm(first.partnerPath, { receivedOn: '2026-04-20', confirmedBy: 'Claire Martin' }),
      409,
      'reception_not_arrived',
    );
    // The token is no session: it opens nothing else.
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${household.caseId}/resettlement`,
      headers: { authorization: `Bearer ${first.partnerPath.split('/').pop()}` },
    });
    expectProblem(other, 401, 'unauthenticated');
  });

  it('is issued again with the handover (the first one stops working), and takes the partner’s confirmation once', async () => {
    await at('2026-04-20T05:00:00Z');
    const cw = as('cw@x.test');
    const mine = movement.bookings.find((b) => b.caseId === household.caseId);
    const theirs = movement.bookings.find((b) => b.caseId === other.caseId);
    movement = expectJson<MovementBody>(
      await post(
        cw,
        `/api/resettlement/movements/${movement.id}/boarding`,
        {
          version: movement.version,
          passengers: [...(mine?.passengers ?? []), ...(theirs?.passengers ?? [])].map((p) => ({
            personId: p.personId,
            status: 'boarded',
          })),
        },
        'PUT',
      ),
    );
    movement = expectJson<MovementBody>(
      await post(cw, `/api/resettlement/movements/${movement.id}/arrival`, {
        version: movement.version,
        arrivedAt: '2026-04-20T11:50:00Z',
      }),
    );
    const h = await getHousehold(cw, household.caseId);
    const handed = expectJson<WithLinks & { receptionLink: Issued | null }>(
      await post(cw, `/api/cases/${household.caseId}/resettlement/handover`, {
        version: h.version,
        handedOverOn: '2026-04-20',
        receivedBy: 'Forum Réfugiés–Cosi, Lyon',
        receptionLink: { ...LINK, partnerName: 'Forum Réfugiés–Cosi' },
      }),
    );
    expect(handed.status).toBe('closed');
    second = handed.receptionLink as Issued;
    expect(second.partnerPath).toMatch(/^\/reception\//);
    expect(handed.receptionLinks.map((l) => [l.partnerName, l.status])).toEqual([
      ['Forum Réfugiés–Cosi', 'live'],
      ['Forum Réfugiés', 'revoked'],
    ]);
    expectProblem(await visit(first.partnerPath), 410, 'partner_link_expired');
    expect(expectJson<PartnerView>(await visit(second.partnerPath)).arrival).toMatchObject({
      status: 'arrived',
      date: '2026-04-20',
    });

    const seq = await lastAuditSeq(t.db);
    expectJson(
      await confirm(second.partnerPath, {
        receivedOn: '2026-04-20',
        confirmedBy: 'Claire Martin',
        note: 'Famille accueillie au CADA, chambre 12',
      }),
    );
    expect((await auditAfter(t.db, seq)).map((e) => [e.action, e.actorEmail])).toEqual([
      ['resettlement.reception_confirmed', 'reception:Forum Réfugiés–Cosi'],
    ]);
    expectProblem(
      await confirm(second.partnerPath, { receivedOn: '2026-04-21', confirmedBy: 'Someone else' }),
      409,
      'reception_already_confirmed',
    );
    const after = expectJson<WithLinks>(
      await cw.inject({ method: 'GET', url: `/api/cases/${household.caseId}/resettlement` }),
    );
    expect(after.receptionLinks[0]?.confirmation).toMatchObject({
      receivedOn: '2026-04-20',
      confirmedByName: 'Claire Martin',
      note: 'Famille accueillie au CADA, chambre 12',
    });
    const c = expectJson<{ timeline: { actorName: string; comment: string | null }[] }>(
      await cw.inject({ method: 'GET', url: `/api/cases/${household.caseId}` }),
    );
    expect(c.timeline.map((e) => e.actorName)).toContain('Claire Martin (Forum Réfugiés–Cosi)');
    expect(expectJson<PartnerView>(await visit(second.partnerPath)).confirmation).toMatchObject({
      confirmedByName: 'Claire Martin',
    });
  });

  it('stops working when revoked or expired (410), and only the office may revoke it', async () => {
    const cw = as('cw@x.test');
    const third = expectJson<Issued>(
      await post(cw, `/api/cases/${other.caseId}/resettlement/reception-links`, { ...LINK, validDays: 1 }),
      201,
    );
    // The other household's link shows that household, not the first one.
    const seen = await visit(third.partnerPath);
    expect(expectJson<PartnerView>(seen).household.principal).toBe('Omar Khalil');
    expect(seen.body).not.toContain('Samir');
    expectProblem(
      await post(
        as('cw.tir@x.test'),
        `/api/cases/${other.caseId}/resettlement/reception-links/${third.link.id}/revoke`,
        {},
      ),
      404,
      'not_found',
    );
    // A link of another household is not found through this one.
    expectProblem(
      await post(cw, `/api/cases/${other.caseId}/resettlement/reception-links/${second.link.id}/revoke`, {}),
      404,
      'not_found',
    );
    const seq = await lastAuditSeq(t.db);
    const revoked = expectJson<WithLinks>(
      await post(cw, `/api/cases/${other.caseId}/resettlement/reception-links/${third.link.id}/revoke`, {}),
    );
    expect(revoked.receptionLinks.map((l) => l.status)).toEqual(['revoked']);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual([
      'resettlement.reception_link_revoked',
    ]);
    expectProblem(await visit(third.partnerPath), 410, 'partner_link_expired');
    expectProblem(
      await confirm(third.partnerPath, { receivedOn: '2026-04-20', confirmedBy: 'X' }),
      410,
      'partner_link_expired',
    );
    // Thirty days later the handover's link has expired too.
    await at('2026-05-21T09:00:00Z');
    const expired = await visit(second.partnerPath);
    expectProblem(expired, 410, 'partner_link_expired');
    expect(expired.headers['content-type']).toMatch(/^application\/problem\+json/);
    const h = expectJson<WithLinks>(
      await as('cw@x.test').inject({ method: 'GET', url: `/api/cases/${household.caseId}/resettlement` }),
    );
    expect(h.receptionLinks[0]?.status).toBe('expired');
  });
});
