import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Ctx } from '../actor';
import type { AuditAction } from './actions';
import { eventHash, GENESIS_HASH } from './chain';
import { auditEvents } from './tables';

export type Changes = Record<string, { old?: unknown; new?: unknown }>;

export type AuditInput = {
  action: AuditAction;
  officeId?: string | null;
  recordType?: string;
  recordId?: string;
  changes?: Changes;
  metadata?: Record<string, unknown>;
  /** For events without a signed-in actor (failed sign-in): who it was about. */
  actorEmail?: string;
};

// Any constant shared by every writer: one lock serialises appends so the chain has no forks.
const AUDIT_CHAIN_LOCK = 7_243_001;

/** JSON round-trip: what is hashed is exactly what jsonb will give back (dates as ISO strings, no undefined). */
function jsonSafe<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The chain's head as last appended through a transaction that keeps it (`keepAuditHead`). */
const keptHeads = new WeakMap<Db, { hash: string | null }>();

/**
 * Lets a long transaction that appends many events remember the chain's head instead of taking the lock
 * and reading the head again for each: after its first append it holds the lock to its end, so no one else
 * appends meanwhile. Only for a handle that every append of the transaction goes through and that opens no
 * nested transaction (a savepoint rolled back would take its appends, not the remembered head, with it).
 */
export function keepAuditHead(tx: Db): void {
  keptHeads.set(tx, { hash: null });
}

/**
 * Append one event. Must be called inside the transaction of the change it records, so that the
 * change and its audit event commit or roll back together.
 */
export async function recordAudit(tx: Db, ctx: Omit<Ctx, 'db'>, input: AuditInput): Promise<void> {
  const kept = keptHeads.get(tx);
  let prevHash = kept?.hash;
  if (!prevHash) {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    prevHash = last?.hash ?? GENESIS_HASH;
  }
  const event = {
    occurredAt: ctx.clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorEmail: ctx.actor?.email ?? input.actorEmail ?? null,
    officeId: input.officeId ?? null,
    action: input.action,
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    changes: jsonSafe(input.changes) ?? null,
    metadata: jsonSafe(input.metadata) ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const hash = eventHash(prevHash, event);
  await tx.insert(auditEvents).values({ ...event, prevHash, hash });
  if (kept) kept.hash = hash;
}

/** Field-level changes between two versions of a record; secret fields are noted as changed, never valued. */
export function diffFields<T extends Record<string, unknown>>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
  secret: readonly (keyof T & string)[] = [],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const oldValue = before?.[field];
    const newValue = after[field];
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    changes[field] = secret.includes(field)
      ? { new: '[changed]' }
      : { ...(before ? { old: oldValue ?? null } : {}), new: newValue ?? null };
  }
  return changes;
}
