/** The only place that queries registry tables. Every read takes the actor's office scope. */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { visibleNeeds } from '../../platform/sensitivity';
import { offices } from '../identity/tables';
import type { Person, PersonSummary } from './contract';
import { consents, households, identityDocuments, personReferenceSeq, persons } from './tables';

export type PersonRow = typeof persons.$inferSelect;
export type PersonInsert = typeof persons.$inferInsert;
export type DocumentRow = typeof identityDocuments.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;

const iso = (d: Date) => d.toISOString();

export function toPerson(row: PersonRow, officeCode: string, seeSensitive: boolean): Person {
  return {
    id: row.id,
    reference: row.reference,
    officeId: row.owningOfficeId,
    officeCode,
    givenName: row.givenName,
    familyName: row.familyName,
    fatherName: row.fatherName,
    givenNameOriginal: row.givenNameOriginal,
    familyNameOriginal: row.familyNameOriginal,
    fatherNameOriginal: row.fatherNameOriginal,
    originalScript: row.originalScript,
    sex: row.sex,
    birthDate: row.birthDate,
    birthDatePrecision: row.birthDatePrecision,
    nationalities: row.nationalities,
    languages: row.languages,
    phone: row.phone,
    email: row.email,
    address: row.address,
    placeOfOrigin: row.placeOfOrigin,
    countryOfOrigin: row.countryOfOrigin,
    specificNeeds: visibleNeeds(row.specificNeeds, seeSensitive),
    aliases: row.aliases,
    householdId: row.householdId,
    relationship: (row.relationship as Person['relationship']) ?? null,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export async function nextPersonReference(db: Db, officeCode: string): Promise<string> {
  const rows = await db.execute(sql`select nextval(${sql.raw(`'${personReferenceSeq.seqName}'`)})::int as n`);
  const n = (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  return `${officeCode}-P${String(n).padStart(6, '0')}`;
}

export async function insertPerson(db: Db, values: PersonInsert): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function findPerson(
  db: Db,
  scope: OfficeScope,
  id: string,
): Promise<{ row: PersonRow; officeCode: string } | undefined> {
  const [found] = await db
    .select({ row: persons, officeCode: offices.code })
    .from(persons)
    .innerJoin(offices, eq(offices.id, persons.owningOfficeId))
    .where(and(eq(persons.id, id), inScope(persons.owningOfficeId, scope), isNull(persons.mergedInto)));
  return found;
}

/** A record even if it was merged into another (for undoing a merge and for its history). */
export async function findPersonRecord(
  db: Db,
  scope: OfficeScope,
  id: string,
): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), inScope(persons.owningOfficeId, scope)));
  return row;
}

export async function updatePersonAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<PersonInsert>,
  now: Date,
): Promise<PersonRow | undefined> {
  const [row] = await db
    .update(persons)
    .set({ ...patch, version: sql`${persons.version} + 1`, updatedAt: now })
    .where(and(eq(persons.id, id), eq(persons.version, version)))
    .returning();
  return row;
}

/**
 * How many of a person's cases the reader may count: the registry's one read of the cases table, which it
 * cannot import (cases depends on the registry); its visibility is the cases module's rule, from the policy.
 */
export type CaseVisibility = SQL;

function caseCount(visibility: CaseVisibility) {
  return sql<number>`(select count(*)::int from cases c where c.person_id = "persons"."id" and ${visibility})`;
}

export function summary(row: PersonRow, officeCode: string, cases: number): PersonSummary {
  return {
    id: row.id,
    reference: row.reference,
    officeCode,
    givenName: row.givenName,
    familyName: row.familyName,
    givenNameOriginal: row.givenNameOriginal,
    familyNameOriginal: row.familyNameOriginal,
    sex: row.sex,
    birthDate: row.birthDate,
    birthDatePrecision: row.birthDatePrecision,
    nationalities: row.nationalities,
    caseCount: cases,
  };
}

