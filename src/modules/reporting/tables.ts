import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/tables';
import { projects } from '../projects/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
type Localised = { fr: string; en: string };

/** A project's results framework: impact, outcomes and outputs (a tree by parent). */
export const frameworkNodes = pgTable(
  'framework_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['impact', 'outcome', 'output'] }).notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    title: jsonb('title').$type<Localised>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('framework_nodes_project_code_key').on(t.projectId, t.code)],
);

/** An indicator of a framework node: computed by a catalogue definition, or entered by hand per period. */
export const reportIndicators = pgTable(
  'report_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => frameworkNodes.id),
    code: text('code').notNull(),
    title: jsonb('title').$type<Localised>().notNull(),
    unit: text('unit', { enum: ['persons', 'count', 'percent', 'eur', 'people_reached'] }).notNull(),
    kind: text('kind', { enum: ['computed', 'manual'] }).notNull(),
    definitionId: text('definition_id'),
    definitionVersion: integer('definition_version'),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    meansOfVerification: jsonb('means_of_verification').$type<Localised>().notNull(),
    breakdowns: text('breakdowns').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('report_indicators_project_code_key').on(t.projectId, t.code),
    index('report_indicators_node_idx').on(t.nodeId),
  ],
);

/** Reporting periods (monthly, quarterly, the donor's interim and final periods). */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['monthly', 'quarterly', 'interim', 'final', 'annual'] }).notNull(),
    label: text('label').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedByName: text('closed_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('reporting_periods_project_idx').on(t.projectId, t.startDate)],
);

/** Targets of an indicator per period. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => reportIndicators.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.periodId] })],
);

/** A manual indicator's value for a period: entered by the M&E officer, validated by the project manager. */
export const manualValues = pgTable(
  'manual_values',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => reportIndicators.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    comment: text('comment').notNull().default(''),
    status: text('status', { enum: ['submitted', 'validated', 'returned'] }).notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: ts('entered_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment'),
    evidenceFileName: text('evidence_file_name'),
    evidenceContentType: text('evidence_content_type'),
    evidenceSizeBytes: integer('evidence_size_bytes'),
    evidenceSha256: text('evidence_sha256'),
    evidenceStorageKey: text('evidence_storage_key'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.periodId] })],
);

/**
 * The figures of a period as they were when it was closed: canonical JSON, its SHA-256 and an HMAC made with
 * a key derived from the deployment's secret. Never updated or deleted (a trigger refuses it).
 */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    figures: jsonb('figures').$type<SnapshotFigures>().notNull(),
    sha256: text('sha256').notNull(),
    signature: text('signature').notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedByName: text('closed_by_name').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('report_snapshots_period_key').on(t.periodId)],
);

/** The unsuppressed figures of one period, keyed by indicator id. */
export type SnapshotFigures = {
  period: { id: string; startDate: string; endDate: string };
  indicators: Record<
    string,
    {
      code: string;
      definition: { id: string; version: number } | null;
      value: number | null;
      cumulative: number | null;
      tables: SnapshotTable[];
    }
  >;
};
export type SnapshotTable = {
  spec: string;
  total: number;
  rows?: Record<string, number>;
  cols?: Record<string, number>;
  cells?: Record<string, Record<string, number>>;
};

