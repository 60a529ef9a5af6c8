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
      { passwordHash, mustChangePassword: true },
      ctx.clock.now(),
    );
    if (!after) throw notFound();
    await repo.deleteUserSessions(tx, userId);
    // The owner asked for help: their own failed attempts no longer hold them back.
    await repo.clearAccountThrottles(tx, after.email);
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      recordType: 'user',
      recordId: userId,
      changes: { password: { new: '[changed]' } },
    });
    return { user: await userView(tx, after), temporaryPassword: password };
  });
}

/** Lifts every delay on sign-ins to an account, from every address, before they end. */
export async function unlockUser(ctx: ActorCtx, userId: string): Promise<User> {
  requirePermission(ctx.actor, 'users.manage');
  return ctx.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user) throw notFound();
    const cleared = await repo.clearAccountThrottles(tx, user.email);
    await recordAudit(tx, ctx, {
      action: 'user.unlocked',
      recordType: 'user',
      recordId: userId,
      metadata: { delaysLifted: cleared },
    });
    return userView(tx, user);
  });
}
