/** The signed-in person's notifications (referrals received, answered, overdue). */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import type { NotificationListSchema } from './contract';
import * as repo from './repository';
import { notifyOverdue } from './respond';

type NotificationList = z.infer<typeof NotificationListSchema>;

/** Newest first, with the unread count; overdue referrals are noticed first, so the list is current. */
export async function myNotifications(ctx: ActorCtx, limit: number): Promise<NotificationList> {
  await notifyOverdue(ctx);
  const { items, unread } = await repo.notificationsOf(ctx.db, ctx.actor.userId, limit);
  return {
    unread,
    items: items.map((n) => ({
      id: n.row.id,
      kind: n.row.kind as NotificationList['items'][number]['kind'],
      referralId: n.row.referralId,
      referralReference: n.referralReference,
      officeCode: n.officeCode,
      createdAt: n.row.createdAt.toISOString(),
      read: n.row.readAt !== null,
    })),
  };
}

/** Marks one notification (or all) as read; returns how many changed. */
export function markNotificationsRead(ctx: ActorCtx, id: string | undefined): Promise<number> {
  return repo.markNotificationsRead(ctx.db, ctx.actor.userId, ctx.clock.now(), id);
}
