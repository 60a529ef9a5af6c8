/**
 * Merging two person records (registry, ADR 0010) moves the merged record's resettlement records to the kept
 * one in the merge's transaction, and the undo moves them back (ADR 0018), on both databases. A person travels
 * with one household at a time: two records in the same household leave one place (refused once the household
 * is booked); a place in a withdrawn household ends; two open households are refused with a 409 naming them,
 * and nothing changes.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personMerges } from '../../src/modules/registry/tables';
import {
  clearances,
  healthAssessments,
  movementPassengers,
  orientationAttendance,
  resettlementMembers,
} from '../../src/modules/resettlement/tables';
import { expectJson, expectProblem } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';
import {
  generic,
  getHousehold,
  type HouseholdBody,
  type MovementBody,
  movementInput,
  post,
  referredHousehold,
  toExitPermits,
} from './helpers';

const USERS = ['cw@x.test', 'sup@x.test', 'med@x.test'] as const;
let t: TestApp;
let as: Awaited<ReturnType<typeof signIn<(typeof USERS)[number]>>>['as'];
let ids: { officeId: string; projectId: string };
const TODAY = '2026-03-02';

beforeAll(async () => {
  t = await createTestApp();
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('sup@x.test', [['PAR', 'supervisor']]);
  await t.user('med@x.test', [['PAR', 'medical_officer']]);
  const project = await t.project('SYR', 'PAR');
  ids = { officeId: await t.office('PAR'), projectId: project.id };
  ({ as } = await signIn(t, USERS));
});
afterAll(() => t.close());

const merge = (keepId: string, mergeId: string) =>
  as('sup@x.test').inject({ method: 'POST', url: '/api/persons/merge', payload: { keepId, mergeId } });
const undo = (mergeId: string) =>
  as('sup@x.test').inject({ method: 'POST', url: `/api/person-merges/${mergeId}/undo` });

/** Who each resettlement record of these persons hangs on, by table. */
async function recordsOf(personIds: string[]) {
  const members = await t.db
    .select({ person: resettlementMembers.personId, leftOn: resettlementMembers.leftOn })
    .from(resettlementMembers)
    .where(inArray(resettlementMembers.personId, personIds));
  const of = async (table: typeof healthAssessments | typeof clearances | typeof movementPassengers) =>
    (await t.db.select({ person: table.personId }).from(table).where(inArray(table.personId, personIds))).map(
      (r) => r.person,
    );
  const attendance = (
    await t.db
      .select({ person: orientationAttendance.personId })
      .from(orientationAttendance)
      .where(inArray(orientationAttendance.personId, personIds))
  ).map((r) => r.person);
  return {
    members,
    health: await of(healthAssessments),
    clearances: await of(clearances),
    passengers: await of(movementPassengers),
    attendance,
  };
}

const referred = async (people: Parameters<typeof referredHousehold>[4], reference: string) =>
  referredHousehold(t, as('cw@x.test'), ids.officeId, ids.projectId, people, reference);

