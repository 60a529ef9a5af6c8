import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import type { ContentItem } from './contract';
import { conflict, conflictAfterMiss, RECORD_TYPE } from './editing';
import * as repo from './repository';
import { itemView, statusLabel } from './view';
import { effective, mayTake } from './workflow';

/** Asks for a review of the working revision (a draft, or an unpublished item to publish again). */
export async function submitContent(
  ctx: ActorCtx,
  id: string,
  input: { version: number; comment?: string | undefined },
): Promise<ContentItem> {
  const scope = scopeOf(ctx.actor, 'content.write');
  const item = await repo.findItem(ctx.db, scope, id);
  if (!item) throw notFound();
  if (input.version !== item.version) throw await conflict(ctx, item, input.version);
  const now = ctx.clock.now();
  const state = effective(item, now);
  if (!mayTake('submit', state))
    throw new AppError('content_state', { params: { status: statusLabel(ctx.lang, state.status) } });
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateItemAt(tx, id, input.version, {
      status: 'in_review',
      reviewRequestedBy: ctx.actor.userId,
      reviewRequestedByName: ctx.actor.displayName,
      reviewRequestedAt: now,
      reviewComment: input.comment ?? null,
      reviewDecidedBy: null,
      reviewDecidedByName: null,
      reviewDecidedAt: null,
      reviewDecision: null,
      reviewDecisionComment: null,
      updatedBy: ctx.actor.userId,
      updatedByName: ctx.actor.displayName,
      updatedAt: now,
    });
    if (!row) return conflictAfterMiss(ctx, tx, scope, id, input.version);
    await recordAudit(tx, ctx, {
      action: 'content.submitted',
      officeId: item.officeId,
      recordType: RECORD_TYPE,
      recordId: id,
      changes: { status: { old: state.status, new: 'in_review' } },
      metadata: { revision: item.revision, ...(input.comment ? { comment: input.comment } : {}) },
    });
    return itemView(tx, row, now);
  });
}
