/**
 * The periodic rebuild of match keys (`refreshStaleMatchKeys`, a whole batch at once) leaves the same keys
 * and frequency counts as rewriting each stale person's keys in turn (`writeMatchKeys`): for persons never
 * keyed, persons keyed under older rules, and a merged person, who keeps none.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client';
import { identityRepository } from '../../src/modules/identity';
import {
  MATCH_KEYS_VERSION,
  refreshStaleMatchKeys,
  writeMatchKeys,
} from '../../src/modules/registry/person-matching';
import { persons } from '../../src/modules/registry/tables';
import { createTestDatabase } from '../harness/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type State = { keys: string[]; frequencies: string[] };

async function state(db: Db): Promise<State> {
  const keys = await db.execute(sql`select key || ' ' || person_id as k from person_match_keys order by 1`);
  const frequencies = await db.execute(sql`select key || ' ' || count as k from name_frequencies order by 1`);
  const list = (r: unknown) => (r as { rows: { k: string }[] }).rows.map((row) => row.k);
  return { keys: list(keys), frequencies: list(frequencies) };
}

const ROLLBACK = new Error('rollback');

it('rebuilds a batch as rewriting each person in turn would', async () => {
  const db = database.db;
  const office = await identityRepository.insertOffice(db, {
    code: 'TST',
    name: 'Test',
    country: 'FR',
    city: 'Paris',
    kind: 'host',
  });
  const people = [
    ['Amina', 'Haddad', null],
    ['Amina', 'Hadad', 'Karim'],
    ['Olena', 'Kovalenko', null],
    ['Olena', 'Kowalenko', 'Petro'],
    ['Arben', 'Hoxha', null],
    ['Ardit', 'Hoxha', 'Arben'],
  ] as const;
  const ids: string[] = [];
  for (const [i, [givenName, familyName, fatherName]] of people.entries()) {
    const id = randomUUID();
    ids.push(id);
    await db.insert(persons).values({
      id,
      reference: `TST-${i}`,
      owningOfficeId: office.id,
      givenName,
      familyName,
      fatherName,
      searchText: `${givenName} ${familyName}`.toLowerCase(),
      sex: 'female',
      birthDatePrecision: 'exact',
      matchKeysVersion: 0,
    });
  }
  // Two keyed under older rules (one of them merged since, with its keys still there); the others never.
  for (const id of ids.slice(0, 2)) await writeMatchKeys(db, id, (await row(db, id)) as never);
  await db
    .update(persons)
    .set({ matchKeysVersion: MATCH_KEYS_VERSION - 1 })
    .where(eq(persons.id, ids[0] as string));
  await db
    .update(persons)
    .set({ matchKeysVersion: MATCH_KEYS_VERSION - 1, mergedInto: ids[2] as string })
    .where(eq(persons.id, ids[1] as string));

  let expected: State | undefined;
  await db
    .transaction(async (tx) => {
      for (const id of ids) {
        const p = await row(tx, id);
        if (p && p.matchKeysVersion < MATCH_KEYS_VERSION) await writeMatchKeys(tx, id, p);
      }
      expected = await state(tx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });

  expect(await refreshStaleMatchKeys(db, 100)).toBe(ids.length);
  expect(await refreshStaleMatchKeys(db, 100)).toBe(0);
  expect(expected?.keys.length).toBeGreaterThan(0);
  expect(await state(db)).toEqual(expected);
});

async function row(db: Db, id: string) {
  const [p] = await db.select().from(persons).where(eq(persons.id, id));
  return p;
}