describe('merging person records of travelling persons', () => {
  it('moves every resettlement record of the merged record to the kept one, and back on undo', async () => {
    const { household, persons } = await referred(
      [
        { given: 'Samir', birthDate: '1980-04-02', sex: 'male' },
        { given: 'Lina', birthDate: '2012-09-15' },
      ],
      'LEB-14C40001',
    );
    const lina = persons[1]?.id as string;
    // The same girl registered again elsewhere, under a spelling the matcher did not link.
    const kept = await registerPerson(as('cw@x.test'), ids.officeId, {
      givenName: 'Leena',
      familyName: 'Al-Hadad',
      birthDate: '2012-01-01',
      birthDatePrecision: 'year',
      nationalities: ['SY'],
    });
    await toExitPermits((e) => as(e as (typeof USERS)[number]), ids, household.caseId, {
      today: TODAY,
      validUntil: '2026-12-31',
    });
    let movement = expectJson<MovementBody>(
      await post(as('cw@x.test'), '/api/resettlement/movements', movementInput(ids, '2026-04-20', 5)),
      201,
    );
    const h = await getHousehold(as('cw@x.test'), household.caseId);
    movement = expectJson<MovementBody>(
      await post(as('cw@x.test'), `/api/resettlement/movements/${movement.id}/bookings`, {
        version: movement.version,
        caseId: h.caseId,
        caseVersion: h.version,
      }),
      201,
    );
    const before = await recordsOf([lina]);
    expect(before).toMatchObject({
      members: [{ person: lina, leftOn: null }],
      health: [lina],
      clearances: [lina, lina],
      passengers: [lina],
      attendance: [lina],
    });

    const { mergeId } = expectJson<{ mergeId: string }>(await merge(kept.id, lina));
    expect(await recordsOf([lina])).toEqual({
      members: [],
      health: [],
      clearances: [],
      passengers: [],
      attendance: [],
    });
    expect(await recordsOf([kept.id])).toMatchObject({
      members: [{ person: kept.id, leftOn: null }],
      health: [kept.id],
      clearances: [kept.id, kept.id],
      passengers: [kept.id],
      attendance: [kept.id],
    });
    // The household travels with the kept record, its papers and fitness with it.
    const after = await getHousehold(as('cw@x.test'), household.caseId);
    const member = after.members.find((m) => m.personId === kept.id);
    expect(member).toMatchObject({ health: { outcome: 'fit' }, attendedOrientation: true });
    expect(member?.visa?.validUntil).toBe('2026-12-31');
    expect(after.blockers).toEqual([]);
    const [record] = await t.db.select().from(personMerges).where(eq(personMerges.id, mergeId));
    expect((record?.moved as unknown as { resettlement?: string[] } | undefined)?.resettlement).toHaveLength(
      6,
    );

    expectJson(await undo(mergeId));
    expect(await recordsOf([lina])).toEqual(before);
    expect(await recordsOf([kept.id])).toEqual({
      members: [],
      health: [],
      clearances: [],
      passengers: [],
      attendance: [],
    });
  });

  it('ends the duplicate’s place when both records travel in one household, unless it is booked', async () => {
    const { household, persons } = await referred(
      [
        { given: 'Hassan', birthDate: '1975-03-03', sex: 'male' },
        { given: 'Jamil', birthDate: '1975-03-03', sex: 'male' },
        { given: 'Mariam', birthDate: '1979-09-09' },
      ],
      'LEB-14C40002',
    );
    const [hassan, jamil] = persons.map((p) => p.id) as [string, string];
    const { mergeId } = expectJson<{ mergeId: string }>(await merge(hassan, jamil));
    const h = await getHousehold(as('cw@x.test'), household.caseId);
    expect(h.members.map((m) => m.personId)).not.toContain(jamil);
    expect(h.members).toHaveLength(2);
    expect(h.formerMembers).toEqual([
      expect.objectContaining({ personId: jamil, leftOn: TODAY, leftToCaseId: null }),
    ]);
    expect(h.formerMembers[0]?.leftReason).toMatch(/^Fiche en double, fusionnée dans PAR-P/);
    // Undone: Jamil travels with the household again.
    expectJson(await undo(mergeId));
    const back = await getHousehold(as('cw@x.test'), household.caseId);
    expect(back.members.map((m) => m.personId).sort()).toEqual([hassan, jamil, persons[2]?.id].sort());
    expect(back.formerMembers).toEqual([]);

    // Booked, its passengers do not change: refused, nothing written.
    await toExitPermits((e) => as(e as (typeof USERS)[number]), ids, household.caseId, {
      today: TODAY,
      validUntil: '2026-12-31',
    });
    let movement = expectJson<MovementBody>(
      await post(as('cw@x.test'), '/api/resettlement/movements', movementInput(ids, '2026-04-22', 5)),
      201,
    );
    const now = await getHousehold(as('cw@x.test'), household.caseId);
    movement = expectJson<MovementBody>(
      await post(as('cw@x.test'), `/api/resettlement/movements/${movement.id}/bookings`, {
        version: movement.version,
        caseId: now.caseId,
        caseVersion: now.version,
      }),
      201,
    );
    const records = await recordsOf([hassan, jamil]);
    const refused = expectProblem(
      await as('sup@x.test').inject({
        method: 'POST',
        url: '/api/persons/merge',
        payload: { keepId: hassan, mergeId: jamil },
        headers: { 'accept-language': 'en' },
      }),
      409,
      'merge_resettlement_booked',
    );
    expect(refused.detail).toContain(household.caseReference);
    expect(await recordsOf([hassan, jamil])).toEqual(records);
    expect((await getHousehold(as('cw@x.test'), household.caseId)).members).toHaveLength(3);
  });

  it('refuses two records travelling with two open households (409 naming them), and changes nothing', async () => {
    const a = await referred([{ given: 'Walid', birthDate: '1969-02-02', sex: 'male' }], 'LEB-14C40003');
    const b = await referred([{ given: 'Khaled', birthDate: '1969-02-02', sex: 'male' }], 'LEB-14C40004');
    const [walid, khaled] = [a.persons[0]?.id as string, b.persons[0]?.id as string];
    const merges = (await t.db.select().from(personMerges)).length;
    const refused = expectProblem(
      await as('sup@x.test').inject({
        method: 'POST',
        url: '/api/persons/merge',
        payload: { keepId: walid, mergeId: khaled },
        headers: { 'accept-language': 'en' },
      }),
      409,
      'merge_resettlement_households',
    );
    expect(refused.detail).toContain(a.household.caseReference);
    expect(refused.detail).toContain(b.household.caseReference);
    expect((await t.db.select().from(personMerges)).length).toBe(merges);
    expect((await recordsOf([khaled])).members).toEqual([{ person: khaled, leftOn: null }]);
    // Merged? No: both records are still there.
    expectJson(await as('cw@x.test').inject({ method: 'GET', url: `/api/persons/${khaled}` }));
  });

  it('ends the place in a withdrawn household, and the kept record travels with its own', async () => {
    const gone = await referred([{ given: 'Tarek', birthDate: '1988-08-08', sex: 'male' }], 'LEB-14C40005');
    const open = await referred(
      [{ given: 'Tareq', family: 'Saleh', birthDate: '1988-08-08', sex: 'male' }],
      'LEB-14C40006',
    );
    expectJson(
      await generic(as('cw@x.test'), gone.household.caseId, 'withdrawn', { comment: 'Référé à nouveau' }),
    );
    const [tarek, tareq] = [gone.persons[0]?.id as string, open.persons[0]?.id as string];
    const { mergeId } = expectJson<{ mergeId: string }>(await merge(tareq, tarek));
    // The withdrawn household's place ended on the merge's day, and follows the kept record as a former one.
    expect(
      (await recordsOf([tareq])).members.sort((x, y) => String(x.leftOn).localeCompare(String(y.leftOn))),
    ).toEqual([
      { person: tareq, leftOn: TODAY },
      { person: tareq, leftOn: null },
    ]);
    const withdrawn: HouseholdBody = await getHousehold(as('cw@x.test'), gone.household.caseId);
    expect(withdrawn.members).toEqual([]);
    expect(withdrawn.formerMembers).toEqual([expect.objectContaining({ personId: tareq, leftOn: TODAY })]);
    expect(
      (await getHousehold(as('cw@x.test'), open.household.caseId)).members.map((m) => m.personId),
    ).toEqual([tareq]);
    expectJson(await undo(mergeId));
    expect((await recordsOf([tarek])).members).toEqual([{ person: tarek, leftOn: null }]);
    expect((await recordsOf([tareq])).members).toEqual([{ person: tareq, leftOn: null }]);
  });
});
