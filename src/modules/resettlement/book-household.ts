/**
 * Booking a household on a planned movement. Refused when any member's fitness to travel, exit permit or
 * visa does not cover the flight (422), when a member needs a medical escort the movement does not provide
 * for this household (422), or when the seats would exceed the count (409). The movement row is locked
 * first: two bookings for the last seats are made one after the other, and the second sees the first.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { takeTransitionByAction } from '../cases';
import type { BookHouseholdSchema } from './contract';
import { memberBlockers, seatsNeeded } from './expiry';
import { isUnder } from './household-rules';
import { householdCase, memberFactsOf, referredHousehold, todayOf } from './household-view';
import { bumpMovement, lockedMovement, reachableMovement, validityError } from './movement-view';
import { unlessTaken } from './record-referral';
import * as repo from './repository';

export async function bookHousehold(
  ctx: ActorCtx,
  movementId: string,
  input: z.infer<typeof BookHouseholdSchema>,
) {
  const reached = await reachableMovement(ctx, movementId, 'write');
  const row = await householdCase(ctx, input.caseId, 'write');
  if (row.owningOfficeId !== reached.owningOfficeId || row.projectId !== reached.projectId)
    throw new AppError('validation_failed', {
      fields: [
        { path: 'caseId', code: 'not_same_office', message: validationMessage(ctx.lang, 'not_same_office') },
      ],
    });
  await referredHousehold(ctx.db, row.id);
  const today = todayOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const m = await lockedMovement(inTx, movementId, input.version);
    if (m.status !== 'planned') throw new AppError('movement_not_planned');
    const members = (await memberFactsOf(tx, [row.id])).get(row.id) ?? [];
    const blockers = memberBlockers(members, today, { from: m.departureDate, to: m.arrivalDate });
    if (blockers.length > 0) throw validityError(ctx.lang, blockers, members, m.departureDate);
    const escorts = await repo.escortsOf(tx, movementId);
    const needsEscort = members.some((mm) => mm.health?.travelConditions.includes('MEDICAL_ESCORT'));
    if (needsEscort && !escorts.some((e) => e.kind === 'medical' && e.forCaseId === row.id))
      throw new AppError('movement_escort_required');
    const people = await repo.activeMembersOf(tx, [row.id]);
    const passengers = people.map(({ person }) => ({
      movementId,
      personId: person.id,
      // An infant under two on the day of departure travels on a lap.
      seatRequired: !isUnder(person, 2, m.departureDate),
      boarding: 'pending' as const,
    }));
    const used = (await repo.seatsUsed(tx, movementId)) + escorts.length;
    const needed = seatsNeeded(passengers);
    if (used + needed > m.seatCount)
      throw new AppError('movement_over_capacity', { params: { seats: m.seatCount, used, needed } });
    const booking = await unlessTaken(
      repo.insertBooking(
        tx,
        { movementId, caseId: row.id, status: 'booked', bookedAt: ctx.clock.now() },
        passengers,
      ),
      'household_locked',
    );
    await bumpMovement(tx, m);
    await takeTransitionByAction(inTx, row, {
      action: 'book',
      to: 'booked',
      version: input.caseVersion,
      data: { movement: m.reference, departureDate: m.departureDate },
    });
    await recordAudit(tx, ctx, {
      action: 'movement.household_booked',
      officeId: m.owningOfficeId,
      recordType: 'movement',
      recordId: movementId,
      changes: {
        booking: { new: { id: booking.id, caseId: row.id, passengers: passengers.length, seats: needed } },
      },
    });
  });
}
