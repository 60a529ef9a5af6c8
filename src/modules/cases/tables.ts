import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { offices, users } from '../identity/tables';
import { projects } from '../projects/tables';
import { households, persons } from '../registry/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const caseReferenceSeq = pgSequence('case_reference_seq', { startWith: 1 });

export type PendingTransition = {
  to: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  comment: string | null;
};

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    householdId: uuid('household_id').references(() => households.id),
    caseType: text('case_type').notNull(),
    /** Trafficking cases: readable only with cases.sensitive in the owning office. */
    sensitive: boolean('sensitive').notNull().default(false),
    projectId: uuid('project_id').references(() => projects.id),
    owningOfficeId: uuid('owning_office_id')
      .notNull()
      .references(() => offices.id),
    assignedTo: uuid('assigned_to').references(() => users.id),
    status: text('status').notNull(),
    statusBeforeClosure: text('status_before_closure'),
    closureReason: text('closure_reason'),
    // Fields the workflow requires before some transitions.
    travelDocumentReady: boolean('travel_document_ready').notNull().default(false),
    medicalFitness: text('medical_fitness', { enum: ['pending', 'fit', 'unfit'] }),
    declarationSignedOn: date('declaration_signed_on'),
    hostCountry: text('host_country'),
    returnCountry: text('return_country'),
    departureDate: date('departure_date'),
    pendingTransition: jsonb('pending_transition').$type<PendingTransition>(),
    /**
     * After a transfer: the sections the sender did not share, and the moment of the transfer. What the case
     * held before that moment in those sections stays hidden from the new owner (ADR 0009).
     */
    withheldSections: text('withheld_sections').array().notNull().default(sql`'{}'::text[]`),
    withheldBefore: ts('withheld_before'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_office_status_idx').on(t.owningOfficeId, t.status, t.updatedAt, t.id),
    index('cases_office_updated_idx').on(t.owningOfficeId, t.updatedAt, t.id),
    index('cases_person_idx').on(t.personId),
    index('cases_assigned_idx').on(t.assignedTo, t.status),
    // Donor reporting reads a project's cases person by person, first case first.
    index('cases_project_person_idx').on(t.projectId, t.personId, t.createdAt),
  ],
);

/** The case timeline: transitions, approvals, assignments, reopenings. Append-only. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: events of the same millisecond keep the order they happened in. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: ts('at').notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    doneAt: ts('done_at'),
    /** Set on tasks a job makes (an expiry warning): the same key is never made twice. */
    systemKey: text('system_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('case_tasks_assignee_idx').on(t.assigneeId, t.doneAt, t.dueDate),
    index('case_tasks_case_idx').on(t.caseId),
    uniqueIndex('case_tasks_system_key').on(t.systemKey).where(sql`system_key is not null`),
  ],
);

export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** What the file is, when a workflow step requires one of its kind (workflow.ts DOCUMENT_KINDS). */
    documentKind: text('document_kind'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);
