import { sql } from 'drizzle-orm';
import { index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables';
import { offices, users } from '../identity/tables';
import { consents } from '../registry/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const referralReferenceSeq = pgSequence('referral_reference_seq', { startWith: 1 });

/**
 * A referral shares a case with another office or a partner while the owner keeps it; a transfer moves
 * ownership. Both carry the sections the sender chose, the consent (or the justified override) they rest on.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    kind: text('kind', { enum: ['referral', 'transfer'] }).notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked'] }).notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromOfficeId: uuid('from_office_id')
      .notNull()
      .references(() => offices.id),
    toOfficeId: uuid('to_office_id').references(() => offices.id),
    partnerName: text('partner_name'),
    partnerContact: text('partner_contact'),
    sections: text('sections').array().notNull(),
    summary: text('summary').notNull(),
    reintegrationNeeds: text('reintegration_needs'),
    consentId: uuid('consent_id').references(() => consents.id),
    overrideJustification: text('override_justification'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: ts('requested_at').notNull(),
    dueOn: ts('due_on').notNull(),
    overdueNotifiedAt: ts('overdue_notified_at'),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedByName: text('responded_by_name'),
    respondedAt: ts('responded_at'),
    declineReason: text('decline_reason'),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
    followUpMonths: integer('follow_up_months').notNull(),
    /** Transfers: until when the former owner follows progress (set at acceptance). */
    followUpUntil: ts('follow_up_until'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('referrals_to_office_idx').on(t.toOfficeId, t.status, t.requestedAt),
    index('referrals_from_office_idx').on(t.fromOfficeId, t.status, t.requestedAt),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_consent_idx').on(t.consentId),
    // One pending transfer per case at a time.
    uniqueIndex('referrals_one_pending_transfer')
      .on(t.caseId)
      .where(sql`kind = 'transfer' and status = 'pending'`),
  ],
);

export const referralMessages = pgTable(
  'referral_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['sender', 'receiver'] }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('referral_messages_referral_idx').on(t.referralId, t.createdAt)],
);

/** Links for partners without accounts: only the token's SHA-256 is kept. */
export const partnerLinks = pgTable(
  'partner_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastVisitAt: ts('last_visit_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('partner_links_referral_idx').on(t.referralId)],
);

/** In-app notifications, one row per recipient, for what needs their action. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    officeId: uuid('office_id').references(() => offices.id),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt)],
);
