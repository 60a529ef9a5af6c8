/**
 * Households on both databases: a split that would leave a minor without an adult is refused with nothing
 * written, a deliberate split and a merge, a member in two households, racing edits on one household (one
 * winner, the others 409), concurrent bookings for the last seats, another office's households (404), and a
 * household not referred yet, at identification in the pipeline and the funnel.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/modules/cases/tables';
import { resettlementMembers } from '../../src/modules/resettlement/tables';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { openCase } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';
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
let ids: { officeId: string; projectId: string };
const TODAY = '2026-03-02';

const rows = async (table: typeof cases | typeof resettlementMembers) =>
  Number((await t.db.select({ n: count() }).from(table))[0]?.n ?? 0);

beforeAll(async () => {
  t = await createTestApp();
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('sup@x.test', [['PAR', 'supervisor']]);
  await t.user('med@x.test', [['PAR', 'medical_officer']]);
  await t.user('cw.tir@x.test', [['TIR', 'caseworker']]);
  const project = await t.project('SYR', 'PAR');
  ids = { officeId: await t.office('PAR'), projectId: project.id };
  ({ as } = await signIn(t, USERS));
});
afterAll(() => t.close());

describe('splitting and merging households', () => {
  let household: HouseholdBody;

  it('refuses a split leaving a minor without an adult, and writes nothing', async () => {
    const cw = as('cw@x.test');
    ({ household } = await referredHousehold(
      t,
      cw,
      ids.officeId,
      ids.projectId,
      [
        { given: 'Khaled', birthDate: '1975-06-01', sex: 'male' },
        { given: 'Yusuf', birthDate: '1998-02-10', sex: 'male' },
        { given: 'Maya', birthDate: '2015-07-07' },
        // Born in 2008, the day unknown: counted by the last day of 2008, so still a minor.
        { given: 'Rami', birthDate: '2008-01-01', precision: 'year', sex: 'male' },
      ],
      'LEB-15C10001',
    ));
    const [, yusuf, maya, rami] = household.members.map((m) => m.personId);
    expect(household.members.map((m) => m.minor)).toEqual([false, false, true, true]);
    const before = {
      cases: await rows(cases),
      members: await rows(resettlementMembers),
      audit: await lastAuditSeq(t.db),
    };
    const alone = expectProblem(
      await post(cw, `/api/cases/${household.caseId}/resettlement/split`, {
        version: household.version,
        memberIds: [maya, rami],
        newPrincipalId: rami,
        reason: 'Confiés à une tante',
      }),
      422,
      'household_split_minor_alone',
    );
    expect(alone.errors?.map((e) => e.path).sort()).toEqual([`persons.${maya}`, `persons.${rami}`].sort());
    expectProblem(
      await post(cw, `/api/cases/${household.caseId}/resettlement/split`, {
        version: household.version,
        memberIds: [household.members[0]?.personId],
        newPrincipalId: household.members[0]?.personId,
        reason: 'x',
      }),
      422,
      'household_split_invalid',
    );
    expect({
      cases: await rows(cases),
      members: await rows(resettlementMembers),
      audit: await lastAuditSeq(t.db),
    }).toEqual(before);
    expect(yusuf).toBeDefined();
  });

  it('splits an adult son off with a reason into a household at the same stage, and merges him back', async () => {
    const cw = as('cw@x.test');
    const yusuf = household.members[1]?.personId as string;
    const before = await lastAuditSeq(t.db);
    const split = expectJson<{ household: HouseholdBody; newHousehold: HouseholdBody }>(
      await post(cw, `/api/cases/${household.caseId}/resettlement/split`, {
        version: household.version,
        memberIds: [yusuf],
        newPrincipalId: yusuf,
        reason: 'Marié, voyagera avec sa femme',
      }),
      201,
    );
    expect(split.household.members).toHaveLength(3);
    expect(split.household.formerMembers).toEqual([
      expect.objectContaining({
        personId: yusuf,
        leftReason: 'Marié, voyagera avec sa femme',
        leftToCaseId: split.newHousehold.caseId,
      }),
    ]);
    expect(split.newHousehold).toMatchObject({ status: 'verification', referral: { agency: 'UNHCR' } });
    expect(split.newHousehold.members.map((m) => m.personId)).toEqual([yusuf]);
    expect(split.newHousehold.milestones.verificationOn).toBe(TODAY);
    expect((await auditAfter(t.db, before)).map((e) => e.action)).toEqual([
      'case.opened',
      'resettlement.household_split',
    ]);
    // A stale version loses.
    expectProblem(
      await post(cw, `/api/cases/${household.caseId}/resettlement/split`, {
        version: household.version,
        memberIds: [yusuf],
        newPrincipalId: yusuf,
        reason: 'x',
      }),
      409,
      'version_conflict',
    );
    const merged = expectJson<HouseholdBody>(
      await post(cw, `/api/cases/${household.caseId}/resettlement/merge`, {
        version: split.household.version,
        otherCaseId: split.newHousehold.caseId,
        otherVersion: split.newHousehold.version,
        reason: 'Partira finalement avec ses parents',
      }),
    );
    expect(merged.members).toHaveLength(4);
    const other = await getHousehold(cw, split.newHousehold.caseId);
    expect(other.status).toBe('closed');
    expect(other.members).toEqual([]);
    const [closed] = await t.db.select().from(cases).where(eq(cases.id, other.caseId));
    expect(closed?.closureReason).toBe('merged');
    household = merged;
  });

  it('refuses a person already travelling with another household', async () => {
    const cw = as('cw@x.test');
    const h = await getHousehold(cw, household.caseId);
    expectProblem(
      await post(cw, `/api/cases/${h.caseId}/resettlement/members`, {
        version: h.version,
        personId: h.members[2]?.personId,
        relationship: 'child',
        reason: 'Déjà membre',
      }),
      409,
      'household_member_elsewhere',
    );
  });

  it('lets one of several racing edits of a household win; the others get 409 with the household now', async () => {
    const cw = as('cw@x.test');
    const h = await getHousehold(cw, household.caseId);
    const RACERS = 6;
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        post(cw, `/api/cases/${h.caseId}/resettlement/members`, {
          version: h.version,
          personId: h.members[0]?.personId,
          relationship: 'other',
          reason: `racer ${i}`,
        }),
      ),
    );
    // Adding someone who already travels with the household is refused (409), whatever the order.
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.every((c) => c === 409)).toBe(true);
    const splits = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        post(cw, `/api/cases/${h.caseId}/resettlement/split`, {
          version: h.version,
          memberIds: [h.members[1]?.personId],
          newPrincipalId: h.members[1]?.personId,
          reason: `racer ${i}`,
        }),
      ),
    );
    expect(splits.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const lost of splits.filter((a) => a.statusCode !== 201)) {
      const body = expectProblem(lost, 409, 'version_conflict');
      expect(body.current).toMatchObject({ id: h.caseId, version: h.version + 1 });
    }
  });

  it('hides another office’s households (404)', async () => {
    const tir = as('cw.tir@x.test');
    expectProblem(
      await tir.inject({ method: 'GET', url: `/api/cases/${household.caseId}/resettlement` }),
      404,
      'not_found',
    );
    expectProblem(
      await post(tir, `/api/cases/${household.caseId}/resettlement/merge`, {
        version: 1,
        otherCaseId: household.caseId,
        otherVersion: 1,
        reason: 'x',
      }),
      404,
      'not_found',
    );
  });
});

describe('concurrent bookings for the last seats', () => {
  it('lets exactly one of two households take the last seats', async () => {
    const cw = as('cw@x.test');
    const households: HouseholdBody[] = [];
    for (const [i, name] of ['Hana', 'Walid'].entries()) {
      const { household } = await referredHousehold(
        t,
        cw,
        ids.officeId,
        ids.projectId,
        [{ given: name, birthDate: '1985-03-03' }],
        `LEB-15C2000${i}`,
      );
      households.push(
        await toExitPermits((e) => as(e as (typeof USERS)[number]), ids, household.caseId, {
          today: TODAY,
          validUntil: '2026-12-31',
        }),
      );
    }
    const m = expectJson<MovementBody>(
      await post(cw, '/api/resettlement/movements', movementInput(ids, '2026-06-01', 1)),
      201,
    );
    const answers = await Promise.all(
      households.map((h) =>
        post(cw, `/api/resettlement/movements/${m.id}/bookings`, {
          version: m.version,
          caseId: h.caseId,
          caseVersion: h.version,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const after = expectJson<MovementBody>(
      await cw.inject({ method: 'GET', url: `/api/resettlement/movements/${m.id}` }),
    );
    expect(after.seatsUsed).toBe(1);
    expect(after.bookings).toHaveLength(1);
    // The loser, trying again on the new version, finds no seat left.
    const loser = households.find((h) => h.caseId !== after.bookings[0]?.caseId) as HouseholdBody;
    expectProblem(
      await post(cw, `/api/resettlement/movements/${m.id}/bookings`, {
        version: after.version,
        caseId: loser.caseId,
        caseVersion: loser.version,
      }),
      409,
      'movement_over_capacity',
    );
    expect((await getHousehold(cw, loser.caseId)).status).toBe('exit_permits');
  });
});

describe('a household whose referral is not recorded yet', () => {
  it('stands at identification in the pipeline and the funnel, as its principal', async () => {
    const cw = as('cw@x.test');
    const person = await registerPerson(cw, ids.officeId, {
      givenName: 'Hiba',
      familyName: 'Sabbagh',
      sex: 'female',
      birthDate: '1988-03-14',
      birthDatePrecision: 'exact',
      nationalities: ['SY'],
      languages: ['ar'],
    });
    const opened = await openCase(cw, {
      personId: person.id,
      officeId: ids.officeId,
      caseType: 'resettlement',
      projectId: ids.projectId,
    });
    const pipeline = expectJson<{ items: { caseId: string; status: string; members: number }[] }>(
      await cw.inject({ method: 'GET', url: `/api/resettlement/pipeline?projectId=${ids.projectId}` }),
    );
    expect(pipeline.items.find((i) => i.caseId === opened.id)).toMatchObject({
      status: 'identification',
      members: 1,
    });
    const funnel = expectJson<{
      current: { stage: string; households: number; persons: number }[];
      stages: { stage: string; reached: number }[];
    }>(await cw.inject({ method: 'GET', url: `/api/resettlement/funnel?projectId=${ids.projectId}` }));
    expect(funnel.current).toContainEqual({ stage: 'identification', households: 1, persons: 1 });
    // Every household of the project reached identification, referred or not.
    const households = funnel.current.reduce((n, s) => n + s.households, 0);
    expect(funnel.stages.find((s) => s.stage === 'identification')?.reached).toBe(households);
  });
});
