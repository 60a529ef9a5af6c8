/**
 * How much agreement on a name part weighs, from how common the name is among persons of the same
 * nationality (a shared "Mohammed" says little among Moroccans; a shared rare name says a lot).
 * Frequency keys: "g:MAR:mhmd" (given name key among MAR nationals), "g::mhmd" (among everyone), same
 * with "f" (family) and "p" (father), and "o" for the place of origin ("o:SYR:hlb"); "n:MAR" counts MAR
 * nationals. NameFrequencies.total is everyone.
 */
import type { PersonTable } from './table';
import type { NameFrequencies, NamePart } from './types';
import { COMMON_NAME, NAME_AGREEMENT, PLACE, POPULATION } from './weights';

/** What agreement is weighed for: a name part, or the place of origin. */
export type Evidence = NamePart | 'place';

export const ROLE_TAG: Record<Evidence, string> = { given: 'g', family: 'f', father: 'p', place: 'o' };
const ROLES: readonly NamePart[] = ['given', 'family', 'father'];

/** The distinct frequency keys of person i (what a frequency table counts, once per person). */
export function frequencyKeysOf(table: PersonTable, i: number): string[] {
  const nationality = table.nationalityCodes[table.nationality[i] ?? 0] ?? '';
  const keys = new Set<string>();
  if (nationality) keys.add(`n:${nationality}`);
  for (let v = table.variantOffset[i] ?? 0; v < (table.variantOffset[i + 1] ?? 0); v++)
    ROLES.forEach((role, r) => {
      const part = table.variantParts[v * 3 + r] ?? -1;
      if (part < 0) return;
      const key = table.parts.get(part).key;
      keys.add(`${ROLE_TAG[role]}::${key}`);
      if (nationality) keys.add(`${ROLE_TAG[role]}:${nationality}:${key}`);
    });
  const place = table.place[i] ?? -1;
  if (place >= 0) {
    const key = table.parts.get(place).key;
    keys.add(`${ROLE_TAG.place}::${key}`);
    if (nationality) keys.add(`${ROLE_TAG.place}:${nationality}:${key}`);
  }
  return [...keys];
}

/** Frequencies as a plain map (what is sent to worker threads). */
export type CountedFrequencies = { total: number; counts: Map<string, number> };

export function frequenciesOf(counted: CountedFrequencies): NameFrequencies {
  return { total: counted.total, count: (key) => counted.counts.get(key) ?? 0 };
}

/** Counts frequency keys over a table (what the batch uses; the database keeps such counts). */
export function countFrequencies(table: PersonTable): CountedFrequencies {
  const counts = new Map<string, number>();
  for (let i = 0; i < table.size; i++)
    for (const key of frequencyKeysOf(table, i)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return { total: table.size, counts };
}

/** The counts a table needs, read from other frequencies (to send them to worker threads). */
export function materialiseFrequencies(table: PersonTable, frequencies: NameFrequencies): CountedFrequencies {
  const counts = new Map<string, number>();
  for (let i = 0; i < table.size; i++)
    for (const key of frequencyKeysOf(table, i))
      if (!counts.has(key)) counts.set(key, frequencies.count(key));
  return { total: frequencies.total, counts };
}

const ROLE_INDEX: Record<Evidence, number> = { given: 0, family: 1, father: 2, place: 3 };

type Parameters = { m: number; min: number; max: number; defaultShare: number; smoothing: number };
const nameParameters = (role: NamePart): Parameters => ({
  ...NAME_AGREEMENT,
  defaultShare: NAME_AGREEMENT.defaultShare[role],
});
/** Agreement parameters: names share NAME_AGREEMENT, the place has PLACE. */
const PARAMETERS: Record<Evidence, Parameters> = {
  given: nameParameters('given'),
  family: nameParameters('family'),
  father: nameParameters('father'),
  place: PLACE,
};

/**
 * Agreement weights per role, part and nationality (cached), and the prior of a pair: the odds that two
 * persons of a group of that size are the same person before looking at them.
 */
export class AgreementWeights {
  /** Per nationality code and role: weight by part id (0 = not computed yet). */
  private readonly cache: Float64Array[][] = [];
  private readonly priors = new Map<number, number>();

  constructor(
    private readonly table: PersonTable,
    private readonly frequencies?: NameFrequencies,
  ) {}

  /** Persons in the comparison group: nationals of `nationality` (a code of the table), or everyone. */
  private groupSize(nationality: number): number {
    const known = this.frequencies;
    if (!known) return nationality ? POPULATION.defaultGroup : POPULATION.defaultTotal;
    if (!nationality) return Math.max(known.total, 1);
    return Math.max(known.count(`n:${this.table.nationalityCodes[nationality]}`), 1);
  }

  /** ln(m / share) of the part's key in that role within the group, clamped. */
  weight(role: Evidence, part: number, nationality: number): number {
    let byRole = this.cache[nationality];
    if (!byRole) {
      byRole = [];
      this.cache[nationality] = byRole;
    }
    const roleIndex = ROLE_INDEX[role];
    let column = byRole[roleIndex];
    if (!column || column.length <= part) {
      const grown = new Float64Array(Math.max(this.table.parts.parts.length, part + 1));
      if (column) grown.set(column);
      byRole[roleIndex] = column = grown;
    }
    const known = column[part] ?? 0;
    if (known !== 0) return known;
    const { defaultShare, smoothing, m, min, max } = PARAMETERS[role];
    const fallback = defaultShare * (nationality ? 1 : POPULATION.globalShareFactor);
    let share = fallback;
    if (this.frequencies) {
      const code = nationality ? this.table.nationalityCodes[nationality] : '';
      const count = this.frequencies.count(`${ROLE_TAG[role]}:${code}:${this.table.parts.get(part).key}`);
      share = (count + smoothing * fallback) / (this.groupSize(nationality) + smoothing);
    }
    const value = Math.min(max, Math.max(min, Math.log(m / share)));
    column[part] = value;
    return value;
  }

  /** Whether the part is a common name of its role in the group (weights.ts COMMON_NAME); false without frequencies. */
  isCommon(role: Evidence, part: number, nationality: number): boolean {
    if (!this.frequencies || part < 0) return false;
    const code = nationality ? this.table.nationalityCodes[nationality] : '';
    const count = this.frequencies.count(`${ROLE_TAG[role]}:${code}:${this.table.parts.get(part).key}`);
    return count >= COMMON_NAME.minCount && count >= COMMON_NAME.minShare * this.groupSize(nationality);
  }

  /** Log prior odds that two persons of the group are the same person. */
  prior(nationality: number): number {
    let value = this.priors.get(nationality);
    if (value === undefined) {
      value = Math.log(POPULATION.duplicatesPerPerson / this.groupSize(nationality)) + POPULATION.calibration;
      this.priors.set(nationality, value);
    }
    return value;
  }
}
