/**
 * Trafficking cases and confidential notes: who may open, see and write them. Out of reach, a trafficking
 * case does not exist (404, absent from lists and counts); every read of one is audited (case.viewed).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNotes, cases } from '../../src/modules/cases/tables';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, registerPerson, searchPersons, signIn } from '../registry/helpers';
import {
  type CaseDetailBody,
  type CaseSummaryBody,
  caseRow,
  getCase,
  listCases,
  openCase,
  tickingClock,
  transition,
  transitionRequest,
} from './helpers';

const USERS = [
  'cw.paris@x.test',
  'sup.paris@x.test',
  'prot.paris@x.test',
  'cw.tirana@x.test',
  'sup.tirana@x.test',
  'dpo@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let PAR: string;
const userIds = {} as Record<Email, string>;
/** A person with an identified-victim need, their trafficking case, and an ordinary case of someone else. */
let victim: PersonBody;
let other: PersonBody;
let votCase: CaseDetailBody;
let plainCase: CaseDetailBody;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  await t.office('TIR', 'origin', 'AL');
  userIds['cw.paris@x.test'] = (await t.user('cw.paris@x.test', [['PAR', 'caseworker']])).id;
  userIds['sup.paris@x.test'] = (await t.user('sup.paris@x.test', [['PAR', 'supervisor']])).id;
  userIds['prot.paris@x.test'] = (await t.user('prot.paris@x.test', [['PAR', 'protection_officer']])).id;
  userIds['cw.tirana@x.test'] = (await t.user('cw.tirana@x.test', [['TIR', 'caseworker']])).id;
  userIds['sup.tirana@x.test'] = (await t.user('sup.tirana@x.test', [['TIR', 'supervisor']])).id;
  userIds['dpo@x.test'] = (await t.user('dpo@x.test', [['PAR', 'data_protection_officer']])).id;
  as = (await signIn(t, USERS)).as;
  victim = await registerPerson(as('prot.paris@x.test'), PAR, {
    givenName: 'Elona',
    familyName: 'Marku',
    specificNeeds: ['TR-PI', 'SM-MI'],
  });
  other = await registerPerson(as('cw.paris@x.test'), PAR, { givenName: 'Genc', familyName: 'Berisha' });
  plainCase = await openCase(as('cw.paris@x.test'), { personId: other.id, officeId: PAR });
});
afterAll(() => t.close());

describe('trafficking cases', () => {
  it('refuses an avrr_vot case to a caseworker (403 naming caseType) and creates nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    const refused = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/cases',
        payload: { personId: victim.id, caseType: 'avrr_vot', officeId: PAR },
      }),
      403,
      'restricted_field',
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(['caseType']);
    expect(await t.db.select().from(cases).where(eq(cases.personId, victim.id))).toEqual([]);
    expect((await auditAfter(t.db, seq)).filter((e) => e.action === 'case.opened')).toEqual([]);
  });

  it('lets a protection officer open one: sensitive, one case.opened, no case.viewed for the answer', async () => {
    const seq = await lastAuditSeq(t.db);
    votCase = await openCase(as('prot.paris@x.test'), {
      personId: victim.id,
      officeId: PAR,
      caseType: 'avrr_vot',
    });
    expect(votCase).toMatchObject({
      caseType: 'avrr_vot',
      sensitive: true,
      status: 'intake',
      reference: 'PAR-2026-00002',
      canSeeConfidential: true,
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.opened',
      recordId: votCase.id,
      actorUserId: userIds['prot.paris@x.test'],
    });
    expect((await caseRow(t.db, votCase.id)).sensitive).toBe(true);
  });

  it('does not exist for a Paris caseworker: 404 on the case and its steps, absent from lists and counts', async () => {
    const cw = as('cw.paris@x.test');
    const seq = await lastAuditSeq(t.db);
    expectProblem(await cw.inject({ method: 'GET', url: `/api/cases/${votCase.id}` }), 404, 'not_found');
    expectProblem(
      await transitionRequest(cw, votCase.id, { version: votCase.version, to: 'counselling' }),
      404,
      'not_found',
    );
    expectProblem(
      await cw.inject({ method: 'POST', url: `/api/cases/${votCase.id}/notes`, payload: { body: 'x' } }),
      404,
      'not_found',
    );
    await expectNoEvent(t.db, seq);

    const list = await listCases(cw);
    expect(list.items.map((c) => c.id)).toEqual([plainCase.id]);
    expect(list.countsByStatus).toEqual({ intake: 1 });
    expect(list.total).toBe(1);
    expect((await listCases(cw, '?caseType=avrr_vot')).items).toEqual([]);
    expect((await listCases(cw, '?q=Marku')).items).toEqual([]);
    expect((await listCases(cw, `?q=${votCase.reference}`)).items).toEqual([]);
    const ofPerson = expectJson<{ items: CaseSummaryBody[] }>(
      await cw.inject({ method: 'GET', url: `/api/persons/${victim.id}/cases` }),
    );
    expect(ofPerson.items).toEqual([]);

    // The supervisor sees both.
    const supervisor = await listCases(as('sup.paris@x.test'));
    expect(supervisor.items.map((c) => c.id).sort()).toEqual([plainCase.id, votCase.id].sort());
    expect(supervisor.countsByStatus).toEqual({ intake: 2 });
    expect(supervisor.total).toBe(2);
  });

  it('does not disclose it through the case count of the person in a caseworker’s search', async () => {
    const [found] = await searchPersons(as('cw.paris@x.test'), '?q=marku');
    expect(found?.id).toBe(victim.id);
    // The person has no case this caseworker may see.
    expect(found?.caseCount).toBe(0);
  });

  it('does not disclose hidden trafficking needs through the `need` filter of the case list', async () => {
    // An ordinary case of the victim, which the caseworker may see (the person record is theirs too).
    const visible = await openCase(as('cw.paris@x.test'), { personId: victim.id, officeId: PAR });
    const cw = await listCases(as('cw.paris@x.test'), '?need=SM-MI');
    expect(cw.items.map((c) => c.id)).toEqual([visible.id]);
    // Who may see the need may filter by it.
    const sup = await listCases(as('sup.paris@x.test'), '?need=TR-PI');
    expect(sup.items.map((c) => c.id).sort()).toEqual([visible.id, votCase.id].sort());
    // The caseworker does not see TR-PI on the person; filtering by it must not reveal who has it
    // (a refusal, or an empty answer).
    const response = await as('cw.paris@x.test').inject({ method: 'GET', url: '/api/cases?need=TR-PI' });
    const leaked =
      response.statusCode === 200 ? response.json<{ items: { id: string }[] }>().items.map((c) => c.id) : [];
    expect(leaked).toEqual([]);
  });

  it('does not exist in Tirana, even for a supervisor there', async () => {
    for (const email of ['cw.tirana@x.test', 'sup.tirana@x.test'] as const) {
      expectProblem(
        await as(email).inject({ method: 'GET', url: `/api/cases/${votCase.id}` }),
        404,
        'not_found',
      );
      expect((await listCases(as(email))).items, email).toEqual([]);
    }
  });

  it('is visible to the Paris supervisor and the data protection officer; every read writes case.viewed', async () => {
    for (const email of [
      'sup.paris@x.test',
      'sup.paris@x.test',
      'dpo@x.test',
      'prot.paris@x.test',
    ] as const) {
      const seq = await lastAuditSeq(t.db);
      const detail = await getCase(as(email), votCase.id);
      expect(detail).toMatchObject({ id: votCase.id, sensitive: true, canSeeConfidential: true });
      await expectOneEvent(t.db, seq, {
        action: 'case.viewed',
        recordType: 'case',
        recordId: votCase.id,
        officeId: PAR,
        actorUserId: userIds[email],
        metadata: { sensitive: true },
      });
    }
    // Reading an ordinary case is not recorded.
    const seq = await lastAuditSeq(t.db);
    await getCase(as('sup.paris@x.test'), plainCase.id);
    await getCase(as('cw.paris@x.test'), plainCase.id);
    await expectNoEvent(t.db, seq);
  });

  it('lets the protection officer work the case (no case.viewed for the answer to a change)', async () => {
    const seq = await lastAuditSeq(t.db);
    const moved = await transition(as('prot.paris@x.test'), votCase, 'counselling');
    expect(moved.status).toBe('counselling');
    await expectOneEvent(t.db, seq, { action: 'case.transitioned', recordId: votCase.id });
    votCase = moved;
  });
});

