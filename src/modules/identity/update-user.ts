import type { z } from 'zod';
import { type ActorCtx, requirePermission } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { UpdateUserSchema, User } from './contract';
import { holdsAdministrator } from './memberships';
import * as repo from './repository';
import { userView } from './user-views';

export type UpdateUserOptions = { userId: string } & z.infer<typeof UpdateUserSchema>;

export async function updateUser(ctx: ActorCtx, options: UpdateUserOptions): Promise<User> {
  requirePermission(ctx.actor, 'users.manage');
  const { userId, version, ...patch } = options;
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, userId);
    if (!before) throw notFound();
    if (before.version !== version) throw versionConflict(await userView(tx, before));
    if (patch.status === 'disabled' && before.status === 'active') {
      if (userId === ctx.actor.userId) throw new AppError('cannot_change_own_access');
      const memberships = (await repo.membershipsOf(tx, [userId])).get(userId) ?? [];
      await repo.lockAdministrators(tx);
      if (holdsAdministrator(memberships) && (await repo.countActiveAdministrators(tx, { userId })) === 0) {
        throw new AppError('last_administrator');
      }
    }
    const after = await repo.updateUserAt(tx, userId, version, patch, ctx.clock.now());
    // Read again: the account as the write that won left it.
    if (!after) throw versionConflict(await userView(tx, (await repo.findUserById(tx, userId)) ?? before));
    // Disabling an account ends its sessions at once.
    if (after.status === 'disabled') await repo.deleteUserSessions(tx, userId);
    await recordAudit(tx, ctx, {
      action: 'user.updated',
      recordType: 'user',
      recordId: userId,
      changes: diffFields(before, after, ['displayName', 'locale', 'status']),
    });
    return userView(tx, after);
  });
}
