/**
 * The registry through the API: registration and probable matches, name and document search, documents
 * encrypted at rest, consents, households, optimistic concurrency, validation, office scoping, and the
 * trafficking needs hidden from those who may not see them. Every change writes exactly one audit event.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditAfter,
  expectAuditFreeOf,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import {
  type ConsentBody,
  consentRow,
  type DocumentBody,
  documentRows,
  getPerson,
  idsOf,
  type MatchesBody,
  type PersonBody,
  type PersonDetailBody,
  personCount,
  personInput,
  personRow,
  registerPerson,
  searchPersons,
  signIn,
} from './helpers';

const USERS = [
  'cw.paris@x.test',
  'sup.paris@x.test',
  'prot.paris@x.test',
  'cw.tirana@x.test',
  'both@x.test',
  'admin@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let PAR: string;
let TIR: string;
const userIds = {} as Record<Email, string>;
/** People registered in beforeAll and used by several tests. */
let hassan: PersonBody;
let sevcenko: PersonBody;
let hoxha: PersonBody;

beforeAll(async () => {
  t = await createTestApp();
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  userIds['cw.paris@x.test'] = (await t.user('cw.paris@x.test', [['PAR', 'caseworker']])).id;
  userIds['sup.paris@x.test'] = (await t.user('sup.paris@x.test', [['PAR', 'supervisor']])).id;
  userIds['prot.paris@x.test'] = (await t.user('prot.paris@x.test', [['PAR', 'protection_officer']])).id;
  userIds['cw.tirana@x.test'] = (await t.user('cw.tirana@x.test', [['TIR', 'caseworker']])).id;
  userIds['admin@x.test'] = (await t.user('admin@x.test', [['PAR', 'administrator']])).id;
  userIds['both@x.test'] = (
    await t.user('both@x.test', [
      ['PAR', 'caseworker'],
      ['TIR', 'caseworker'],
    ])
  ).id;
  as = (await signIn(t, USERS)).as;
});
afterAll(() => t.close());