/** Donor staff accounts that may read a project's suppressed figures. */
export const reportViewers = pgTable(
  'report_viewers',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

/** Export files: made in the background, kept downloadable until they expire. */
export const reportExports = pgTable(
  'report_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    format: text('format', { enum: ['xlsx', 'csv', 'pdf', 'iati'] }).notNull(),
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    progress: integer('progress').notNull().default(0),
    fileName: text('file_name'),
    contentType: text('content_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    storageKey: text('storage_key'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    error: text('error'),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    index('report_exports_project_idx').on(t.projectId, t.createdAt),
    index('report_exports_status_idx').on(t.status),
  ],
);

/** A person's columns the breakdowns read, copied into the facts. */
const personColumns = () => ({
  sex: text('sex').notNull(),
  birthDate: date('birth_date'),
  nationality: text('nationality'),
  specificNeeds: text('specific_needs').array().notNull(),
});

/*
 * Reporting facts (facts-repository.ts, ADR 0016): what the heavy definitions read instead of every case of a project.
 * Derived data, rebuilt from the source tables at any time; kept current from the change log below.
 */

/**
 * The change log: a project (and, where one is concerned, a person) whose reported data changed. Written by
 * database triggers on the source tables (migration 0011), so that no writer can forget it; consumed (deleted)
 * by the next refresh of the project's facts.
 */
export const reportChanges = pgTable(
  'report_changes',
  {
    projectId: uuid('project_id').notNull(),
    personId: uuid('person_id'),
    /**
     * What changed: a person's data (`person`, with the person), an activity or campaign (`activities`), or
     * what every figure may read (`all`: budget lines, exchange rates, offices).
     */
    kind: text('kind', { enum: ['person', 'activities', 'all'] })
      .notNull()
      .default('person'),
  },
  (t) => [index('report_changes_project_idx').on(t.projectId)],
);

/** A project whose facts are built, and the version of its reported data (bumped by each refresh that found changes). */
export const reportFactState = pgTable('report_fact_state', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  dataVersion: bigint('data_version', { mode: 'number' }).notNull(),
  /** The offices holding facts of the project (or having held them): a scope covering them all reads `first_in_project`. */
  offices: uuid('offices').array().notNull(),
  builtAt: ts('built_at').notNull(),
  refreshedAt: ts('refreshed_at').notNull(),
});

/**
 * A person's first qualifying event under a person definition, per office holding the case: the reader's
 * figure counts, for each person, the earliest of the rows of the offices in their scope (`sole`: the person
 * has one row, the usual case, which needs no comparison).
 */
export const reportPersonFacts = pgTable(
  'report_person_facts',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    definition: text('definition').notNull(),
    personId: uuid('person_id').notNull(),
    officeId: uuid('office_id').notNull(),
    caseId: uuid('case_id').notNull(),
    day: date('day').notNull(),
    caseCreatedAt: ts('case_created_at').notNull(),
    hostCountry: text('host_country'),
    returnCountry: text('return_country'),
    /** The person's columns the breakdowns read (kept current: a change to them is logged). */
    ...personColumns(),
    /** 1: the person's only row (one office). */
    sole: integer('sole').notNull(),
    /** 1: the person's earliest row in the project, whatever the office (what a reader of every office counts). */
    firstInProject: integer('first_in_project').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.definition, t.personId, t.officeId] }),
    index('report_person_facts_day_idx').on(
      t.projectId,
      t.definition,
      t.firstInProject,
      t.day,
      t.officeId,
      t.sole,
    ),
    index('report_person_facts_person_idx').on(t.personId),
  ],
);

/** One row per reintegration delivery of a project's cases, with the case columns its definitions read. */
export const reportDeliveryFacts = pgTable(
  'report_delivery_facts',
  {
    deliveryId: uuid('delivery_id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    officeId: uuid('office_id').notNull(),
    day: date('day').notNull(),
    planItemId: uuid('plan_item_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    departureDate: date('departure_date'),
    caseCreatedAt: ts('case_created_at').notNull(),
    hostCountry: text('host_country'),
    returnCountry: text('return_country'),
    ...personColumns(),
    /** The plan item's assistance type and mode, and its budget line. */
    dimension: text('dimension').notNull(),
    deliveryMode: text('delivery_mode').notNull(),
    budgetLineId: uuid('budget_line_id'),
  },
  (t) => [
    // Covers the totals of the delivery definitions (read from the index alone).
    index('report_delivery_facts_day_idx').on(
      t.projectId,
      t.day,
      t.personId,
      t.officeId,
      t.currency,
      t.amountMinor,
    ),
    index('report_delivery_facts_person_idx').on(t.personId),
  ],
);

/**
 * Computed figures kept for the data version they were computed at: a report asked again before the
 * project's data changes reads them instead of computing them again.
 */
export const reportFigureCache = pgTable(
  'report_figure_cache',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    dataVersion: bigint('data_version', { mode: 'number' }).notNull(),
    /** What was asked (figure-cache.ts `FigureRequest`): to bring the figure up to date by the persons changed. */
    request: jsonb('request'),
    figure: jsonb('figure').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.key] })],
);
