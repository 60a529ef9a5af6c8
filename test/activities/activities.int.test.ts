/**
 * Capacity-building activities (TACT): recording a training of Albanian authorities with its participants
 * counted by group, reading, listing, editing with optimistic concurrency, office scoping, bad input and
 * permissions.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityActivities } from '../../src/modules/activities/tables';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  type ActivityBody,
  activityInput,
  createActivity,
  listActivities,
  participantRows,
  TIRANA_PARTICIPANTS,
  tableCounts,
} from './helpers';

const USERS = [
  'pm.tirana@x.test',
  'me.tirana@x.test',
  'sup.tirana@x.test',
  'com.tirana@x.test',
  'cw.tirana@x.test',
  'pm.paris@x.test',
  'pm.both@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let TIR: string;
let PAR: string;
let TACT: string;
let CARE: string;
let training: ActivityBody;
let workshop: ActivityBody;
let parisWorkshop: ActivityBody;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  await t.office('RAB', 'origin', 'MA');
  TACT = (await t.project('TACT', 'PAR', ['TIR', 'RAB'])).id;
  CARE = (await t.project('CARE', 'PAR')).id;
  await t.user('pm.tirana@x.test', [['TIR', 'project_manager']]);
  await t.user('me.tirana@x.test', [['TIR', 'me_officer']]);
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  await t.user('com.tirana@x.test', [['TIR', 'communications']]);
  await t.user('cw.tirana@x.test', [['TIR', 'caseworker']]);
  await t.user('pm.paris@x.test', [['PAR', 'project_manager']]);
  await t.user('pm.both@x.test', [
    ['PAR', 'project_manager'],
    ['TIR', 'project_manager'],
  ]);
  as = (await signIn(t, USERS)).as;
});
afterAll(() => t.close());

describe('recording an activity', () => {
  it('records the TACT training in Tirana with 23 participants counted by group, audited field by field', async () => {
    const seq = await lastAuditSeq(t.db);
    // Given in any order: kept in one stable order.
    training = await createActivity(
      as('pm.tirana@x.test'),
      activityInput(TIR, { projectId: TACT, participants: [...TIRANA_PARTICIPANTS].reverse() }),
    );
    expect(training).toMatchObject({
      officeId: TIR,
      officeCode: 'TIR',
      projectId: TACT,
      projectCode: 'TACT',
      kind: 'training',
      startDate: '2015-10-12',
      endDate: '2015-10-14',
      place: 'Tirana',
      country: 'AL',
      participantCount: 23,
      version: 1,
    });
    expect(training.participants).toEqual(
      [...TIRANA_PARTICIPANTS].sort(
        (a, b) => a.institution.localeCompare(b.institution) || a.sex.localeCompare(b.sex),
      ),
    );
    expect(await participantRows(t.db, training.id)).toHaveLength(4);
    const event = await expectOneEvent(t.db, seq, {
      action: 'activity.created',
      officeId: TIR,
      recordType: 'activity',
      recordId: training.id,
    });
    expect(event.changes).toMatchObject({
      kind: { new: 'training' },
      title: { new: training.title },
      startDate: { new: '2015-10-12' },
      endDate: { new: '2015-10-14' },
      country: { new: 'AL' },
      projectId: { new: TACT },
      participants: { new: training.participants },
    });
  });

  it('lets an M&E officer record one too, and a one-day activity without participants yet', async () => {
    workshop = await createActivity(
      as('me.tirana@x.test'),
      activityInput(TIR, {
        kind: 'workshop',
        title: 'Labour inspection and forced labour',
        startDate: '2016-03-01',
        endDate: '2016-03-01',
        place: 'Shkodër',
        participants: undefined,
      }),
    );
    expect(workshop).toMatchObject({
      kind: 'workshop',
      projectId: null,
      participantCount: 0,
      participants: [],
    });
    parisWorkshop = await createActivity(
      as('pm.paris@x.test'),
      activityInput(PAR, {
        kind: 'study_visit',
        title: 'Study visit of Albanian judges',
        startDate: '2015-06-15',
        endDate: '2015-06-17',
        place: 'Paris',
        country: 'FR',
        projectId: TACT,
      }),
    );
  });
});

describe('reading and listing', () => {
  it('shows the activity to readers of its office, and to no one else (404, not listed)', async () => {
    for (const email of ['sup.tirana@x.test', 'com.tirana@x.test', 'me.tirana@x.test'] as const) {
      const read = expectJson<ActivityBody>(
        await as(email).inject({ method: 'GET', url: `/api/activities/${training.id}` }),
      );
      expect(read).toEqual(training);
    }
    expectProblem(
      await as('pm.paris@x.test').inject({ method: 'GET', url: `/api/activities/${training.id}` }),
      404,
      'not_found',
    );
    const paris = await listActivities(as('pm.paris@x.test'));
    expect(paris.items.map((a) => a.id)).toEqual([parisWorkshop.id]);
    expect(paris.total).toBe(1);
    expect((await listActivities(as('pm.paris@x.test'), `?officeId=${TIR}`)).items).toEqual([]);
  });

  it('lists newest first with filters and keyset pages', async () => {
    const pm = as('pm.tirana@x.test');
    const all = await listActivities(pm);
    expect(all.items.map((a) => a.id)).toEqual([workshop.id, training.id]);
    expect(all.items[1]).toMatchObject({ participantCount: 23, projectCode: 'TACT' });
    expect(all.total).toBe(2);
    expect((await listActivities(pm, '?kind=training')).items.map((a) => a.id)).toEqual([training.id]);
    expect((await listActivities(pm, `?projectId=${TACT}`)).items.map((a) => a.id)).toEqual([training.id]);
    expect((await listActivities(pm, '?country=MA')).items).toEqual([]);
    expect((await listActivities(pm, `?officeId=${TIR}&country=AL`)).total).toBe(2);
    expect((await listActivities(pm, '?from=2016-01-01')).items.map((a) => a.id)).toEqual([workshop.id]);
    expect((await listActivities(pm, '?to=2015-12-31')).items.map((a) => a.id)).toEqual([training.id]);

    const first = await listActivities(pm, '?limit=1');
    expect(first.items.map((a) => a.id)).toEqual([workshop.id]);
    expect(first.total).toBe(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listActivities(pm, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((a) => a.id)).toEqual([training.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not write and unknown filters', async () => {
    const pm = as('pm.tirana@x.test');
    const bad = expectProblem(
      await pm.inject({ method: 'GET', url: '/api/activities?cursor=bm90LWEtY3Vyc29y' }),
      400,
      'validation_failed',
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['cursor']);
    const unknown = expectProblem(
      await pm.inject({ method: 'GET', url: '/api/activities?sort=title' }),
      400,
      'validation_failed',
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'sort', code: 'unknown_field' })]);
  });
});

describe('editing', () => {
  it('replaces the participants as a whole, with a new version and only what changed in the audit', async () => {
    const seq = await lastAuditSeq(t.db);
    const participants = [
      { institution: 'Albanian State Police', country: 'AL', sex: 'male', role: 'police', count: 10 },
      {
        institution: 'Ministry of Social Welfare',
        country: 'AL',
        sex: 'female',
        role: 'social_services',
        count: 6,
      },
    ];
    const updated = expectJson<ActivityBody>(
      await as('me.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: 1, participants, place: 'Durrës' },
      }),
    );
    expect(updated).toMatchObject({
      version: 2,
      place: 'Durrës',
      participantCount: 16,
      title: training.title,
    });
    expect(updated.participants).toEqual(participants);
    expect(await participantRows(t.db, training.id)).toHaveLength(2);
    const event = await expectOneEvent(t.db, seq, {
      action: 'activity.updated',
      officeId: TIR,
      recordType: 'activity',
      recordId: training.id,
    });
    expect(event.changes).toEqual({
      place: { old: 'Tirana', new: 'Durrës' },
      participants: { old: training.participants, new: participants },
    });

    // Back to the training as it was: the 23 of Tirana.
    const restored = expectJson<ActivityBody>(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: 2, participants: TIRANA_PARTICIPANTS, place: 'Tirana' },
      }),
    );
    expect(restored).toMatchObject({ version: 3, participantCount: 23, participants: training.participants });
    training = restored;
  });

  it('keeps the participants when the edit does not name them', async () => {
    const updated = expectJson<ActivityBody>(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: training.version, topic: 'Identification of victims' },
      }),
    );
    expect(updated).toMatchObject({ version: training.version + 1, participantCount: 23 });
    expect(updated.participants).toEqual(training.participants);
    training = updated;
  });

  it('treats saving the same values as no edit: same version, no audit event', async () => {
    const seq = await lastAuditSeq(t.db);
    const same = expectJson<ActivityBody>(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: {
          version: training.version,
          place: training.place,
          participants: [...TIRANA_PARTICIPANTS].reverse(),
        },
      }),
    );
    expect(same).toEqual(training);
    await expectNoEvent(t.db, seq);
  });

  it('answers a stale version with 409 and the activity as it is now, changing nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    const conflict = expectProblem(
      await as('me.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: 1, title: 'Overwritten' },
      }),
      409,
      'version_conflict',
    );
    expect(conflict.current).toEqual(training);
    await expectNoEvent(t.db, seq);
    const [row] = await t.db.select().from(capacityActivities).where(eq(capacityActivities.id, training.id));
    expect(row).toMatchObject({ title: training.title, version: training.version });
  });

  it('refuses an end before the stored start as a field error on endDate', async () => {
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        headers: { 'accept-language': 'en' },
        payload: { version: training.version, endDate: '2015-10-01' },
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors).toEqual([
      { path: 'endDate', code: 'too_small', message: expect.stringContaining('2015-10-12') },
    ]);
    await expectNoEvent(t.db, seq);
  });

  it('refuses a project the office does not run, and does not exist for another office (404)', async () => {
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await as('pm.both@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: training.version, projectId: CARE },
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['projectId', 'not_found']]);
    expectProblem(
      await as('pm.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: training.version, title: 'Mine now' },
      }),
      404,
      'not_found',
    );
    await expectNoEvent(t.db, seq);
    const [row] = await t.db.select().from(capacityActivities).where(eq(capacityActivities.id, training.id));
    expect(row).toMatchObject({ projectId: TACT, title: training.title, version: training.version });
  });
});

describe('bad input', () => {
  const base = () => activityInput(TIR, { projectId: TACT });
  const withParticipant = (change: Record<string, unknown>) =>
    activityInput(TIR, { participants: [{ ...TIRANA_PARTICIPANTS[0], ...change }] });
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ['an end before the start', () => ({ ...base(), endDate: '2015-10-11' }), 'endDate', 'too_small'],
    ['a count of 0', () => withParticipant({ count: 0 }), 'participants.0.count', 'too_small'],
    ['a count above 10 000', () => withParticipant({ count: 10_001 }), 'participants.0.count', 'too_big'],
    [
      'an unknown role',
      () => withParticipant({ role: 'prosecutor' }),
      'participants.0.role',
      'invalid_value',
    ],
    [
      'a participant name',
      () => withParticipant({ name: 'Arben Hoxha' }),
      'participants.0.name',
      'unknown_field',
    ],
    ['an unknown field', () => ({ ...base(), budget: 1000 }), 'budget', 'unknown_field'],
    ['an unknown kind', () => ({ ...base(), kind: 'party' }), 'kind', 'invalid_value'],
    ['a country name', () => ({ ...base(), country: 'Albania' }), 'country', 'invalid_format'],
    ['an impossible date', () => ({ ...base(), startDate: '2015-02-30' }), 'startDate', 'invalid_format'],
    ['a project outside scope', () => ({ ...base(), projectId: CARE }), 'projectId', 'not_found'],
    [
      'a project that does not exist',
      () => ({ ...base(), projectId: '0190a3c4-0000-7000-8000-00000000dead' }),
      'projectId',
      'not_found',
    ],
  ];

  it.each(cases)('refuses %s: 400 with the field error, nothing saved', async (_name, body, path, code) => {
    const before = await tableCounts(t.db);
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await as('pm.tirana@x.test').inject({ method: 'POST', url: '/api/activities', payload: body() }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([[path, code]]);
    for (const error of problem.errors ?? []) expect(error.message).not.toBe('');
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await auditAfter(t.db, seq)).toEqual([]);
  });

  it('refuses a project that the actor sees but the activity’s office does not run', async () => {
    const before = await tableCounts(t.db);
    const problem = expectProblem(
      await as('pm.both@x.test').inject({
        method: 'POST',
        url: '/api/activities',
        payload: activityInput(TIR, { projectId: CARE }),
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['projectId']);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('permissions', () => {
  it('refuses writing to roles without activities.write (403) and reading to those without activities.read', async () => {
    const before = await tableCounts(t.db);
    expectProblem(
      await as('sup.tirana@x.test').inject({
        method: 'POST',
        url: '/api/activities',
        payload: activityInput(TIR),
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await as('com.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/activities/${training.id}`,
        payload: { version: training.version, title: 'x' },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await as('cw.tirana@x.test').inject({ method: 'GET', url: '/api/activities' }),
      403,
      'forbidden',
    );
    expectProblem(
      await as('cw.tirana@x.test').inject({ method: 'GET', url: `/api/activities/${training.id}` }),
      403,
      'forbidden',
    );
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses recording an activity for an office where the actor may not write (403)', async () => {
    const before = await tableCounts(t.db);
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await as('pm.tirana@x.test').inject({
        method: 'POST',
        url: '/api/activities',
        payload: activityInput(PAR),
      }),
      403,
      'forbidden',
    );
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await auditAfter(t.db, seq)).filter((e) => e.action === 'activity.created')).toEqual([]);
  });
});
