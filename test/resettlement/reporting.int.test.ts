/**
 * Resettlement feeds donor reporting (issue 13, ADR 0018), on both databases: households walked through the
 * API from referral to arrival (a member split off before submission, a household not boarding), then the
 * persons submitted, accepted, departed and arrived per quarter, by sex, age band at the event, specific
 * needs and office, for readers of the whole project and of one office, suppressed when shared; and the
 * figures read from the reporting facts equal those of the definitions' live queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, findDefinition } from '../../src/modules/reporting/catalogue';
import { refreshFacts } from '../../src/modules/reporting/facts-repository';
import { computeFigure } from '../../src/modules/reporting/figures-repository';
import type { OfficeScope } from '../../src/platform/actor';
import { expectJson } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import { addPeriod, buildFramework, getReport, indicatorOf, seriesOf, tableOf } from '../reporting/helpers';
import {
  getHousehold,
  type HouseholdBody,
  type MovementBody,
  movementInput,
  post,
  referredHousehold,
  toExitPermits,
} from './helpers';

const USERS = [
  'cw@x.test',
  'sup@x.test',
  'med@x.test',
  'pm@x.test',
  'reader.par@x.test',
  'reader.bey@x.test',
] as const;
let t: TestApp;
let as: Awaited<ReturnType<typeof signIn<(typeof USERS)[number]>>>['as'];
let refresh: () => Promise<void>;
let project: string;
const office: Record<'PAR' | 'BEY', string> = { PAR: '', BEY: '' };
const TODAY = '2026-03-02';
const Q1 = { label: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' };
const Q2 = { label: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' };
const periods: Record<string, string> = {};

async function at(iso: string) {
  t.clock.set(new Date(iso));
  await refresh();
}

const RESETTLEMENT = [
  'persons_resettlement_submitted',
  'persons_resettlement_accepted',
  'persons_resettlement_departed',
  'persons_resettled',
] as const;

beforeAll(async () => {
  t = await createTestApp();
  // Households are processed in Paris and in Beirut; the project is run by both offices.
  for (const email of ['cw@x.test', 'sup@x.test', 'med@x.test'] as const)
    await t.user(email, [
      [
        'PAR',
        email.startsWith('cw') ? 'caseworker' : email.startsWith('sup') ? 'supervisor' : 'medical_officer',
      ],
      [
        'BEY',
        email.startsWith('cw') ? 'caseworker' : email.startsWith('sup') ? 'supervisor' : 'medical_officer',
      ],
    ]);
  await t.user('pm@x.test', [
    ['PAR', 'project_manager'],
    ['BEY', 'project_manager'],
  ]);
  await t.user('reader.par@x.test', [['PAR', 'supervisor']]);
  await t.user('reader.bey@x.test', [['BEY', 'supervisor']]);
  office.PAR = await t.office('PAR');
  office.BEY = await t.office('BEY', 'origin', 'LB');
  project = (await t.project('SYR', 'PAR', ['BEY'])).id;
  ({ as, refresh } = await signIn(t, USERS));
});
afterAll(() => t.close());

describe('resettlement in donor reports', () => {
  const households: Record<'A' | 'B' | 'C', HouseholdBody> = {} as never;
  const person: Record<string, string> = {};

  it('walks three households from referral to arrival, one member split off, one household not boarding', async () => {
    const cw = as('cw@x.test');
    const sup = as('sup@x.test');
    const refer = async (officeId: string, people: Parameters<typeof referredHousehold>[4], ref: string) => {
      const { household, persons } = await referredHousehold(t, sup, officeId, project, people, ref);
      for (const [i, p] of persons.entries()) person[people[i]?.given as string] = p.id;
      return household;
    };
    households.A = await refer(
      office.PAR,
      [
        { given: 'Samir', birthDate: '1980-04-02', sex: 'male' },
        { given: 'Lina', birthDate: '2012-09-15', needs: ['CR-CP'] },
        // Seventeen when submitted, eighteen when the household leaves.
        { given: 'Rami', birthDate: '2008-04-10', sex: 'male', needs: ['SM-MI'] },
        { given: 'Yusuf', birthDate: '1998-02-10', sex: 'male' },
      ],
      'LEB-14C20001',
    );
    households.B = await refer(
      office.PAR,
      [
        { given: 'Nadia', birthDate: '1990-01-01', needs: ['WR-WR'] },
        { given: 'Karim', birthDate: '2020-06-06', sex: 'male' },
      ],
      'LEB-14C20002',
    );
    households.C = await refer(office.BEY, [{ given: 'Fatima', birthDate: '1985-05-05' }], 'LEB-14C20003');
    // Yusuf stays behind: his own household is never submitted.
    const split = expectJson<{ household: HouseholdBody }>(
      await post(cw, `/api/cases/${households.A.caseId}/resettlement/split`, {
        version: households.A.version,
        memberIds: [person.Yusuf],
        newPrincipalId: person.Yusuf,
        reason: 'Reste au Liban avec son épouse',
      }),
      201,
    );
    expect(split.household.members).toHaveLength(3);
    for (const key of ['A', 'B', 'C'] as const)
      households[key] = await toExitPermits(
        (e) => as(e as (typeof USERS)[number]),
        { officeId: key === 'C' ? office.BEY : office.PAR, projectId: project },
        households[key].caseId,
        { today: TODAY, validUntil: '2026-12-31' },
      );
    let movement = expectJson<MovementBody>(
      await post(
        cw,
        '/api/resettlement/movements',
        movementInput({ officeId: office.PAR, projectId: project }, '2026-04-20', 10),
      ),
      201,
    );
    for (const key of ['A', 'B'] as const) {
      const h = await getHousehold(cw, households[key].caseId);
      movement = expectJson<MovementBody>(
        await post(cw, `/api/resettlement/movements/${movement.id}/bookings`, {
          version: movement.version,
          caseId: h.caseId,
          caseVersion: h.version,
        }),
        201,
      );
    }
    await at('2026-04-20T05:00:00Z');
    const passengers = movement.bookings.flatMap((b) =>
      b.passengers.map((p) =>
        b.caseId === households.A.caseId
          ? { personId: p.personId, status: 'boarded' }
          : { personId: p.personId, status: 'no_show', reason: 'Enfant malade la veille' },
      ),
    );
    movement = expectJson<MovementBody>(
      await post(
        as('cw@x.test'),
        `/api/resettlement/movements/${movement.id}/boarding`,
        { version: movement.version, passengers },
        'PUT',
      ),
    );
    await at('2026-04-21T09:00:00Z');
    expectJson(
      await post(as('cw@x.test'), `/api/resettlement/movements/${movement.id}/arrival`, {
        version: movement.version,
        arrivedAt: '2026-04-21T07:45:00Z',
      }),
    );
    const a = await getHousehold(as('cw@x.test'), households.A.caseId);
    expect(a.milestones).toMatchObject({
      decisionOn: TODAY,
      acceptedOn: TODAY,
      departedOn: '2026-04-20',
      arrivedOn: '2026-04-21',
    });
    expect((await getHousehold(as('cw@x.test'), households.B.caseId)).status).toBe('exit_permits');
  });

  it('counts the persons submitted, accepted, departed and arrived, each in its quarter', async () => {
    const pm = as('pm@x.test');
    await buildFramework(pm, project, [
      { code: 'S', definition: 'persons_resettlement_submitted', breakdowns: ['age_band', 'office'] },
      { code: 'A', definition: 'persons_resettlement_accepted', breakdowns: ['sex'] },
      { code: 'D', definition: 'persons_resettlement_departed', breakdowns: ['sex', 'age_band'] },
      { code: 'R', definition: 'persons_resettled', breakdowns: ['sex*age_band'] },
    ]);
    periods.Q1 = (await addPeriod(pm, project, Q1)).id;
    periods.Q2 = (await addPeriod(pm, project, Q2)).id;
    const q1 = await getReport(pm, project, { periodId: periods.Q1 });
    expect(q1.coverage).toBe('project');
    // Yusuf left before the submission.
    expect(indicatorOf(q1, 'S').value).toBe(6);
    expect(indicatorOf(q1, 'A').value).toBe(6);
    expect(indicatorOf(q1, 'D').value).toBe(0);
    expect(indicatorOf(q1, 'R').cumulative).toBe(0);
    // Ages on the day of the event: Rami is a minor when submitted, an adult when he leaves.
    expect(tableOf(indicatorOf(q1, 'S'), 'age_band').rows).toEqual({ adult: 3, minor: 3 });
    expect(tableOf(indicatorOf(q1, 'S'), 'office').rows).toEqual({ BEY: 1, PAR: 5 });
    expect(tableOf(indicatorOf(q1, 'A'), 'sex').rows).toEqual({ female: 3, male: 3 });
    const q2 = await getReport(pm, project, { periodId: periods.Q2 });
    // The no-show household did not leave.
    expect(seriesOf(indicatorOf(q2, 'S'))).toEqual({ [Q1.label]: 6, [Q2.label]: 0 });
    expect(seriesOf(indicatorOf(q2, 'A'))).toEqual({ [Q1.label]: 6, [Q2.label]: 0 });
    expect(seriesOf(indicatorOf(q2, 'D'))).toEqual({ [Q1.label]: 0, [Q2.label]: 3 });
    expect(seriesOf(indicatorOf(q2, 'R'))).toEqual({ [Q1.label]: 0, [Q2.label]: 3 });
    expect(indicatorOf(q2, 'D').value).toBe(3);
    expect(indicatorOf(q2, 'D').cumulative).toBe(3);
    expect(tableOf(indicatorOf(q2, 'D'), 'sex').rows).toEqual({ female: 1, male: 2 });
    expect(tableOf(indicatorOf(q2, 'D'), 'age_band').rows).toEqual({ adult: 2, minor: 1 });
    expect(tableOf(indicatorOf(q2, 'R'), 'sex*age_band').cells).toEqual({
      female: { minor: 1 },
      male: { adult: 2 },
    });
    expect(indicatorOf(q2, 'S').cumulative).toBe(6);
    // What each definition counts is published with the figure.
    expect(indicatorOf(q2, 'D').definition?.counts.en).toMatch(/no-show does not count/);
  });

  it('breaks down by specific needs for readers who may see them, and each office reads its own', async () => {
    const par = await getReport(as('reader.par@x.test'), project, {
      periodId: periods.Q1,
      breakdowns: ['vulnerability'],
    });
    expect(par.coverage).toBe('own_offices');
    expect(indicatorOf(par, 'S').value).toBe(5);
    // Lina (child at risk), Rami (mental illness), Nadia (woman at risk); the others have none.
    expect(tableOf(indicatorOf(par, 'S'), 'vulnerability').rows).toEqual({ CR: 1, SM: 1, WR: 1, none: 2 });
    const bey = await getReport(as('reader.bey@x.test'), project, { periodId: periods.Q1 });
    expect(indicatorOf(bey, 'S').value).toBe(1);
    expect(indicatorOf(bey, 'A').value).toBe(1);
    expect(indicatorOf(bey, 'D').cumulative).toBe(0);
    // A report that leaves the office hides counts of 1 to 4 persons.
    const shared = await getReport(as('pm@x.test'), project, { periodId: periods.Q2, shared: true });
    expect(indicatorOf(shared, 'D').value).toBeNull();
    expect(indicatorOf(shared, 'S').cumulative).toBe(6);
  });

  it('gives from the facts the figures of the live queries, for every scope, also once the no-show household leaves', async () => {
    const compare = async () => {
      await refreshFacts(t.db, project, t.clock.now());
      const scopes: [OfficeScope, boolean][] = [
        ['all', false],
        ['all', true],
        [[office.PAR], false],
        [[office.BEY], false],
      ];
      const entries = catalogue()
        .filter((d) => (RESETTLEMENT as readonly string[]).includes(d.id))
        .map((d) => findDefinition(d.id, d.version));
      expect(entries).toHaveLength(4);
      const q = {
        periods: [
          { id: periods.Q1 as string, ...Q1 },
          { id: periods.Q2 as string, ...Q2 },
        ],
        cumulativeTo: Q2.endDate,
        tablesOf: periods.Q1 as string,
        specs: ['sex', 'age_band', 'vulnerability', 'office*sex'],
      };
      for (const entry of entries) {
        if (!entry?.live) throw new Error('a resettlement definition without facts');
        for (const [scope, factsCovered] of scopes) {
          const fast = await computeFigure(t.db, entry, { projectId: project, scope, factsCovered }, q);
          const live = await computeFigure(
            t.db,
            { ...entry, query: entry.live },
            { projectId: project, scope },
            q,
          );
          expect(fast, `${entry.id} ${JSON.stringify(scope)}`).toEqual(live);
        }
      }
    };
    await compare();
    // Booked again and boarded on a second movement: the no-show household now departs (in Q2).
    await at('2026-05-04T05:00:00Z');
    const cw = as('cw@x.test');
    let m = expectJson<MovementBody>(
      await post(
        cw,
        '/api/resettlement/movements',
        movementInput({ officeId: office.PAR, projectId: project }, '2026-05-04', 4),
      ),
      201,
    );
    const b = await getHousehold(cw, households.B.caseId);
    m = expectJson<MovementBody>(
      await post(cw, `/api/resettlement/movements/${m.id}/bookings`, {
        version: m.version,
        caseId: b.caseId,
        caseVersion: b.version,
      }),
      201,
    );
    expectJson(
      await post(
        cw,
        `/api/resettlement/movements/${m.id}/boarding`,
        {
          version: m.version,
          passengers: b.members.map((x) => ({ personId: x.personId, status: 'boarded' })),
        },
        'PUT',
      ),
    );
    await compare();
    const q2 = await getReport(as('pm@x.test'), project, { periodId: periods.Q2 });
    expect(indicatorOf(q2, 'D').value).toBe(5);
    expect(indicatorOf(q2, 'R').value).toBe(3);
  });
});
