/**
 * The queries of duplicate review (duplicates.ts): scans, candidate pairs and the reviewers' decisions.
 * Reads of pairs take the reviewer's scope over both records.
 */
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { offices } from '../identity/tables';
import type { PersonRow } from './repository';
import { duplicateCandidates, duplicateScans, identityDocuments, persons } from './tables';

export type ScanRow = typeof duplicateScans.$inferSelect;
export type CandidateRow = typeof duplicateCandidates.$inferSelect;
type CandidateInsert = typeof duplicateCandidates.$inferInsert;
type DocumentRow = typeof identityDocuments.$inferSelect;

// ---- scans ---------------------------------------------------------------------------------------

/** Scans still "running" that started before `startedBefore` are marked failed (interrupted). */
export async function failScansStartedBefore(db: Db, startedBefore: Date, now: Date): Promise<void> {
  await db
    .update(duplicateScans)
    .set({ status: 'failed', finishedAt: now, error: 'interrupted' })
    .where(and(eq(duplicateScans.status, 'running'), lt(duplicateScans.startedAt, startedBefore)));
}

/** The running scan of exactly these offices (`null`: of the whole registry), if any. */
export async function runningScanOf(db: Db, scopeOfficeIds: string[] | null): Promise<string | undefined> {
  const [running] = await db
    .select({ id: duplicateScans.id })
    .from(duplicateScans)
    .where(
      and(
        eq(duplicateScans.status, 'running'),
        scopeOfficeIds === null
          ? isNull(duplicateScans.scopeOfficeIds)
          : sql`${duplicateScans.scopeOfficeIds} = ${sql.param(scopeOfficeIds)}::uuid[]`,
      ),
    );
  return running?.id;
}

/** A whole-registry scan running, or started after `since`, if any. */
export async function recentWholeRegistryScan(db: Db, since: Date): Promise<string | undefined> {
  const [recent] = await db
    .select({ id: duplicateScans.id })
    .from(duplicateScans)
    .where(
      and(
        isNull(duplicateScans.scopeOfficeIds),
        or(eq(duplicateScans.status, 'running'), gt(duplicateScans.startedAt, since)),
      ),
    )
    .limit(1);
  return recent?.id;
}

export async function insertScan(db: Db, values: typeof duplicateScans.$inferInsert): Promise<string> {
  const [scan] = await db.insert(duplicateScans).values(values).returning({ id: duplicateScans.id });
  if (!scan) throw new Error('insert returned nothing');
  return scan.id;
}

export async function findScan(db: Db, id: string): Promise<ScanRow | undefined> {
  const [scan] = await db.select().from(duplicateScans).where(eq(duplicateScans.id, id));
  return scan;
}

export async function finishScan(
  db: Db,
  id: string,
  result: {
    finishedAt: Date;
    persons: number;
    comparisons: number;
    candidates: number;
    newCandidates: number;
  },
): Promise<void> {
  await db
    .update(duplicateScans)
    .set({ status: 'done', ...result })
    .where(eq(duplicateScans.id, id));
}

export async function failScan(db: Db, id: string, finishedAt: Date, error: string): Promise<void> {
  await db
    .update(duplicateScans)
    .set({ status: 'failed', finishedAt, error })
    .where(eq(duplicateScans.id, id));
}

/**
 * The latest scans the reviewer may see: those covering only offices where they review duplicates (a
 * whole-registry scan only by reviewers of every office). Counts of another office's registry stay there.
 */
export async function latestScans(db: Db, scope: OfficeScope, limit = 5) {
  return db
    .select()
    .from(duplicateScans)
    .where(scope === 'all' ? sql`true` : sql`${duplicateScans.scopeOfficeIds} <@ ${sql.param(scope)}::uuid[]`)
    .orderBy(desc(duplicateScans.startedAt))
    .limit(limit);
}

// ---- candidate pairs -----------------------------------------------------------------------------

/** The pairs decided "different" or merged: a scan does not propose them again. */
export async function decidedPairs(db: Db): Promise<[string, string][]> {
  const decided = await db
    .select({ a: duplicateCandidates.personA, b: duplicateCandidates.personB })
    .from(duplicateCandidates)
    .where(inArray(duplicateCandidates.status, ['different', 'merged']));
  return decided.map((d) => [d.a, d.b] as [string, string]);
}

/** On a pair already known, an open one takes the new score and reasons; a decided one stays as it is. */
const refreshOpenPair = () => ({
  target: [duplicateCandidates.personA, duplicateCandidates.personB],
  set: { score: sql`excluded.score`, reasons: sql`excluded.reasons` },
  setWhere: sql`${duplicateCandidates.status} = 'open'`,
});

