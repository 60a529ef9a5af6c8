/**
 * Reporting facts (src/modules/reporting/facts.ts): the definitions that read facts give exactly the figures
 * of their live queries over the source tables, for readers of every scope, after the facts are built and
 * after every kind of change the triggers log (new cases, status and office changes, merges, deletions,
 * plan approvals, deliveries, placements, referrals, a person's breakdown columns; resettlement members
 * leaving, milestones, boarding, a household's office, a member's birth date and sex, merged members);
 * figures kept for a data version are read back until the data changes, and never after.
 *
 * The data set is generated (a seeded generator): persons with cases in up to three offices of the project
 * (transfers, reopenings), cases of another project, plans, deliveries in three currencies, placements with
 * follow-ups and referrals, and resettlement households (members split off, submitted, accepted, boarded or
 * not, arrived) with a generator of their own.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/modules/cases/tables';
import { persons as personsTable } from '../../src/modules/registry/tables';
import { catalogue, findDefinition } from '../../src/modules/reporting/catalogue';
import { refreshAllFacts, refreshFacts } from '../../src/modules/reporting/facts-repository';
import {
  budgetSpent,
  type ComputedFigure,
  computeFigure,
} from '../../src/modules/reporting/figures-repository';
import type { OfficeScope } from '../../src/platform/actor';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  addPeriod,
  buildFramework,
  getReport,
  indicatorOf,
  insertCampaign,
  insertCase,
  insertDelivery,
  insertHousehold,
  insertItem,
  insertPerson,
  insertPlacement,
  insertPlan,
  insertRate,
  insertReferral,
  prng,
  resetFixtures,
} from './helpers';

let t: TestApp;
let project: string;
let other: string;
const office: Record<string, string> = {};
const people: string[] = [];
const caseIds: string[] = [];
const itemOf = new Map<string, string>();
const rand = prng(20151207);
/** The resettlement households' own generator (the draws above stay as they were). */
const rst = prng(20150903);
const households: {
  caseId: string;
  members: string[];
  bookingId: string | null;
  submitted?: string;
}[] = [];

const PERIODS = [
  { id: '00000000-0000-4000-8000-000000000001', startDate: '2025-01-01', endDate: '2025-06-30' },
  { id: '00000000-0000-4000-8000-000000000002', startDate: '2025-07-01', endDate: '2025-12-31' },
  { id: '00000000-0000-4000-8000-000000000003', startDate: '2026-01-01', endDate: '2026-06-30' },
];
const STATUSES = ['intake', 'eligibility', 'departed', 'arrived', 'monitoring', 'closed'] as const;
const day = (from: string, span: number) =>
  new Date(Date.parse(from) + rand.int(span) * 86_400_000).toISOString().slice(0, 10);

async function addCase(personId: string, officeId: string, projectId: string | null = project) {
  const status = rand.pick(STATUSES);
  const departed = ['departed', 'arrived', 'monitoring'].includes(status) || rand.next() < 0.2;
  const id = await insertCase(t.db, {
    personId,
    officeId,
    projectId,
    createdAt: `${day('2025-01-01', 540)}T${String(rand.int(24)).padStart(2, '0')}:00:00Z`,
    status,
    statusBeforeClosure: status === 'closed' ? rand.pick(['eligibility', 'arrived']) : null,
    departureDate: departed ? day('2025-02-01', 500) : null,
    hostCountry: rand.pick(['FR', 'ES', null]),
    returnCountry: rand.pick(['AL', 'MA', 'IQ', null]),
  });
  caseIds.push(id);
  if (projectId !== project) return id;
  if (rand.next() < 0.5) {
    const approvals = rand.next() < 0.7 ? [`${day('2025-03-01', 450)}T10:00:00Z`] : [];
    const plan = await insertPlan(t.db, {
      caseId: id,
      status: approvals.length ? 'approved' : 'draft',
      approvals,
      decidedAt: approvals[0] ?? null,
    });
    const currency = rand.pick(['EUR', 'MAD', 'IQD']);
    const item = await insertItem(t.db, {
      planId: plan,
      dimension: rand.pick(['economic', 'social', 'psychosocial'] as const),
      mode: rand.pick(['cash', 'in_kind', 'voucher', 'referral'] as const),
      currency,
    });
    itemOf.set(id, item);
    for (let k = rand.int(3); k > 0; k--)
      await insertDelivery(t.db, {
        itemId: item,
        caseId: id,
        amountMinor: 1000 + rand.int(500_000),
        currency,
        deliveredOn: day('2025-01-15', 520),
      });
  }
  if (rand.next() < 0.25) {
    await insertPlacement(t.db, {
      personId,
      caseId: id,
      officeId,
      startDate: day('2025-02-01', 450),
      outcome: rand.pick(['employed', 'ended', 'did_not_start'] as const),
      followUps:
        rand.next() < 0.6
          ? [
              {
                month: rand.pick([3, 6] as const),
                stillEmployed: rand.next() < 0.7,
                checkedOn: day('2025-05-01', 400),
              },
            ]
          : [],
    });
  }
  if (rand.next() < 0.2)
    await insertReferral(t.db, {
      caseId: id,
      fromOfficeId: officeId,
      toOfficeId: office.RAB as string,
      kind: rand.pick(['referral', 'transfer'] as const),
      status: rand.pick(['accepted', 'pending', 'declined'] as const),
      respondedAt: `${day('2025-02-01', 480)}T${String(rand.int(24)).padStart(2, '0')}:30:00Z`,
    });
  return id;
}