describe('registration', () => {
  it('registers a person: 201, an office reference, search text over every name and alias, one person.created', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await as('cw.paris@x.test').inject({
      method: 'POST',
      url: '/api/persons',
      payload: personInput(PAR, {
        givenName: 'Mohammed',
        familyName: 'Al-Hassan',
        givenNameOriginal: 'محمد',
        familyNameOriginal: 'الحسن',
        originalScript: 'arabic',
        sex: 'male',
        birthDate: '1990-04-12',
        nationalities: ['IQ'],
        languages: ['ar', 'ku'],
        aliases: [
          { name: 'Abu Ali', script: 'latin' },
          { name: 'Мухаммед', script: 'cyrillic' },
        ],
      }),
    });
    const body = expectJson<MatchesBody>(response, 201);
    expect(body.matches).toEqual([]);
    hassan = body.person as PersonBody;
    expect(hassan).toMatchObject({
      reference: 'PAR-P000001',
      officeId: PAR,
      officeCode: 'PAR',
      givenName: 'Mohammed',
      familyName: 'Al-Hassan',
      givenNameOriginal: 'محمد',
      familyNameOriginal: 'الحسن',
      originalScript: 'arabic',
      birthDate: '1990-04-12',
      // Defaults of the fields the request left out.
      birthDatePrecision: 'exact',
      specificNeeds: [],
      fatherName: null,
      householdId: null,
      relationship: null,
      version: 1,
    });

    const row = await personRow(t.db, hassan.id);
    expect(row.searchText).toBe('mohammed al hassan | محمد الحسن | abu ali | мухаммед');
    expect(row.createdBy).toBe(userIds['cw.paris@x.test']);
    expect(row.owningOfficeId).toBe(PAR);

    const event = await expectOneEvent(t.db, seq, {
      action: 'person.created',
      recordType: 'person',
      recordId: hassan.id,
      officeId: PAR,
      actorUserId: userIds['cw.paris@x.test'],
    });
    expect(event.changes).toMatchObject({
      givenName: { new: 'Mohammed' },
      familyNameOriginal: { new: 'الحسن' },
      aliases: { new: [expect.objectContaining({ name: 'Abu Ali' }), expect.any(Object)] },
    });

    // The references count per database, prefixed with the owning office.
    sevcenko = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Taras',
      familyName: 'Ševčenko',
      givenNameOriginal: 'Тарас',
      familyNameOriginal: 'Шевченко',
      originalScript: 'cyrillic',
      sex: 'male',
      birthDate: '1984-03-09',
      nationalities: ['UA'],
      languages: ['uk'],
    });
    expect(sevcenko.reference).toBe('PAR-P000002');
    hoxha = await registerPerson(as('cw.tirana@x.test'), TIR, {
      givenName: 'Arben',
      familyName: 'Hoxha',
      aliases: [{ name: 'Beni Hoxhë', script: 'latin' }],
    });
    expect(hoxha.reference).toBe('TIR-P000003');
  });

  it('answers 200 with probable matches and creates nothing, then creates when they are acknowledged', async () => {
    const first = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Fatima',
      familyName: 'Benali',
      birthDate: '1995-11-02',
    });
    const before = await personCount(t.db);
    const seq = await lastAuditSeq(t.db);

    // Same names (also spelt with other case and accents) and the same birth date.
    for (const names of [
      { givenName: 'Fatima', familyName: 'Benali' },
      { givenName: 'FATIMA', familyName: 'Bénali' },
    ]) {
      const response = await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons',
        payload: personInput(PAR, { ...names, birthDate: '1995-11-02' }),
      });
      const body = expectJson<MatchesBody>(response, 200);
      expect(body.person).toBeUndefined();
      expect(body.matches).toEqual([
        {
          person: expect.objectContaining({ id: first.id, reference: first.reference, caseCount: 0 }),
          score: expect.any(Number),
          likely: true,
          reasons: expect.arrayContaining([
            { code: 'name.same', part: 'given', a: names.givenName, b: 'Fatima' },
            { code: 'name.same', part: 'family', a: names.familyName, b: 'Benali' },
            { code: 'birthDate.same' },
          ]),
        },
      ]);
    }
    // A year-only birth date in the same year is still a probable match.
    const yearOnly = expectJson<MatchesBody>(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons',
        payload: personInput(PAR, {
          givenName: 'Fatima',
          familyName: 'Benali',
          birthDate: '1995-01-01',
          birthDatePrecision: 'year',
        }),
      }),
      200,
    );
    expect(yearOnly.matches.map((m) => [m.person.id, m.likely])).toEqual([[first.id, true]]);
    expect(yearOnly.matches[0]?.reasons).toContainEqual({ code: 'birthDate.sameYear' });
    expect(await personCount(t.db)).toBe(before);
    await expectNoEvent(t.db, seq);

    const acknowledged = await as('cw.paris@x.test').inject({
      method: 'POST',
      url: '/api/persons',
      payload: personInput(PAR, {
        givenName: 'Fatima',
        familyName: 'Benali',
        birthDate: '1995-11-02',
        acknowledgeMatches: true,
      }),
    });
    const created = expectJson<MatchesBody>(acknowledged, 201);
    expect(created.person?.id).not.toBe(first.id);
    expect(created.matches).toEqual([]);
    expect(await personCount(t.db)).toBe(before + 1);
    await expectOneEvent(t.db, seq, { action: 'person.created', recordId: created.person?.id });
  });

  it('shows a birth date a day apart as a reason, never a different person or one outside scope', async () => {
    await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Ilir',
      familyName: 'Dervishi',
      birthDate: '1988-02-02',
    });
    // The same names a day apart: a typo as likely as a namesake; the user decides.
    const dayApart = expectJson<MatchesBody>(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons',
        payload: personInput(PAR, { givenName: 'Ilir', familyName: 'Dervishi', birthDate: '1988-02-03' }),
      }),
      200,
    );
    expect(dayApart.matches[0]?.reasons).toContainEqual({ code: 'birthDate.dayDiffers' });
    // Another given name is another person (a brother), whatever else agrees.
    const brother = await as('cw.paris@x.test').inject({
      method: 'POST',
      url: '/api/persons',
      payload: personInput(PAR, { givenName: 'Arben', familyName: 'Dervishi', birthDate: '1988-02-02' }),
    });
    expect(expectJson<MatchesBody>(brother, 201).person?.givenName).toBe('Arben');
    // Tirana cannot see the Paris records: no match is shown to it (that would disclose them).
    const tirana = await as('cw.tirana@x.test').inject({
      method: 'POST',
      url: '/api/persons',
      payload: personInput(TIR, { givenName: 'Ilir', familyName: 'Dervishi', birthDate: '1988-02-02' }),
    });
    const body = expectJson<MatchesBody>(tirana, 201);
    expect(body.matches).toEqual([]);
    expect(body.person?.officeCode).toBe('TIR');
  });

  it('stores SQL and script text verbatim, as inert data', async () => {
    const hostile = {
      givenName: "Robert'); DROP TABLE persons;--",
      familyName: '<script>alert(1)</script>',
      fatherName: 'O\'Brien \\ "quoted" %_',
      address: "1 rue de l'Église; DELETE FROM persons WHERE 1=1 --",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
      placeOfOrigin: '${7*7} {{7*7}}',
    };
    const person = await registerPerson(as('cw.paris@x.test'), PAR, hostile);
    expect(person).toMatchObject(hostile);
    expect(await getPerson(as('cw.paris@x.test'), person.id)).toMatchObject(hostile);
    const row = await personRow(t.db, person.id);
    expect(row).toMatchObject(hostile);
    expect(await personCount(t.db)).toBeGreaterThan(5);
    const found = await searchPersons(as('cw.paris@x.test'), `?q=${encodeURIComponent("robert'); drop")}`);
    expect(idsOf(found)).toEqual([person.id]);
  });
});

