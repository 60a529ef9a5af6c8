/** Queries of the reception partner's links (ADR 0018). */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../cases/tables';
import { offices } from '../identity/tables';
import { receptionLinks, resettlementHouseholds } from './tables';

export type ReceptionLinkRow = typeof receptionLinks.$inferSelect;

/** A household's links, newest first. */
export async function receptionLinksOf(db: Db, caseId: string): Promise<ReceptionLinkRow[]> {
  return db
    .select()
    .from(receptionLinks)
    .where(eq(receptionLinks.caseId, caseId))
    .orderBy(desc(receptionLinks.createdAt), desc(receptionLinks.id));
}

/** Serializes the link changes of one household (until the end of the transaction). */
export async function lockHouseholdRow(db: Db, caseId: string): Promise<void> {
  await db
    .select({ caseId: resettlementHouseholds.caseId })
    .from(resettlementHouseholds)
    .where(eq(resettlementHouseholds.caseId, caseId))
    .for('update');
}

/** Revokes a household's links not revoked yet (the live one, and expired ones); returns how many. */
export async function revokeLinksOf(db: Db, caseId: string, at: Date): Promise<number> {
  const rows = await db
    .update(receptionLinks)
    .set({ revokedAt: at })
    .where(and(eq(receptionLinks.caseId, caseId), isNull(receptionLinks.revokedAt)))
    .returning({ id: receptionLinks.id });
  return rows.length;
}

export async function insertReceptionLink(
  db: Db,
  values: typeof receptionLinks.$inferInsert,
): Promise<ReceptionLinkRow> {
  const [row] = await db.insert(receptionLinks).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function findReceptionLink(
  db: Db,
  caseId: string,
  id: string,
): Promise<ReceptionLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(receptionLinks)
    .where(and(eq(receptionLinks.id, id), eq(receptionLinks.caseId, caseId)));
  return row;
}

/** Revokes one link of a household if it is not yet; the link as it is then. */
export async function revokeLink(db: Db, id: string, at: Date): Promise<ReceptionLinkRow | undefined> {
  const [row] = await db
    .update(receptionLinks)
    .set({ revokedAt: sql`coalesce(${receptionLinks.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(receptionLinks.id, id))
    .returning();
  return row;
}

export async function receptionLinkByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ link: receptionLinks, officeName: offices.name })
    .from(receptionLinks)
    .innerJoin(cases, eq(cases.id, receptionLinks.caseId))
    .innerJoin(offices, eq(offices.id, cases.owningOfficeId))
    .where(eq(receptionLinks.tokenHash, tokenHash));
  return row;
}

export async function touchReceptionLink(db: Db, id: string, at: Date): Promise<void> {
  await db.update(receptionLinks).set({ lastVisitAt: at }).where(eq(receptionLinks.id, id));
}

/** Records the partner's confirmation, once: undefined when it was already recorded. */
export async function confirmReceptionAt(
  db: Db,
  id: string,
  values: { receivedOn: string; confirmedByName: string; confirmationNote: string | null; confirmedAt: Date },
): Promise<ReceptionLinkRow | undefined> {
  const [row] = await db
    .update(receptionLinks)
    .set(values)
    .where(and(eq(receptionLinks.id, id), isNull(receptionLinks.confirmedAt)))
    .returning();
  return row;
}