/**
 * A resettlement household of the project: members (a member split off to a household of their own, with the
 * milestones copied), submitted, accepted, departed (all boarded, or a no-show) and arrived on generated days.
 */
async function addHousehold(officeCode: string) {
  const officeId = office[officeCode] as string;
  const rday = (from: string, span: number) =>
    new Date(Date.parse(from) + rst.int(span) * 86_400_000).toISOString().slice(0, 10);
  const plus = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);
  const members: string[] = [];
  for (let k = 1 + rst.int(4); k > 0; k--)
    members.push(
      rst.next() < 0.15
        ? rst.pick(people)
        : await insertPerson(t.db, {
            officeId,
            sex: rst.pick(['female', 'male'] as const),
            birthDate: rst.next() < 0.9 ? rday('1950-01-01', 24_000) : null,
            nationalities: [rst.pick(['SY', 'SY', 'IQ'])],
            specificNeeds: rst.next() < 0.3 ? [rst.pick(['CR-CP', 'SM-MI', 'DS-PM', 'WR-WR'])] : [],
          }),
    );
  const unique = [...new Set(members)].filter((m) => !households.some((h) => h.members.includes(m)));
  if (!unique.length) return;
  const joined = rday('2024-10-01', 90);
  const submitted = rst.next() < 0.85 ? rday('2025-01-01', 400) : undefined;
  const accepted = submitted && rst.next() < 0.8 ? plus(submitted, 20 + rst.int(60)) : undefined;
  const departed = accepted && rst.next() < 0.7 ? plus(accepted, 30 + rst.int(90)) : undefined;
  const noShow = accepted && !departed && rst.next() < 0.5;
  const arrived = departed && rst.next() < 0.8 ? plus(departed, rst.int(2)) : undefined;
  const milestones = {
    decisionOn: submitted,
    acceptedOn: accepted,
    departedOn: departed,
    arrivedOn: arrived,
  };
  const caseId = await insertCase(t.db, {
    personId: unique[0] as string,
    officeId,
    projectId: project,
    createdAt: `${joined}T08:00:00Z`,
    caseType: 'resettlement',
    status: arrived ? 'arrived' : departed ? 'movement' : 'decision',
    hostCountry: 'LB',
    returnCountry: 'FR',
  });
  // Some households lost a member to a split (before or after submission): the member travels on their own.
  const split = unique.length > 1 && rst.next() < 0.3 ? (unique.pop() as string) : null;
  const splitOn = split ? rday('2024-12-01', 300) : null;
  const travelling = unique.map((personId) => ({ personId, joinedOn: joined }));
  const { bookingId } = await insertHousehold(t.db, {
    caseId,
    projectId: project,
    officeId,
    members: split ? [...travelling, { personId: split, joinedOn: joined, leftOn: splitOn }] : travelling,
    milestones,
    passengers: departed
      ? unique.map((personId) => ({ personId, boarding: 'boarded' as const }))
      : noShow
        ? unique.map((personId) => ({ personId, boarding: 'no_show' as const }))
        : [],
  });
  households.push({ caseId, members: split ? [...unique, split] : unique, bookingId, submitted });
  if (split && splitOn) {
    const own = await insertCase(t.db, {
      personId: split,
      officeId,
      projectId: project,
      createdAt: `${splitOn}T09:00:00Z`,
      caseType: 'resettlement',
      status: 'decision',
    });
    await insertHousehold(t.db, {
      caseId: own,
      projectId: project,
      officeId,
      members: [{ personId: split, joinedOn: splitOn }],
      milestones: { decisionOn: submitted, acceptedOn: accepted },
    });
  }
}