describe('search', () => {
  const q = (session: Email, text: string) =>
    searchPersons(as(session), `?q=${encodeURIComponent(text)}`).then(idsOf);

  it('finds by Latin name, original-script name, alias and diacritic-folded name', async () => {
    expect(await q('cw.paris@x.test', 'hassan')).toEqual([hassan.id]);
    expect(await q('cw.paris@x.test', 'Al-Hassan')).toEqual([hassan.id]);
    expect(await q('cw.paris@x.test', 'mohammed al hassan')).toEqual([hassan.id]);
    expect(await q('cw.paris@x.test', 'الحسن')).toEqual([hassan.id]);
    expect(await q('cw.paris@x.test', 'محمد')).toEqual([hassan.id]);
    expect(await q('cw.paris@x.test', 'Шевченко')).toEqual([sevcenko.id]);
    expect(await q('cw.paris@x.test', 'шевченко тарас')).toEqual([sevcenko.id]);
    expect(await q('cw.paris@x.test', 'sevcenko')).toEqual([sevcenko.id]);
    expect(await q('cw.paris@x.test', 'Ševčenko')).toEqual([sevcenko.id]);
    expect(await q('cw.paris@x.test', 'abu ali')).toEqual([hassan.id]);
    expect(await q('cw.paris@x.test', 'Мухаммед')).toEqual([hassan.id]);
    expect(await q('cw.tirana@x.test', 'beni hoxhe')).toEqual([hoxha.id]);
    expect(await q('cw.paris@x.test', 'nobody such')).toEqual([]);

    const [summary] = await searchPersons(as('cw.paris@x.test'), '?q=sevcenko');
    expect(summary).toEqual({
      id: sevcenko.id,
      reference: sevcenko.reference,
      officeCode: 'PAR',
      givenName: 'Taras',
      familyName: 'Ševčenko',
      givenNameOriginal: 'Тарас',
      familyNameOriginal: 'Шевченко',
      sex: 'male',
      birthDate: '1984-03-09',
      birthDatePrecision: 'exact',
      nationalities: ['UA'],
      caseCount: 0,
    });
    // Filters narrow the search.
    expect(idsOf(await searchPersons(as('cw.paris@x.test'), '?nationality=UA'))).toEqual([sevcenko.id]);
  });

  it('keeps a Tirana caseworker to Tirana: Paris people are neither found nor readable (404)', async () => {
    expect(await q('cw.tirana@x.test', 'hassan')).toEqual([]);
    expect(await q('cw.tirana@x.test', 'sevcenko')).toEqual([]);
    expect(idsOf(await searchPersons(as('cw.tirana@x.test'), `?officeId=${PAR}`))).toEqual([]);
    const all = await searchPersons(as('cw.tirana@x.test'), '?limit=100');
    expect(all.every((p) => p.officeCode === 'TIR')).toBe(true);
    expect(idsOf(all)).toContain(hoxha.id);

    const seq = await lastAuditSeq(t.db);
    const tirana = as('cw.tirana@x.test');
    const hidden = expectProblem(
      await tirana.inject({ method: 'GET', url: `/api/persons/${hassan.id}` }),
      404,
      'not_found',
    );
    const missing = expectProblem(
      await tirana.inject({ method: 'GET', url: `/api/persons/${randomUUID()}` }),
      404,
      'not_found',
    );
    expect(hidden.detail).toBe(missing.detail);
    expectProblem(
      await tirana.inject({
        method: 'PATCH',
        url: `/api/persons/${hassan.id}`,
        payload: { version: 1, phone: '+355 1' },
      }),
      404,
      'not_found',
    );
    expectProblem(
      await tirana.inject({
        method: 'POST',
        url: `/api/persons/${hassan.id}/consents`,
        payload: { purpose: 'assistance', recipient: 'X', givenOn: '2026-03-01' },
      }),
      404,
      'not_found',
    );
    // Registering in an office where one holds no role is refused.
    expectProblem(
      await tirana.inject({ method: 'POST', url: '/api/persons', payload: personInput(PAR) }),
      403,
      'forbidden',
    );
    await expectNoEvent(t.db, seq);
    expect((await personRow(t.db, hassan.id)).version).toBe(1);
  });

  it('refuses the registry to an administrator (no access to beneficiaries)', async () => {
    const seq = await lastAuditSeq(t.db);
    expectProblem(await as('admin@x.test').inject({ method: 'GET', url: '/api/persons' }), 403, 'forbidden');
    expectProblem(
      await as('admin@x.test').inject({ method: 'GET', url: `/api/persons/${hassan.id}` }),
      403,
      'forbidden',
    );
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['access.denied', 'access.denied']);
    expect(events[0]?.metadata).toMatchObject({ permission: 'persons.read' });
  });
});

