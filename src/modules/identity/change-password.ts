import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { hashPassword, verifyPassword } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import * as repo from './repository';

export type ChangePasswordOptions = { currentPassword: string; newPassword: string; keepSession: string };

/** The signed-in user changes their own password; every other session of theirs ends. */
export async function changePassword(ctx: ActorCtx, options: ChangePasswordOptions): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.passwordHash, options.currentPassword)))
    throw new AppError('wrong_password');
  if (options.currentPassword === options.newPassword) throw new AppError('password_unchanged');
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateUserAt(
      tx,
      user.id,
      user.version,
      { passwordHash, mustChangePassword: false },
      ctx.clock.now(),
    );
    if (!updated) throw new AppError('version_conflict');
    await repo.deleteUserSessions(tx, user.id, options.keepSession);
    await recordAudit(tx, ctx, {
      action: 'auth.password_changed',
      recordType: 'user',
      recordId: user.id,
      changes: { password: { new: '[changed]' } },
    });
  });
}