const caseOffice = async (caseId: string) =>
  (
    (await t.db.execute(sql`select owning_office_id as o from cases where id = ${caseId}`)) as unknown as {
      rows: { o: string }[];
    }
  ).rows[0]?.o;

/** Readers' scopes, and whether the scope covers every office holding facts (read from first rows then). */
const SCOPES = (): [string, OfficeScope, boolean][] => [
  ['all offices', 'all', false],
  ['all offices, first rows', 'all', true],
  ['the three offices, first rows', [office.PAR, office.TIR, office.ERB] as string[], true],
  ['Paris', [office.PAR as string], false],
  ['Tirana', [office.TIR as string], false],
  ['Paris and Tirana', [office.PAR as string, office.TIR as string], false],
  ['no office', [], false],
];
const FACT_DEFINITIONS = () =>
  catalogue()
    .map((d) => findDefinition(d.id, d.version))
    .filter((e) => e?.live !== undefined);

/** Every figure of every definition read from facts, next to the same figure from its live query. */
async function bothWays(): Promise<{ name: string; fast: ComputedFigure; live: ComputedFigure }[]> {
  const { offices } = await refreshFacts(t.db, project, t.clock.now());
  expect(offices).toEqual([office.PAR, office.TIR, office.ERB].sort());
  const out: { name: string; fast: ComputedFigure; live: ComputedFigure }[] = [];
  for (const entry of FACT_DEFINITIONS()) {
    if (!entry?.live || !entry.query) continue;
    const specs = entry.breakdowns.slice(0, 3).map(String);
    if (entry.breakdowns.length >= 2) specs.push(`${entry.breakdowns[0]}*${entry.breakdowns[1]}`);
    for (const [scopeName, scope, factsCovered] of SCOPES()) {
      const q = { periods: PERIODS, cumulativeTo: '2026-03-31', tablesOf: PERIODS[1]?.id ?? null, specs };
      out.push({
        name: `${entry.id} (${scopeName})`,
        fast: await computeFigure(t.db, entry, { projectId: project, scope, factsCovered }, q),
        live: await computeFigure(t.db, { ...entry, query: entry.live }, { projectId: project, scope }, q),
      });
    }
  }
  return out;
}

