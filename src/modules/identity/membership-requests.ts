/**
 * Deciding on changes of roles that need a second administrator (ADR 0005): another administrator than the
 * one who asked, and than the account's owner, approves or rejects; the one who asked may withdraw.
 */
import type { z } from 'zod';
import { type ActorCtx, requirePermission } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { applyMemberships } from './apply-memberships';
import type {
  ApproveMembershipRequestSchema,
  MembershipRequest,
  MembershipRequestListQuerySchema,
  RejectMembershipRequestSchema,
} from './contract';
import { checkMemberships } from './memberships';
import * as repo from './repository';
import { membershipRequestViews, userView } from './user-views';

export async function listMembershipRequests(
  ctx: ActorCtx,
  query: z.infer<typeof MembershipRequestListQuerySchema>,
): Promise<MembershipRequest[]> {
  requirePermission(ctx.actor, 'users.manage');
  return membershipRequestViews(ctx.db, await repo.listMembershipRequests(ctx.db, query.status));
}

async function viewOf(ctx: ActorCtx, request: repo.MembershipRequestRow): Promise<MembershipRequest> {
  const [view] = await membershipRequestViews(ctx.db, [request]);
  if (!view) throw new Error('unreachable');
  return view;
}

/** The pending request, locked, and decidable by this actor (not theirs, not about their own account). */
async function pendingForDecision(ctx: ActorCtx, tx: ActorCtx['db'], id: string) {
  const request = await repo.findMembershipRequest(tx, id, true);
  if (!request) throw notFound();
  if (request.status !== 'pending') throw new AppError('membership_change_not_pending');
  if (request.requestedBy === ctx.actor.userId || request.userId === ctx.actor.userId)
    throw new AppError('second_administrator_required');
  return request;
}

export async function approveMembershipRequest(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof ApproveMembershipRequestSchema>,
): Promise<MembershipRequest> {
  requirePermission(ctx.actor, 'users.manage');
  const decided = await ctx.db.transaction(async (tx) => {
    const request = await pendingForDecision(ctx, tx, id);
    const before = await repo.findUserById(tx, request.userId);
    if (!before) throw notFound();
    // Approving what was asked about another state of the account would approve something nobody saw.
    if (before.version !== request.baseVersion) throw new AppError('membership_change_stale');
    const next = await checkMemberships(tx, ctx.lang, request.memberships as never);
    await applyMemberships(tx, ctx, {
      before,
      beforeView: await userView(tx, before),
      next,
      approval: { requestId: request.id, requestedBy: request.requestedBy },
    });
    const row = await repo.decideMembershipRequest(tx, request.id, {
      status: 'approved',
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.clock.now(),
      comment: input.comment || null,
    });
    await recordAudit(tx, ctx, {
      action: 'user.membership_change_approved',
      recordType: 'user',
      recordId: request.userId,
      metadata: { requestId: request.id, requestedBy: request.requestedBy },
    });
    return row ?? request;
  });
  return viewOf(ctx, decided);
}

export async function rejectMembershipRequest(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof RejectMembershipRequestSchema>,
): Promise<MembershipRequest> {
  requirePermission(ctx.actor, 'users.manage');
  const decided = await ctx.db.transaction(async (tx) => {
    const request = await pendingForDecision(ctx, tx, id);
    const row = await repo.decideMembershipRequest(tx, request.id, {
      status: 'rejected',
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.clock.now(),
      comment: input.reason,
    });
    await recordAudit(tx, ctx, {
      action: 'user.membership_change_rejected',
      recordType: 'user',
      recordId: request.userId,
      metadata: { requestId: request.id, requestedBy: request.requestedBy, reason: input.reason },
    });
    return row ?? request;
  });
  return viewOf(ctx, decided);
}

/** The administrator who asked withdraws their request. */
export async function cancelMembershipRequest(ctx: ActorCtx, id: string): Promise<MembershipRequest> {
  requirePermission(ctx.actor, 'users.manage');
  const decided = await ctx.db.transaction(async (tx) => {
    const request = await repo.findMembershipRequest(tx, id, true);
    if (!request) throw notFound();
    if (request.status !== 'pending') throw new AppError('membership_change_not_pending');
    if (request.requestedBy !== ctx.actor.userId) throw new AppError('forbidden');
    return (await withdrawMembershipRequest(tx, ctx, request, 'withdrawn')) ?? request;
  });
  return viewOf(ctx, decided);
}

/** Withdraws a pending request (its author takes it back, or a direct change replaces it), audited. */
export async function withdrawMembershipRequest(
  tx: ActorCtx['db'],
  ctx: ActorCtx,
  request: { id: string; userId: string },
  reason: 'withdrawn' | 'superseded',
): Promise<repo.MembershipRequestRow | undefined> {
  const row = await repo.decideMembershipRequest(tx, request.id, {
    status: 'cancelled',
    decidedBy: ctx.actor.userId,
    decidedAt: ctx.clock.now(),
    comment: null,
  });
  await recordAudit(tx, ctx, {
    action: 'user.membership_change_cancelled',
    recordType: 'user',
    recordId: request.userId,
    metadata: { requestId: request.id, reason },
  });
  return row;
}
