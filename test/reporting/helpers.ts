/**
 * Shared helpers of the donor-reporting integration tests: rows inserted with exact dates (the catalogue
 * counts by dates and statuses, which the API would stamp with the clock), the results framework and
 * periods built through the API, the report read through the API, and the checks every report that leaves
 * the office must pass (no count of 1 to 4 persons, no hidden cell recomputable from a published relation).
 */
import { expect } from 'vitest';
import type { Db } from '../../src/db/client';
import { activityParticipants, campaigns, capacityActivities } from '../../src/modules/activities/tables';
import { cases } from '../../src/modules/cases/tables';
import { employers, jobOpenings, placementFollowUps, placements } from '../../src/modules/employment/tables';
import { budgetLines, exchangeRates } from '../../src/modules/finance/tables';
import { referrals } from '../../src/modules/referrals/tables';
import { persons } from '../../src/modules/registry/tables';
import {
  deliveries,
  planItems,
  planVersions,
  reintegrationPlans,
} from '../../src/modules/reintegration/tables';
import type { CrossTabView, Report, ReportIndicator } from '../../src/modules/reporting/contract';
import {
  movementBookings,
  movementPassengers,
  movements,
  resettlementHouseholds,
  resettlementMembers,
} from '../../src/modules/resettlement/tables';
import { expectJson, type Session } from '../api/helpers';

let serial = 0;
const next = () => `${Date.now().toString(36)}-${++serial}`;

// ---- rows with exact dates -------------------------------------------------------------------------

export type PersonFixture = {
  officeId: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  birthDate?: string | null;
  nationalities?: string[];
  specificNeeds?: string[];
  name?: string;
};

export async function insertPerson(db: Db, p: PersonFixture): Promise<string> {
  const name = p.name ?? `Person ${next()}`;
  const [row] = await db
    .insert(persons)
    .values({
      reference: `P-${next()}`,
      owningOfficeId: p.officeId,
      givenName: name,
      familyName: 'Fixture',
      searchText: `${name} fixture`.toLowerCase(),
      sex: p.sex,
      birthDate: p.birthDate === undefined ? '1990-01-01' : p.birthDate,
      nationalities: p.nationalities ?? ['AL'],
      specificNeeds: p.specificNeeds ?? [],
    })
    .returning({ id: persons.id });
  if (!row) throw new Error('no person inserted');
  return row.id;
}

export type CaseFixture = {
  personId: string;
  officeId: string;
  projectId: string | null;
  /** The opening instant, ISO (UTC). */
  createdAt: string;
  status?: string;
  statusBeforeClosure?: string | null;
  closureReason?: string | null;
  departureDate?: string | null;
  hostCountry?: string | null;
  returnCountry?: string | null;
  caseType?: 'avrr' | 'resettlement';
};

export async function insertCase(db: Db, c: CaseFixture): Promise<string> {
  const at = new Date(c.createdAt);
  const [row] = await db
    .insert(cases)
    .values({
      reference: `C-${next()}`,
      personId: c.personId,
      caseType: c.caseType ?? 'avrr',
      projectId: c.projectId,
      owningOfficeId: c.officeId,
      status: c.status ?? 'intake',
      statusBeforeClosure: c.statusBeforeClosure ?? null,
      closureReason: c.closureReason ?? null,
      departureDate: c.departureDate ?? null,
      hostCountry: c.hostCountry ?? null,
      returnCountry: c.returnCountry ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: cases.id });
  if (!row) throw new Error('no case inserted');
  return row.id;
}

