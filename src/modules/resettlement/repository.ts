/** The only place that queries resettlement tables (and reads the case and person rows they hang on). */
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { cases } from '../cases/tables';
import { persons } from '../registry/tables';
import {
  clearances,
  healthAssessments,
  movementBookings,
  movementEscorts,
  movementLegs,
  movementPassengers,
  movementReferenceSeq,
  movements,
  orientationAttendance,
  orientationSessions,
  resettlementHouseholds,
  resettlementMembers,
  submissionBatches,
  submissionBatchHouseholds,
  submissionBatchReferenceSeq,
} from './tables';

export type HouseholdRow = typeof resettlementHouseholds.$inferSelect;
export type MemberRow = typeof resettlementMembers.$inferSelect;
export type PersonFacts = typeof persons.$inferSelect;
export type HealthRow = typeof healthAssessments.$inferSelect;
export type ClearanceRow = typeof clearances.$inferSelect;
export type BatchRow = typeof submissionBatches.$inferSelect;
export type MovementRow = typeof movements.$inferSelect;
export type BookingRow = typeof movementBookings.$inferSelect;
export type PassengerRow = typeof movementPassengers.$inferSelect;
export type SessionRow = typeof orientationSessions.$inferSelect;

// ---- households and members ----------------------------------------------------------------------

export async function householdOf(db: Db, caseId: string): Promise<HouseholdRow | undefined> {
  const [row] = await db
    .select()
    .from(resettlementHouseholds)
    .where(eq(resettlementHouseholds.caseId, caseId));
  return row;
}

export async function insertHousehold(db: Db, values: typeof resettlementHouseholds.$inferInsert) {
  await db.insert(resettlementHouseholds).values(values);
}

export async function updateHousehold(
  db: Db,
  caseId: string,
  patch: Partial<typeof resettlementHouseholds.$inferInsert>,
) {
  await db.update(resettlementHouseholds).set(patch).where(eq(resettlementHouseholds.caseId, caseId));
}

/** Columns of the first day in each stage (ADR 0017, D5). */
export const MILESTONE_COLUMNS = {
  identification: resettlementHouseholds.identificationOn,
  verification: resettlementHouseholds.verificationOn,
  interview: resettlementHouseholds.interviewOn,
  submission: resettlementHouseholds.submissionOn,
  decision: resettlementHouseholds.decisionOn,
  health_assessment: resettlementHouseholds.healthAssessmentOn,
  pre_departure_orientation: resettlementHouseholds.preDepartureOrientationOn,
  exit_permits: resettlementHouseholds.exitPermitsOn,
  booked: resettlementHouseholds.bookedOn,
  movement: resettlementHouseholds.departedOn,
  arrived: resettlementHouseholds.arrivedOn,
} as const;

/** Keeps the first day a household entered a stage (a later re-entry keeps the first). */
export async function stampMilestone(
  db: Db,
  caseId: string,
  stage: keyof typeof MILESTONE_COLUMNS,
  day: string,
) {
  await db
    .update(resettlementHouseholds)
    .set({ [MILESTONE_KEYS[stage]]: sql`coalesce(${MILESTONE_COLUMNS[stage]}, ${day}::date)` })
    .where(eq(resettlementHouseholds.caseId, caseId));
}
const MILESTONE_KEYS: Record<keyof typeof MILESTONE_COLUMNS, keyof HouseholdRow> = {
  identification: 'identificationOn',
  verification: 'verificationOn',
  interview: 'interviewOn',
  submission: 'submissionOn',
  decision: 'decisionOn',
  health_assessment: 'healthAssessmentOn',
  pre_departure_orientation: 'preDepartureOrientationOn',
  exit_permits: 'exitPermitsOn',
  booked: 'bookedOn',
  movement: 'departedOn',
  arrived: 'arrivedOn',
};

export type MemberWithPerson = { member: MemberRow; person: PersonFacts };

/** The members travelling now, principal first, then by date of birth. */
export async function activeMembersOf(db: Db, caseIds: string[]): Promise<MemberWithPerson[]> {
  if (caseIds.length === 0) return [];
  return db
    .select({ member: resettlementMembers, person: persons })
    .from(resettlementMembers)
    .innerJoin(persons, eq(persons.id, resettlementMembers.personId))
    .where(and(inArray(resettlementMembers.caseId, caseIds), isNull(resettlementMembers.leftOn)))
    .orderBy(
      asc(resettlementMembers.caseId),
      sql`${resettlementMembers.relationship} = 'principal' desc`,
      sql`${persons.birthDate} asc nulls last`,
      asc(persons.id),
    );
}

