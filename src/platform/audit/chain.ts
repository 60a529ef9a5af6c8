import canonicalize from 'canonicalize';
import { sha256Hex } from '../crypto';

/** The hash of the first event's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  officeId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  changes: unknown;
  metadata: unknown;
  requestId: string | null;
  ip: string | null;
};

/**
 * sha256(prevHash || RFC 8785 canonical JSON of the event). Canonical JSON makes the hash independent
 * of key order, which jsonb does not preserve.
 */
export function eventHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalize({
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    actorEmail: e.actorEmail,
    officeId: e.officeId,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId,
    changes: e.changes ?? null,
    metadata: e.metadata ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return sha256Hex(`${prevHash}\n${body}`);
}
