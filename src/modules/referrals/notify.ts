/** In-app notifications for what needs someone's action on a referral. Written in the caller's transaction. */
import type { Db } from '../../db/client';
import type { Permission } from '../../platform/permissions';
import * as repo from './repository';

export type NotificationKind =
  | 'referral.received'
  | 'referral.accepted'
  | 'referral.declined'
  | 'referral.revoked'
  | 'referral.message'
  | 'referral.overdue';

/** Who on each side is told: the receiving office's responders, the sending office's senders and the requester. */
export async function recipientsOn(
  db: Db,
  r: repo.ReferralRow,
  side: 'sender' | 'receiver',
): Promise<{ officeId: string; userIds: string[] }[]> {
  if (side === 'receiver') {
    if (!r.toOfficeId) return [];
    const permission: Permission = r.status === 'pending' ? 'referrals.respond' : 'referrals.read';
    return [{ officeId: r.toOfficeId, userIds: await repo.usersWith(db, r.toOfficeId, permission) }];
  }
  const requester = r.requestedBy ? [r.requestedBy] : [];
  const supervisors = await repo.usersWith(db, r.fromOfficeId, 'referrals.respond');
  return [{ officeId: r.fromOfficeId, userIds: [...new Set([...requester, ...supervisors])] }];
}

export async function notify(
  db: Db,
  r: repo.ReferralRow,
  side: 'sender' | 'receiver',
  kind: NotificationKind,
  at: Date,
  except?: string,
): Promise<void> {
  const targets = await recipientsOn(db, r, side);
  // The office shown is the other side: "Tirana accepted", "new referral from Paris".
  const shownOffice = side === 'sender' ? r.toOfficeId : r.fromOfficeId;
  await repo.insertNotifications(
    db,
    targets.flatMap((t) =>
      t.userIds
        .filter((id) => id !== except)
        .map((userId) => ({ userId, kind, referralId: r.id, officeId: shownOffice, createdAt: at })),
    ),
  );
}