/** A reintegration plan as the reintegration module leaves it (approvals are its versions). */
export async function insertPlan(
  db: Db,
  p: {
    caseId: string;
    status: 'draft' | 'submitted' | 'approved';
    /** Approval instants of versions 1..n. */
    approvals: string[];
    /** The latest decision (an approval, or a return: plan.ts sets decided_at on both). */
    decidedAt: string | null;
  },
): Promise<string> {
  const created = new Date('2025-09-01T00:00:00Z');
  const [row] = await db
    .insert(reintegrationPlans)
    .values({
      caseId: p.caseId,
      status: p.status,
      approvedVersion: p.approvals.length || null,
      decidedByName: p.decidedAt ? 'fixture' : null,
      decidedAt: p.decidedAt ? new Date(p.decidedAt) : null,
      createdAt: created,
      updatedAt: created,
    })
    .returning({ id: reintegrationPlans.id });
  if (!row) throw new Error('no plan inserted');
  for (const [i, at] of p.approvals.entries())
    await db.insert(planVersions).values({
      planId: row.id,
      number: i + 1,
      items: [],
      approvedByName: 'fixture',
      approvedAt: new Date(at),
    });
  return row.id;
}

export async function insertItem(
  db: Db,
  i: {
    planId: string;
    dimension: 'economic' | 'social' | 'psychosocial';
    mode: 'cash' | 'in_kind' | 'voucher' | 'referral';
    currency: string;
    budgetLineId?: string | null;
    plannedMinor?: number;
  },
): Promise<string> {
  const [row] = await db
    .insert(planItems)
    .values({
      planId: i.planId,
      dimension: i.dimension,
      serviceType: 'fixture',
      providerKind: 'in_house',
      deliveryMode: i.mode,
      plannedMinor: i.plannedMinor ?? 10_000_000_000,
      currency: i.currency,
      budgetLineId: i.budgetLineId ?? null,
      createdAt: new Date('2025-09-01T00:00:00Z'),
    })
    .returning({ id: planItems.id });
  if (!row) throw new Error('no item inserted');
  return row.id;
}

export async function insertDelivery(
  db: Db,
  d: { itemId: string; caseId: string; amountMinor: number; currency: string; deliveredOn: string },
): Promise<void> {
  await db.insert(deliveries).values({
    planItemId: d.itemId,
    caseId: d.caseId,
    amountMinor: d.amountMinor,
    currency: d.currency,
    deliveredOn: d.deliveredOn,
    recordedByName: 'fixture',
    createdAt: new Date(`${d.deliveredOn}T12:00:00Z`),
  });
}

export async function insertBudgetLine(
  db: Db,
  b: { projectId: string; code: string; currency: string; amountMinor: number },
): Promise<string> {
  const [row] = await db
    .insert(budgetLines)
    .values({ ...b, label: `Line ${b.code}` })
    .returning({ id: budgetLines.id });
  if (!row) throw new Error('no budget line inserted');
  return row.id;
}

export async function insertRate(db: Db, currency: string, rateDate: string, eurPerUnit: number) {
  await db.insert(exchangeRates).values({ currency, rateDate, eurPerUnit });
}

export async function insertReferral(
  db: Db,
  r: {
    caseId: string;
    fromOfficeId: string;
    toOfficeId: string;
    kind: 'referral' | 'transfer';
    status: 'pending' | 'accepted' | 'declined' | 'revoked';
    respondedAt: string | null;
  },
) {
  const requested = new Date('2026-01-02T00:00:00Z');
  await db.insert(referrals).values({
    reference: `R-${next()}`,
    kind: r.kind,
    status: r.status,
    caseId: r.caseId,
    fromOfficeId: r.fromOfficeId,
    toOfficeId: r.toOfficeId,
    sections: ['identity'],
    summary: 'fixture',
    requestedByName: 'fixture',
    requestedAt: requested,
    dueOn: new Date('2026-12-31T00:00:00Z'),
    respondedByName: r.respondedAt ? 'fixture' : null,
    respondedAt: r.respondedAt ? new Date(r.respondedAt) : null,
    followUpMonths: 6,
  });
}

/**
 * A resettlement household as the resettlement module leaves it (ADR 0017): the household row with its
 * milestone days, its members (joined, left), and, when it left, a movement with one booking whose passengers
 * boarded or did not show.
 */
