import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import type { ContentItem } from './contract';
import { announce, conflict, conflictAfterMiss, RECORD_TYPE } from './editing';
import * as repo from './repository';
import { itemView, statusLabel } from './view';
import { effective, mayTake } from './workflow';

/**
 * Takes the item off the site at once (and withdraws a publication still to come). It keeps its history
 * and its addresses; it may be submitted and published again.
 */
export async function unpublishContent(
  ctx: ActorCtx,
  id: string,
  input: { version: number; reason: string },
): Promise<ContentItem> {
  const scope = scopeOf(ctx.actor, 'content.publish');
  const item = await repo.findItem(ctx.db, scope, id);
  if (!item) throw notFound();
  if (input.version !== item.version) throw await conflict(ctx, item, input.version);
  const now = ctx.clock.now();
  const state = effective(item, now);
  if (!mayTake('unpublish', state))
    throw new AppError('content_state', { params: { status: statusLabel(ctx.lang, state.status) } });
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateItemAt(tx, id, input.version, {
      status: 'unpublished',
      publishedRevision: null,
      publishedRevisionAt: null,
      firstPublishedAt: state.firstPublishedAt,
      scheduledRevision: null,
      publishAt: null,
      updatedBy: ctx.actor.userId,
      updatedByName: ctx.actor.displayName,
      updatedAt: now,
    });
    if (!updated) return conflictAfterMiss(ctx, tx, scope, id, input.version);
    await repo.dropFutureEditions(tx, id, now);
    await repo.endLiveEditions(tx, id, now, now);
    await recordAudit(tx, ctx, {
      action: 'content.unpublished',
      officeId: item.officeId,
      recordType: RECORD_TYPE,
      recordId: id,
      changes: { status: { old: state.status, new: 'unpublished' } },
      metadata: {
        reason: input.reason,
        publishedRevision: state.publishedRevision,
        scheduledRevision: state.scheduledRevision,
      },
    });
    return updated;
  });
  await announce(ctx, { itemId: id, kind: item.kind, what: 'unpublished', at: now });
  return itemView(ctx.db, row, now);
}
