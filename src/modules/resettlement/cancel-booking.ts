/** Unbooking a household before departure, with a reason: back to exit permits, its seats given back. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { caseRecord, takeTransitionByAction } from '../cases';
import type { CancelBookingSchema } from './contract';
import { householdCase } from './household-view';
import { bumpMovement, lockedMovement, reachableMovement } from './movement-view';
import * as repo from './repository';

export async function cancelBooking(
  ctx: ActorCtx,
  movementId: string,
  bookingId: string,
  input: z.infer<typeof CancelBookingSchema>,
) {
  await reachableMovement(ctx, movementId, 'write');
  const booking = await repo.findBooking(ctx.db, movementId, bookingId);
  if (!booking) throw notFound();
  await householdCase(ctx, booking.caseId, 'write');
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const m = await lockedMovement(inTx, movementId, input.version);
    const current = await repo.findBooking(tx, movementId, bookingId);
    if (current?.status !== 'booked') throw new AppError('booking_not_active');
    const row = await caseRecord(tx, booking.caseId);
    if (!row) throw notFound();
    await repo.settleBooking(tx, bookingId, 'cancelled', input.reason, ctx.clock.now());
    await bumpMovement(tx, m);
    await takeTransitionByAction(inTx, row, {
      action: 'unbook',
      to: 'exit_permits',
      version: input.caseVersion,
      comment: input.reason,
      data: { movement: m.reference },
    });
    await recordAudit(tx, ctx, {
      action: 'movement.household_unbooked',
      officeId: m.owningOfficeId,
      recordType: 'movement',
      recordId: movementId,
      changes: { booking: { old: 'booked', new: 'cancelled' } },
      metadata: { bookingId, caseId: booking.caseId, reason: input.reason },
    });
  });
}