/** Sums of euros may differ in their last bits with the order they are added in. */
const rounded = (f: ComputedFigure) =>
  JSON.parse(JSON.stringify(f, (_k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));

async function expectSameFigures() {
  const all = await bothWays();
  expect(all.length).toBeGreaterThan(30);
  for (const { name, fast, live } of all) expect(rounded(fast), name).toEqual(rounded(live));
  // The data set is not empty where it matters: every definition counts someone for all offices.
  for (const { name, fast } of all.filter((x) => x.name.endsWith('(all offices)')))
    expect(fast.cumulative, name).toBeGreaterThan(0);
}

beforeAll(async () => {
  resetFixtures();
  t = await createTestApp();
  office.PAR = await t.office('PAR');
  office.TIR = await t.office('TIR', 'origin', 'AL');
  office.ERB = await t.office('ERB', 'origin', 'IQ');
  office.RAB = await t.office('RAB', 'origin', 'MA');
  project = (await t.project('FACTS', 'PAR', ['TIR', 'ERB'])).id;
  other = (await t.project('OTHER', 'PAR')).id;
  for (const [currency, rate] of [
    ['MAD', 0.092],
    ['IQD', 0.00068],
  ] as const) {
    await insertRate(t.db, currency, '2024-12-01', rate);
    await insertRate(t.db, currency, '2025-09-01', rate * 1.05);
  }
  const offices = ['PAR', 'TIR', 'ERB'];
  for (let i = 0; i < 140; i++) {
    const home = rand.pick(offices);
    const id = await insertPerson(t.db, {
      officeId: office[home] as string,
      sex: rand.pick(['female', 'male', 'unknown'] as const),
      birthDate: rand.next() < 0.9 ? day('1960-01-01', 18_000) : null,
      nationalities: [rand.pick(['AL', 'MA', 'IQ', 'SY'])],
      specificNeeds: rand.next() < 0.3 ? [rand.pick(['SC-UC', 'TR-PI', 'SM-MI', 'DS-PM'])] : [],
    });
    people.push(id);
    // Most persons have one case; some a second in another office (a transfer) or the same (reopened).
    await addCase(id, office[home] as string);
    if (rand.next() < 0.3) await addCase(id, office[rand.pick(offices)] as string);
    if (rand.next() < 0.1) await addCase(id, office[home] as string, other);
  }
  for (let i = 0; i < 45; i++) await addHousehold(rst.pick(offices));
});

afterAll(async () => {
  await t.close();
});

describe('reporting facts', () => {
  it('give the figures of the live queries for every scope, once built', async () => {
    const state = await refreshFacts(t.db, project, t.clock.now());
    expect(state.kind).toBe('built');
    await expectSameFigures();
  });

  it('follow every kind of change the triggers log, and only the persons changed are recomputed', async () => {
    const pick = () => rand.pick(caseIds);
    // A status moved past departure, a case transferred to another office, a departure date moved.
    await t.db
      .update(cases)
      .set({ status: 'departed', departureDate: '2025-08-08' })
      .where(sql`id = ${pick()}`);
    await t.db
      .update(cases)
      .set({ owningOfficeId: office.ERB as string })
      .where(sql`id = ${pick()}`);
    // Two records merged: every case of one person moves to the other.
    const [from, into] = [people[3] as string, people[4] as string];
    await t.db.update(cases).set({ personId: into }).where(sql`person_id = ${from}`);
    // A case moved out of the project, one deleted with what hangs on it, a new person with a case.
    await t.db.update(cases).set({ projectId: other }).where(sql`id = ${pick()}`);
    const gone = caseIds.find((id) => itemOf.has(id)) as string;
    await t.db.execute(sql`delete from deliveries where case_id = ${gone}`);
    await t.db.execute(sql`delete from reintegration_plans where case_id = ${gone}`);
    await t.db.execute(sql`delete from placements where case_id = ${gone}`);
    await t.db.execute(sql`delete from referrals where case_id = ${gone}`);
    await t.db.delete(cases).where(sql`id = ${gone}`);
    const newcomer = await insertPerson(t.db, { officeId: office.TIR as string, sex: 'female' });
    await addCase(newcomer, office.TIR as string);
    // A delivery added to an existing plan, a plan approved again later, a person's sex corrected.
    const [withItem, item] = [...itemOf].find(([id]) => id !== gone) as [string, string];
    await insertDelivery(t.db, {
      itemId: item,
      caseId: withItem,
      amountMinor: 77_700,
      currency: 'EUR',
      deliveredOn: '2025-09-09',
    });
    await t.db.execute(
      sql`update plan_versions set approved_at = '2026-02-02T10:00:00Z' where plan_id in (select id from reintegration_plans where case_id = ${withItem})`,
    );
    await t.db
      .update(personsTable)
      .set({ sex: 'other' })
      .where(sql`id = ${people[10] as string}`);
    // An item's assistance type corrected (deliveries are broken down by it).
    await t.db.execute(sql`update plan_items set dimension = 'social' where id = ${item}`);
    // Resettlement: a member leaves a household, a household's acceptance and arrival move, a passenger
    // recorded as a no-show after all, a household's case moves to another office, a member's birth date
    // is corrected, and two records of travelling persons merged (the memberships follow the kept one).
    // Each change touches persons no other change touches, so that each trigger is needed on its own.
    const travelled = households.filter((h) => h.bookingId && h.members.length >= 2);
    const [first, second, third] = travelled;
    const fourth = households.find((h) => !travelled.includes(h) && h.members.length >= 2);
    const lone = households.find((h) => !h.bookingId && h.members.length === 1);
    const kept = households.find((h) => h !== lone && h !== fourth && !travelled.includes(h));
    // A member (not the principal) of a household submitted in the period broken down.
    const fifth = households.find(
      (h) =>
        ![first, second, third, fourth, lone, kept].includes(h) &&
        h.members.length >= 3 &&
        (h.submitted ?? '') >= '2025-07-01' &&
        (h.submitted ?? '') <= '2025-12-31',
    );
    if (!first || !second || !third || !fourth || !lone || !kept || !fifth)
      throw new Error('too few households');
    await t.db.execute(
      sql`update resettlement_members set left_on = '2025-01-15' where case_id = ${fourth.caseId}
        and person_id = ${fourth.members.at(-1) as string}`,
    );
    await t.db.execute(
      sql`update resettlement_households set accepted_on = '2025-07-07', arrived_on = '2026-01-10' where case_id = ${first.caseId}`,
    );
    await t.db.execute(
      sql`update movement_passengers set boarding = 'no_show' where booking_id = ${second.bookingId as string}
        and person_id = ${second.members[1] as string}`,
    );
    await t.db
      .update(cases)
      .set({
        owningOfficeId:
          office.TIR === (await caseOffice(third.caseId)) ? (office.ERB as string) : (office.TIR as string),
      })
      .where(sql`id = ${third.caseId}`);
    await t.db
      .update(personsTable)
      .set({ birthDate: '2010-05-05', sex: 'other' })
      .where(sql`id = ${fifth.members[1] as string}`);
    // A travelling person's two records merged: the membership follows the kept record (ended: a person
    // travels with one household at a time).
    await t.db.execute(
      sql`update resettlement_members set person_id = ${kept.members[0] as string}, left_on = '2025-02-02'
        where person_id = ${lone.members[0] as string}`,
    );
    const before = (await refreshFacts(t.db, project, t.clock.now())).dataVersion;
    expect(before).toBeGreaterThan(1);
    await expectSameFigures();
    // Nothing changed since: the version stays.
    const again = await refreshFacts(t.db, project, t.clock.now());
    expect(again).toMatchObject({ dataVersion: before, kind: 'current', persons: 0 });
    // A change in another project does not touch this one's version.
    await insertCase(t.db, {
      personId: newcomer,
      officeId: office.PAR as string,
      projectId: other,
      createdAt: '2025-05-05T10:00:00Z',
    });
    expect((await refreshFacts(t.db, project, t.clock.now())).kind).toBe('current');
    // A change with no person (a campaign of the project) moves the version, the facts stay.
    await insertCampaign(t.db, {
      officeId: office.PAR as string,
      projectId: project,
      endDate: '2025-03-31',
      reach: 1200,
    });
    expect(await refreshFacts(t.db, project, t.clock.now())).toMatchObject({
      dataVersion: before + 1,
      kind: 'incremental',
      persons: 0,
    });
  });

  it('are refreshed for every reported project by the periodic job, and unbuilt projects keep no log', async () => {
    const pending = async (projectId: string) =>
      (
        (await t.db.execute(
          sql`select count(*)::int as n from report_changes where project_id = ${projectId}`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]?.n;
    await insertCase(t.db, {
      personId: people[20] as string,
      officeId: office.TIR as string,
      projectId: project,
      createdAt: '2025-11-11T10:00:00Z',
    });
    expect(await pending(other)).toBeGreaterThan(0);
    expect(await pending(project)).toBeGreaterThan(0);
    // The reported project is refreshed; the other one (never reported) has its log dropped, not built.
    expect(await refreshAllFacts(t.db, t.clock.now())).toBe(1);
    expect(await pending(project)).toBe(0);
    expect(await pending(other)).toBe(0);
    const built = (await t.db.execute(
      sql`select project_id from report_fact_state where project_id = ${other}`,
    )) as unknown as { rows: unknown[] };
    expect(built.rows).toEqual([]);
    await expectSameFigures();
  });

  it('keep a report’s figures for the data version, and compute them again after any change', async () => {
    await t.user('pm@x.test', [
      ['PAR', 'project_manager'],
      ['TIR', 'project_manager'],
      ['ERB', 'project_manager'],
    ]);
    const { as } = await signIn(t, ['pm@x.test'] as const);
    const pm = as('pm@x.test');
    await buildFramework(pm, project, [
      { code: 'A1', definition: 'persons_assisted', breakdowns: ['sex'] },
      { code: 'A2', definition: 'persons_assisted', breakdowns: ['sex'] },
      { code: 'R1', definition: 'persons_returned', breakdowns: ['nationality', 'sex*age_band'] },
      { code: 'D1', definition: 'persons_assistance_delivered', breakdowns: ['assistance_type*sex'] },
      { code: 'B1', definition: 'budget_spent', breakdowns: ['assistance_type'] },
      { code: 'P1', definition: 'persons_plan_approved', breakdowns: ['office', 'vulnerability'] },
    ]);
    await addPeriod(pm, project, { label: 'H2 2025', startDate: '2025-07-01', endDate: '2025-12-31' });
    const first = indicatorOf(await getReport(pm, project, {}), 'A1');
    const kept = (await t.db.execute(
      sql`select count(*)::int as n from report_figure_cache
        where project_id = ${project} and request->'definition'->>'id' = 'persons_assisted'`,
    )) as unknown as { rows: { n: number }[] };
    // Two indicators with the same definition and breakdowns share one kept figure.
    expect(kept.rows[0]?.n).toBe(1);
    expect(indicatorOf(await getReport(pm, project, {}), 'A1')).toEqual(first);
    // A new person with a case opened in the period: counted at once, the old figure dropped.
    const person = await insertPerson(t.db, { officeId: office.PAR as string, sex: 'male' });
    await insertCase(t.db, {
      personId: person,
      officeId: office.PAR as string,
      projectId: project,
      createdAt: '2025-08-01T10:00:00Z',
    });
    const after = indicatorOf(await getReport(pm, project, {}), 'A1');
    expect(after.value).toBe((first.value ?? 0) + 1);
    expect(indicatorOf(await getReport(pm, project, {}), 'A2').value).toBe(after.value);
  });
  it('bring the kept figures up to date by the persons changed, equal to figures computed again', async () => {
    const { as } = await signIn(t, ['pm@x.test'] as const);
    const pm = as('pm@x.test');
    await getReport(pm, project, {});
    const keptNow = async () =>
      (
        (await t.db.execute(
          sql`select key, request, figure, data_version::int as version from report_figure_cache where project_id = ${project}`,
        )) as unknown as {
          rows: { key: string; request: Record<string, unknown>; figure: unknown; version: number }[];
        }
      ).rows;
    const before = await keptNow();
    expect(before.length).toBeGreaterThanOrEqual(5);
    // Changes of persons already counted: a departure recorded, a case moved to another office, a
    // delivery added, a person's sex corrected, two records merged.
    const caseOf = async (n: number) =>
      (
        (await t.db.execute(
          sql`select id from cases where project_id = ${project} order by id offset ${n} limit 1`,
        )) as unknown as { rows: { id: string }[] }
      ).rows[0]?.id as string;
    await t.db
      .update(cases)
      .set({ status: 'departed', departureDate: '2025-11-20' })
      .where(sql`id = ${await caseOf(5)}`);
    await t.db
      .update(cases)
      .set({ owningOfficeId: office.TIR as string })
      .where(sql`id = ${await caseOf(9)}`);
    const [live] = (
      (await t.db.execute(sql`select i.id as item, rp.case_id as "caseId" from plan_items i
        join reintegration_plans rp on rp.id = i.plan_id join cases c on c.id = rp.case_id
        where c.project_id = ${project} order by i.id limit 1`)) as unknown as {
        rows: { item: string; caseId: string }[];
      }
    ).rows;
    if (!live) throw new Error('no plan item');
    await insertDelivery(t.db, {
      itemId: live.item,
      caseId: live.caseId,
      amountMinor: 12_345,
      currency: 'EUR',
      deliveredOn: '2025-12-01',
    });
    await t.db
      .update(personsTable)
      .set({ sex: 'female' })
      .where(sql`id = ${people[30] as string}`);
    await t.db
      .update(cases)
      .set({ personId: people[40] as string })
      .where(sql`person_id = ${people[41] as string}`);
    const refreshed = await refreshFacts(t.db, project, t.clock.now());
    expect(refreshed.kind).toBe('incremental');
    const after = await keptNow();
    // Most kept figures were carried to the new version (a new category may send one to be computed again).
    expect(after.every((k) => k.version === refreshed.dataVersion)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(before.length - 2);
    for (const k of after) {
      if ('budgetTo' in k.request) {
        expect(k.figure, k.key).toEqual(await budgetSpent(t.db, project, String(k.request.budgetTo)));
        continue;
      }
      const r = k.request as unknown as Parameters<typeof computeFigure>[3] & {
        definition: { id: string; version: number };
        scope: OfficeScope;
      };
      const entry = findDefinition(r.definition.id, r.definition.version);
      if (!entry) throw new Error('no definition');
      const fresh = await computeFigure(t.db, entry, { projectId: project, scope: r.scope }, r);
      expect(k.figure, r.definition.id).toEqual(fresh);
    }
    // The report reads them: the same as computed again from nothing.
    const carried = await getReport(pm, project, {});
    await t.db.execute(sql`delete from report_figure_cache where project_id = ${project}`);
    expect(await getReport(pm, project, {})).toEqual({ ...carried, generatedAt: expect.any(String) });
  });
});
