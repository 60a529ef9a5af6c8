import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { eventHash, GENESIS_HASH } from './chain';
import { auditEvents } from './tables';

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/** Walks the whole chain in order, recomputing every hash; names the first broken link. */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, afterSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, lastHash: prevHash };
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: row.seq, reason: 'link_mismatch' };
      if (eventHash(prevHash, row) !== row.hash)
        return { ok: false, checked, brokenAt: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
  }
}
