/** Searching the audit log. */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import type { AuditPageSchema, AuditQuerySchema } from './contract';
import { searchAuditEvents } from './repository';
import { withholdBeneficiaryData } from './withhold';

/** One page of events in scope, newest first, beneficiary details withheld from readers who may not read them. */
export async function searchAudit(
  ctx: ActorCtx,
  query: z.output<typeof AuditQuerySchema>,
): Promise<z.output<typeof AuditPageSchema>> {
  const items = withholdBeneficiaryData(
    ctx.actor,
    await searchAuditEvents(ctx.db, scopeOf(ctx.actor, 'audit.read'), query),
  );
  const last = items.at(-1);
  return { items, nextBefore: items.length === query.limit && last ? last.seq : null };
}
