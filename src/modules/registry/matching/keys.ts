/** Keys of one person, for storage in the database's (person_id, key) table. */
import { blockingKeysOf } from './blocking';
import { frequencyKeysOf } from './frequencies';
import { PersonTable } from './table';
import type { MatchPerson } from './types';

/**
 * The blocking keys of a person (at most 12 short strings): store them, and look candidates up by the
 * keys of a new registration; two records of one person share at least one key in nearly every case.
 */
export function blockingKeys(person: MatchPerson): string[] {
  return blockingKeysOf(PersonTable.build([person]), 0);
}

/**
 * The frequency keys of a person ("g:mhmd", "f:hsn", "p:…" for names, "o:…" for the place of origin,
 * "n:IRQ" for the nationality): count them per key over the registry to pass NameFrequencies to
 * comparePersons.
 */
export function frequencyKeys(person: MatchPerson): string[] {
  return frequencyKeysOf(PersonTable.build([person]), 0);
}
