/** Queries of a person's hand-over to another office (with a transferred case). */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { identityDocuments, persons } from './tables';

export async function personForHandOver(db: Db, personId: string) {
  const [row] = await db.select().from(persons).where(eq(persons.id, personId));
  return row;
}

export async function setPersonOffice(
  db: Db,
  personId: string,
  change: { owningOfficeId: string; specificNeeds: string[]; withheldNeeds: string[] },
  now: Date,
): Promise<void> {
  await db
    .update(persons)
    .set({ ...change, version: sql`${persons.version} + 1`, updatedAt: now })
    .where(eq(persons.id, personId));
}

export async function withholdDocumentsOf(db: Db, personId: string): Promise<void> {
  await db
    .update(identityDocuments)
    .set({ withheld: true })
    .where(and(eq(identityDocuments.personId, personId), eq(identityDocuments.withheld, false)));
}
