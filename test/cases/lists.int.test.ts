/**
 * Case lists (filters, counts per status, text search, keyset pagination under every sort), assignment
 * (one and many), and tasks (due dates, overdue list, completion with optimistic concurrency).
 */
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/modules/cases/tables';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';
import {
  type CaseDetailBody,
  type CaseListBody,
  type CaseSummaryBody,
  caseEventRows,
  caseRow,
  getCase,
  listCases,
  openCase,
  type TaskBody,
  taskRow,
  transition,
} from './helpers';

const USERS = [
  'cw.paris@x.test',
  'cw2.paris@x.test',
  'sup.paris@x.test',
  'pm.paris@x.test',
  'cw.tirana@x.test',
] as const;
type Email = (typeof USERS)[number];

const D1 = '2026-03-02T09:00:00.000Z';
const D2 = '2026-03-05T09:00:00.000Z';
const D3 = '2026-03-09T09:00:00.000Z';

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let refresh: () => Promise<void>;
let PAR: string;
let TIR: string;
let MAGNET: string;
const userIds = {} as Record<Email, string>;
/** Seven Paris cases and one Tirana case, by name. */
const c = {} as Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7' | 't1', CaseDetailBody>;
const nameOf = new Map<string, string>();

/** Moves the clock to another day; sessions idle for days have expired, so everyone signs in again. */
async function day(iso: string) {
  t.clock.set(new Date(iso));
  await refresh();
}

