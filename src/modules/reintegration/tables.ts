import {
  bigint,
  boolean,
  date,
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
import { caseAttachments, cases } from '../cases/tables';
import { budgetLines } from '../finance/tables';
import { users } from '../identity/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export type DimensionAssessment = { level: 'none' | 'low' | 'medium' | 'high'; notes: string | null };

/** Needs assessments in the three dimensions of reintegration; the latest one is current. */
export const needsAssessments = pgTable(
  'needs_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    economic: jsonb('economic').$type<DimensionAssessment>().notNull(),
    social: jsonb('social').$type<DimensionAssessment>().notNull(),
    psychosocial: jsonb('psychosocial').$type<DimensionAssessment>().notNull(),
    assessedOn: date('assessed_on').notNull(),
    assessedBy: uuid('assessed_by').references(() => users.id),
    assessedByName: text('assessed_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('needs_assessments_case_idx').on(t.caseId, t.createdAt)],
);

/** One reintegration plan per case: edited as a draft, submitted, approved (versioned) or sent back. */
export const reintegrationPlans = pgTable(
  'reintegration_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'submitted', 'approved'] }).notNull(),
    /** The number of the approved version deliveries rest on (null before a first approval). */
    approvedVersion: integer('approved_version'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedByName: text('submitted_by_name'),
    submittedAt: ts('submitted_at'),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('reintegration_plans_case_key').on(t.caseId)],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => reintegrationPlans.id, { onDelete: 'cascade' }),
    dimension: text('dimension', { enum: ['economic', 'social', 'psychosocial'] }).notNull(),
    serviceType: text('service_type').notNull(),
    description: text('description'),
    providerKind: text('provider_kind', { enum: ['in_house', 'partner'] }).notNull(),
    providerName: text('provider_name'),
    deliveryMode: text('delivery_mode', { enum: ['cash', 'in_kind', 'voucher', 'referral'] }).notNull(),
    plannedMinor: bigint('planned_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    plannedDate: date('planned_date'),
    budgetLineId: uuid('budget_line_id').references(() => budgetLines.id),
    /** Removed from the plan after an approval: kept so past deliveries keep their item. */
    removed: boolean('removed').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('plan_items_plan_idx').on(t.planId), index('plan_items_budget_line_idx').on(t.budgetLineId)],
);

export type PlanItemSnapshot = {
  id: string;
  dimension: string;
  serviceType: string;
  description: string | null;
  providerKind: string;
  providerName: string | null;
  deliveryMode: string;
  plannedMinor: number;
  currency: string;
  plannedDate: string | null;
  budgetLineId: string | null;
};

/** Each approval freezes the plan's items: what was approved, by whom, when. */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => reintegrationPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    items: jsonb('items').$type<PlanItemSnapshot[]>().notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedByName: text('approved_by_name').notNull(),
    approvedAt: ts('approved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.number] })],
);

/** What was actually given, against an approved item. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => planItems.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    vendor: text('vendor'),
    receiptAttachmentId: uuid('receipt_attachment_id').references(() => caseAttachments.id),
    /** Who confirmed receipt (the returnee, a family member, the partner). */
    receiptConfirmedBy: text('receipt_confirmed_by'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('deliveries_item_idx').on(t.planItemId), index('deliveries_case_idx').on(t.caseId)],
);