export async function insertHousehold(
  db: Db,
  h: {
    caseId: string;
    projectId: string;
    officeId: string;
    members: { personId: string; joinedOn: string; leftOn?: string | null }[];
    milestones: { decisionOn?: string; acceptedOn?: string; departedOn?: string; arrivedOn?: string };
    /** Booked passengers, boarded or not (a no-show). */
    passengers?: { personId: string; boarding: 'pending' | 'boarded' | 'no_show' }[];
  },
): Promise<{ bookingId: string | null }> {
  const at = new Date('2025-01-01T00:00:00Z');
  await db.insert(resettlementHouseholds).values({
    caseId: h.caseId,
    referringAgency: 'UNHCR',
    referringReference: `LEB-${next()}`,
    activeMembers: h.members.filter((m) => !m.leftOn).length,
    identificationOn: '2025-01-01',
    decisionOn: h.milestones.decisionOn ?? null,
    acceptedOn: h.milestones.acceptedOn ?? null,
    departedOn: h.milestones.departedOn ?? null,
    arrivedOn: h.milestones.arrivedOn ?? null,
    createdAt: at,
    updatedAt: at,
  });
  if (h.members.length)
    await db.insert(resettlementMembers).values(
      h.members.map((m, i) => ({
        caseId: h.caseId,
        personId: m.personId,
        relationship: i === 0 ? 'principal' : 'child',
        joinedOn: m.joinedOn,
        leftOn: m.leftOn ?? null,
        leftReason: m.leftOn ? 'fixture' : null,
      })),
    );
  if (!h.passengers?.length) return { bookingId: null };
  const day = h.milestones.departedOn ?? '2025-06-01';
  const [movement] = await db
    .insert(movements)
    .values({
      reference: `MV-${next()}`,
      projectId: h.projectId,
      owningOfficeId: h.officeId,
      status: 'departed',
      seatCount: 50,
      destinationCountry: 'FR',
      departureDate: day,
      arrivalDate: day,
      createdAt: at,
    })
    .returning({ id: movements.id });
  if (!movement) throw new Error('no movement');
  const boarded = h.passengers.every((p) => p.boarding === 'boarded');
  const [booking] = await db
    .insert(movementBookings)
    .values({
      movementId: movement.id,
      caseId: h.caseId,
      status: boarded ? 'boarded' : 'no_show',
      bookedAt: at,
    })
    .returning({ id: movementBookings.id });
  if (!booking) throw new Error('no booking');
  await db.insert(movementPassengers).values(
    h.passengers.map((p) => ({
      bookingId: booking.id,
      movementId: movement.id,
      personId: p.personId,
      seatRequired: true,
      boarding: p.boarding,
    })),
  );
  return { bookingId: booking.id };
}

let opening: Promise<string> | undefined;
async function openingOf(db: Db, officeId: string): Promise<string> {
  opening ??= (async () => {
    const at = new Date('2025-09-01T00:00:00Z');
    const [employer] = await db
      .insert(employers)
      .values({
        officeId,
        name: 'Fixture employer',
        sector: 'construction',
        country: 'IQ',
        location: 'Erbil',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: employers.id });
    if (!employer) throw new Error('no employer');
    const [row] = await db
      .insert(jobOpenings)
      .values({
        employerId: employer.id,
        officeId,
        title: 'Mason',
        sector: 'construction',
        country: 'IQ',
        location: 'Erbil',
        posts: 50,
        status: 'open',
        openedOn: '2025-09-01',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: jobOpenings.id });
    if (!row) throw new Error('no opening');
    return row.id;
  })();
  return opening;
}

/** Forgets the cached job opening (each test file has its own database). */
export function resetFixtures() {
  opening = undefined;
}

export async function insertPlacement(
  db: Db,
  p: {
    personId: string;
    caseId: string;
    officeId: string;
    startDate: string;
    outcome: 'employed' | 'ended' | 'did_not_start';
    followUps?: { month: 3 | 6; stillEmployed: boolean; checkedOn: string }[];
  },
) {
  const [row] = await db
    .insert(placements)
    .values({
      personId: p.personId,
      caseId: p.caseId,
      openingId: await openingOf(db, p.officeId),
      officeId: p.officeId,
      startDate: p.startDate,
      outcome: p.outcome,
      recordedByName: 'fixture',
      createdAt: new Date(`${p.startDate}T12:00:00Z`),
    })
    .returning({ id: placements.id });
  if (!row) throw new Error('no placement');
  for (const f of p.followUps ?? [])
    await db.insert(placementFollowUps).values({
      placementId: row.id,
      month: f.month,
      stillEmployed: f.stillEmployed,
      checkedOn: f.checkedOn,
      recordedByName: 'fixture',
      createdAt: new Date(`${f.checkedOn}T12:00:00Z`),
    });
}

