/**
 * Who may travel apart: pure rules of splitting a household. Dates of birth are often approximate; a
 * year-only or estimated date counts by its latest possible day, so a person is called an adult only when
 * they are certainly one.
 */

export type BirthFacts = {
  birthDate: string | null;
  birthDatePrecision: 'exact' | 'month' | 'year' | 'estimated';
};

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The latest day the person may have been born on, given how precise the date is. */
export function latestBirthDay(p: BirthFacts): string | null {
  if (!p.birthDate) return null;
  const [y, m] = p.birthDate.split('-').map(Number) as [number, number];
  if (p.birthDatePrecision === 'year' || p.birthDatePrecision === 'estimated') return `${y}-12-31`;
  if (p.birthDatePrecision === 'month')
    return `${y}-${String(m).padStart(2, '0')}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
  return p.birthDate;
}

/** Age in whole years on `day` of someone born on `birthDay` (both ISO dates). */
export function ageOn(birthDay: string, day: string): number {
  const [by, bm, bd] = birthDay.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Minor on `day` (under 18), unless certainly an adult; `null` when no date of birth is known. */
export function isMinorOn(p: BirthFacts, day: string): boolean | null {
  const latest = latestBirthDay(p);
  return latest === null ? null : ageOn(latest, day) < 18;
}

/** Under `years` on `day`, counting by the latest possible birth day (an infant on a lap, a child at orientation). */
export function isUnder(p: BirthFacts, years: number, day: string): boolean {
  const latest = latestBirthDay(p);
  return latest !== null && ageOn(latest, day) < years;
}

export type SplitMember = BirthFacts & { personId: string; principal: boolean };

export type SplitProblem =
  | { kind: 'invalid'; reason: 'not_members' | 'principal_moves' | 'nobody_stays' | 'new_principal' }
  | { kind: 'minor_alone'; personIds: string[] }
  | { kind: 'birth_date_required'; personIds: string[] };

/**
 * What is wrong with moving `moving` out of a household of `members` (active members) under a new principal:
 * every resulting group holding a minor must also hold a certain adult; a minor's age needs a birth date.
 */
export function splitProblems(
  members: readonly SplitMember[],
  moving: readonly string[],
  newPrincipalId: string,
  day: string,
): SplitProblem[] {
  const ids = new Set(members.map((m) => m.personId));
  const move = new Set(moving);
  if (move.size === 0 || [...move].some((id) => !ids.has(id)))
    return [{ kind: 'invalid', reason: 'not_members' }];
  if (members.some((m) => m.principal && move.has(m.personId)))
    return [{ kind: 'invalid', reason: 'principal_moves' }];
  if (move.size >= members.length) return [{ kind: 'invalid', reason: 'nobody_stays' }];
  if (!move.has(newPrincipalId)) return [{ kind: 'invalid', reason: 'new_principal' }];
  const groups = [members.filter((m) => move.has(m.personId)), members.filter((m) => !move.has(m.personId))];
  const problems: SplitProblem[] = [];
  const undated = members.filter((m) => isMinorOn(m, day) === null).map((m) => m.personId);
  if (undated.length > 0) problems.push({ kind: 'birth_date_required', personIds: undated });
  const alone: string[] = [];
  for (const group of groups) {
    const adult = group.some((m) => isMinorOn(m, day) === false);
    if (!adult) alone.push(...group.filter((m) => isMinorOn(m, day) !== false).map((m) => m.personId));
  }
  if (alone.length > 0) problems.push({ kind: 'minor_alone', personIds: alone });
  return problems;
}
