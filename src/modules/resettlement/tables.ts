/**
 * Resettlement, household by household (ADR 0017). A household is one resettlement case (its version is the
 * household's lock); this module keeps what the case row does not: the travelling members, the referral,
 * the first day of each stage, submissions and decisions, health, orientation, clearances and movements.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseAttachments, cases } from '../cases/tables';
import { offices, users } from '../identity/tables';
import { projects } from '../projects/tables';
import { persons } from '../registry/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const submissionBatchReferenceSeq = pgSequence('submission_batch_reference_seq', { startWith: 1 });
export const movementReferenceSeq = pgSequence('movement_reference_seq', { startWith: 1 });

/**
 * One row per resettlement case once its referral is recorded. The first day the household entered each
 * stage is kept here (stamped as the case moves), so the funnel is one narrow scan, not an aggregation of
 * the case events.
 */
export const resettlementHouseholds = pgTable(
  'resettlement_households',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The referring agency (UNHCR...) and its reference for the household (LEB-14C12345). */
    referringAgency: text('referring_agency').notNull(),
    referringReference: text('referring_reference').notNull(),
    referralDocumentId: uuid('referral_document_id').references(() => caseAttachments.id),
    /** Members travelling now: kept in the transaction of every change to the members. */
    activeMembers: integer('active_members').notNull(),
    splitFromCaseId: uuid('split_from_case_id').references(() => cases.id),
    mergedIntoCaseId: uuid('merged_into_case_id').references(() => cases.id),
    identificationOn: date('identification_on').notNull(),
    verificationOn: date('verification_on'),
    interviewOn: date('interview_on'),
    submissionOn: date('submission_on'),
    decisionOn: date('decision_on'),
    acceptedOn: date('accepted_on'),
    healthAssessmentOn: date('health_assessment_on'),
    preDepartureOrientationOn: date('pre_departure_orientation_on'),
    exitPermitsOn: date('exit_permits_on'),
    bookedOn: date('booked_on'),
    departedOn: date('departed_on'),
    arrivedOn: date('arrived_on'),
    handedOverOn: date('handed_over_on'),
    handedOverTo: text('handed_over_to'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('resettlement_households_reference_key').on(t.referringAgency, t.referringReference)],
);

/** Who travels with the household. A member leaves only by a split (or a merge), with a reason. */
export const resettlementMembers = pgTable(
  'resettlement_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** principal | spouse | child | parent | sibling | other */
    relationship: text('relationship').notNull(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    leftToCaseId: uuid('left_to_case_id').references(() => cases.id),
  },
  (t) => [
    // One travelling household at a time.
    uniqueIndex('resettlement_members_active_person').on(t.personId).where(sql`left_on is null`),
    index('resettlement_members_case_idx').on(t.caseId, t.leftOn),
    // A person's memberships (reporting facts of some persons, merges of person records).
    index('resettlement_members_person_idx').on(t.personId),
  ],
);

export const submissionBatches = pgTable(
  'submission_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    owningOfficeId: uuid('owning_office_id')
      .notNull()
      .references(() => offices.id),
    /** One household's dossier, several dossiers, or the households a selection mission interviews. */
    kind: text('kind', { enum: ['individual', 'dossier', 'selection_mission'] }).notNull(),
    resettlementCountry: text('resettlement_country').notNull(),
    missionStart: date('mission_start'),
    missionEnd: date('mission_end'),
    label: text('label').notNull(),
    status: text('status', { enum: ['open', 'submitted', 'decided'] }).notNull(),
    submittedOn: date('submitted_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('submission_batches_office_idx').on(t.owningOfficeId, t.status, t.createdAt)],
);

export const submissionBatchHouseholds = pgTable(
  'submission_batch_households',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => submissionBatches.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    outcome: text('outcome', { enum: ['pending', 'accepted', 'rejected', 'resubmit'] }).notNull(),
    decidedOn: date('decided_on'),
    decisionDocumentId: uuid('decision_document_id').references(() => caseAttachments.id),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.caseId] }),
    // A household waits for one decision at a time.
    uniqueIndex('submission_batch_households_one_pending').on(t.caseId).where(sql`outcome = 'pending'`),
  ],
);

/** Health assessments per member. The findings are health data: sealed, read only with health.read. */
export const healthAssessments = pgTable(
  'resettlement_health_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    assessedOn: date('assessed_on').notNull(),
    outcome: text('outcome', { enum: ['fit', 'fit_with_conditions', 'unfit', 'deferred'] }).notNull(),
    /** Fit to travel until this day (required when fit). */
    validUntil: date('valid_until'),
    /** MEDICAL_ESCORT, WCHR, WCHS, WCHC, OXYG, STCR: what the movement must provide. */
    travelConditions: text('travel_conditions').array().notNull().default(sql`'{}'::text[]`),
    /** FieldCipher ciphertext of the findings (never in clear, never in the audit log). */
    findingsSealed: text('findings_sealed'),
    assessedByName: text('assessed_by_name').notNull(),
    supersededAt: ts('superseded_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('rst_health_case_idx').on(t.caseId, t.personId, t.assessedOn),
    index('rst_health_expiry_idx').on(t.validUntil).where(sql`superseded_at is null`),
  ],
);

