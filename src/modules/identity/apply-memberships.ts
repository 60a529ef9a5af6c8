import type { Db } from '../../db/client';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, versionConflict } from '../../platform/errors';
import type { User } from './contract';
import { holdsAdministrator, type MembershipInput } from './memberships';
import * as repo from './repository';
import { membershipLabels, userView } from './user-views';

/**
 * Writes a new set of roles (directly, or once a second administrator approved it), keeping at least one
 * active administrator, and records it.
 */
export async function applyMemberships(
  tx: Db,
  ctx: ActorCtx,
  change: {
    before: repo.UserRow;
    beforeView: User;
    next: MembershipInput[];
    approval?: { requestId: string; requestedBy: string };
  },
): Promise<User> {
  const { before, beforeView, next } = change;
  const losesAdmin = holdsAdministrator(beforeView.memberships) && !holdsAdministrator(next);
  if (losesAdmin && before.status === 'active') {
    await repo.lockAdministrators(tx);
    if ((await repo.countActiveAdministrators(tx, { userId: before.id })) === 0) {
      throw new AppError('last_administrator');
    }
  }
  const after = await repo.updateUserAt(tx, before.id, before.version, {}, ctx.clock.now());
  if (!after) throw versionConflict(await userView(tx, (await repo.findUserById(tx, before.id)) ?? before));
  await repo.replaceMemberships(tx, before.id, next);
  const afterView = await userView(tx, after);
  await recordAudit(tx, ctx, {
    action: 'user.memberships_changed',
    recordType: 'user',
    recordId: before.id,
    changes: {
      memberships: {
        old: membershipLabels(beforeView.memberships),
        new: membershipLabels(afterView.memberships),
      },
    },
    ...(change.approval ? { metadata: change.approval } : {}),
  });
  return afterView;
}
