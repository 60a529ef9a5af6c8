/**
 * Boarding on departure day, person by person. A household boards together or not at all (split it first
 * otherwise): boarded, it departs (its case moves to movement); not boarded, it goes back to exit permits
 * with the reason. The movement has departed once no booking is left open.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { caseRecord, takeTransitionByAction } from '../cases';
import type { BoardingSchema } from './contract';
import { todayOf } from './household-view';
import { bumpMovement, lockedMovement, reachableMovement } from './movement-view';
import { mayWorkOnHousehold } from './policy';
import * as repo from './repository';

export async function recordBoarding(
  ctx: ActorCtx,
  movementId: string,
  input: z.infer<typeof BoardingSchema>,
) {
  await reachableMovement(ctx, movementId, 'write');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const m = await lockedMovement(inTx, movementId, input.version);
    if (m.status !== 'planned') throw new AppError('movement_not_planned');
    if (todayOf(ctx) < m.departureDate)
      throw new AppError('boarding_not_open', { params: { date: m.departureDate } });
    const bookings = (await repo.bookingsOf(tx, movementId)).filter((b) => b.booking.status === 'booked');
    const passengers = (await repo.passengersOf(tx, movementId)).filter((p) =>
      bookings.some((b) => b.booking.id === p.passenger.bookingId),
    );
    const fields = input.passengers.flatMap((p, i) => {
      if (!passengers.some((x) => x.passenger.personId === p.personId))
        return [
          {
            path: `passengers.${i}.personId`,
            code: 'not_on_movement',
            message: validationMessage(ctx.lang, 'not_on_movement'),
          },
        ];
      if (p.status === 'no_show' && !p.reason)
        return [
          {
            path: `passengers.${i}.reason`,
            code: 'reason_required',
            message: validationMessage(ctx.lang, 'reason_required'),
          },
        ];
      return [];
    });
    if (fields.length > 0) throw new AppError('validation_failed', { fields });
    const statusOf = new Map(input.passengers.map((p) => [p.personId, p]));
    const settled: { caseId: string; outcome: 'boarded' | 'no_show' }[] = [];
    for (const { booking } of bookings) {
      const own = passengers.filter((p) => p.passenger.bookingId === booking.id);
      const given = own.map((p) => statusOf.get(p.passenger.personId));
      if (given.every((g) => g === undefined)) continue;
      const statuses = new Set(given.map((g) => g?.status));
      if (given.some((g) => g === undefined) || statuses.size > 1)
        throw new AppError('household_boarding_mixed');
      const outcome = [...statuses][0] as 'boarded' | 'no_show';
      const reason = outcome === 'no_show' ? (given.find((g) => g?.reason)?.reason ?? null) : null;
      for (const p of own)
        await repo.recordPassengerBoarding(
          tx,
          booking.id,
          p.passenger.personId,
          outcome,
          statusOf.get(p.passenger.personId)?.reason ?? null,
          {
            at: now,
            name: ctx.actor.displayName,
          },
        );
      await repo.settleBooking(tx, booking.id, outcome, reason, now);
      const row = await caseRecord(tx, booking.caseId);
      if (!row || !mayWorkOnHousehold(ctx.actor, row)) throw notFound();
      await takeTransitionByAction(inTx, row, {
        action: outcome === 'boarded' ? 'board' : 'unbook',
        to: outcome === 'boarded' ? 'movement' : 'exit_permits',
        version: row.version,
        ...(outcome === 'boarded' ? { patch: { departureDate: m.departureDate } } : {}),
        comment: reason,
        data: { movement: m.reference, ...(outcome === 'no_show' ? { noShow: true } : {}) },
      });
      settled.push({ caseId: booking.caseId, outcome });
    }
    const open = bookings.length - settled.length;
    const anyBoarded = (await repo.bookingsOf(tx, movementId)).some((b) => b.booking.status === 'boarded');
    await bumpMovement(tx, m, open === 0 && anyBoarded ? { status: 'departed' } : {});
    await recordAudit(tx, ctx, {
      action: 'movement.boarding_recorded',
      officeId: m.owningOfficeId,
      recordType: 'movement',
      recordId: movementId,
      changes: { households: { new: settled } },
      metadata: { passengers: input.passengers.length, departed: open === 0 && anyBoarded },
    });
  });
}
