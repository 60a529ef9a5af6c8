import { type ActorCtx, requirePermission } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { hashPassword, temporaryPassword } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import type { User } from './contract';
import * as repo from './repository';
import { userView } from './user-views';

/** Issues a temporary password (shown once), ends the user's sessions and forces a change at next sign-in. */
export async function resetPassword(
  ctx: ActorCtx,
  userId: string,
): Promise<{ user: User; temporaryPassword: string }> {
  requirePermission(ctx.actor, 'users.manage');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, userId);
    if (!before) throw notFound();
    const after = await repo.updateUserAt(
      tx,
      userId,
      before.version,
      { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
      ctx.clock.now(),
    );
    if (!after) throw notFound();
    await repo.deleteUserSessions(tx, userId);
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      recordType: 'user',
      recordId: userId,
      changes: { password: { new: '[changed]' } },
    });
    return { user: await userView(tx, after), temporaryPassword: password };
  });
}

/** Lifts a sign-in lockout before it expires. */
export async function unlockUser(ctx: ActorCtx, userId: string): Promise<User> {
  requirePermission(ctx.actor, 'users.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, userId);
    if (!before) throw notFound();
    await repo.updateUserSecurityState(tx, userId, { failedLoginCount: 0, lockedUntil: null });
    await recordAudit(tx, ctx, {
      action: 'user.unlocked',
      recordType: 'user',
      recordId: userId,
      changes: { lockedUntil: { old: before.lockedUntil?.toISOString() ?? null, new: null } },
    });
    const after = await repo.findUserById(tx, userId);
    return userView(tx, after ?? before);
  });
}