/** Records these pairs (or refreshes open ones); returns each written row's `foundAt`. */
export async function upsertCandidates(tx: Db, rows: CandidateInsert[]): Promise<{ foundAt: Date }[]> {
  return tx
    .insert(duplicateCandidates)
    .values(rows)
    .onConflictDoUpdate(refreshOpenPair())
    .returning({ foundAt: duplicateCandidates.foundAt });
}

/** Records one pair (or refreshes it while open). */
export async function upsertCandidate(tx: Db, row: CandidateInsert): Promise<void> {
  await tx.insert(duplicateCandidates).values(row).onConflictDoUpdate(refreshOpenPair());
}

export async function findCandidate(db: Db, id: string): Promise<CandidateRow | undefined> {
  const [found] = await db.select().from(duplicateCandidates).where(eq(duplicateCandidates.id, id));
  return found;
}

export async function markCandidateDifferent(
  tx: Db,
  id: string,
  decided: { by: string; byName: string; at: Date },
): Promise<void> {
  await tx
    .update(duplicateCandidates)
    .set({
      status: 'different',
      decidedBy: decided.by,
      decidedByName: decided.byName,
      decidedAt: decided.at,
    })
    .where(eq(duplicateCandidates.id, id));
}

const officeA = alias(offices, 'office_a');
const officeB = alias(offices, 'office_b');
const a = alias(persons, 'person_a');
const b = alias(persons, 'person_b');

/** Open (or decided) pairs whose two records the reviewer can read, best first. */
export async function listCandidates(
  db: Db,
  scope: OfficeScope,
  filter: { status: 'open' | 'merged' | 'different'; officeId?: string; id?: string; limit: number },
) {
  return db
    .select({ row: duplicateCandidates, a, b, officeA: officeA.code, officeB: officeB.code })
    .from(duplicateCandidates)
    .innerJoin(a, eq(a.id, duplicateCandidates.personA))
    .innerJoin(b, eq(b.id, duplicateCandidates.personB))
    .innerJoin(officeA, eq(officeA.id, a.owningOfficeId))
    .innerJoin(officeB, eq(officeB.id, b.owningOfficeId))
    .where(
      and(
        eq(duplicateCandidates.status, filter.status),
        filter.id ? eq(duplicateCandidates.id, filter.id) : sql`true`,
        inScope(a.owningOfficeId, scope),
        inScope(b.owningOfficeId, scope),
        filter.status === 'open' ? and(isNull(a.mergedInto), isNull(b.mergedInto)) : sql`true`,
        filter.officeId
          ? or(eq(a.owningOfficeId, filter.officeId), eq(b.owningOfficeId, filter.officeId))
          : sql`true`,
      ),
    )
    .orderBy(desc(duplicateCandidates.score), duplicateCandidates.id)
    .limit(filter.limit);
}

/**
 * Open pairs with one record in `scope` and the other outside it: the reviewer may not read the other side,
 * so they are decided by someone who reviews both offices (a registry officer holding both). Only counted.
 */
export async function countPairsReachingOutside(db: Db, scope: OfficeScope): Promise<number> {
  if (scope === 'all' || scope.length === 0) return 0;
  const inside = (column: typeof a.owningOfficeId | typeof b.owningOfficeId) =>
    sql`${column} = any(${sql.param(scope)}::uuid[])`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(duplicateCandidates)
    .innerJoin(a, eq(a.id, duplicateCandidates.personA))
    .innerJoin(b, eq(b.id, duplicateCandidates.personB))
    .where(
      and(
        eq(duplicateCandidates.status, 'open'),
        isNull(a.mergedInto),
        isNull(b.mergedInto),
        sql`(${inside(a.owningOfficeId)}) <> (${inside(b.owningOfficeId)})`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * Other persons (not merged, in every office) holding the same document as `personId`: same type, issuing
 * country and number, not withheld.
 */
export async function otherHoldersOf(
  tx: Db,
  personId: string,
  document: Pick<DocumentRow, 'numberIndex' | 'type' | 'issuingCountry'>,
): Promise<PersonRow[]> {
  const holders = await tx
    .selectDistinct({ person: persons })
    .from(identityDocuments)
    .innerJoin(persons, eq(persons.id, identityDocuments.personId))
    .where(
      and(
        eq(identityDocuments.numberIndex, document.numberIndex),
        eq(identityDocuments.type, document.type),
        document.issuingCountry === null
          ? isNull(identityDocuments.issuingCountry)
          : eq(identityDocuments.issuingCountry, document.issuingCountry),
        eq(identityDocuments.withheld, false),
        sql`${identityDocuments.personId} <> ${personId}`,
        isNull(persons.mergedInto),
      ),
    );
  return holders.map((h) => h.person);
}