/** Name (any script, any alias, by trigram similarity) or exact document number (by blind index). */
export async function searchPersons(
  db: Db,
  scope: OfficeScope,
  filter: { text?: string; documentIndex?: string; officeId?: string; nationality?: string; limit: number },
  visibility: CaseVisibility,
): Promise<PersonSummary[]> {
  const conditions: SQL[] = [inScope(persons.owningOfficeId, scope), isNull(persons.mergedInto)];
  if (filter.officeId) conditions.push(eq(persons.owningOfficeId, filter.officeId));
  if (filter.nationality) conditions.push(sql`${filter.nationality} = any(${persons.nationalities})`);
  let order: SQL[] = [asc(persons.familyName), asc(persons.givenName), asc(persons.id)];
  if (filter.text) {
    const words = filter.text.split(' ').filter(Boolean);
    // Document holders first, by the blind index alone: an OR with a correlated subquery would defeat the
    // trigram index and scan every person.
    const holders = filter.documentIndex
      ? (
          await db
            .select({ personId: identityDocuments.personId })
            .from(identityDocuments)
            .where(
              and(
                eq(identityDocuments.numberIndex, filter.documentIndex),
                eq(identityDocuments.withheld, false),
              ),
            )
        ).map((d) => d.personId)
      : [];
    const byDocument = holders.length ? inArray(persons.id, holders) : sql`false`;
    // Every word must appear (substring); ranking by similarity of the whole query.
    const byName = and(
      ...words.map((w) => sql`${persons.searchText} like ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
    ) as SQL;
    conditions.push(sql`(${byName} or ${byDocument})`);
    order = [desc(sql`similarity(${persons.searchText}, ${filter.text})`), asc(persons.id)];
  }
  const rows = await db
    .select({ row: persons, officeCode: offices.code, cases: caseCount(visibility) })
    .from(persons)
    .innerJoin(offices, eq(offices.id, persons.owningOfficeId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(filter.limit);
  return rows.map((r) => summary(r.row, r.officeCode, r.cases));
}

/** How many cases of each person the reader may count. */
export async function caseCounts(
  db: Db,
  ids: string[],
  visibility: CaseVisibility,
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, cases: caseCount(visibility) })
    .from(persons)
    .where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r.cases]));
}

// ---- documents, consents, households -------------------------------------------------------------

export async function documentsOf(db: Db, personId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(identityDocuments)
    .where(and(eq(identityDocuments.personId, personId), eq(identityDocuments.withheld, false)))
    .orderBy(asc(identityDocuments.createdAt));
}
export async function insertDocument(
  db: Db,
  values: typeof identityDocuments.$inferInsert,
): Promise<DocumentRow> {
  const [row] = await db.insert(identityDocuments).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function findDocument(db: Db, personId: string, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(identityDocuments)
    .where(
      and(
        eq(identityDocuments.id, id),
        eq(identityDocuments.personId, personId),
        eq(identityDocuments.withheld, false),
      ),
    );
  return row;
}
export async function deleteDocument(db: Db, id: string): Promise<void> {
  await db.delete(identityDocuments).where(eq(identityDocuments.id, id));
}

export async function consentsOf(db: Db, personId: string): Promise<ConsentRow[]> {
  return db.select().from(consents).where(eq(consents.personId, personId)).orderBy(desc(consents.givenOn));
}
export async function insertConsent(db: Db, values: typeof consents.$inferInsert): Promise<ConsentRow> {
  const [row] = await db.insert(consents).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function findConsent(db: Db, personId: string, id: string): Promise<ConsentRow | undefined> {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.id, id), eq(consents.personId, personId)));
  return row;
}
export async function withdrawConsent(db: Db, id: string, on: string): Promise<ConsentRow | undefined> {
  const [row] = await db.update(consents).set({ withdrawnOn: on }).where(eq(consents.id, id)).returning();
  return row;
}

/** Members of a household that the reader may see (a household can span offices). */
export async function householdMembers(
  db: Db,
  householdId: string,
  scope: OfficeScope,
): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(
      and(
        eq(persons.householdId, householdId),
        inScope(persons.owningOfficeId, scope),
        isNull(persons.mergedInto),
      ),
    )
    .orderBy(asc(persons.birthDate), asc(persons.id));
}
export async function createHousehold(db: Db, officeId: string, principalPersonId: string): Promise<string> {
  const [row] = await db
    .insert(households)
    .values({ owningOfficeId: officeId, principalPersonId })
    .returning({ id: households.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}
export async function officeCodes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: offices.id, code: offices.code })
    .from(offices)
    .where(inArray(offices.id, ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** One sealed document number, if any exists: proof of which key the stored data needs. */
export async function sealedSample(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ sealed: identityDocuments.numberSealed }).from(identityDocuments).limit(1);
  return row?.sealed;
}
