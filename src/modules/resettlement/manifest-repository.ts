/** The rows of a movement's manifest, read in one go: passengers with their person, booking and papers. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../cases/tables';
import { identityDocuments, persons } from '../registry/tables';
import {
  clearances,
  healthAssessments,
  movementBookings,
  movementPassengers,
  resettlementHouseholds,
  resettlementMembers,
} from './tables';

export async function manifestRows(db: Db, movementId: string) {
  return db
    .select({
      passenger: movementPassengers,
      bookingStatus: movementBookings.status,
      caseId: cases.id,
      caseReference: cases.reference,
      agencyReference: resettlementHouseholds.referringReference,
      relationship: resettlementMembers.relationship,
      person: persons,
    })
    .from(movementPassengers)
    .innerJoin(movementBookings, eq(movementBookings.id, movementPassengers.bookingId))
    .innerJoin(cases, eq(cases.id, movementBookings.caseId))
    .innerJoin(persons, eq(persons.id, movementPassengers.personId))
    .leftJoin(resettlementHouseholds, eq(resettlementHouseholds.caseId, cases.id))
    .leftJoin(
      resettlementMembers,
      and(
        eq(resettlementMembers.caseId, cases.id),
        eq(resettlementMembers.personId, persons.id),
        isNull(resettlementMembers.leftOn),
      ),
    )
    .where(
      and(
        eq(movementPassengers.movementId, movementId),
        inArray(movementBookings.status, ['booked', 'boarded']),
      ),
    )
    .orderBy(
      asc(cases.reference),
      sql`${resettlementMembers.relationship} = 'principal' desc`,
      sql`${persons.birthDate} asc nulls last`,
      asc(persons.id),
    );
}

/** Travel documents (passport, laissez-passer...) of these persons, sealed. */
export async function travelDocumentsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(identityDocuments)
    .where(and(inArray(identityDocuments.personId, personIds), eq(identityDocuments.withheld, false)))
    .orderBy(asc(identityDocuments.createdAt));
}

export async function currentPapersOf(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return { papers: [], health: [] };
  const [papers, health] = await Promise.all([
    db
      .select()
      .from(clearances)
      .where(and(inArray(clearances.caseId, caseIds), isNull(clearances.supersededAt))),
    db
      .select({
        caseId: healthAssessments.caseId,
        personId: healthAssessments.personId,
        travelConditions: healthAssessments.travelConditions,
      })
      .from(healthAssessments)
      .where(and(inArray(healthAssessments.caseId, caseIds), isNull(healthAssessments.supersededAt))),
  ]);
  return { papers, health };
}
