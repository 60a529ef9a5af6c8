/**
 * The queries of the registry's side of matching (person-matching.ts, scan-source.ts): person match keys,
 * name frequencies, the documents the matcher compares, candidates by shared keys and the pages a
 * duplicate scan reads.
 */
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import type { PersonRow } from './repository';
import { identityDocuments, nameFrequencies, personMatchKeys, persons } from './tables';

/** Candidates taken per blocking key in the online check (see personsSharingKeys). */
const BUCKET_CAP = 300;
/** Name search counts each word's persons up to this many, to start from the rarest word. */
const RAREST_PROBE = 20_000;

/** The documents of these persons (not withheld), as much of them as the matcher compares. */
export async function matchDocumentRows(db: Db, personIds: readonly string[]) {
  return db
    .select({
      personId: identityDocuments.personId,
      type: identityDocuments.type,
      issuingCountry: identityDocuments.issuingCountry,
      numberIndex: identityDocuments.numberIndex,
    })
    .from(identityDocuments)
    .where(
      and(
        sql`${identityDocuments.personId} = any(${sql.param(personIds)}::uuid[])`,
        eq(identityDocuments.withheld, false),
      ),
    );
}

/** Adds `delta` to the counts of these frequency keys (at least one key). */
export async function addToFrequencies(tx: Db, keys: readonly string[], delta: 1 | -1): Promise<void> {
  await tx
    .insert(nameFrequencies)
    .values(keys.map((key) => ({ key, count: delta })))
    .onConflictDoUpdate({
      target: nameFrequencies.key,
      set: { count: sql`${nameFrequencies.count} + ${delta}` },
    });
}

/** Adds each key's own amount to its count (a key never counted starts from zero). */
export async function addCountsToFrequencies(tx: Db, counts: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...counts].filter(([, n]) => n !== 0).map(([key, count]) => ({ key, count }));
  for (let i = 0; i < rows.length; i += 5_000)
    await tx
      .insert(nameFrequencies)
      .values(rows.slice(i, i + 5_000))
      .onConflictDoUpdate({
        target: nameFrequencies.key,
        set: { count: sql`${nameFrequencies.count} + excluded.count` },
      });
}

/** The counts of these frequency keys (a key never counted has no row). */
export async function frequencyRows(db: Db, keys: readonly string[]) {
  return db
    .select()
    .from(nameFrequencies)
    .where(inArray(nameFrequencies.key, [...keys]));
}

/** The keys a person holds now. */
export async function matchKeysOf(tx: Db, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ key: personMatchKeys.key })
    .from(personMatchKeys)
    .where(eq(personMatchKeys.personId, personId));
  return rows.map((r) => r.key);
}

/** The keys each of these persons holds now (persons without keys are left out). */
export async function matchKeysOfPersons(
  tx: Db,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ personId: personMatchKeys.personId, key: personMatchKeys.key })
    .from(personMatchKeys)
    .where(inArray(personMatchKeys.personId, [...personIds]));
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.personId, [...(out.get(row.personId) ?? []), row.key]);
  return out;
}

export async function deleteMatchKeysOfPersons(tx: Db, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.delete(personMatchKeys).where(inArray(personMatchKeys.personId, [...personIds]));
}

export async function insertMatchKeyRows(
  tx: Db,
  rows: readonly { key: string; personId: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000)
    await tx.insert(personMatchKeys).values(rows.slice(i, i + 5_000));
}

/** Records under which rules these persons' keys were written. */
export async function setMatchKeysVersionOf(
  tx: Db,
  personIds: readonly string[],
  version: number,
): Promise<void> {
  await tx
    .update(persons)
    .set({ matchKeysVersion: version })
    .where(inArray(persons.id, [...personIds]));
}

export async function deleteMatchKeys(tx: Db, personId: string): Promise<void> {
  await tx.delete(personMatchKeys).where(eq(personMatchKeys.personId, personId));
}

export async function insertMatchKeys(tx: Db, personId: string, keys: readonly string[]): Promise<void> {
  await tx.insert(personMatchKeys).values(keys.map((key) => ({ key, personId })));
}

/** Records under which rules a person's keys were written. */
export async function setMatchKeysVersion(tx: Db, personId: string, version: number): Promise<void> {
  await tx.update(persons).set({ matchKeysVersion: version }).where(eq(persons.id, personId));
}

/** Up to `batch` persons whose keys were written under rules older than `version` (or never). */
export async function personsWithKeysBefore(db: Db, version: number, batch: number): Promise<PersonRow[]> {
  return db.select().from(persons).where(lt(persons.matchKeysVersion, version)).limit(batch);
}

/**
 * Persons sharing keys with a query, within a scope, not merged, at most `cap` of them: sharing any key
 * (the online check, by blocking keys) or, with `all`, every key (a search: each word of the query).
 */
export async function personsSharingKeys(
  db: Db,
  scope: OfficeScope,
  keys: string[],
  cap: number,
  all: boolean,
): Promise<PersonRow[]> {
  const ids = all
    ? // Every key must match (a search: each word of the query). The persons of the rarest key (counted up
      // to RAREST_PROBE rows each) are read and kept when they have every other key too: a common word
      // ("Mohammed") then costs no more than the rarer one beside it.
      sql`(select m.person_id from person_match_keys m
          where m.key = (select k.key from unnest(${sql.param(keys)}::text[]) as k(key)
            order by (select count(*) from (select 1 from person_match_keys x where x.key = k.key
              limit ${RAREST_PROBE}) c), k.key limit 1)
          and (select count(*) from person_match_keys o
            where o.person_id = m.person_id and o.key = any(${sql.param(keys)}::text[])) = ${keys.length}
          limit ${cap})`
    : // Per key at most BUCKET_CAP persons; a key that reaches the cap (a very common name without a date) is
      // left out when other keys remain, as the batch does with its largest blocks.
      sql`(with per as (
            select k.key, x.person_id from unnest(${sql.param(keys)}::text[]) as k(key)
            cross join lateral (select person_id from person_match_keys m where m.key = k.key limit ${BUCKET_CAP}) x),
          sizes as (select key, count(*) as n from per group by key)
          select distinct per.person_id from per join sizes on sizes.key = per.key
          where sizes.n < ${BUCKET_CAP} or not exists (select 1 from sizes where n < ${BUCKET_CAP})
          limit ${cap})`;
  return db
    .select()
    .from(persons)
    .where(
      and(sql`${persons.id} in ${ids}`, inScope(persons.owningOfficeId, scope), isNull(persons.mergedInto)),
    );
}

// ---- what a duplicate scan reads -----------------------------------------------------------------

/** The next page of a scope's persons (not merged), by id after `after`. */
export async function scanPage(
  db: Db,
  scope: OfficeScope,
  after: string,
  limit: number,
): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(
      and(isNull(persons.mergedInto), sql`${persons.id} > ${after}`, inScope(persons.owningOfficeId, scope)),
    )
    .orderBy(persons.id)
    .limit(limit);
}

/** How many persons (not merged) a scope holds. */
export async function countUnmerged(db: Db, scope: OfficeScope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(and(isNull(persons.mergedInto), inScope(persons.owningOfficeId, scope)));
  return row?.n ?? 0;
}
