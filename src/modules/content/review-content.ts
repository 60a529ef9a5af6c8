import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import type { ContentItem, ReviewContent } from './contract';
import { conflict, conflictAfterMiss, RECORD_TYPE } from './editing';
import * as repo from './repository';
import { itemView, statusLabel } from './view';
import { effective, lastPublication, mayReview, mayTake } from './workflow';

/**
 * A second person approves the submitted revision (it may then be published) or asks for changes (back to
 * draft). Nobody reviews a version they wrote part of since the last publication (422 content_review_own).
 */
export async function reviewContent(ctx: ActorCtx, id: string, input: ReviewContent): Promise<ContentItem> {
  const scope = scopeOf(ctx.actor, 'content.review');
  const item = await repo.findItem(ctx.db, scope, id);
  if (!item) throw notFound();
  if (input.version !== item.version) throw await conflict(ctx, item, input.version);
  const now = ctx.clock.now();
  const state = effective(item, now);
  if (!mayTake('review', state))
    throw new AppError('content_state', { params: { status: statusLabel(ctx.lang, state.status) } });
  const authors = await repo.authorsAfter(ctx.db, id, lastPublication(state));
  if (!mayReview(ctx.actor.userId, authors)) throw new AppError('content_review_own');
  const approved = input.decision === 'approve';
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateItemAt(tx, id, input.version, {
      status: approved ? 'approved' : 'draft',
      reviewDecidedBy: ctx.actor.userId,
      reviewDecidedByName: ctx.actor.displayName,
      reviewDecidedAt: now,
      reviewDecision: input.decision,
      reviewDecisionComment: input.comment ?? null,
      updatedBy: ctx.actor.userId,
      updatedByName: ctx.actor.displayName,
      updatedAt: now,
    });
    if (!row) return conflictAfterMiss(ctx, tx, scope, id, input.version);
    await recordAudit(tx, ctx, {
      action: approved ? 'content.approved' : 'content.changes_requested',
      officeId: item.officeId,
      recordType: RECORD_TYPE,
      recordId: id,
      changes: { status: { old: state.status, new: approved ? 'approved' : 'draft' } },
      metadata: { revision: item.revision, ...(input.comment ? { comment: input.comment } : {}) },
    });
    return itemView(tx, row, now);
  });
}