async function patchCase(detail: CaseDetailBody, fields: Record<string, unknown>): Promise<CaseDetailBody> {
  return expectJson<CaseDetailBody>(
    await as('sup.paris@x.test').inject({
      method: 'PATCH',
      url: `/api/cases/${detail.id}`,
      payload: { version: detail.version, ...fields },
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  MAGNET = (await t.project('MAGNET', 'PAR')).id;
  userIds['cw.paris@x.test'] = (await t.user('cw.paris@x.test', [['PAR', 'caseworker']])).id;
  userIds['cw2.paris@x.test'] = (await t.user('cw2.paris@x.test', [['PAR', 'caseworker']])).id;
  userIds['sup.paris@x.test'] = (await t.user('sup.paris@x.test', [['PAR', 'supervisor']])).id;
  userIds['pm.paris@x.test'] = (await t.user('pm.paris@x.test', [['PAR', 'project_manager']])).id;
  userIds['cw.tirana@x.test'] = (await t.user('cw.tirana@x.test', [['TIR', 'caseworker']])).id;
  ({ as, refresh } = await signIn(t, USERS));

  const cw = as('cw.paris@x.test');
  const krasniqi = await registerPerson(cw, PAR, {
    givenName: 'Arta',
    familyName: 'Krasniqi',
    nationalities: ['AL'],
    specificNeeds: ['SM-CI'],
  });
  const bondarenko = await registerPerson(cw, PAR, {
    givenName: 'Oleksandr',
    familyName: 'Bondarenko',
    givenNameOriginal: 'Олександр',
    familyNameOriginal: 'Бондаренко',
    sex: 'male',
    nationalities: ['UA'],
  });
  const diallo = await registerPerson(cw, PAR, {
    givenName: 'Amina',
    familyName: 'Diallo',
    nationalities: ['GN'],
    specificNeeds: ['PG-LC'],
  });
  const hoxha = await registerPerson(as('cw.tirana@x.test'), TIR, {
    givenName: 'Dritan',
    familyName: 'Hoxha',
  });

  // Day 1: three cases, created at the same instant (ties in every time sort).
  c.c1 = await openCase(cw, {
    personId: krasniqi.id,
    officeId: PAR,
    projectId: MAGNET,
    assignedTo: userIds['cw.paris@x.test'],
  });
  c.c2 = await transition(cw, await openCase(cw, { personId: bondarenko.id, officeId: PAR }), 'counselling');
  c.c3 = await openCase(cw, { personId: diallo.id, officeId: PAR, caseType: 'resettlement' });
  c.t1 = await openCase(as('cw.tirana@x.test'), { personId: hoxha.id, officeId: TIR });

  await day(D2);
  c.c4 = await openCase(as('cw.paris@x.test'), {
    personId: krasniqi.id,
    officeId: PAR,
    caseType: 'labour_reintegration',
  });
  c.c5 = await patchCase(await openCase(as('cw.paris@x.test'), { personId: diallo.id, officeId: PAR }), {
    departureDate: '2026-04-10',
  });
  c.c5 = await transition(as('cw.paris@x.test'), c.c5, 'counselling');

  await day(D3);
  c.c6 = await patchCase(await openCase(as('cw.paris@x.test'), { personId: bondarenko.id, officeId: PAR }), {
    departureDate: '2026-03-20',
  });
  c.c7 = await patchCase(
    await openCase(as('cw.paris@x.test'), {
      personId: krasniqi.id,
      officeId: PAR,
      assignedTo: userIds['cw2.paris@x.test'],
    }),
    { departureDate: '2026-03-20' },
  );
  for (const [name, detail] of Object.entries(c)) nameOf.set(detail.id, name);
});
afterAll(() => t.close());

const names = (list: { items: { id: string }[] }) => list.items.map((i) => nameOf.get(i.id) ?? i.id).sort();
const supList = (query = '') => listCases(as('sup.paris@x.test'), query);

describe('filters and counts', () => {
  it('lists the office’s cases with counts per status; Tirana sees only its own', async () => {
    const all = await supList();
    expect(names(all)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(all.countsByStatus).toEqual({ intake: 4, counselling: 2, identification: 1 });
    expect(all.total).toBe(7);
    expect(all.nextCursor).toBeNull();
    const c1 = all.items.find((i) => i.id === c.c1.id);
    expect(c1).toMatchObject({
      reference: c.c1.reference,
      personName: 'Arta Krasniqi',
      projectId: MAGNET,
      projectCode: 'MAGNET',
      officeCode: 'PAR',
      assignedTo: { id: userIds['cw.paris@x.test'], name: 'cw.paris' },
      createdAt: D1,
    });

    const tirana = await listCases(as('cw.tirana@x.test'));
    expect(names(tirana)).toEqual(['t1']);
    expect(tirana.countsByStatus).toEqual({ intake: 1 });
    // An office filter narrows the scope, it never widens it.
    expect(names(await supList(`?officeId=${TIR}`))).toEqual([]);
    expect(names(await listCases(as('cw.tirana@x.test'), `?officeId=${PAR}`))).toEqual([]);
  });

  it('filters by status (a comma list); the counts per status ignore that filter and respect the others', async () => {
    const byStatus = await supList('?status=intake,counselling');
    expect(names(byStatus)).toEqual(['c1', 'c2', 'c4', 'c5', 'c6', 'c7']);
    expect(byStatus.total).toBe(6);
    expect(byStatus.countsByStatus).toEqual({ intake: 4, counselling: 2, identification: 1 });

    const avrrIntake = await supList('?status=intake&caseType=avrr');
    expect(names(avrrIntake)).toEqual(['c1', 'c6', 'c7']);
    expect(avrrIntake.total).toBe(3);
    expect(avrrIntake.countsByStatus).toEqual({ intake: 3, counselling: 2 });

    const none = await supList('?status=closed');
    expect(none.items).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.countsByStatus).toEqual({ intake: 4, counselling: 2, identification: 1 });
  });

  it('filters by case type, project, assignee, nationality and specific need', async () => {
    expect(names(await supList('?caseType=resettlement'))).toEqual(['c3']);
    expect(names(await supList('?caseType=avrr,labour_reintegration'))).toEqual([
      'c1',
      'c2',
      'c4',
      'c5',
      'c6',
      'c7',
    ]);
    expect(names(await supList(`?projectId=${MAGNET}`))).toEqual(['c1']);
    expect(names(await listCases(as('cw.paris@x.test'), '?assignedTo=me'))).toEqual(['c1']);
    expect(names(await listCases(as('cw2.paris@x.test'), '?assignedTo=me'))).toEqual(['c7']);
    expect(names(await supList('?assignedTo=me'))).toEqual([]);
    expect(names(await supList('?assignedTo=none'))).toEqual(['c2', 'c3', 'c4', 'c5', 'c6']);
    expect(names(await supList(`?assignedTo=${userIds['cw2.paris@x.test']}`))).toEqual(['c7']);
    expect(names(await supList('?nationality=UA'))).toEqual(['c2', 'c6']);
    expect(names(await supList('?need=PG-LC'))).toEqual(['c3', 'c5']);
    expect(names(await supList('?need=SM-CI'))).toEqual(['c1', 'c4', 'c7']);
    const combined = await supList('?nationality=AL&status=intake&assignedTo=none');
    expect(names(combined)).toEqual(['c4']);
    expect(combined.countsByStatus).toEqual({ intake: 1 });
  });

  it('filters by creation and departure date ranges (inclusive days)', async () => {
    expect(names(await supList('?createdFrom=2026-03-05'))).toEqual(['c4', 'c5', 'c6', 'c7']);
    expect(names(await supList('?createdTo=2026-03-05'))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(names(await supList('?createdFrom=2026-03-03&createdTo=2026-03-08'))).toEqual(['c4', 'c5']);
    expect(names(await supList('?createdFrom=2026-03-02&createdTo=2026-03-02'))).toEqual(['c1', 'c2', 'c3']);
    expect(names(await supList('?departureFrom=2026-03-15&departureTo=2026-03-31'))).toEqual(['c6', 'c7']);
    expect(names(await supList('?departureTo=2026-03-20'))).toEqual(['c6', 'c7']);
    expect(names(await supList('?departureFrom=2026-03-21'))).toEqual(['c5']);
    expect(names(await supList('?departureFrom=2026-04-10&departureTo=2026-04-10'))).toEqual(['c5']);
  });

  it('finds cases by person name (any script) and by case reference', async () => {
    expect(names(await supList('?q=Krasniqi'))).toEqual(['c1', 'c4', 'c7']);
    expect(names(await supList('?q=arta%20krasniqi'))).toEqual(['c1', 'c4', 'c7']);
    const cyrillic = await supList(`?q=${encodeURIComponent('Бондаренко')}`);
    expect(names(cyrillic)).toEqual(['c2', 'c6']);
    // Each case says why its person was found: the family name, as recorded in Cyrillic.
    for (const found of cyrillic.items)
      expect(
        (found as unknown as { personMatch: { reasons: { code: string; part?: string }[] } }).personMatch
          .reasons,
      ).toContainEqual(expect.objectContaining({ code: 'name.same', part: 'family', b: 'Бондаренко' }));
    expect(names(await supList(`?q=${c.c3.reference}`))).toEqual(['c3']);
    const byReference = await supList(`?q=${c.c3.reference}`);
    expect(byReference.items[0]).not.toHaveProperty('personMatch');
    expect(names(await supList(`?q=${c.c3.reference.toLowerCase()}`))).toEqual(['c3']);
    expect(names(await supList('?q=nobody'))).toEqual([]);
    const diallo = await supList('?q=diallo&status=counselling');
    expect(names(diallo)).toEqual(['c5']);
    expect(diallo.countsByStatus).toEqual({ identification: 1, counselling: 1 });
    // Text search stays in scope.
    expect(names(await listCases(as('cw.tirana@x.test'), '?q=krasniqi'))).toEqual([]);
    expect(names(await listCases(as('cw.tirana@x.test'), `?q=${c.c1.reference}`))).toEqual([]);
  });

  it('refuses unknown filter values with their field path', async () => {
    for (const [query, path] of [
      ['?status=intake,teleported', 'status'],
      ['?caseType=smuggling', 'caseType'],
      ['?need=XX-YY', 'need'],
      ['?sort=random', 'sort'],
      ['?assignedTo=someone', 'assignedTo'],
      ['?limit=0', 'limit'],
      ['?createdFrom=yesterday', 'createdFrom'],
      ['?flavour=vanilla', 'flavour'],
    ]) {
      const problem = expectProblem(
        await as('sup.paris@x.test').inject({ method: 'GET', url: `/api/cases${query}` }),
        400,
        'validation_failed',
      );
      expect(
        problem.errors?.every((e) => e.path === path || e.path.startsWith(`${path}.`)),
        `${query}: ${JSON.stringify(problem.errors)}`,
      ).toBe(true);
    }
  });
});

describe('keyset pagination', () => {
  type Sort = 'updated_desc' | 'created_desc' | 'departure_asc' | 'reference_asc';
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  /** The order each sort promises: its key, then the id, in the same direction; no departure date last. */
  const expectedOrder: Record<Sort, (a: CaseSummaryBody, b: CaseSummaryBody) => number> = {
    updated_desc: (a, b) => cmp(b.updatedAt, a.updatedAt) || cmp(b.id, a.id),
    created_desc: (a, b) => cmp(b.createdAt, a.createdAt) || cmp(b.id, a.id),
    departure_asc: (a, b) =>
      a.departureDate === b.departureDate
        ? cmp(a.id, b.id)
        : a.departureDate === null
          ? 1
          : b.departureDate === null
            ? -1
            : cmp(a.departureDate, b.departureDate),
    reference_asc: (a, b) => cmp(a.reference, b.reference) || cmp(a.id, b.id),
  };

  async function walkPages(query: string, limit: number) {
    const seen: CaseSummaryBody[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const list: CaseListBody = await supList(
        `?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(list.items.length).toBeLessThanOrEqual(limit);
      seen.push(...list.items);
      totals.add(list.total);
      cursor = list.nextCursor;
      if (!cursor) break;
    }
    return { seen, totals };
  }

  it.each(['updated_desc', 'created_desc', 'departure_asc', 'reference_asc'] as const)(
    'returns every case exactly once across pages of 2, in order (%s)',
    async (sort) => {
      const single = await supList(`?sort=${sort}&limit=200`);
      expect(single.items).toHaveLength(7);
      expect(single.items.map((i) => i.id)).toEqual(
        [...single.items].sort(expectedOrder[sort]).map((i) => i.id),
      );

      const { seen, totals } = await walkPages(`sort=${sort}`, 2);
      expect(seen.map((i) => nameOf.get(i.id))).toEqual(single.items.map((i) => nameOf.get(i.id)));
      expect(new Set(seen.map((i) => i.id)).size).toBe(7);
      expect([...totals]).toEqual([7]);
    },
  );

  it('puts cases without a departure date last when sorting by departure', async () => {
    const list = await supList('?sort=departure_asc');
    expect(list.items.map((i) => i.departureDate)).toEqual([
      '2026-03-20',
      '2026-03-20',
      '2026-04-10',
      null,
      null,
      null,
      null,
    ]);
  });

  it('answers a tampered cursor with 400 or the first page, never a 500', async () => {
    const tampered = [
      ['garbage', 'x'],
      ['2026-03-02T09:00:00.000Z', 'not-a-uuid'],
      ['not a date', randomUUID()],
      [42, randomUUID()],
    ];
    const answers: string[] = [];
    for (const value of tampered) {
      const cursor = Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const sort of ['updated_desc', 'departure_asc', 'reference_asc']) {
        const response = await as('sup.paris@x.test').inject({
          method: 'GET',
          url: `/api/cases?sort=${sort}&cursor=${cursor}`,
        });
        answers.push(`${sort} ${JSON.stringify(value)} → ${response.statusCode}`);
      }
    }
    expect(answers.filter((a) => !/→ (200|400)$/.test(a))).toEqual([]);
  });

  it('pages through a filtered list one case at a time', async () => {
    const { seen, totals } = await walkPages('status=intake&sort=created_desc', 1);
    expect(seen.map((i) => nameOf.get(i.id)).sort()).toEqual(['c1', 'c4', 'c6', 'c7']);
    expect([...totals]).toEqual([4]);
  });
});

describe('assignment', () => {
  it('bulk-assigns the cases in scope and reports the others as not found, without touching them', async () => {
    const tiranaBefore = await caseRow(t.db, c.t1.id);
    const seq = await lastAuditSeq(t.db);
    const result = expectJson<{ assigned: number; notFound: string[] }>(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/cases/bulk-assign',
        payload: { caseIds: [c.c2.id, c.c3.id, c.t1.id, c.c2.id], assigneeId: userIds['cw2.paris@x.test'] },
      }),
    );
    expect(result).toEqual({ assigned: 2, notFound: [c.t1.id] });
    const rows = await t.db
      .select()
      .from(cases)
      .where(inArray(cases.id, [c.c2.id, c.c3.id]));
    expect(rows.map((r) => r.assignedTo)).toEqual([userIds['cw2.paris@x.test'], userIds['cw2.paris@x.test']]);
    expect(await caseRow(t.db, c.t1.id)).toEqual(tiranaBefore);

    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['case.assigned', 'case.assigned']);
    expect(events.map((e) => e.recordId).sort()).toEqual([c.c2.id, c.c3.id].sort());
    for (const event of events) {
      expect(event).toMatchObject({
        actorUserId: userIds['sup.paris@x.test'],
        officeId: PAR,
        changes: { assignedTo: { old: null, new: userIds['cw2.paris@x.test'] } },
        metadata: { bulk: true },
      });
    }
    const timeline = await caseEventRows(t.db, c.c3.id);
    expect(timeline.filter((e) => e.kind === 'assigned').map((e) => e.data)).toEqual([
      { assigneeId: userIds['cw2.paris@x.test'], bulk: true },
    ]);
    expect(names(await listCases(as('cw2.paris@x.test'), '?assignedTo=me'))).toEqual(['c2', 'c3', 'c7']);
  });

  it('refuses an assignee who cannot work on the office’s cases (422 assignee_not_in_office), changing nothing', async () => {
    const before = await t.db
      .select()
      .from(cases)
      .where(inArray(cases.id, [c.c4.id, c.c5.id]));
    const seq = await lastAuditSeq(t.db);
    for (const email of ['cw.tirana@x.test', 'pm.paris@x.test'] as const) {
      expectProblem(
        await as('sup.paris@x.test').inject({
          method: 'POST',
          url: '/api/cases/bulk-assign',
          payload: { caseIds: [c.c4.id, c.c5.id], assigneeId: userIds[email] },
        }),
        422,
        'assignee_not_in_office',
      );
    }
    await expectNoEvent(t.db, seq);
    expect(
      await t.db
        .select()
        .from(cases)
        .where(inArray(cases.id, [c.c4.id, c.c5.id])),
    ).toEqual(before);
  });

  it('refuses assignment to a caseworker (no cases.assign)', async () => {
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/cases/bulk-assign',
        payload: { caseIds: [c.c4.id], assigneeId: userIds['cw.paris@x.test'] },
      }),
      403,
      'forbidden',
    );
    await expectOneEvent(t.db, seq, { action: 'access.denied', actorUserId: userIds['cw.paris@x.test'] });
    expect((await caseRow(t.db, c.c4.id)).assignedTo).toBeNull();
  });

  it('assigns one case with its version, and unassigns', async () => {
    const current = await getCase(as('sup.paris@x.test'), c.c4.id);
    expect(current.canAssign).toBe(true);
    let seq = await lastAuditSeq(t.db);
    const assigned = expectJson<CaseDetailBody>(
      await as('sup.paris@x.test').inject({
        method: 'PUT',
        url: `/api/cases/${c.c4.id}/assignee`,
        payload: { version: current.version, assigneeId: userIds['cw.paris@x.test'] },
      }),
    );
    expect(assigned).toMatchObject({
      assignedTo: { id: userIds['cw.paris@x.test'], name: 'cw.paris' },
      version: current.version + 1,
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.assigned',
      recordId: c.c4.id,
      changes: { assignedTo: { old: null, new: userIds['cw.paris@x.test'] } },
    });

    seq = await lastAuditSeq(t.db);
    expectProblem(
      await as('sup.paris@x.test').inject({
        method: 'PUT',
        url: `/api/cases/${c.c4.id}/assignee`,
        payload: { version: current.version, assigneeId: null },
      }),
      409,
      'version_conflict',
    );
    await expectNoEvent(t.db, seq);
    const unassigned = expectJson<{ assigned: number; notFound: string[] }>(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/cases/bulk-assign',
        payload: { caseIds: [c.c4.id], assigneeId: null },
      }),
    );
    expect(unassigned).toEqual({ assigned: 1, notFound: [] });
    expect((await caseRow(t.db, c.c4.id)).assignedTo).toBeNull();
  });
});

describe('tasks', () => {
  let flight: TaskBody;

  it('adds tasks with due dates and assignees, one case.task_added each', async () => {
    const cw = as('cw.paris@x.test');
    const seq = await lastAuditSeq(t.db);
    flight = expectJson<TaskBody>(
      await cw.inject({
        method: 'POST',
        url: `/api/cases/${c.c1.id}/tasks`,
        payload: { title: 'Book the flight', dueDate: '2026-03-12', assigneeId: userIds['cw.paris@x.test'] },
      }),
      201,
    );
    expect(flight).toEqual({
      id: expect.any(String),
      caseId: c.c1.id,
      caseReference: c.c1.reference,
      title: 'Book the flight',
      dueDate: '2026-03-12',
      assignee: { id: userIds['cw.paris@x.test'], name: 'cw.paris' },
      done: false,
      overdue: false,
      version: 1,
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.task_added',
      recordId: c.c1.id,
      officeId: PAR,
      changes: {
        task: {
          new: {
            id: flight.id,
            title: 'Book the flight',
            dueDate: '2026-03-12',
            assigneeId: userIds['cw.paris@x.test'],
          },
        },
      },
    });
    for (const payload of [
      { title: 'Medical check', dueDate: '2026-06-01', assigneeId: userIds['cw.paris@x.test'] },
      { title: 'Call the family', assigneeId: userIds['cw.paris@x.test'] },
      { title: 'Translate the declaration', dueDate: '2026-03-10', assigneeId: userIds['cw2.paris@x.test'] },
    ]) {
      expectJson(await cw.inject({ method: 'POST', url: `/api/cases/${c.c1.id}/tasks`, payload }), 201);
    }
    const refused = await lastAuditSeq(t.db);
    expectProblem(
      await cw.inject({
        method: 'POST',
        url: `/api/cases/${c.c1.id}/tasks`,
        payload: { title: 'Elsewhere', assigneeId: userIds['cw.tirana@x.test'] },
      }),
      422,
      'assignee_not_in_office',
    );
    await expectNoEvent(t.db, refused);
    expect((await getCase(cw, c.c1.id)).tasks.map((task) => task.title)).toEqual([
      'Translate the declaration',
      'Book the flight',
      'Medical check',
      'Call the family',
    ]);
  });

  it('lists my overdue tasks once their due date has passed', async () => {
    const overdue = async (email: Email) =>
      expectJson<{ items: TaskBody[] }>(
        await as(email).inject({ method: 'GET', url: '/api/tasks?overdue=true' }),
      ).items.map((task) => task.title);
    // 9 March: nothing of mine is overdue yet.
    expect(await overdue('cw.paris@x.test')).toEqual([]);

    await day('2026-03-15T09:00:00.000Z');
    expect(await overdue('cw.paris@x.test')).toEqual(['Book the flight']);
    expect(await overdue('cw2.paris@x.test')).toEqual(['Translate the declaration']);
    const mine = expectJson<{ items: TaskBody[] }>(
      await as('cw.paris@x.test').inject({ method: 'GET', url: '/api/tasks' }),
    ).items;
    expect(mine.map((task) => [task.title, task.overdue])).toEqual([
      ['Book the flight', true],
      ['Medical check', false],
      ['Call the family', false],
    ]);
  });

  it('marks a task done with its version; a stale version is 409 version_conflict', async () => {
    const cw = as('cw.paris@x.test');
    let seq = await lastAuditSeq(t.db);
    const done = expectJson<TaskBody>(
      await cw.inject({
        method: 'PATCH',
        url: `/api/tasks/${flight.id}`,
        payload: { version: 1, done: true },
      }),
    );
    expect(done).toMatchObject({ id: flight.id, done: true, overdue: false, version: 2 });
    await expectOneEvent(t.db, seq, {
      action: 'case.task_updated',
      recordId: c.c1.id,
      metadata: { taskId: flight.id },
      changes: { doneAt: { old: null, new: '2026-03-15T09:00:00.000Z' } },
    });
    expect((await taskRow(t.db, flight.id)).doneAt?.toISOString()).toBe('2026-03-15T09:00:00.000Z');

    seq = await lastAuditSeq(t.db);
    const conflict = expectProblem(
      await cw.inject({
        method: 'PATCH',
        url: `/api/tasks/${flight.id}`,
        payload: { version: 1, title: 'Book the flight (changed)' },
      }),
      409,
      'version_conflict',
    );
    expect(conflict.current).toMatchObject({
      id: flight.id,
      version: 2,
      done: true,
      title: 'Book the flight',
    });
    await expectNoEvent(t.db, seq);
    expect((await taskRow(t.db, flight.id)).title).toBe('Book the flight');

    const list = async (query: string) =>
      expectJson<{ items: TaskBody[] }>(
        await cw.inject({ method: 'GET', url: `/api/tasks${query}` }),
      ).items.map((task) => task.title);
    expect(await list('?overdue=true')).toEqual([]);
    expect(await list('')).toEqual(['Medical check', 'Call the family']);
    expect((await list('?includeDone=true')).sort()).toEqual([
      'Book the flight',
      'Call the family',
      'Medical check',
    ]);

    // Outside scope the task does not exist.
    expectProblem(
      await as('cw.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/tasks/${flight.id}`,
        payload: { version: 2, done: false },
      }),
      404,
      'not_found',
    );
    expect((await taskRow(t.db, flight.id)).version).toBe(2);
  });
});