export async function insertActivity(
  db: Db,
  a: {
    officeId: string;
    projectId: string | null;
    endDate: string;
    participants: { sex: 'female' | 'male'; count: number }[];
  },
) {
  const at = new Date('2025-09-01T00:00:00Z');
  const [row] = await db
    .insert(capacityActivities)
    .values({
      officeId: a.officeId,
      projectId: a.projectId,
      kind: 'training',
      title: 'Victim identification',
      topic: 'Identification and referral',
      startDate: a.endDate,
      endDate: a.endDate,
      place: 'Tirana',
      country: 'AL',
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: capacityActivities.id });
  if (!row) throw new Error('no activity');
  for (const p of a.participants)
    await db.insert(activityParticipants).values({
      activityId: row.id,
      institution: 'State Police',
      country: 'AL',
      role: 'police',
      ...p,
    });
}

export async function insertCampaign(
  db: Db,
  c: { officeId: string; projectId: string | null; endDate: string; reach: number },
) {
  const at = new Date('2025-09-01T00:00:00Z');
  await db.insert(campaigns).values({
    officeId: c.officeId,
    projectId: c.projectId,
    title: 'Safe migration',
    channel: 'radio',
    countries: ['AL'],
    languages: ['sq'],
    startDate: c.endDate,
    endDate: c.endDate,
    reach: c.reach,
    createdAt: at,
    updatedAt: at,
  });
}

// ---- the framework and periods, through the API ----------------------------------------------------

export type IndicatorSpec = {
  code: string;
  definition?: string;
  unit?: 'persons' | 'count' | 'percent' | 'eur' | 'people_reached';
  kind?: 'computed' | 'manual';
  target?: number | null;
  breakdowns?: string[];
};

export const UNIT_OF: Record<string, IndicatorSpec['unit']> = {
  persons_assisted: 'persons',
  persons_returned: 'persons',
  persons_plan_approved: 'persons',
  persons_assistance_delivered: 'persons',
  persons_placed: 'persons',
  persons_retained_3m: 'persons',
  persons_retained_6m: 'persons',
  persons_referral_accepted: 'persons',
  persons_resettlement_submitted: 'persons',
  persons_resettlement_accepted: 'persons',
  persons_resettlement_departed: 'persons',
  persons_resettled: 'persons',
  people_trained: 'count',
  campaign_reach: 'people_reached',
  budget_spent: 'eur',
};

/** One outcome holding the given indicators; returns the indicators' ids by code. */
export async function buildFramework(
  session: Session,
  projectId: string,
  specs: IndicatorSpec[],
): Promise<{ nodeId: string; ids: Record<string, string> }> {
  const node = expectJson<{ id: string }>(
    await session.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/framework/nodes`,
      payload: { kind: 'outcome', code: 'OC1', title: { fr: 'Effet 1', en: 'Outcome 1' } },
    }),
    201,
  );
  const ids: Record<string, string> = {};
  for (const s of specs) {
    const manual = s.kind === 'manual';
    const created = expectJson<{ id: string }>(
      await session.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/framework/indicators`,
        payload: {
          nodeId: node.id,
          code: s.code,
          title: { fr: `Indicateur ${s.code}`, en: `Indicator ${s.code}` },
          unit: s.unit ?? (s.definition ? UNIT_OF[s.definition] : 'count') ?? 'count',
          kind: manual ? 'manual' : 'computed',
          definition: manual ? null : { id: s.definition, version: 1 },
          target: s.target ?? null,
          breakdowns: s.breakdowns ?? [],
        },
      }),
      201,
    );
    ids[s.code] = created.id;
  }
  return { nodeId: node.id, ids };
}

