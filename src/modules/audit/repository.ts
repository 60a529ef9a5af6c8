import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { auditEvents } from '../../platform/audit/tables';
import type { AuditEvent } from './contract';

export type AuditFilter = {
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** Newest first, keyset-paginated on the sequence number. */
export async function searchAuditEvents(
  db: Db,
  scope: OfficeScope,
  filter: AuditFilter,
): Promise<AuditEvent[]> {
  const conditions: SQL[] = [];
  // Office-scoped readers see events of their offices; agency-wide events (no office) only with global scope.
  if (scope !== 'all') conditions.push(inScope(auditEvents.officeId, scope));
  if (filter.actor) {
    const actor = filter.actor.toLowerCase();
    conditions.push(
      /^[0-9a-f-]{36}$/.test(actor)
        ? eq(auditEvents.actorUserId, actor)
        : sql`lower(${auditEvents.actorEmail}) = ${actor}`,
    );
  }
  if (filter.recordType) conditions.push(eq(auditEvents.recordType, filter.recordType));
  if (filter.recordId) conditions.push(eq(auditEvents.recordId, filter.recordId));
  if (filter.action) {
    // "user." lists every user action; a full name matches exactly.
    conditions.push(
      filter.action.endsWith('.')
        ? sql`${auditEvents.action} like ${`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
        : eq(auditEvents.action, filter.action),
    );
  }
  if (filter.from) conditions.push(sql`${auditEvents.occurredAt} >= ${filter.from}::timestamptz`);
  if (filter.to) {
    // A bare date means the whole day.
    const to = /^\d{4}-\d{2}-\d{2}$/.test(filter.to)
      ? sql`(${filter.to}::date + 1)::timestamptz`
      : sql`${filter.to}::timestamptz`;
    conditions.push(sql`${auditEvents.occurredAt} < ${to}`);
  }
  if (filter.before) conditions.push(lt(auditEvents.seq, filter.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit);
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    officeId: row.officeId,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    changes: row.changes,
    metadata: row.metadata,
    requestId: row.requestId,
    ip: row.ip,
    hash: row.hash,
    withheld: false,
  }));
}