export async function formerMembersOf(db: Db, caseId: string): Promise<MemberWithPerson[]> {
  return db
    .select({ member: resettlementMembers, person: persons })
    .from(resettlementMembers)
    .innerJoin(persons, eq(persons.id, resettlementMembers.personId))
    .where(and(eq(resettlementMembers.caseId, caseId), sql`${resettlementMembers.leftOn} is not null`))
    .orderBy(asc(resettlementMembers.leftOn));
}

export async function insertMembers(db: Db, values: (typeof resettlementMembers.$inferInsert)[]) {
  if (values.length > 0) await db.insert(resettlementMembers).values(values);
}

/** Members leave a household (a split or a merge): they stay on its record, with the day and the reason. */
export async function markMembersLeft(
  db: Db,
  caseId: string,
  personIds: string[],
  left: { leftOn: string; leftReason: string; leftToCaseId: string },
) {
  if (personIds.length === 0) return;
  await db
    .update(resettlementMembers)
    .set(left)
    .where(
      and(
        eq(resettlementMembers.caseId, caseId),
        inArray(resettlementMembers.personId, personIds),
        isNull(resettlementMembers.leftOn),
      ),
    );
}

/** Recounts a household's travelling members (kept on the household row for the funnel). */
export async function recountMembers(db: Db, caseId: string, now: Date) {
  await db
    .update(resettlementHouseholds)
    .set({
      activeMembers: sql`(select count(*)::int from ${resettlementMembers} where ${resettlementMembers.caseId} = ${caseId} and ${resettlementMembers.leftOn} is null)`,
      updatedAt: now,
    })
    .where(eq(resettlementHouseholds.caseId, caseId));
}

export async function personsByIds(db: Db, ids: string[], scope: OfficeScope): Promise<PersonFacts[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(persons)
    .where(and(inArray(persons.id, ids), inScope(persons.owningOfficeId, scope), isNull(persons.mergedInto)));
}

// ---- health, clearances, orientation ------------------------------------------------------------

export async function currentHealthOf(db: Db, caseIds: string[]): Promise<HealthRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(healthAssessments)
    .where(and(inArray(healthAssessments.caseId, caseIds), isNull(healthAssessments.supersededAt)));
}

export async function findHealth(db: Db, caseId: string, id: string): Promise<HealthRow | undefined> {
  const [row] = await db
    .select()
    .from(healthAssessments)
    .where(and(eq(healthAssessments.id, id), eq(healthAssessments.caseId, caseId)));
  return row;
}

export async function insertHealth(db: Db, values: typeof healthAssessments.$inferInsert, now: Date) {
  await db
    .update(healthAssessments)
    .set({ supersededAt: now })
    .where(
      and(
        eq(healthAssessments.caseId, values.caseId),
        eq(healthAssessments.personId, values.personId),
        isNull(healthAssessments.supersededAt),
      ),
    );
  const [row] = await db.insert(healthAssessments).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function currentClearancesOf(db: Db, caseIds: string[]): Promise<ClearanceRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(clearances)
    .where(and(inArray(clearances.caseId, caseIds), isNull(clearances.supersededAt)));
}

export async function insertClearance(db: Db, values: typeof clearances.$inferInsert, now: Date) {
  await db
    .update(clearances)
    .set({ supersededAt: now })
    .where(
      and(
        eq(clearances.caseId, values.caseId),
        eq(clearances.personId, values.personId),
        eq(clearances.kind, values.kind),
        isNull(clearances.supersededAt),
      ),
    );
  const [row] = await db.insert(clearances).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Persons of a household present at an orientation session. */
export async function attendedOf(db: Db, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ personId: orientationAttendance.personId })
    .from(orientationAttendance)
    .where(and(eq(orientationAttendance.caseId, caseId), eq(orientationAttendance.present, true)));
  return new Set(rows.map((r) => r.personId));
}

/** Members move with their records when households split or merge. */
export async function moveMemberRecords(db: Db, fromCaseId: string, toCaseId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  for (const table of [healthAssessments, clearances, orientationAttendance] as const)
    await db
      .update(table)
      .set({ caseId: toCaseId })
      .where(and(eq(table.caseId, fromCaseId), inArray(table.personId, personIds)));
}

