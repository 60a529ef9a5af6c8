import type { z } from 'zod';
import { type ActorCtx, requirePermission } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { SetMembershipsSchema, User } from './contract';
import { checkMemberships, holdsAdministrator } from './memberships';
import * as repo from './repository';
import { membershipLabels, userView } from './user-views';

export type SetMembershipsOptions = { userId: string } & z.infer<typeof SetMembershipsSchema>;

/** Replaces a user's roles per office. Bumps the user's version: roles are part of the account. */
export async function setMemberships(ctx: ActorCtx, options: SetMembershipsOptions): Promise<User> {
  requirePermission(ctx.actor, 'users.manage');
  const next = await checkMemberships(ctx.db, ctx.lang, options.memberships);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, options.userId);
    if (!before) throw notFound();
    const beforeView = await userView(tx, before);
    if (before.version !== options.version) throw versionConflict(beforeView);
    const losesAdmin = holdsAdministrator(beforeView.memberships) && !holdsAdministrator(next);
    if (losesAdmin && options.userId === ctx.actor.userId) throw new AppError('cannot_change_own_access');
    if (losesAdmin && before.status === 'active') {
      await repo.lockAdministrators(tx);
      if ((await repo.countActiveAdministrators(tx, { userId: options.userId })) === 0) {
        throw new AppError('last_administrator');
      }
    }
    const after = await repo.updateUserAt(tx, options.userId, options.version, {}, ctx.clock.now());
    if (!after) throw versionConflict(beforeView);
    await repo.replaceMemberships(tx, options.userId, next);
    const afterView = await userView(tx, after);
    await recordAudit(tx, ctx, {
      action: 'user.memberships_changed',
      recordType: 'user',
      recordId: options.userId,
      changes: {
        memberships: {
          old: membershipLabels(beforeView.memberships),
          new: membershipLabels(afterView.memberships),
        },
      },
    });
    return afterView;
  });
}