export type PeriodBody = {
  id: string;
  kind: string;
  label: string;
  startDate: string;
  endDate: string;
  status: 'open' | 'closed';
  snapshotId: string | null;
  version: number;
};

export async function addPeriod(
  session: Session,
  projectId: string,
  p: { kind?: string; label: string; startDate: string; endDate: string },
): Promise<PeriodBody> {
  return expectJson<PeriodBody>(
    await session.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/reporting-periods`,
      payload: { kind: 'quarterly', ...p },
    }),
    201,
  );
}

export async function closePeriod(session: Session, period: { id: string; version: number }) {
  return expectJson<PeriodBody>(
    await session.inject({
      method: 'POST',
      url: `/api/reporting-periods/${period.id}/close`,
      payload: { version: period.version },
    }),
  );
}

export type ReportQuery = {
  periodId?: string;
  breakdowns?: string[];
  officeId?: string;
  shared?: boolean;
  language?: 'fr' | 'en';
};

export function reportUrl(projectId: string, q: ReportQuery = {}, base = '/api/projects'): string {
  const params = new URLSearchParams();
  if (q.periodId) params.set('periodId', q.periodId);
  if (q.breakdowns?.length) params.set('breakdowns', q.breakdowns.join(','));
  if (q.officeId) params.set('officeId', q.officeId);
  if (q.shared !== undefined) params.set('shared', String(q.shared));
  if (q.language) params.set('language', q.language);
  const query = params.toString();
  return `${base}/${projectId}/report${query ? `?${query}` : ''}`;
}

export async function getReport(session: Session, projectId: string, q: ReportQuery = {}): Promise<Report> {
  return expectJson<Report>(await session.inject({ method: 'GET', url: reportUrl(projectId, q) }));
}

export function indicatorOf(report: Report, code: string): ReportIndicator {
  const found = report.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code} in the report`);
  return found;
}

export function tableOf(indicator: ReportIndicator, spec: string): CrossTabView {
  const found = indicator.breakdowns.find((t) => t.spec === spec);
  if (!found) throw new Error(`no breakdown ${spec} of ${indicator.code}`);
  return found;
}

/** The series' values by period label. */
export const seriesOf = (indicator: ReportIndicator) =>
  Object.fromEntries(indicator.series.map((p) => [p.label, p.value]));

// ---- what a shared report must hold ----------------------------------------------------------------

/** Figures of persons: what the suppression must protect. */
export const countsPersons = (i: ReportIndicator) => i.unit === 'persons' || i.definition?.personal === true;

const small = (n: number | null | undefined) => typeof n === 'number' && n > 0 && n < 5;

/** Every published count of 1 to 4 persons in a report, with where it is. */
export function smallNumbers(report: Report): string[] {
  const found: string[] = [];
  const check = (where: string, n: number | null | undefined) => {
    if (small(n)) found.push(`${where} = ${n}`);
  };
  for (const i of report.indicators) {
    if (!countsPersons(i)) continue;
    check(`${i.code}.value`, i.value);
    check(`${i.code}.cumulative`, i.cumulative);
    for (const p of i.series) check(`${i.code}.series[${p.label}]`, p.value);
    for (const t of i.breakdowns) {
      check(`${i.code}.${t.spec}.total`, t.total);
      for (const [k, n] of Object.entries(t.rows ?? {})) check(`${i.code}.${t.spec}.rows.${k}`, n);
      for (const [k, n] of Object.entries(t.cols ?? {})) check(`${i.code}.${t.spec}.cols.${k}`, n);
      for (const [a, row] of Object.entries(t.cells ?? {}))
        for (const [b, n] of Object.entries(row)) check(`${i.code}.${t.spec}.cells.${a}.${b}`, n);
    }
  }
  const personCodes = new Set(report.indicators.filter(countsPersons).map((i) => i.code));
  for (const c of report.changes) {
    if (!personCodes.has(c.indicatorCode)) continue;
    check(`changes.${c.periodLabel}.${c.indicatorCode}.${c.cell}.submitted`, c.submitted);
    check(`changes.${c.periodLabel}.${c.indicatorCode}.${c.cell}.now`, c.now);
  }
  return found;
}