export async function insertSession(db: Db, values: typeof orientationSessions.$inferInsert) {
  const [row] = await db.insert(orientationSessions).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function findSession(db: Db, id: string, scope: OfficeScope): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(orientationSessions)
    .where(and(eq(orientationSessions.id, id), inScope(orientationSessions.owningOfficeId, scope)));
  return row;
}
export async function bumpSession(db: Db, id: string, version: number): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(orientationSessions)
    .set({ version: sql`${orientationSessions.version} + 1` })
    .where(and(eq(orientationSessions.id, id), eq(orientationSessions.version, version)))
    .returning();
  return row;
}
export async function attendanceOf(db: Db, sessionId: string) {
  return db
    .select({ row: orientationAttendance, givenName: persons.givenName, familyName: persons.familyName })
    .from(orientationAttendance)
    .innerJoin(persons, eq(persons.id, orientationAttendance.personId))
    .where(eq(orientationAttendance.sessionId, sessionId))
    .orderBy(asc(persons.familyName), asc(persons.givenName));
}
export async function upsertAttendance(db: Db, rows: (typeof orientationAttendance.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db
    .insert(orientationAttendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [orientationAttendance.sessionId, orientationAttendance.personId],
      set: { present: sql`excluded.present`, caseId: sql`excluded.case_id` },
    });
}
/** The active member row of a person (which household they travel with). */
export async function activeMemberships(db: Db, personIds: string[]): Promise<MemberRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(resettlementMembers)
    .where(and(inArray(resettlementMembers.personId, personIds), isNull(resettlementMembers.leftOn)));
}

// ---- batches ------------------------------------------------------------------------------------

