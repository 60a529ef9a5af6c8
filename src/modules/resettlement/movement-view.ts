/** A movement: legs, escorts, bookings with their passengers and boarding, seats used. */
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../platform/actor';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { type Lang, validationMessage } from '../../platform/i18n';
import type { MovementView } from './contract';
import type { Blocker } from './expiry';
import { mayWriteMovements, resettlementScope } from './policy';
import * as repo from './repository';

export async function movementView(db: Db, m: repo.MovementRow): Promise<MovementView> {
  const [legs, escorts, bookings, passengers, used] = await Promise.all([
    repo.legsOf(db, m.id),
    repo.escortsOf(db, m.id),
    repo.bookingsOf(db, m.id),
    repo.passengersOf(db, m.id),
    repo.seatsUsed(db, m.id),
  ]);
  return {
    id: m.id,
    reference: m.reference,
    projectId: m.projectId,
    officeId: m.owningOfficeId,
    status: m.status,
    seatCount: m.seatCount,
    // Escorts take seats too.
    seatsUsed: used + escorts.length,
    destinationCountry: m.destinationCountry,
    departureDate: m.departureDate,
    arrivalDate: m.arrivalDate,
    arrivedAt: m.arrivedAt?.toISOString() ?? null,
    legs: legs.map((l) => ({
      seq: l.seq,
      carrier: l.carrier,
      flightNumber: l.flightNumber,
      fromAirport: l.fromAirport,
      toAirport: l.toAirport,
      departsAt: l.departsAt.toISOString(),
      arrivesAt: l.arrivesAt.toISOString(),
    })),
    escorts: escorts.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      organisation: e.organisation,
      forCaseId: e.forCaseId,
    })),
    bookings: bookings.map(({ booking, caseReference }) => ({
      id: booking.id,
      caseId: booking.caseId,
      caseReference,
      status: booking.status,
      reason: booking.reason,
      passengers: passengers
        .filter((p) => p.passenger.bookingId === booking.id)
        .map(({ passenger, person }) => ({
          personId: passenger.personId,
          name: `${person.givenName} ${person.familyName}`,
          seatRequired: passenger.seatRequired,
          boarding: passenger.boarding,
          boardingReason: passenger.boardingReason,
        })),
    })),
    version: m.version,
  };
}

/** A movement of an office where the actor reads resettlement (404 otherwise); for `write`, 403 without the right. */
export async function reachableMovement(ctx: ActorCtx, id: string, access: 'read' | 'write') {
  const m = await repo.findMovement(ctx.db, id, resettlementScope(ctx.actor, 'read'));
  if (!m) throw notFound();
  if (access === 'write' && !mayWriteMovements(ctx.actor, m.owningOfficeId)) throw forbidden();
  return m;
}

export async function getMovement(ctx: ActorCtx, id: string) {
  return movementView(ctx.db, await reachableMovement(ctx, id, 'read'));
}

export async function listMovements(ctx: ActorCtx, projectId?: string) {
  const rows = await repo.listMovements(ctx.db, resettlementScope(ctx.actor, 'read'), projectId);
  return { items: await Promise.all(rows.map((m) => movementView(ctx.db, m))) };
}

/**
 * Locks the movement (to the end of the caller's transaction) and checks the version the caller read: a
 * 409 with the movement as committed now otherwise.
 */
export async function lockedMovement(ctx: ActorCtx, id: string, version: number) {
  const m = await repo.lockMovement(ctx.db, id);
  if (!m) throw notFound();
  if (m.version !== version) throw versionConflict(await movementView(ctx.db, m));
  return m;
}

/** Bumps the movement's version (its seats or bookings changed). */
export async function bumpMovement(db: Db, m: repo.MovementRow, patch: Partial<repo.MovementRow> = {}) {
  const after = await repo.updateMovementAt(db, m.id, m.version, patch);
  if (!after) throw new Error('movement moved while locked');
  return after;
}

/** Changes a movement in one transaction; answers it as the change left it. */
export function changeMovement<Input>(change: (ctx: ActorCtx, id: string, input: Input) => Promise<unknown>) {
  return (ctx: ActorCtx, id: string, input: Input) =>
    ctx.db.transaction(async (tx) => {
      const inTx = { ...ctx, db: tx };
      await change(inTx, id, input);
      return getMovement(inTx, id);
    });
}

/** The 422 of members whose validities do not cover the flight, one field per member and document. */
export function validityError(
  lang: Lang,
  blockers: Blocker[],
  members: { personId: string }[],
  flightDate: string,
) {
  return new AppError('movement_validity', {
    params: { flightDate },
    fields: blockers.map((b) => {
      const i = members.findIndex((m) => m.personId === b.personId);
      const c = b.coverage;
      const key =
        c.status === 'missing'
          ? 'validity_missing'
          : c.status === 'expired'
            ? 'validity_expired'
            : c.status === 'not_yet_valid'
              ? 'validity_not_yet'
              : 'validity_before_flight';
      return {
        path: `members.${i}.${b.what}`,
        code: c.status,
        message: `${b.name}: ${validationMessage(lang, key, { date: 'date' in c ? c.date : '', flightDate })}`,
      };
    }),
  });
}