/**
 * The additive relations of a published table (each row of cells with its margin, each column with its
 * margin, the row margins with the total, the column margins with the total) that have exactly one hidden
 * member: that member can be recomputed by subtraction. An absent count is a published zero.
 */
export function recomputableCells(t: CrossTabView): string[] {
  const rowKeys = [...new Set([...Object.keys(t.rows ?? {}), ...Object.keys(t.cells ?? {})])];
  const colKeys = [
    ...new Set([
      ...Object.keys(t.cols ?? {}),
      ...Object.values(t.cells ?? {}).flatMap((r) => Object.keys(r)),
    ]),
  ];
  const at = (record: Record<string, number | null> | undefined, k: string) =>
    record && Object.hasOwn(record, k) ? record[k] : 0;
  const relations: [string, (number | null | undefined)[]][] = [];
  if (t.cells && t.rows)
    for (const a of rowKeys)
      relations.push([`row ${a}`, [...colKeys.map((b) => at(t.cells?.[a], b)), at(t.rows, a)]]);
  if (t.cells && t.cols)
    for (const b of colKeys)
      relations.push([`column ${b}`, [...rowKeys.map((a) => at(t.cells?.[a], b)), at(t.cols, b)]]);
  if (t.rows && rowKeys.length)
    relations.push(['rows to total', [...rowKeys.map((a) => at(t.rows, a)), t.total]]);
  if (t.cols && colKeys.length)
    relations.push(['columns to total', [...colKeys.map((b) => at(t.cols, b)), t.total]]);
  return relations
    .filter(([, members]) => members.length >= 2 && members.filter((m) => m === null).length === 1)
    .map(([name]) => `${t.spec}: ${name}`);
}

/** Dimensions in which one person can hold several values: their margins are not sums. */
const NON_ADDITIVE = new Set(['vulnerability', 'assistance_type', 'assistance_mode', 'assistance_timing']);

/**
 * The hidden counts of persons an attacker recovers by subtraction alone, across all the tables of an
 * indicator: the same margin (e.g. women) in `sex` and in `sex*age_band`, the table totals and the
 * indicator's value are one unknown each. Every additive relation that holds exactly is used (relations
 * summing over a dimension where a person can hold several values are not sums and are left out); any
 * relation left with a single unknown gives it away, then the next. Returns those recovered of 1 to 4.
 */
export function recoveredSmallCounts(report: Report): string[] {
  const found: string[] = [];
  for (const i of report.indicators) {
    if (!countsPersons(i)) continue;
    const known = new Map<string, number>();
    const all = new Set<string>();
    const relations: { sum: string; parts: string[] }[] = [];
    const publish = (name: string, n: number | null | undefined) => {
      all.add(name);
      if (n !== null && n !== undefined) known.set(name, n);
      return name;
    };
    const at = (record: Record<string, number | null> | undefined, k: string) =>
      record && Object.hasOwn(record, k) ? (record[k] ?? null) : 0;
    publish('total', i.value);
    for (const t of i.breakdowns) {
      publish('total', t.total);
      const [d1, d2] = t.dimensions;
      if (!d1) continue;
      const rowKeys = [...new Set([...Object.keys(t.rows ?? {}), ...Object.keys(t.cells ?? {})])];
      const rowVars = rowKeys.map((a) => publish(`${d1}=${a}`, at(t.rows, a)));
      if (!d2) {
        if (!NON_ADDITIVE.has(d1)) relations.push({ sum: 'total', parts: rowVars });
        continue;
      }
      const colKeys = [
        ...new Set([
          ...Object.keys(t.cols ?? {}),
          ...Object.values(t.cells ?? {}).flatMap((r) => Object.keys(r)),
        ]),
      ];
      const colVars = colKeys.map((b) => publish(`${d2}=${b}`, at(t.cols, b)));
      const cell = (a: string, b: string) => publish(`${t.spec}[${a}][${b}]`, at(t.cells?.[a], b));
      if (!NON_ADDITIVE.has(d2))
        for (const [ri, a] of rowKeys.entries())
          relations.push({ sum: rowVars[ri] as string, parts: colKeys.map((b) => cell(a, b)) });
      if (!NON_ADDITIVE.has(d1))
        for (const [ci, b] of colKeys.entries())
          relations.push({ sum: colVars[ci] as string, parts: rowKeys.map((a) => cell(a, b)) });
      if (!NON_ADDITIVE.has(d1)) relations.push({ sum: 'total', parts: rowVars });
      if (!NON_ADDITIVE.has(d2)) relations.push({ sum: 'total', parts: colVars });
    }
    const published = new Set(known.keys());
    for (let progress = true; progress; ) {
      progress = false;
      for (const r of relations) {
        const unknown = [r.sum, ...r.parts].filter((v) => !known.has(v));
        if (unknown.length !== 1) continue;
        const [x] = unknown as [string];
        const partsSum = r.parts.filter((v) => v !== x).reduce((s, v) => s + (known.get(v) ?? 0), 0);
        known.set(x, x === r.sum ? partsSum : (known.get(r.sum) ?? 0) - partsSum);
        progress = true;
      }
    }
    for (const name of all)
      if (!published.has(name) && small(known.get(name)))
        found.push(`${i.code} ${name} = ${known.get(name)} (recovered by subtraction)`);
  }
  return found;
}