async function nextValue(db: Db, seqName: string): Promise<number> {
  const result = await db.execute(sql`select nextval(${sql.raw(`'${seqName}'`)})::int as n`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
export const nextBatchReference = async (db: Db, year: number) =>
  `SUB-${year}-${String(await nextValue(db, submissionBatchReferenceSeq.seqName ?? '')).padStart(4, '0')}`;
export const nextMovementReference = async (db: Db, year: number) =>
  `MOV-${year}-${String(await nextValue(db, movementReferenceSeq.seqName ?? '')).padStart(4, '0')}`;

export async function insertBatch(db: Db, values: typeof submissionBatches.$inferInsert): Promise<BatchRow> {
  const [row] = await db.insert(submissionBatches).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function findBatch(db: Db, id: string, scope: OfficeScope): Promise<BatchRow | undefined> {
  const [row] = await db
    .select()
    .from(submissionBatches)
    .where(and(eq(submissionBatches.id, id), inScope(submissionBatches.owningOfficeId, scope)));
  return row;
}
export async function listBatches(db: Db, scope: OfficeScope, projectId?: string): Promise<BatchRow[]> {
  const filters: SQL[] = [inScope(submissionBatches.owningOfficeId, scope)];
  if (projectId) filters.push(eq(submissionBatches.projectId, projectId));
  return db
    .select()
    .from(submissionBatches)
    .where(and(...filters))
    .orderBy(desc(submissionBatches.createdAt))
    .limit(200);
}
export async function updateBatchAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof submissionBatches.$inferInsert>,
): Promise<BatchRow | undefined> {
  const [row] = await db
    .update(submissionBatches)
    .set({ ...patch, version: sql`${submissionBatches.version} + 1` })
    .where(and(eq(submissionBatches.id, id), eq(submissionBatches.version, version)))
    .returning();
  return row;
}
export async function batchHouseholds(db: Db, batchId: string) {
  return db
    .select({
      entry: submissionBatchHouseholds,
      caseReference: cases.reference,
      caseStatus: cases.status,
      caseVersion: cases.version,
      pendingTransition: cases.pendingTransition,
      givenName: persons.givenName,
      familyName: persons.familyName,
      members: resettlementHouseholds.activeMembers,
    })
    .from(submissionBatchHouseholds)
    .innerJoin(cases, eq(cases.id, submissionBatchHouseholds.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .leftJoin(resettlementHouseholds, eq(resettlementHouseholds.caseId, cases.id))
    .where(eq(submissionBatchHouseholds.batchId, batchId))
    .orderBy(asc(cases.reference));
}
export async function replaceBatchHouseholds(db: Db, batchId: string, caseIds: string[]) {
  await db.delete(submissionBatchHouseholds).where(eq(submissionBatchHouseholds.batchId, batchId));
  if (caseIds.length > 0)
    await db
      .insert(submissionBatchHouseholds)
      .values(caseIds.map((caseId) => ({ batchId, caseId, outcome: 'pending' as const })));
}
/** The households awaiting a decision in another batch that is still open or submitted. */
export async function pendingElsewhere(db: Db, batchId: string, caseIds: string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select({ caseId: submissionBatchHouseholds.caseId })
    .from(submissionBatchHouseholds)
    .where(
      and(
        inArray(submissionBatchHouseholds.caseId, caseIds),
        ne(submissionBatchHouseholds.batchId, batchId),
        eq(submissionBatchHouseholds.outcome, 'pending'),
      ),
    );
  return rows.map((r) => r.caseId);
}
/** The entry of a household awaiting its decision in a submitted batch, if any. */
export async function pendingSubmissionOf(db: Db, caseId: string) {
  const [row] = await db
    .select({ entry: submissionBatchHouseholds, batch: submissionBatches })
    .from(submissionBatchHouseholds)
    .innerJoin(submissionBatches, eq(submissionBatches.id, submissionBatchHouseholds.batchId))
    .where(
      and(
        eq(submissionBatchHouseholds.caseId, caseId),
        eq(submissionBatchHouseholds.outcome, 'pending'),
        eq(submissionBatches.status, 'submitted'),
      ),
    );
  return row;
}
export async function decideEntry(
  db: Db,
  batchId: string,
  caseId: string,
  decision: { outcome: 'accepted' | 'rejected' | 'resubmit'; decidedOn: string; decisionDocumentId: string },
) {
  const [row] = await db
    .update(submissionBatchHouseholds)
    .set(decision)
    .where(
      and(
        eq(submissionBatchHouseholds.batchId, batchId),
        eq(submissionBatchHouseholds.caseId, caseId),
        eq(submissionBatchHouseholds.outcome, 'pending'),
      ),
    )
    .returning();
  return row;
}
export async function undecidedCount(db: Db, batchId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(submissionBatchHouseholds)
    .where(
      and(eq(submissionBatchHouseholds.batchId, batchId), eq(submissionBatchHouseholds.outcome, 'pending')),
    );
  return row?.n ?? 0;
}
export async function submissionsOf(db: Db, caseId: string) {
  return db
    .select({ entry: submissionBatchHouseholds, batch: submissionBatches })
    .from(submissionBatchHouseholds)
    .innerJoin(submissionBatches, eq(submissionBatches.id, submissionBatchHouseholds.batchId))
    .where(eq(submissionBatchHouseholds.caseId, caseId))
    .orderBy(asc(submissionBatches.createdAt));
}
/** A household's entries move with it when it merges into another (the decision history stays). */
export async function dropPendingEntries(db: Db, caseId: string) {
  await db
    .delete(submissionBatchHouseholds)
    .where(
      and(eq(submissionBatchHouseholds.caseId, caseId), eq(submissionBatchHouseholds.outcome, 'pending')),
    );
}

// ---- movements ----------------------------------------------------------------------------------

export async function insertMovement(
  db: Db,
  values: typeof movements.$inferInsert,
  legs: Omit<typeof movementLegs.$inferInsert, 'movementId'>[],
  escorts: Omit<typeof movementEscorts.$inferInsert, 'movementId'>[],
): Promise<MovementRow> {
  const [row] = await db.insert(movements).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  await replaceLegsAndEscorts(db, row.id, legs, escorts);
  return row;
}
export async function replaceLegsAndEscorts(
  db: Db,
  movementId: string,
  legs: Omit<typeof movementLegs.$inferInsert, 'movementId'>[] | undefined,
  escorts: Omit<typeof movementEscorts.$inferInsert, 'movementId'>[] | undefined,
) {
  if (legs) {
    await db.delete(movementLegs).where(eq(movementLegs.movementId, movementId));
    await db.insert(movementLegs).values(legs.map((l) => ({ ...l, movementId })));
  }
  if (escorts) {
    await db.delete(movementEscorts).where(eq(movementEscorts.movementId, movementId));
    if (escorts.length > 0)
      await db.insert(movementEscorts).values(escorts.map((e) => ({ ...e, movementId })));
  }
}
export async function findMovement(db: Db, id: string, scope: OfficeScope): Promise<MovementRow | undefined> {
  const [row] = await db
    .select()
    .from(movements)
    .where(and(eq(movements.id, id), inScope(movements.owningOfficeId, scope)));
  return row;
}
export async function listMovements(db: Db, scope: OfficeScope, projectId?: string): Promise<MovementRow[]> {
  const filters: SQL[] = [inScope(movements.owningOfficeId, scope)];
  if (projectId) filters.push(eq(movements.projectId, projectId));
  return db
    .select()
    .from(movements)
    .where(and(...filters))
    .orderBy(desc(movements.departureDate))
    .limit(200);
}
/**
 * Locks the movement's row to the end of the transaction: bookings of one movement are counted and made
 * one after another, so two bookings for the last seats never both succeed.
 */
export async function lockMovement(db: Db, id: string): Promise<MovementRow | undefined> {
  const [row] = await db.select().from(movements).where(eq(movements.id, id)).for('update');
  return row;
}
export async function updateMovementAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof movements.$inferInsert>,
): Promise<MovementRow | undefined> {
  const [row] = await db
    .update(movements)
    .set({ ...patch, version: sql`${movements.version} + 1` })
    .where(and(eq(movements.id, id), eq(movements.version, version)))
    .returning();
  return row;
}
export async function legsOf(db: Db, movementId: string) {
  return db
    .select()
    .from(movementLegs)
    .where(eq(movementLegs.movementId, movementId))
    .orderBy(asc(movementLegs.seq));
}
export async function escortsOf(db: Db, movementId: string) {
  return db
    .select()
    .from(movementEscorts)
    .where(eq(movementEscorts.movementId, movementId))
    .orderBy(asc(movementEscorts.kind), asc(movementEscorts.name));
}
export async function bookingsOf(db: Db, movementId: string) {
  return db
    .select({ booking: movementBookings, caseReference: cases.reference })
    .from(movementBookings)
    .innerJoin(cases, eq(cases.id, movementBookings.caseId))
    .where(eq(movementBookings.movementId, movementId))
    .orderBy(asc(movementBookings.bookedAt), asc(movementBookings.id));
}
export async function passengersOf(db: Db, movementId: string) {
  return db
    .select({ passenger: movementPassengers, person: persons })
    .from(movementPassengers)
    .innerJoin(persons, eq(persons.id, movementPassengers.personId))
    .where(eq(movementPassengers.movementId, movementId))
    .orderBy(asc(movementPassengers.bookingId), sql`${persons.birthDate} asc nulls last`, asc(persons.id));
}
/** Seats taken on a movement: passengers of active and boarded bookings who need one. */
export async function seatsUsed(db: Db, movementId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(movementPassengers)
    .innerJoin(movementBookings, eq(movementBookings.id, movementPassengers.bookingId))
    .where(
      and(
        eq(movementPassengers.movementId, movementId),
        eq(movementPassengers.seatRequired, true),
        inArray(movementBookings.status, ['booked', 'boarded']),
      ),
    );
  return row?.n ?? 0;
}
export async function insertBooking(
  db: Db,
  values: typeof movementBookings.$inferInsert,
  passengers: Omit<typeof movementPassengers.$inferInsert, 'bookingId'>[],
): Promise<BookingRow> {
  const [row] = await db.insert(movementBookings).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  await db.insert(movementPassengers).values(passengers.map((p) => ({ ...p, bookingId: row.id })));
  return row;
}
export async function activeBookingOf(db: Db, caseId: string) {
  const [row] = await db
    .select({ booking: movementBookings, movement: movements })
    .from(movementBookings)
    .innerJoin(movements, eq(movements.id, movementBookings.movementId))
    .where(and(eq(movementBookings.caseId, caseId), eq(movementBookings.status, 'booked')));
  return row;
}
/** The last boarded booking of a household (the movement it left on). */
export async function boardedBookingOf(db: Db, caseId: string) {
  const [row] = await db
    .select({ booking: movementBookings, movement: movements })
    .from(movementBookings)
    .innerJoin(movements, eq(movements.id, movementBookings.movementId))
    .where(and(eq(movementBookings.caseId, caseId), eq(movementBookings.status, 'boarded')))
    .orderBy(desc(movementBookings.settledAt))
    .limit(1);
  return row;
}
export async function findBooking(db: Db, movementId: string, id: string): Promise<BookingRow | undefined> {
  const [row] = await db
    .select()
    .from(movementBookings)
    .where(and(eq(movementBookings.id, id), eq(movementBookings.movementId, movementId)));
  return row;
}
export async function settleBooking(
  db: Db,
  id: string,
  status: 'boarded' | 'no_show' | 'cancelled',
  reason: string | null,
  now: Date,
) {
  await db
    .update(movementBookings)
    .set({ status, reason, settledAt: now })
    .where(and(eq(movementBookings.id, id), eq(movementBookings.status, 'booked')));
}
export async function recordPassengerBoarding(
  db: Db,
  bookingId: string,
  personId: string,
  boarding: 'boarded' | 'no_show',
  reason: string | null,
  by: { at: Date; name: string },
) {
  await db
    .update(movementPassengers)
    .set({ boarding, boardingReason: reason, recordedAt: by.at, recordedByName: by.name })
    .where(and(eq(movementPassengers.bookingId, bookingId), eq(movementPassengers.personId, personId)));
}
/** Households booked on a movement whose case is in the given statuses (arrival moves the boarded ones). */
export async function casesOfBookings(db: Db, movementId: string, status: 'booked' | 'boarded') {
  return db
    .select({ caseRow: cases })
    .from(movementBookings)
    .innerJoin(cases, eq(cases.id, movementBookings.caseId))
    .where(and(eq(movementBookings.movementId, movementId), eq(movementBookings.status, status)));
}

// ---- pipeline, expiry warnings ------------------------------------------------------------------

/** Resettlement households of a project in scope, at the given stages. */
export async function householdsAt(
  db: Db,
  filter: { projectId?: string; officeId?: string; scope: OfficeScope; stages: readonly string[] },
) {
  const filters: SQL[] = [
    eq(cases.caseType, 'resettlement'),
    inArray(cases.status, [...filter.stages]),
    inScope(cases.owningOfficeId, filter.scope),
    eq(cases.sensitive, false),
  ];
  if (filter.projectId) filters.push(eq(cases.projectId, filter.projectId));
  if (filter.officeId) filters.push(eq(cases.owningOfficeId, filter.officeId));
  return db
    .select({ caseRow: cases, givenName: persons.givenName, familyName: persons.familyName })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(...filters))
    .orderBy(asc(cases.reference))
    .limit(2000);
}

/**
 * Current validities ending by `until` of active members of households between health assessment and
 * booking, with the booked movement's window if any: what the warning job looks at. Served by the partial
 * indexes on valid_until.
 */
export async function validitiesEndingBy(db: Db, until: string) {
  const stages = ['health_assessment', 'pre_departure_orientation', 'exit_permits', 'booked'];
  const activeMember = (personId: SQL | typeof healthAssessments.personId | typeof clearances.personId) =>
    sql`exists (select 1 from ${resettlementMembers} where ${resettlementMembers.caseId} = ${cases.id} and ${resettlementMembers.personId} = ${personId} and ${resettlementMembers.leftOn} is null)`;
  const health = await db
    .select({
      recordId: healthAssessments.id,
      kind: sql<'fitToTravel'>`'fitToTravel'`,
      validUntil: sql<string>`${healthAssessments.validUntil}::text`,
      personId: healthAssessments.personId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      caseRow: cases,
    })
    .from(healthAssessments)
    .innerJoin(cases, eq(cases.id, healthAssessments.caseId))
    .innerJoin(persons, eq(persons.id, healthAssessments.personId))
    .where(
      and(
        isNull(healthAssessments.supersededAt),
        sql`${healthAssessments.validUntil} <= ${until}`,
        inArray(cases.status, stages),
        activeMember(healthAssessments.personId),
      ),
    );
  const papers = await db
    .select({
      recordId: clearances.id,
      kind: clearances.kind,
      validUntil: sql<string>`${clearances.validUntil}::text`,
      personId: clearances.personId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      caseRow: cases,
    })
    .from(clearances)
    .innerJoin(cases, eq(cases.id, clearances.caseId))
    .innerJoin(persons, eq(persons.id, clearances.personId))
    .where(
      and(
        isNull(clearances.supersededAt),
        sql`${clearances.validUntil} <= ${until}`,
        inArray(cases.status, stages),
        activeMember(clearances.personId),
      ),
    );
  return [...health, ...papers];
}

/** The active booking (and its movement) of each of these households. */
export async function activeBookingsOf(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ booking: movementBookings, movement: movements })
    .from(movementBookings)
    .innerJoin(movements, eq(movements.id, movementBookings.movementId))
    .where(and(inArray(movementBookings.caseId, caseIds), eq(movementBookings.status, 'booked')));
}
