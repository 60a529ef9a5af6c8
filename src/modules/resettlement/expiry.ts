/**
 * Dates that expire: fitness to travel, exit permits and visas. Pure; the day is passed in. A window is the
 * movement's [departure, arrival] when booking, [today, today] at a stage gate:
 * - fit to travel: fit (with or without conditions), valid until at least the window's end;
 * - exit permit: valid on the day of leaving (window start);
 * - visa: valid on the day of entry (window end).
 */

export type Window = { from: string; to: string };

export type HealthFact = {
  outcome: 'fit' | 'fit_with_conditions' | 'unfit' | 'deferred';
  validUntil: string | null;
  travelConditions: readonly string[];
};
export type ClearanceFact = { kind: 'exit_permit' | 'visa'; validFrom: string; validUntil: string };

export type MemberFacts = {
  personId: string;
  name: string;
  /** The current (not superseded) assessment and clearances. */
  health: HealthFact | null;
  exitPermit: ClearanceFact | null;
  visa: ClearanceFact | null;
};

export type CoverageKey = 'fitToTravel' | 'exit_permit' | 'visa';
export type Coverage =
  | { status: 'ok' }
  | { status: 'missing' }
  | { status: 'expired'; date: string }
  | { status: 'expires_before_flight'; date: string }
  | { status: 'not_yet_valid'; date: string };

const isFit = (h: HealthFact) => h.outcome === 'fit' || h.outcome === 'fit_with_conditions';

/** Is the member fit to travel through the window? */
export function fitCoverage(h: HealthFact | null, today: string, window: Window): Coverage {
  if (!h || !isFit(h) || !h.validUntil) return { status: 'missing' };
  if (h.validUntil < today) return { status: 'expired', date: h.validUntil };
  if (h.validUntil < window.to) return { status: 'expires_before_flight', date: h.validUntil };
  return { status: 'ok' };
}

/** Is the clearance valid on the day it is used (leaving for an exit permit, entering for a visa)? */
export function clearanceCoverage(c: ClearanceFact | null, today: string, window: Window): Coverage {
  if (!c) return { status: 'missing' };
  const day = c.kind === 'exit_permit' ? window.from : window.to;
  if (c.validUntil < today) return { status: 'expired', date: c.validUntil };
  if (c.validUntil < day) return { status: 'expires_before_flight', date: c.validUntil };
  if (c.validFrom > day) return { status: 'not_yet_valid', date: c.validFrom };
  return { status: 'ok' };
}

export type Blocker = {
  personId: string;
  name: string;
  what: CoverageKey;
  coverage: Exclude<Coverage, { status: 'ok' }>;
};

/** Everything that keeps these members from travelling in the window. */
export function memberBlockers(
  members: readonly MemberFacts[],
  today: string,
  window: Window,
  check: readonly CoverageKey[] = ['fitToTravel', 'exit_permit', 'visa'],
): Blocker[] {
  const out: Blocker[] = [];
  for (const m of members) {
    const results: [CoverageKey, Coverage][] = [
      ['fitToTravel', fitCoverage(m.health, today, window)],
      ['exit_permit', clearanceCoverage(m.exitPermit, today, window)],
      ['visa', clearanceCoverage(m.visa, today, window)],
    ];
    for (const [what, coverage] of results)
      if (check.includes(what) && coverage.status !== 'ok')
        out.push({ personId: m.personId, name: m.name, what, coverage });
  }
  return out;
}

/** Which checks apply at a stage: health from the health gate on, clearances once they are being obtained. */
export function checksAt(stage: string): CoverageKey[] {
  if (stage === 'health_assessment' || stage === 'pre_departure_orientation') return ['fitToTravel'];
  if (stage === 'exit_permits' || stage === 'booked') return ['fitToTravel', 'exit_permit', 'visa'];
  return [];
}

export type HouseholdFacts = {
  caseId: string;
  stage: string;
  members: readonly MemberFacts[];
  /** The booked movement's window, if any: what must be covered then, not only today. */
  booked: Window | null;
};

/**
 * Which households are blocked by what: for each household, the members' missing, expired or too-short
 * validities at its stage (against its movement when booked, else today). Households with none are left out.
 */
export function blockersOf(
  households: readonly HouseholdFacts[],
  today: string,
): { caseId: string; blockers: Blocker[] }[] {
  return households.flatMap((h) => {
    const blockers = memberBlockers(
      h.members,
      today,
      h.booked ?? { from: today, to: today },
      checksAt(h.stage),
    );
    return blockers.length > 0 ? [{ caseId: h.caseId, blockers }] : [];
  });
}

/** Seats a booking takes: every passenger but infants under two on a lap. */
export const seatsNeeded = (passengers: readonly { seatRequired: boolean }[]): number =>
  passengers.filter((p) => p.seatRequired).length;

/** The validities that end within `days` after `today` (inclusive): what the warning job makes tasks for. */
export function expiringWithin(validUntil: string, today: string, days: number): boolean {
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  return validUntil >= today && validUntil <= end.toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
