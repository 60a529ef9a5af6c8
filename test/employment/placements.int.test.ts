/**
 * Placements: refused into a closed or full opening with nothing saved; the person and case must be
 * within reach; outcomes; "still employed?" follow-ups at 3 and 6 months, only from their due date and
 * once each; lists with the state of follow-ups; the counts for project indicators.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placementIndicators } from '../../src/modules/employment';
import { placementFollowUps } from '../../src/modules/employment/tables';
import { expectJson, expectNoEvent, expectOneEvent, expectProblem, lastAuditSeq } from '../api/helpers';
import { openCase } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, registerPerson, signIn } from '../registry/helpers';
import {
  createEmployer,
  createOpening,
  followUpCount,
  followUpRequest,
  type OpeningBody,
  type PlacementBody,
  place,
  placementCount,
  placementRequest,
  updateOpening,
} from './helpers';

const USERS = ['cw.erbil@x.test', 'me.erbil@x.test', 'cw.berlin@x.test'] as const;
type Email = (typeof USERS)[number];
const DAY = 86_400_000;

let t: TestApp;
let sessions: Awaited<ReturnType<typeof signIn<Email>>>;
const as = (email: Email) => sessions.as(email);
let EBL: string;
let BER: string;
let projectId: string;
const userIds = {} as Record<Email, string>;
let karwan: PersonBody;
let dilshad: PersonBody;
let shilan: PersonBody;
let hemin: PersonBody;
let azad: PersonBody;
let karwanCaseId: string;
let shilanCaseId: string;
let closed: OpeningBody;
let single: OpeningBody;
let team: OpeningBody;
const placed = {} as Record<'karwan' | 'dilshad' | 'shilan' | 'hemin', PlacementBody>;

const patchPlacement = (
  p: { id: string; version: number },
  body: Record<string, unknown>,
  email: Email = 'cw.erbil@x.test',
) =>
  as(email).inject({
    method: 'PATCH',
    url: `/api/employment/placements/${p.id}`,
    payload: { version: p.version, ...body },
  });
const listPlacements = async (query: string, email: Email = 'cw.erbil@x.test') =>
  expectJson<{ items: PlacementBody[] }>(
    await as(email).inject({ method: 'GET', url: `/api/employment/placements${query}` }),
  ).items;

beforeAll(async () => {
  t = await createTestApp();
  EBL = await t.office('EBL', 'origin', 'IQ');
  BER = await t.office('BER', 'host', 'DE');
  projectId = (await t.project('MAGNET2', 'EBL')).id;
  userIds['cw.erbil@x.test'] = (await t.user('cw.erbil@x.test', [['EBL', 'caseworker']])).id;
  userIds['me.erbil@x.test'] = (await t.user('me.erbil@x.test', [['EBL', 'me_officer']])).id;
  userIds['cw.berlin@x.test'] = (await t.user('cw.berlin@x.test', [['BER', 'caseworker']])).id;
  sessions = await signIn(t, USERS);
  const cw = as('cw.erbil@x.test');
  const iraqi = { nationalities: ['IQ'], languages: ['ku'], countryOfOrigin: 'IQ' };
  karwan = await registerPerson(cw, EBL, { ...iraqi, givenName: 'Karwan', familyName: 'Aziz', sex: 'male' });
  dilshad = await registerPerson(cw, EBL, {
    ...iraqi,
    givenName: 'Dilshad',
    familyName: 'Barzani',
    sex: 'male',
  });
  shilan = await registerPerson(cw, EBL, {
    ...iraqi,
    givenName: 'Shilan',
    familyName: 'Hassan',
    sex: 'female',
  });
  hemin = await registerPerson(cw, EBL, { ...iraqi, givenName: 'Hemin', familyName: 'Salih', sex: 'male' });
  azad = await registerPerson(as('cw.berlin@x.test'), BER, {
    ...iraqi,
    givenName: 'Azad',
    familyName: 'Kurdi',
  });
  karwanCaseId = (await openCase(cw, { personId: karwan.id, officeId: EBL, projectId })).id;
  shilanCaseId = (await openCase(cw, { personId: shilan.id, officeId: EBL, projectId })).id;

  const employer = await createEmployer(cw, EBL);
  closed = await createOpening(cw, employer.id, { title: 'Welder, bridge', posts: 3 });
  closed = await updateOpening(cw, closed, { status: 'closed' });
  single = await createOpening(cw, employer.id, { title: 'Site foreman', posts: 1 });
  team = await createOpening(cw, employer.id, { title: 'Welder, tower', posts: 5 });
});
afterAll(() => t.close());

describe('recording a placement', () => {
  it('refuses a closed opening with 409 opening_closed, saving nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await placementRequest(as('cw.erbil@x.test'), {
        personId: karwan.id,
        openingId: closed.id,
        startDate: '2026-03-02',
      }),
      409,
      'opening_closed',
    );
    expect(problem.detail).toBe('Cette offre d’emploi est close.');
    expect(await placementCount(t.db, closed.id)).toBe(0);
    await expectNoEvent(t.db, seq);
  });

  it('records one into an open opening, with its case and one audit event', async () => {
    const seq = await lastAuditSeq(t.db);
    placed.karwan = await place(as('cw.erbil@x.test'), {
      personId: karwan.id,
      openingId: single.id,
      caseId: karwanCaseId,
    });
    expect(placed.karwan).toMatchObject({
      personId: karwan.id,
      personName: 'Karwan Aziz',
      caseId: karwanCaseId,
      opening: { id: single.id, title: 'Site foreman', location: 'Erbil' },
      employer: { name: 'Hawler Steel' },
      officeId: EBL,
      startDate: '2026-03-02',
      outcome: 'employed',
      endedOn: null,
      recordedByName: 'cw.erbil',
      version: 1,
      followUps: [
        { month: 3, dueDate: '2026-06-02', status: 'upcoming', stillEmployed: null },
        { month: 6, dueDate: '2026-09-02', status: 'upcoming', stillEmployed: null },
      ],
    });
    await expectOneEvent(t.db, seq, {
      action: 'placement.recorded',
      officeId: EBL,
      recordType: 'placement',
      recordId: placed.karwan.id,
      actorUserId: userIds['cw.erbil@x.test'],
    });
  });

  it('refuses a full opening with 409 opening_full, saving nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await placementRequest(as('cw.erbil@x.test'), {
        personId: dilshad.id,
        openingId: single.id,
        startDate: '2026-03-02',
      }),
      409,
      'opening_full',
    );
    expect(await placementCount(t.db, single.id)).toBe(1);
    await expectNoEvent(t.db, seq);
  });

  it('wants a person and a case within reach, the case being the person’s, and an opening in scope', async () => {
    const cw = as('cw.erbil@x.test');
    const seq = await lastAuditSeq(t.db);
    const before = await placementCount(t.db);
    const berlinPerson = expectProblem(
      await placementRequest(cw, { personId: azad.id, openingId: team.id, startDate: '2026-03-02' }),
      400,
      'validation_failed',
    );
    expect(berlinPerson.errors).toEqual([{ path: 'personId', code: 'not_found', message: 'Introuvable.' }]);
    const otherCase = expectProblem(
      await placementRequest(cw, {
        personId: dilshad.id,
        openingId: team.id,
        startDate: '2026-03-02',
        caseId: karwanCaseId,
      }),
      400,
      'validation_failed',
    );
    expect(otherCase.errors?.map((e) => e.path)).toEqual(['caseId']);
    // Another office's opening does not exist for Berlin.
    expectProblem(
      await placementRequest(as('cw.berlin@x.test'), {
        personId: azad.id,
        openingId: team.id,
        startDate: '2026-03-02',
      }),
      404,
      'not_found',
    );
    expect(await placementCount(t.db)).toBe(before);
    await expectNoEvent(t.db, seq);
  });
});

describe('outcomes', () => {
  it('wants an end date, on or after the start, for an ended placement', async () => {
    const missing = expectProblem(
      await patchPlacement(placed.karwan, { outcome: 'ended' }),
      400,
      'validation_failed',
    );
    expect(missing.errors).toEqual([{ path: 'endedOn', code: 'invalid_type', message: 'Obligatoire.' }]);
    const early = expectProblem(
      await patchPlacement(placed.karwan, { outcome: 'ended', endedOn: '2026-03-01' }),
      400,
      'validation_failed',
    );
    expect(early.errors?.map((e) => [e.path, e.code])).toEqual([['endedOn', 'too_small']]);
    const stray = expectProblem(
      await patchPlacement(placed.karwan, { endedOn: '2026-04-01' }),
      400,
      'validation_failed',
    );
    expect(stray.errors?.map((e) => e.path)).toEqual(['endedOn']);
  });

  it('frees the post of a placement that did not start; taking it back needs a free post', async () => {
    const seq = await lastAuditSeq(t.db);
    placed.karwan = expectJson<PlacementBody>(
      await patchPlacement(placed.karwan, { outcome: 'did_not_start' }),
    );
    expect(placed.karwan).toMatchObject({ outcome: 'did_not_start', version: 2 });
    expect(placed.karwan.followUps.map((f) => f.status)).toEqual(['not_applicable', 'not_applicable']);
    const event = await expectOneEvent(t.db, seq, {
      action: 'placement.updated',
      recordId: placed.karwan.id,
    });
    expect(event.changes).toEqual({ outcome: { old: 'employed', new: 'did_not_start' } });

    placed.dilshad = await place(as('cw.erbil@x.test'), { personId: dilshad.id, openingId: single.id });
    expectProblem(await patchPlacement(placed.karwan, { outcome: 'employed' }), 409, 'opening_full');
    const stale = expectProblem(
      await patchPlacement({ ...placed.karwan, version: 1 }, { outcome: 'employed' }),
      409,
      'version_conflict',
    );
    expect(stale.current).toMatchObject({ id: placed.karwan.id, outcome: 'did_not_start', version: 2 });
  });
});

describe('follow-ups', () => {
  it('refuses a follow-up before its due date with 422 follow_up_not_due, saving nothing', async () => {
    const cw = as('cw.erbil@x.test');
    placed.shilan = await place(cw, { personId: shilan.id, openingId: team.id, caseId: shilanCaseId });
    placed.hemin = await place(cw, { personId: hemin.id, openingId: team.id });
    const seq = await lastAuditSeq(t.db);
    const early = expectProblem(
      await followUpRequest(cw, placed.shilan.id, { month: 3, stillEmployed: true }),
      422,
      'follow_up_not_due',
    );
    expect(early.detail).toBe('Le suivi à 3 mois est possible à partir du 2 juin 2026.');
    const en = expectProblem(
      await cw.inject({
        method: 'POST',
        url: `/api/employment/placements/${placed.shilan.id}/follow-ups`,
        payload: { month: 6, stillEmployed: true },
        headers: { 'accept-language': 'en' },
      }),
      422,
      'follow_up_not_due',
    );
    expect(en.detail).toBe('The 6-month follow-up is due from 2 September 2026.');
    expect(await followUpCount(t.db, placed.shilan.id)).toBe(0);
    await expectNoEvent(t.db, seq);
    expect(await listPlacements('?followUp=due')).toEqual([]);
  });

  it('records the 3-month follow-up once it is due, once only', async () => {
    t.clock.advance(92 * DAY); // 2026-06-02
    await sessions.refresh();
    const cw = as('cw.erbil@x.test');
    expect((await listPlacements('?followUp=due')).map((p) => p.personName).sort()).toEqual([
      'Dilshad Barzani',
      'Hemin Salih',
      'Shilan Hassan',
    ]);
    // A check dated in the future, or before the due date, is refused.
    const future = expectProblem(
      await followUpRequest(cw, placed.shilan.id, { month: 3, stillEmployed: true, checkedOn: '2026-06-03' }),
      400,
      'validation_failed',
    );
    expect(future.errors?.map((e) => [e.path, e.code])).toEqual([['checkedOn', 'too_big']]);
    expectProblem(
      await followUpRequest(cw, placed.shilan.id, { month: 3, stillEmployed: true, checkedOn: '2026-06-01' }),
      422,
      'follow_up_not_due',
    );

    const seq = await lastAuditSeq(t.db);
    const after = expectJson<PlacementBody>(
      await followUpRequest(cw, placed.shilan.id, {
        month: 3,
        stillEmployed: true,
        note: 'Foreman is happy',
      }),
      201,
    );
    expect(after.followUps).toEqual([
      {
        month: 3,
        dueDate: '2026-06-02',
        status: 'done',
        stillEmployed: true,
        checkedOn: '2026-06-02',
        note: 'Foreman is happy',
        recordedByName: 'cw.erbil',
      },
      {
        month: 6,
        dueDate: '2026-09-02',
        status: 'upcoming',
        stillEmployed: null,
        checkedOn: null,
        note: null,
        recordedByName: null,
      },
    ]);
    const event = await expectOneEvent(t.db, seq, {
      action: 'placement.follow_up_recorded',
      recordType: 'placement',
      recordId: placed.shilan.id,
      officeId: EBL,
    });
    expect(event.metadata).toEqual({ month: 3, note: true });
    expect(JSON.stringify(event)).not.toContain('Foreman is happy');

    expectProblem(
      await followUpRequest(cw, placed.shilan.id, { month: 3, stillEmployed: false }),
      409,
      'follow_up_not_applicable',
    );
    const rows = await t.db
      .select()
      .from(placementFollowUps)
      .where(eq(placementFollowUps.placementId, placed.shilan.id));
    expect(rows.map((r) => [r.month, r.stillEmployed])).toEqual([[3, true]]);
    expectProblem(
      await followUpRequest(cw, placed.shilan.id, { month: 6, stillEmployed: true }),
      422,
      'follow_up_not_due',
    );
    // Nothing to ask of a placement that did not start.
    expectProblem(
      await followUpRequest(cw, placed.karwan.id, { month: 3, stillEmployed: false }),
      409,
      'follow_up_not_applicable',
    );
    expect(await followUpCount(t.db, placed.karwan.id)).toBe(0);
  });

  it('shows due, overdue, done and not applicable follow-ups per opening and per person', async () => {
    const cw = as('cw.erbil@x.test');
    expectJson(await followUpRequest(cw, placed.hemin.id, { month: 3, stillEmployed: false }), 201);
    placed.hemin = expectJson<PlacementBody>(
      await patchPlacement(placed.hemin, { outcome: 'ended', endedOn: '2026-05-20' }),
    );
    t.clock.advance(92 * DAY); // 2026-09-02
    await sessions.refresh();
    expectJson(
      await followUpRequest(as('cw.erbil@x.test'), placed.shilan.id, { month: 6, stillEmployed: true }),
      201,
    );

    const statuses = (items: PlacementBody[]) =>
      Object.fromEntries(items.map((p) => [p.personName, p.followUps.map((f) => f.status).join('/')]));
    expect(statuses(await listPlacements(`?openingId=${team.id}`))).toEqual({
      'Shilan Hassan': 'done/done',
      'Hemin Salih': 'done/not_applicable',
    });
    expect(statuses(await listPlacements(`?openingId=${single.id}`))).toEqual({
      'Karwan Aziz': 'not_applicable/not_applicable',
      'Dilshad Barzani': 'overdue/due',
    });
    expect((await listPlacements('?followUp=overdue')).map((p) => p.id)).toEqual([placed.dilshad.id]);
    expect((await listPlacements('?followUp=due')).map((p) => p.id)).toEqual([placed.dilshad.id]);
    expect((await listPlacements(`?personId=${karwan.id}`)).map((p) => p.id)).toEqual([placed.karwan.id]);
  });

  it('shows placements to employment readers without naming people they may not see; not to other offices', async () => {
    const items = await listPlacements(`?openingId=${team.id}`, 'me.erbil@x.test');
    expect(items).toHaveLength(2);
    expect(items.map((p) => p.personName)).toEqual([null, null]);
    expectProblem(
      await patchPlacement(placed.shilan, { outcome: 'ended', endedOn: '2026-09-01' }, 'me.erbil@x.test'),
      403,
      'forbidden',
    );
    expect(await listPlacements('', 'cw.berlin@x.test')).toEqual([]);
    expectProblem(
      await as('cw.berlin@x.test').inject({
        method: 'GET',
        url: `/api/employment/placements/${placed.shilan.id}`,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await followUpRequest(as('cw.berlin@x.test'), placed.dilshad.id, { month: 3, stillEmployed: true }),
      404,
      'not_found',
    );
  });
});

describe('placementIndicators', () => {
  const bySex = (female: number, male: number) => ({
    total: female + male,
    female,
    male,
    other: 0,
    unknown: 0,
  });

  it('counts started placements, persons and those still employed at 3 and 6 months, by sex', async () => {
    // Started: Dilshad (employed), Shilan (employed, yes at 3 and 6), Hemin (ended, no at 3); Karwan did not start.
    const all = await placementIndicators(t.db, 'all');
    expect(all).toEqual({
      placements: bySex(1, 2),
      persons: bySex(1, 2),
      stillEmployed3Months: bySex(1, 0),
      stillEmployed6Months: bySex(1, 0),
      didNotStart: 1,
    });
    expect(await placementIndicators(t.db, [EBL], { officeIds: [EBL] })).toEqual(all);
    expect(await placementIndicators(t.db, [EBL], { from: '2026-03-02', to: '2026-03-02' })).toEqual(all);
  });

  it('counts for a project through the placements’ cases, in scope and period only', async () => {
    expect(await placementIndicators(t.db, 'all', { projectId })).toEqual({
      placements: bySex(1, 0),
      persons: bySex(1, 0),
      stillEmployed3Months: bySex(1, 0),
      stillEmployed6Months: bySex(1, 0),
      didNotStart: 1,
    });
    const none = {
      placements: bySex(0, 0),
      persons: bySex(0, 0),
      stillEmployed3Months: bySex(0, 0),
      stillEmployed6Months: bySex(0, 0),
      didNotStart: 0,
    };
    expect(await placementIndicators(t.db, [BER])).toEqual(none);
    expect(await placementIndicators(t.db, [])).toEqual(none);
    expect(await placementIndicators(t.db, 'all', { officeIds: [BER] })).toEqual(none);
    expect(await placementIndicators(t.db, 'all', { from: '2026-03-03' })).toEqual(none);
    expect(await placementIndicators(t.db, 'all', { to: '2026-03-01' })).toEqual(none);
  });
});
