/**
 * Blocking keys (from loose phonetic keys: normalise.ts looseKey): short strings such that two records of the same person almost always share one, while
 * few records of different persons do. Stored per person in an indexed (person_id, key) table for the
 * online check, and used as buckets by the batch. Kinds:
 * - "n" + the sorted phonetic keys of given and family name (and of given and father's name): no date,
 *   so it survives any birth-date error and a swapped name order;
 * - "t" + one name's key + the other's first two consonants + a two-year birth band, in two offset bands
 *   (so dates one year apart always share a band): survives a typo in either name;
 * - "u": the same with the other's last two consonants, one band: survives a typo early in a name;
 * - "d" + one name's first three consonants + the full birth date (when known to the day): survives
 *   anything in the other name and a typo late in this one.
 * - "o" + the place of origin's first three consonants + the given name's key + the family name's
 *   initial: no date, so it survives a missing or wrong birth date together with a typo in the family
 *   name (a key of the place and the family name instead was tried: it found almost nothing more).
 * - "s" + the family name's key + one two-year band, so that a record with only a family name (the given
 *   name missing or illegible), which gets "s" + that key (+ bands, and without band), still meets the
 *   complete records of the same person.
 * - "x" + a document's key: the same document on two records, whatever their names say (first, as the
 *   surest).
 * At most MAX_KEYS keys per person.
 */
import { type PersonTable, PRECISION } from './table';

export const MAX_KEYS = 12;
/** Phonetic keys are cut to this length in blocking keys. */
const KEY_LENGTH = 6;

function bands(year: number): string[] {
  if (!year) return [];
  return [`a${(year >> 1).toString(36)}`, `b${((year + 1) >> 1).toString(36)}`];
}

function pairKey(x: string, y: string): string {
  return x < y ? `n${x}~${y}` : `n${y}~${x}`;
}

/** The blocking keys of person i, most useful first. */
export function blockingKeysOf(table: PersonTable, i: number): string[] {
  const given = new Set<string>();
  const family = new Set<string>();
  const father = new Set<string>();
  const sets = [given, family, father];
  for (let v = table.variantOffset[i] ?? 0; v < (table.variantOffset[i + 1] ?? 0); v++)
    for (let r = 0; r < 3; r++) {
      const part = table.variantParts[v * 3 + r] ?? -1;
      if (part >= 0) sets[r]?.add(table.parts.get(part).loose.slice(0, KEY_LENGTH));
    }
  const year = table.birthPrecision[i] === PRECISION.none ? 0 : (table.birthYear[i] ?? 0);
  const yearBands = bands(year);
  const fullDate =
    table.birthPrecision[i] === PRECISION.day && table.birthPlaceholder[i] === 0
      ? `${year.toString(36)}${(table.birthMonthDay[i] ?? 0).toString(36)}`
      : '';
  const keys = new Set<string>();
  const add = (key: string) => {
    if (keys.size < MAX_KEYS) keys.add(key);
  };
  for (let d = table.documentOffset[i] ?? 0; d < (table.documentOffset[i + 1] ?? 0); d++)
    add(`x${table.documentKeys[table.documentIds[d] ?? -1] ?? ''}`);
  for (const g of given) for (const f of family) add(pairKey(g, f));
  for (const g of given)
    for (const f of family)
      for (const band of yearBands) {
        add(`t${g}${f.slice(0, 2)}${band}`);
        add(`t${f}${g.slice(0, 2)}${band}`);
      }
  for (const g of given)
    for (const f of family)
      if (yearBands[0]) {
        add(`u${g}${f.slice(-2)}${yearBands[0]}`);
        add(`u${f}${g.slice(-2)}${yearBands[0]}`);
      }
  if (fullDate) for (const name of [...given, ...family]) add(`d${name.slice(0, 3)}${fullDate}`);
  const placePart = table.place[i] ?? -1;
  if (placePart >= 0) {
    const place = table.parts.get(placePart).loose.slice(0, KEY_LENGTH);
    if (place.length >= 2)
      for (const g of given) for (const f of family) add(`o${place.slice(0, 3)}${g}${f.charAt(0)}`);
  }
  if (given.size === 0 || family.size === 0)
    for (const single of [...given, ...family]) {
      add(`s${single}`);
      for (const band of yearBands) add(`s${single}${band}`);
    }
  else if (yearBands[0]) for (const f of family) add(`s${f}${yearBands[0]}`);
  return [...keys];
}
