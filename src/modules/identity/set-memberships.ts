import type { z } from 'zod';
import type { Db } from '../../db/client';
import { type ActorCtx, requirePermission } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import {
  BENEFICIARY_DATA_ROLES,
  combinesAdministrationAndCasework,
  type Role,
} from '../../platform/permissions';
import { applyMemberships } from './apply-memberships';
import type { SetMembershipsSchema, User } from './contract';
import { withdrawMembershipRequest } from './membership-requests';
import { checkMemberships, type MembershipInput } from './memberships';
import * as repo from './repository';
import { membershipLabels, userView } from './user-views';

export type SetMembershipsOptions = { userId: string } & z.infer<typeof SetMembershipsSchema>;

const key = (m: { officeId: string; role: string }) => `${m.officeId}|${m.role}`;

/**
 * Whether going from `before` to `next` needs a second administrator (ADR 0005): the account would combine
 * the administrator role with one that reads beneficiaries' data, and the change adds one side of that.
 * Taking roles away never does.
 */
export function needsSecondAdministrator(
  before: readonly MembershipInput[],
  next: readonly MembershipInput[],
): boolean {
  if (!combinesAdministrationAndCasework(next)) return false;
  const held = new Set(before.map(key));
  return next.some(
    (m) =>
      !held.has(key(m)) &&
      (m.role === 'administrator' || (BENEFICIARY_DATA_ROLES as readonly Role[]).includes(m.role)),
  );
}

/**
 * Replaces a user's roles per office, or, when the change needs a second administrator, records it as a
 * request for another administrator to approve (`pending: true`; the roles stay as they are). Nobody changes
 * their own roles. Bumps the user's version: roles are part of the account.
 */
export async function setMemberships(
  ctx: ActorCtx,
  options: SetMembershipsOptions,
): Promise<{ user: User; pending: boolean }> {
  requirePermission(ctx.actor, 'users.manage');
  if (options.userId === ctx.actor.userId) throw new AppError('cannot_change_own_access');
  const next = await checkMemberships(ctx.db, ctx.lang, options.memberships);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, options.userId);
    if (!before) throw notFound();
    const beforeView = await userView(tx, before);
    if (before.version !== options.version) throw versionConflict(beforeView);
    if (needsSecondAdministrator(beforeView.memberships, next)) {
      if (beforeView.pendingMembershipChange) throw new AppError('membership_change_pending');
      const request = await repo.insertMembershipRequest(tx, {
        userId: before.id,
        memberships: next,
        baseVersion: before.version,
        requestedBy: ctx.actor.userId,
        requestedAt: ctx.clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'user.membership_change_requested',
        recordType: 'user',
        recordId: before.id,
        changes: {
          memberships: { old: membershipLabels(beforeView.memberships), new: await labelsOf(tx, next) },
        },
        metadata: { requestId: request.id },
      });
      return { user: await userView(tx, before), pending: true };
    }
    const user = await applyMemberships(tx, ctx, { before, beforeView, next });
    // A change made directly replaces any change still waiting for approval.
    if (beforeView.pendingMembershipChange) {
      await withdrawMembershipRequest(
        tx,
        ctx,
        { id: beforeView.pendingMembershipChange.id, userId: before.id },
        'superseded',
      );
      return { user: await userView(tx, (await repo.findUserById(tx, before.id)) ?? before), pending: false };
    }
    return { user, pending: false };
  });
}

async function labelsOf(db: Db, memberships: MembershipInput[]): Promise<string[]> {
  const codes = new Map(
    (
      await repo.findOffices(
        db,
        memberships.map((m) => m.officeId),
      )
    ).map((o) => [o.id, o.code]),
  );
  return membershipLabels(
    memberships.map((m) => ({ officeCode: codes.get(m.officeId) ?? m.officeId, role: m.role })),
  );
}

export { applyMemberships };