describe('identity documents', () => {
  const NUMBER = 'AB 123-4567';
  let document: DocumentBody;

  it('adds a document: masked in answers, encrypted at rest, never in the audit log', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await as('cw.paris@x.test').inject({
      method: 'POST',
      url: `/api/persons/${sevcenko.id}/documents`,
      payload: { type: 'passport', number: NUMBER, issuingCountry: 'UA', expiryDate: '2030-01-31' },
    });
    document = expectJson<DocumentBody>(response, 201);
    expect(document).toEqual({
      id: expect.any(String),
      type: 'passport',
      number: '•••••4567',
      issuingCountry: 'UA',
      expiryDate: '2030-01-31',
      sameDocumentAs: [],
    });
    const { sameDocumentAs: _, ...shown } = document as DocumentBody & { sameDocumentAs: unknown };
    document = shown;
    const event = await expectOneEvent(t.db, seq, {
      action: 'person.document_added',
      recordType: 'person',
      recordId: sevcenko.id,
      officeId: PAR,
    });
    expect(event.changes).toEqual({
      document: { new: { id: document.id, type: 'passport', tail: '4567', issuingCountry: 'UA' } },
    });

    const [row, ...others] = await documentRows(t.db, sevcenko.id);
    expect(others).toEqual([]);
    expect(row?.numberTail).toBe('4567');
    for (const clear of [NUMBER, 'AB1234567', '1234567', '123-4567']) {
      expect(row?.numberSealed).not.toContain(clear);
      expect(row?.numberIndex).not.toContain(clear);
    }
    expect(row?.numberSealed).toMatch(/^v1:/);
    // The same number sealed twice (here on a Tirana record): another ciphertext (random IV), the same blind index.
    const again = expectJson<DocumentBody>(
      await as('cw.tirana@x.test').inject({
        method: 'POST',
        url: `/api/persons/${hoxha.id}/documents`,
        payload: { type: 'national_id', number: 'ab1234567' },
      }),
      201,
    );
    expect(again.number).toBe('•••••4567');
    const [twin] = await documentRows(t.db, hoxha.id);
    expect(twin?.numberSealed).not.toBe(row?.numberSealed);
    expect(twin?.numberIndex).toBe(row?.numberIndex);
    await expectAuditFreeOf(t.db, [NUMBER, 'AB1234567', 'ab1234567']);

    const detail = await getPerson(as('cw.paris@x.test'), sevcenko.id);
    expect(detail.documents).toEqual([document]);
    const raw = await as('cw.paris@x.test').inject({ method: 'GET', url: `/api/persons/${sevcenko.id}` });
    expect(raw.body).not.toContain('1234567');
  });

  it('finds a person by the exact document number, whatever the spacing, dashes and case', async () => {
    for (const variant of ['AB 123-4567', 'AB1234567', 'ab1234567', 'ab-123-4567', ' ab 123 45 67 ']) {
      expect(
        idsOf(await searchPersons(as('cw.paris@x.test'), `?q=${encodeURIComponent(variant)}`)),
        variant,
      ).toEqual([sevcenko.id]);
    }
    // Exact only: a part of the number or a neighbour finds nothing.
    for (const variant of ['4567', 'AB123456', 'AB12345678'])
      expect(await searchPersons(as('cw.paris@x.test'), `?q=${variant}`), variant).toEqual([]);
    // Each office finds only its own holder of the number.
    expect(idsOf(await searchPersons(as('cw.tirana@x.test'), '?q=AB1234567'))).toEqual([hoxha.id]);
  });

  it('reveals the full number on request and records person.document_revealed', async () => {
    const seq = await lastAuditSeq(t.db);
    const revealed = expectJson<{ number: string }>(
      await as('cw.paris@x.test').inject({
        method: 'GET',
        url: `/api/persons/${sevcenko.id}/documents/${document.id}/number`,
      }),
    );
    expect(revealed).toEqual({ number: NUMBER });
    const event = await expectOneEvent(t.db, seq, {
      action: 'person.document_revealed',
      recordType: 'person',
      recordId: sevcenko.id,
      officeId: PAR,
      actorUserId: userIds['cw.paris@x.test'],
    });
    expect(event.metadata).toEqual({ documentId: document.id });

    // Outside scope, or under another person: 404 and nothing recorded.
    const after = await lastAuditSeq(t.db);
    expectProblem(
      await as('cw.tirana@x.test').inject({
        method: 'GET',
        url: `/api/persons/${sevcenko.id}/documents/${document.id}/number`,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'GET',
        url: `/api/persons/${hassan.id}/documents/${document.id}/number`,
      }),
      404,
      'not_found',
    );
    await expectNoEvent(t.db, after);
  });

  it('removes a document with one person.document_removed event', async () => {
    const extra = expectJson<DocumentBody>(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/persons/${sevcenko.id}/documents`,
        payload: { type: 'laissez_passer', number: 'LP-0001' },
      }),
      201,
    );
    const seq = await lastAuditSeq(t.db);
    const response = await as('cw.paris@x.test').inject({
      method: 'DELETE',
      url: `/api/persons/${sevcenko.id}/documents/${extra.id}`,
    });
    expect(response.statusCode).toBe(204);
    await expectOneEvent(t.db, seq, {
      action: 'person.document_removed',
      recordId: sevcenko.id,
      changes: { document: { old: { id: extra.id, type: 'laissez_passer', tail: '0001' } } },
    });
    expect((await documentRows(t.db, sevcenko.id)).map((d) => d.id)).toEqual([document.id]);
  });

  it('refuses a malformed document number', async () => {
    const problem = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/persons/${sevcenko.id}/documents`,
        payload: { type: 'passport', number: "1'; --" },
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['number']);
  });
});

