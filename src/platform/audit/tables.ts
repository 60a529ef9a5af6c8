import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. A trigger (migration 0001) refuses UPDATE and DELETE;
 * each row carries the hash of the previous one, so an edit made around the trigger is detected.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorEmail: text('actor_email'),
    officeId: uuid('office_id'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    changes: jsonb('changes').$type<Record<string, { old?: unknown; new?: unknown }>>(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_record_idx').on(t.recordType, t.recordId, t.seq),
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
    index('audit_events_action_idx').on(t.action, t.seq),
    index('audit_events_time_idx').on(t.occurredAt),
  ],
);