/**
 * Everything that lets a hidden count of a shared report be recovered: a relation of one table with exactly
 * one hidden member (what the suppression promises per table), a table total published while the
 * indicator's value (the same number) is hidden or the reverse, and a small count recovered by combining the
 * tables of an indicator.
 */
export function disclosures(report: Report): string[] {
  const found: string[] = [];
  for (const i of report.indicators) {
    if (!countsPersons(i)) continue;
    for (const t of i.breakdowns) {
      for (const r of recomputableCells(t)) found.push(`${i.code} ${r}`);
      if ((t.total === null) !== (i.value === null))
        found.push(`${i.code} ${t.spec}: total ${t.total} but value ${i.value}`);
    }
  }
  return [...found, ...recoveredSmallCounts(report)];
}

/**
 * The hidden person figures of a report: `places` counts every published null; `figures` counts each figure
 * once (the reported period's value appears twice, as `value` and as its point of the series).
 */
export function hiddenPersonFigures(report: Report): { places: number; figures: number } {
  let places = 0;
  let twice = 0;
  for (const i of report.indicators) {
    if (!countsPersons(i) || i.kind === 'manual') continue;
    for (const v of [i.value, i.cumulative, ...i.series.map((p) => p.value)]) if (v === null) places++;
    if (i.value === null && i.series.some((p) => p.periodId === report.period.id && p.value === null))
      twice++;
    for (const t of i.breakdowns) {
      if (t.total === null) places++;
      for (const v of Object.values(t.rows ?? {})) if (v === null) places++;
      for (const v of Object.values(t.cols ?? {})) if (v === null) places++;
      for (const row of Object.values(t.cells ?? {}))
        for (const v of Object.values(row)) if (v === null) places++;
    }
  }
  return { places, figures: places - twice };
}

export function expectNoSmallNumbers(report: Report, context = '') {
  expect(smallNumbers(report), `small counts of persons published ${context}`).toEqual([]);
}

// ---- exports ---------------------------------------------------------------------------------------

export type ExportBody = {
  id: string;
  projectId: string;
  format: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  fileName: string | null;
  parameters: Record<string, unknown>;
  expiresAt: string;
  error: string | null;
};

/** Polls an export until the worker is done with it (done or failed). */
export async function settledExport(session: Session, url: string): Promise<ExportBody> {
  let body: ExportBody | undefined;
  for (let i = 0; i < 300; i++) {
    body = expectJson<ExportBody>(await session.inject({ method: 'GET', url }));
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`export still ${body?.status} after 15 s`);
}

/** A small deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

// ---- uploads ---------------------------------------------------------------------------------------

/** A minimal file that passes the PDF content check of uploads. */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1500, 0x41)]);

/** A multipart/form-data body with one `file` field. */
export function multipart(fileName: string, contentType: string, content: Buffer) {
  const boundary = '----passerelle-reporting-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