describe('consents', () => {
  it('adds and withdraws a consent; withdrawing twice is 409 consent_already_withdrawn', async () => {
    let seq = await lastAuditSeq(t.db);
    const consent = expectJson<ConsentBody>(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/persons/${hassan.id}/consents`,
        payload: { purpose: 'return_travel', recipient: 'Airline and escort', givenOn: '2026-03-01' },
      }),
      201,
    );
    expect(consent).toEqual({
      id: expect.any(String),
      purpose: 'return_travel',
      recipient: 'Airline and escort',
      givenBy: 'self',
      givenOn: '2026-03-01',
      withdrawnOn: null,
    });
    await expectOneEvent(t.db, seq, {
      action: 'person.consent_added',
      recordId: hassan.id,
      officeId: PAR,
      changes: { consent: { new: consent } },
    });

    // Not before it was given.
    seq = await lastAuditSeq(t.db);
    const early = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/persons/${hassan.id}/consents/${consent.id}/withdraw`,
        payload: { withdrawnOn: '2026-02-28' },
      }),
      400,
      'validation_failed',
    );
    expect(early.errors?.map((e) => e.path)).toEqual(['withdrawnOn']);
    await expectNoEvent(t.db, seq);

    const withdrawn = expectJson<ConsentBody>(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/persons/${hassan.id}/consents/${consent.id}/withdraw`,
        payload: { withdrawnOn: '2026-03-02' },
      }),
    );
    expect(withdrawn).toEqual({ ...consent, withdrawnOn: '2026-03-02' });
    await expectOneEvent(t.db, seq, {
      action: 'person.consent_withdrawn',
      recordId: hassan.id,
      changes: { [`consent.${consent.id}.withdrawnOn`]: { old: null, new: '2026-03-02' } },
    });
    expect((await consentRow(t.db, consent.id)).withdrawnOn).toBe('2026-03-02');

    seq = await lastAuditSeq(t.db);
    expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/persons/${hassan.id}/consents/${consent.id}/withdraw`,
        payload: { withdrawnOn: '2026-03-05' },
      }),
      409,
      'consent_already_withdrawn',
    );
    await expectNoEvent(t.db, seq);
    expect((await consentRow(t.db, consent.id)).withdrawnOn).toBe('2026-03-02');
    expect((await getPerson(as('cw.paris@x.test'), hassan.id)).consents).toEqual([withdrawn]);
  });
});