describe('confidential notes', () => {
  it('refuses a confidential note to a caseworker (403 naming the field) and writes nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    const refused = expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/cases/${plainCase.id}/notes`,
        payload: { body: 'Disclosed exploitation by employer', confidential: true },
      }),
      403,
      'restricted_field',
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(['confidential']);
    await expectNoEvent(t.db, seq);
    expect(await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, plainCase.id))).toEqual([]);
  });

  it('hides a supervisor’s confidential note from the caseworker, shows it to the supervisor', async () => {
    let seq = await lastAuditSeq(t.db);
    const note = expectJson<{ id: string; body: string; confidential: boolean; authorName: string }>(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: `/api/cases/${plainCase.id}/notes`,
        payload: { body: 'Counselling session held in Albanian' },
      }),
      201,
    );
    expect(note).toMatchObject({ confidential: false, authorName: 'cw.paris' });
    const event = await expectOneEvent(t.db, seq, {
      action: 'case.note_added',
      recordId: plainCase.id,
      metadata: { noteId: note.id, confidential: false },
    });
    // The text stays in the case, not in the audit log.
    expect(JSON.stringify(event)).not.toContain('Albanian');

    seq = await lastAuditSeq(t.db);
    const secret = expectJson<{ id: string; confidential: boolean }>(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: `/api/cases/${plainCase.id}/notes`,
        payload: { body: 'Indicators of trafficking: passport withheld', confidential: true },
      }),
      201,
    );
    expect(secret.confidential).toBe(true);
    await expectOneEvent(t.db, seq, {
      action: 'case.note_added',
      metadata: { noteId: secret.id, confidential: true },
    });

    const forCaseworker = await as('cw.paris@x.test').inject({
      method: 'GET',
      url: `/api/cases/${plainCase.id}`,
    });
    const cwDetail = expectJson<CaseDetailBody>(forCaseworker);
    expect(cwDetail.canSeeConfidential).toBe(false);
    expect(cwDetail.notes.map((n) => n.id)).toEqual([note.id]);
    expect(forCaseworker.body).not.toContain('passport withheld');

    const supDetail = await getCase(as('sup.paris@x.test'), plainCase.id);
    expect(supDetail.canSeeConfidential).toBe(true);
    expect(supDetail.notes.map((n) => [n.id, n.confidential]).sort()).toEqual(
      [
        [note.id, false],
        [secret.id, true],
      ].sort(),
    );
    expect(
      await t.db
        .select()
        .from(caseNotes)
        .where(and(eq(caseNotes.caseId, plainCase.id), eq(caseNotes.confidential, true))),
    ).toHaveLength(1);
  });
});
