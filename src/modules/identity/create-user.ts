import type { z } from 'zod';
import { type ActorCtx, requirePermission } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { hashPassword, temporaryPassword } from '../../platform/crypto';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { combinesAdministrationAndCasework } from '../../platform/permissions';
import type { CreateUserSchema, User } from './contract';
import { checkMemberships } from './memberships';
import * as repo from './repository';
import { membershipLabels, userView } from './user-views';

export type CreateUserOptions = z.infer<typeof CreateUserSchema>;

/**
 * An administrator creates an account. Without a chosen password, a temporary one is generated,
 * returned once, and must be changed at first sign-in.
 */
export async function createUser(
  ctx: ActorCtx,
  options: CreateUserOptions,
): Promise<{ user: User; temporaryPassword?: string }> {
  requirePermission(ctx.actor, 'users.manage');
  const generated = options.password ? undefined : temporaryPassword();
  const passwordHash = await hashPassword(options.password ?? (generated as string));
  const memberships = await checkMemberships(ctx.db, ctx.lang, options.memberships);
  // The administrator role and one that reads beneficiaries' data come together only with a second
  // administrator's approval, which a new account cannot have had (ADR 0005).
  if (combinesAdministrationAndCasework(memberships))
    throw new AppError('validation_failed', {
      fields: [
        {
          path: 'memberships',
          code: 'needs_second_administrator',
          message: validationMessage(ctx.lang, 'needs_second_administrator'),
        },
      ],
    });
  if (await repo.findUserByEmail(ctx.db, options.email)) throw new AppError('email_taken');
  try {
    const user = await ctx.db.transaction(async (tx) => {
      const row = await repo.insertUser(tx, {
        email: options.email,
        displayName: options.displayName,
        locale: options.locale,
        passwordHash,
        mustChangePassword: generated !== undefined,
      });
      await repo.replaceMemberships(tx, row.id, memberships);
      const view = await userView(tx, row);
      await recordAudit(tx, ctx, {
        action: 'user.created',
        recordType: 'user',
        recordId: row.id,
        changes: {
          email: { new: row.email },
          displayName: { new: row.displayName },
          locale: { new: row.locale },
          password: { new: '[set]' },
          memberships: { new: membershipLabels(view.memberships) },
        },
      });
      return view;
    });
    return generated ? { user, temporaryPassword: generated } : { user };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken');
    throw error;
  }
}