describe('households', () => {
  it('links a member to a principal, who becomes the principal of a new household', async () => {
    const principal = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Besnik',
      familyName: 'Gashi',
      sex: 'male',
      birthDate: '1980-01-01',
    });
    const spouse = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Drita',
      familyName: 'Gashi',
      birthDate: '1982-06-06',
    });
    const child = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Era',
      familyName: 'Gashi',
      birthDate: '2015-09-09',
    });
    const seq = await lastAuditSeq(t.db);
    const detail = expectJson<PersonDetailBody>(
      await as('cw.paris@x.test').inject({
        method: 'PUT',
        url: `/api/persons/${spouse.id}/household`,
        payload: { principalPersonId: principal.id, relationship: 'spouse' },
      }),
    );
    expect(detail.relationship).toBe('spouse');
    expect(detail.householdId).toEqual(expect.any(String));
    expect(detail.household).toEqual([
      {
        personId: principal.id,
        name: 'Besnik Gashi',
        relationship: 'principal',
        sex: 'male',
        birthDate: '1980-01-01',
      },
      {
        personId: spouse.id,
        name: 'Drita Gashi',
        relationship: 'spouse',
        sex: 'female',
        birthDate: '1982-06-06',
      },
    ]);
    // Two events: the principal starts the household, the spouse joins it.
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.recordId])).toEqual([
      ['person.household_changed', principal.id],
      ['person.household_changed', spouse.id],
    ]);
    expect(events[0]?.changes).toEqual({
      householdId: { old: null, new: detail.householdId },
      relationship: { old: null, new: 'principal' },
    });
    expect(events[1]?.changes).toEqual({
      householdId: { old: null, new: detail.householdId },
      relationship: { old: null, new: 'spouse' },
    });
    const principalRow = await personRow(t.db, principal.id);
    expect(principalRow).toMatchObject({ householdId: detail.householdId, relationship: 'principal' });
    expect((await personRow(t.db, spouse.id)).householdId).toBe(detail.householdId);

    // A second member joins the same household.
    const withChild = expectJson<PersonDetailBody>(
      await as('cw.paris@x.test').inject({
        method: 'PUT',
        url: `/api/persons/${child.id}/household`,
        payload: { principalPersonId: principal.id, relationship: 'child' },
      }),
    );
    expect(withChild.householdId).toBe(detail.householdId);
    expect(withChild.household.map((m) => [m.name, m.relationship])).toEqual([
      ['Besnik Gashi', 'principal'],
      ['Drita Gashi', 'spouse'],
      ['Era Gashi', 'child'],
    ]);
    expect((await getPerson(as('cw.paris@x.test'), principal.id)).household).toHaveLength(3);

    // Nobody is their own principal; leaving the household clears the link.
    const self = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'PUT',
        url: `/api/persons/${principal.id}/household`,
        payload: { principalPersonId: principal.id, relationship: 'other' },
      }),
      400,
      'validation_failed',
    );
    expect(self.errors?.map((e) => e.path)).toEqual(['principalPersonId']);
    const leaveSeq = await lastAuditSeq(t.db);
    const left = await as('cw.paris@x.test').inject({
      method: 'DELETE',
      url: `/api/persons/${child.id}/household`,
    });
    expect(left.statusCode).toBe(204);
    await expectOneEvent(t.db, leaveSeq, {
      action: 'person.household_changed',
      recordId: child.id,
      changes: {
        householdId: { old: detail.householdId, new: null },
        relationship: { old: 'child', new: null },
      },
    });
    expect(await personRow(t.db, child.id)).toMatchObject({ householdId: null, relationship: null });
  });

  it('does not show household members outside the reader’s scope', async () => {
    const principal = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Valon',
      familyName: 'Shala',
    });
    const relative = await registerPerson(as('cw.tirana@x.test'), TIR, {
      givenName: 'Luljeta',
      familyName: 'Shala',
    });
    // Someone working in both offices links them (refusing the link would do as well).
    await as('both@x.test').inject({
      method: 'PUT',
      url: `/api/persons/${relative.id}/household`,
      payload: { principalPersonId: principal.id, relationship: 'sibling' },
    });
    // A Paris-only caseworker cannot open the Tirana record (404), so must not read it here either.
    expectProblem(
      await as('cw.paris@x.test').inject({ method: 'GET', url: `/api/persons/${relative.id}` }),
      404,
      'not_found',
    );
    const paris = await as('cw.paris@x.test').inject({ method: 'GET', url: `/api/persons/${principal.id}` });
    expect(expectJson<PersonDetailBody>(paris).household.map((m) => m.personId)).not.toContain(relative.id);
    expect(paris.body).not.toContain('Luljeta');
    const tirana = await as('cw.tirana@x.test').inject({ method: 'GET', url: `/api/persons/${relative.id}` });
    expect(expectJson<PersonDetailBody>(tirana).household.map((m) => m.personId)).not.toContain(principal.id);
    expect(tirana.body).not.toContain('Valon');
  });

  it('does not link to a principal outside scope', async () => {
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'PUT',
        url: `/api/persons/${sevcenko.id}/household`,
        payload: { principalPersonId: hoxha.id, relationship: 'sibling' },
      }),
      404,
      'not_found',
    );
    await expectNoEvent(t.db, seq);
    expect((await personRow(t.db, sevcenko.id)).householdId).toBeNull();
    expect((await personRow(t.db, hoxha.id)).householdId).toBeNull();
  });
});