/** Exit permits and visas, per member, with their validity. The numbers are sealed. */
export const clearances = pgTable(
  'resettlement_clearances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind', { enum: ['exit_permit', 'visa'] }).notNull(),
    numberSealed: text('number_sealed').notNull(),
    numberTail: text('number_tail').notNull(),
    issuingCountry: text('issuing_country').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    documentId: uuid('document_id').references(() => caseAttachments.id),
    supersededAt: ts('superseded_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('rst_clearances_case_idx').on(t.caseId, t.personId, t.kind),
    index('rst_clearances_expiry_idx').on(t.validUntil).where(sql`superseded_at is null`),
    check('rst_clearances_validity', sql`${t.validFrom} <= ${t.validUntil}`),
  ],
);

export const orientationSessions = pgTable(
  'orientation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    owningOfficeId: uuid('owning_office_id')
      .notNull()
      .references(() => offices.id),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    language: text('language').notNull(),
    facilitator: text('facilitator').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('orientation_sessions_office_idx').on(t.owningOfficeId, t.heldOn)],
);

export const orientationAttendance = pgTable(
  'orientation_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => orientationSessions.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    present: boolean('present').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.personId] }),
    index('orientation_attendance_case_idx').on(t.caseId),
  ],
);

export const movements = pgTable(
  'movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    owningOfficeId: uuid('owning_office_id')
      .notNull()
      .references(() => offices.id),
    status: text('status', { enum: ['planned', 'departed', 'arrived', 'cancelled'] }).notNull(),
    seatCount: integer('seat_count').notNull(),
    destinationCountry: text('destination_country').notNull(),
    /** The first leg's departure day and the last leg's arrival day. */
    departureDate: date('departure_date').notNull(),
    arrivalDate: date('arrival_date').notNull(),
    arrivedAt: ts('arrived_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('movements_office_idx').on(t.owningOfficeId, t.status, t.departureDate),
    check('movements_seat_count', sql`${t.seatCount} > 0`),
    check('movements_dates', sql`${t.departureDate} <= ${t.arrivalDate}`),
  ],
);

export const movementLegs = pgTable(
  'movement_legs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    carrier: text('carrier').notNull(),
    flightNumber: text('flight_number').notNull(),
    /** IATA airport codes. */
    fromAirport: text('from_airport').notNull(),
    toAirport: text('to_airport').notNull(),
    departsAt: ts('departs_at').notNull(),
    arrivesAt: ts('arrives_at').notNull(),
  },
  (t) => [uniqueIndex('movement_legs_seq_key').on(t.movementId, t.seq)],
);

export const movementEscorts = pgTable(
  'movement_escorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['medical', 'operational'] }).notNull(),
    organisation: text('organisation'),
    /** The household a medical escort accompanies. */
    forCaseId: uuid('for_case_id').references(() => cases.id),
  },
  (t) => [index('movement_escorts_movement_idx').on(t.movementId)],
);

export const movementBookings = pgTable(
  'movement_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    status: text('status', { enum: ['booked', 'boarded', 'no_show', 'cancelled'] }).notNull(),
    reason: text('reason'),
    bookedAt: ts('booked_at').notNull(),
    settledAt: ts('settled_at'),
  },
  (t) => [
    // One movement at a time per household.
    uniqueIndex('movement_bookings_one_active').on(t.caseId).where(sql`status = 'booked'`),
    index('movement_bookings_movement_idx').on(t.movementId, t.status),
  ],
);

export const movementPassengers = pgTable(
  'movement_passengers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => movementBookings.id, { onDelete: 'cascade' }),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** False for an infant under two on the departure day (on a lap). */
    seatRequired: boolean('seat_required').notNull(),
    boarding: text('boarding', { enum: ['pending', 'boarded', 'no_show'] }).notNull(),
    boardingReason: text('boarding_reason'),
    recordedAt: ts('recorded_at'),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [
    index('movement_passengers_movement_idx').on(t.movementId, t.personId),
    index('movement_passengers_booking_idx').on(t.bookingId),
    index('movement_passengers_person_idx').on(t.personId),
  ],
);

/**
 * The receiving country's reception partner follows one household's arrival through an expiring, revocable
 * link (ADR 0018): it sees the arrival section only, and confirms the reception. Only the token's SHA-256 is
 * kept; one live link per household (issuing a new one revokes the previous).
 */
export const receptionLinks = pgTable(
  'reception_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The reception organisation, who to call there, and where the household is received. */
    partnerName: text('partner_name').notNull(),
    partnerContact: text('partner_contact').notNull(),
    receptionPlace: text('reception_place').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastVisitAt: ts('last_visit_at'),
    /** The partner's confirmation: the day the household was received, by whom, and a note. */
    receivedOn: date('received_on'),
    confirmedByName: text('confirmed_by_name'),
    confirmationNote: text('confirmation_note'),
    confirmedAt: ts('confirmed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('reception_links_case_idx').on(t.caseId, t.createdAt),
    uniqueIndex('reception_links_one_live').on(t.caseId).where(sql`revoked_at is null`),
  ],
);
