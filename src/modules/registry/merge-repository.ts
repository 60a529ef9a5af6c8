/**
 * The queries of merging two records of the same person and undoing it (merge.ts). Each takes the caller's
 * transaction: the use case decides what changes, in what order.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { PersonInsert, PersonRow } from './repository';
import { consents, duplicateCandidates, identityDocuments, personMerges, persons } from './tables';

export type MergeRow = typeof personMerges.$inferSelect;

/** The two records of a merge, locked until the end of the transaction. */
export async function lockPersonsForMerge(tx: Db, ids: string[]): Promise<PersonRow[]> {
  return tx.select().from(persons).where(inArray(persons.id, ids)).for('update');
}

/** A record, locked until the end of the transaction. */
export async function lockPerson(tx: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id)).for('update');
  return row;
}

/** These records as they are now (in any state, merged or not). */
export async function personsByIds(tx: Db, ids: string[]): Promise<PersonRow[]> {
  return tx.select().from(persons).where(inArray(persons.id, ids));
}

/** Every identity document of one person moves to another; returns the moved documents' ids. */
export async function moveAllDocuments(tx: Db, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const rows = await tx
    .update(identityDocuments)
    .set({ personId: toPersonId })
    .where(eq(identityDocuments.personId, fromPersonId))
    .returning({ id: identityDocuments.id });
  return rows.map((r) => r.id);
}

/** Every consent of one person moves to another; returns the moved consents' ids. */
export async function moveAllConsents(tx: Db, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const rows = await tx
    .update(consents)
    .set({ personId: toPersonId })
    .where(eq(consents.personId, fromPersonId))
    .returning({ id: consents.id });
  return rows.map((r) => r.id);
}

/** These documents go back to `toPersonId`, those of them still held by `fromPersonId`. */
export async function moveDocumentsBack(
  tx: Db,
  ids: string[],
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  await tx
    .update(identityDocuments)
    .set({ personId: toPersonId })
    .where(and(inArray(identityDocuments.id, ids), eq(identityDocuments.personId, fromPersonId)));
}

/** These consents go back to `toPersonId`, those of them still held by `fromPersonId`. */
export async function moveConsentsBack(
  tx: Db,
  ids: string[],
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  await tx
    .update(consents)
    .set({ personId: toPersonId })
    .where(and(inArray(consents.id, ids), eq(consents.personId, fromPersonId)));
}

/** Changes a record as a merge (or its undoing) does, whatever its version: the row is locked. */
export async function updateMergedPerson(
  tx: Db,
  id: string,
  patch: Partial<PersonInsert>,
  now: Date,
): Promise<void> {
  await tx
    .update(persons)
    .set({ ...patch, version: sql`${persons.version} + 1`, updatedAt: now })
    .where(eq(persons.id, id));
}

/** Hides a record behind the one it was merged into (`null`: brings it back). */
export async function setMergedInto(tx: Db, id: string, mergedInto: string | null, now: Date): Promise<void> {
  await tx
    .update(persons)
    .set({ mergedInto, version: sql`${persons.version} + 1`, updatedAt: now })
    .where(eq(persons.id, id));
}

export async function insertMerge(
  tx: Db,
  values: typeof personMerges.$inferInsert,
): Promise<string | undefined> {
  const [record] = await tx.insert(personMerges).values(values).returning({ id: personMerges.id });
  return record?.id;
}

export async function findMerge(db: Db, id: string): Promise<MergeRow | undefined> {
  const [record] = await db.select().from(personMerges).where(eq(personMerges.id, id));
  return record;
}

export async function markMergeUndone(tx: Db, id: string, now: Date, byName: string): Promise<void> {
  await tx.update(personMerges).set({ undoneAt: now, undoneByName: byName }).where(eq(personMerges.id, id));
}

/** The candidate pair (a < b) is decided as merged, by this reviewer. */
export async function markPairMerged(
  tx: Db,
  a: string,
  b: string,
  decided: { by: string; byName: string; at: Date },
): Promise<void> {
  await tx
    .update(duplicateCandidates)
    .set({
      status: 'merged',
      decidedBy: decided.by,
      decidedByName: decided.byName,
      decidedAt: decided.at,
    })
    .where(and(eq(duplicateCandidates.personA, a), eq(duplicateCandidates.personB, b)));
}

/** The candidate pair (a < b) is open again, undecided. */
export async function reopenPair(tx: Db, a: string, b: string): Promise<void> {
  await tx
    .update(duplicateCandidates)
    .set({ status: 'open', decidedBy: null, decidedByName: null, decidedAt: null })
    .where(and(eq(duplicateCandidates.personA, a), eq(duplicateCandidates.personB, b)));
}

/** The merges into a person with the merged records, newest first. */
export async function mergesInto(db: Db, keptPersonId: string) {
  return db
    .select({ merge: personMerges, merged: persons })
    .from(personMerges)
    .innerJoin(persons, eq(persons.id, personMerges.mergedPersonId))
    .where(eq(personMerges.keptPersonId, keptPersonId))
    .orderBy(desc(personMerges.mergedAt));
}