describe('editing', () => {
  it('updates with the current version, refuses a stale one with 409 version_conflict and the current record', async () => {
    const person = await registerPerson(as('cw.paris@x.test'), PAR, {
      givenName: 'Ardit',
      familyName: 'Leka',
    });
    let seq = await lastAuditSeq(t.db);
    const updated = expectJson<PersonBody>(
      await as('cw.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/persons/${person.id}`,
        payload: {
          version: 1,
          phone: '+33 6 12 34 56 78',
          familyName: 'Lekaj',
          aliases: [{ name: 'Dito', script: 'latin' }],
        },
      }),
    );
    expect(updated).toMatchObject({
      version: 2,
      phone: '+33 6 12 34 56 78',
      familyName: 'Lekaj',
      givenName: 'Ardit',
      // Fields left out of the patch keep their values.
      nationalities: ['AL'],
      birthDate: '1991-05-17',
    });
    await expectOneEvent(t.db, seq, {
      action: 'person.updated',
      recordId: person.id,
      officeId: PAR,
      changes: {
        phone: { old: null, new: '+33 6 12 34 56 78' },
        familyName: { old: 'Leka', new: 'Lekaj' },
        aliases: { old: [], new: [{ name: 'Dito', script: 'latin' }] },
      },
    });
    // The search text follows the names.
    expect((await personRow(t.db, person.id)).searchText).toBe('ardit lekaj | dito');
    expect(idsOf(await searchPersons(as('cw.paris@x.test'), '?q=dito'))).toEqual([person.id]);

    seq = await lastAuditSeq(t.db);
    const before = await personRow(t.db, person.id);
    const conflict = expectProblem(
      await as('sup.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/persons/${person.id}`,
        payload: { version: 1, phone: '+33 7 00 00 00 00' },
      }),
      409,
      'version_conflict',
    );
    expect(conflict.current).toMatchObject({ id: person.id, version: 2, phone: '+33 6 12 34 56 78' });
    expect(await personRow(t.db, person.id)).toEqual(before);
    await expectNoEvent(t.db, seq);
  });

  it('refuses unknown fields, bad country codes and bad need codes with their field paths', async () => {
    const before = await personCount(t.db);
    const seq = await lastAuditSeq(t.db);
    const session = as('cw.paris@x.test');
    const create = expectProblem(
      await session.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { 'accept-language': 'en' },
        payload: personInput(PAR, {
          nickname: 'x',
          reference: 'PAR-P999999',
          nationalities: ['AL', 'FRA'],
          countryOfOrigin: 'al',
          specificNeeds: ['SM-CI', 'XX-YY'],
          aliases: [{ name: 'A', script: 'klingon', extra: 1 }],
        }),
      }),
      400,
      'validation_failed',
    );
    expect(create.errors?.map((e) => [e.path, e.code]).sort()).toEqual(
      [
        ['aliases.0.extra', 'unknown_field'],
        ['aliases.0.script', 'invalid_value'],
        ['countryOfOrigin', 'invalid_format'],
        ['nationalities.1', 'invalid_format'],
        ['nickname', 'unknown_field'],
        ['reference', 'unknown_field'],
        ['specificNeeds.1', 'invalid_value'],
      ].sort(),
    );
    expect(create.errors?.find((e) => e.path === 'nationalities.1')?.message).toBe(
      'Use a two-letter ISO country code (FR, AL, MA...).',
    );

    const patch = expectProblem(
      await session.inject({
        method: 'PATCH',
        url: `/api/persons/${hassan.id}`,
        payload: { version: 1, officeId: TIR, searchText: 'x', specificNeeds: ['TR'] },
      }),
      400,
      'validation_failed',
    );
    expect(patch.errors?.map((e) => e.path).sort()).toEqual(['officeId', 'searchText', 'specificNeeds.0']);
    const missing = expectProblem(
      await session.inject({ method: 'PATCH', url: `/api/persons/${hassan.id}`, payload: { phone: '1' } }),
      400,
      'validation_failed',
    );
    expect(missing.errors?.map((e) => e.path)).toEqual(['version']);
    expect(await personCount(t.db)).toBe(before);
    await expectNoEvent(t.db, seq);
  });
});

