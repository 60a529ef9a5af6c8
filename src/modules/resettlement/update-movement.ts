/**
 * Changing a planned movement: seats, legs, escorts, or cancelling it. New dates must still be covered by
 * the booked households' validities; seats may not fall below those taken.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import type { UpdateMovementSchema } from './contract';
import { checkedEscorts, legsAndDates, legsRefused } from './create-movement';
import { memberBlockers } from './expiry';
import { memberFactsOf, todayOf } from './household-view';
import { lockedMovement, reachableMovement, validityError } from './movement-view';
import * as repo from './repository';

export async function updateMovement(ctx: ActorCtx, id: string, input: z.infer<typeof UpdateMovementSchema>) {
  const reached = await reachableMovement(ctx, id, 'write');
  const legs = input.legs ? legsAndDates(input.legs) : null;
  if (legs?.bad) throw legsRefused(ctx.lang);
  const escorts = input.escorts
    ? await checkedEscorts(ctx, reached.owningOfficeId, input.escorts)
    : undefined;
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const m = await lockedMovement(inTx, id, input.version);
    if (m.status !== 'planned') throw new AppError('movement_not_planned');
    const booked = (await repo.bookingsOf(tx, id)).filter((b) => b.booking.status === 'booked');
    if (input.status === 'cancelled' && booked.length > 0) throw new AppError('movement_has_bookings');
    const seatCount = input.seatCount ?? m.seatCount;
    const used = (await repo.seatsUsed(tx, id)) + (escorts ?? (await repo.escortsOf(tx, id))).length;
    if (used > seatCount)
      throw new AppError('movement_over_capacity', { params: { seats: seatCount, used, needed: 0 } });
    if (legs && (legs.departureDate !== m.departureDate || legs.arrivalDate !== m.arrivalDate)) {
      // Every booked household must still be covered on the new dates: unbook first otherwise.
      const facts = await memberFactsOf(
        tx,
        booked.map((b) => b.booking.caseId),
      );
      const window = { from: legs.departureDate, to: legs.arrivalDate };
      for (const members of facts.values()) {
        const blockers = memberBlockers(members, todayOf(ctx), window);
        if (blockers.length > 0) throw validityError(ctx.lang, blockers, members, legs.departureDate);
      }
    }
    await repo.replaceLegsAndEscorts(tx, id, legs?.rows, escorts);
    await repo.updateMovementAt(tx, id, m.version, {
      seatCount,
      ...(legs ? { departureDate: legs.departureDate, arrivalDate: legs.arrivalDate } : {}),
      ...(input.status ? { status: input.status } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'movement.updated',
      officeId: m.owningOfficeId,
      recordType: 'movement',
      recordId: id,
      changes: {
        ...(input.seatCount !== undefined ? { seatCount: { old: m.seatCount, new: seatCount } } : {}),
        ...(legs ? { departureDate: { old: m.departureDate, new: legs.departureDate } } : {}),
        ...(input.status ? { status: { old: m.status, new: input.status } } : {}),
        ...(escorts ? { escorts: { new: escorts.map((e) => e.name) } } : {}),
      },
    });
  });
}