describe('trafficking needs', () => {
  let victim: PersonBody;

  beforeAll(async () => {
    victim = await registerPerson(as('prot.paris@x.test'), PAR, {
      givenName: 'Elona',
      familyName: 'Marku',
      specificNeeds: ['SM-CI', 'TR-PI'],
    });
  });

  it('hides TR-* needs from a caseworker and shows them to a supervisor and a protection officer', async () => {
    const caseworker = await as('cw.paris@x.test').inject({
      method: 'GET',
      url: `/api/persons/${victim.id}`,
    });
    expect(expectJson<PersonDetailBody>(caseworker).specificNeeds).toEqual(['SM-CI']);
    expect(caseworker.body).not.toContain('TR-');
    expect((await getPerson(as('sup.paris@x.test'), victim.id)).specificNeeds).toEqual(['SM-CI', 'TR-PI']);
    expect((await getPerson(as('prot.paris@x.test'), victim.id)).specificNeeds).toEqual(['SM-CI', 'TR-PI']);
  });

  it('refuses a caseworker who writes a trafficking code, naming the field, and changes nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    const before = await personCount(t.db);
    const created = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons',
        headers: { 'accept-language': 'en' },
        payload: {
          givenName: 'Dritan',
          familyName: 'Kola',
          sex: 'male',
          officeId: PAR,
          acknowledgeMatches: true,
          specificNeeds: ['SM-CI', 'TR-PI', 'TR-RK'],
        },
      }),
      403,
      'restricted_field',
    );
    expect(created.errors).toEqual([
      { path: 'specificNeeds.1', code: 'restricted_field', message: expect.stringMatching(/trafficking/) },
      { path: 'specificNeeds.2', code: 'restricted_field', message: expect.stringMatching(/trafficking/) },
    ]);
    expect(await personCount(t.db)).toBe(before);

    const version = (await personRow(t.db, victim.id)).version;
    const patched = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/persons/${victim.id}`,
        payload: { version, specificNeeds: ['TR-RK'] },
      }),
      403,
      'restricted_field',
    );
    expect(patched.errors?.map((e) => e.path)).toEqual(['specificNeeds.0']);
    expect((await personRow(t.db, victim.id)).specificNeeds).toEqual(['SM-CI', 'TR-PI']);
    await expectNoEvent(t.db, seq);

    // Those who may read the code may record it.
    expectJson(
      await as('prot.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons',
        payload: {
          givenName: 'Dritan',
          familyName: 'Kola',
          sex: 'male',
          officeId: PAR,
          acknowledgeMatches: true,
          specificNeeds: ['TR-RK'],
        },
      }),
      201,
    );
  });

  it('keeps TR-* needs when a caseworker edits specific needs, and hides them in the answer and in conflicts', async () => {
    let seq = await lastAuditSeq(t.db);
    const edited = expectJson<PersonBody>(
      await as('cw.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/persons/${victim.id}`,
        payload: { version: 1, specificNeeds: ['SM-CI', 'DS-PM'] },
      }),
    );
    expect(edited.specificNeeds).toEqual(['SM-CI', 'DS-PM']);
    expect(edited.version).toBe(2);
    expect((await personRow(t.db, victim.id)).specificNeeds.sort()).toEqual(['DS-PM', 'SM-CI', 'TR-PI']);
    await expectOneEvent(t.db, seq, { action: 'person.updated', recordId: victim.id });

    // Clearing every need a caseworker can see still leaves the trafficking code.
    seq = await lastAuditSeq(t.db);
    const cleared = expectJson<PersonBody>(
      await as('cw.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/persons/${victim.id}`,
        payload: { version: 2, specificNeeds: [] },
      }),
    );
    expect(cleared.specificNeeds).toEqual([]);
    expect((await personRow(t.db, victim.id)).specificNeeds).toEqual(['TR-PI']);
    await expectOneEvent(t.db, seq, { action: 'person.updated', recordId: victim.id });
    expect((await getPerson(as('sup.paris@x.test'), victim.id)).specificNeeds).toEqual(['TR-PI']);

    const conflict = await as('cw.paris@x.test').inject({
      method: 'PATCH',
      url: `/api/persons/${victim.id}`,
      payload: { version: 1, phone: '+33 1' },
    });
    expect(expectProblem(conflict, 409, 'version_conflict').current).toMatchObject({
      specificNeeds: [],
      version: 3,
    });
    expect(conflict.body).not.toContain('TR-PI');

    // A supervisor may remove it.
    const removed = expectJson<PersonBody>(
      await as('sup.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/persons/${victim.id}`,
        payload: { version: 3, specificNeeds: ['SM-CI'] },
      }),
    );
    expect(removed.specificNeeds).toEqual(['SM-CI']);
    expect((await personRow(t.db, victim.id)).specificNeeds).toEqual(['SM-CI']);
  });
});
