/** A movement: its legs (flights), seats and escorts. Its dates are its first departure and last arrival. */
import type { z } from 'zod';
import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { caseRecord } from '../cases';
import { assertProjectUsable } from '../projects';
import type { CreateMovementSchema } from './contract';
import * as repo from './repository';

type Leg = z.infer<typeof CreateMovementSchema>['legs'][number];
type Escort = z.infer<typeof CreateMovementSchema>['escorts'][number];

/** Legs in flight order, numbered; the movement's dates (UTC days) from them. */
export function legsAndDates(legs: Leg[]) {
  const ordered = [...legs].sort((a, b) => Date.parse(a.departsAt) - Date.parse(b.departsAt));
  const rows = ordered.map((l, i) => ({
    seq: i + 1,
    carrier: l.carrier,
    flightNumber: l.flightNumber,
    fromAirport: l.fromAirport,
    toAirport: l.toAirport,
    departsAt: new Date(l.departsAt),
    arrivesAt: new Date(l.arrivesAt),
  }));
  const first = rows[0] as (typeof rows)[number];
  const last = rows.at(-1) as (typeof rows)[number];
  return {
    rows,
    departureDate: first.departsAt.toISOString().slice(0, 10),
    arrivalDate: new Date(Math.max(...rows.map((r) => r.arrivesAt.getTime()))).toISOString().slice(0, 10),
    bad: rows.some((r) => r.arrivesAt < r.departsAt) || last.arrivesAt < first.departsAt,
  };
}

/** Escorts, each medical one tied (if at all) to a resettlement household of the movement's office. */
export async function checkedEscorts(ctx: ActorCtx, officeId: string, escorts: Escort[]) {
  const wrong: string[] = [];
  for (const [i, e] of escorts.entries()) {
    if (!e.forCaseId) continue;
    const c = await caseRecord(ctx.db, e.forCaseId);
    if (c?.caseType !== 'resettlement' || c.owningOfficeId !== officeId) wrong.push(`escorts.${i}.forCaseId`);
  }
  if (wrong.length > 0)
    throw new AppError('validation_failed', {
      fields: wrong.map((path) => ({
        path,
        code: 'not_same_office',
        message: validationMessage(ctx.lang, 'not_same_office'),
      })),
    });
  return escorts.map((e) => ({
    name: e.name,
    kind: e.kind,
    organisation: e.organisation ?? null,
    forCaseId: e.forCaseId ?? null,
  }));
}

export function legsRefused(lang: 'fr' | 'en'): AppError {
  return new AppError('validation_failed', {
    fields: [{ path: 'legs', code: 'date_order', message: validationMessage(lang, 'date_order') }],
  });
}

export async function createMovement(
  ctx: ActorCtx,
  input: z.infer<typeof CreateMovementSchema>,
): Promise<string> {
  if (!can(ctx.actor, 'resettlement.write', input.officeId)) throw forbidden();
  await assertProjectUsable(ctx, input.projectId);
  const legs = legsAndDates(input.legs);
  if (legs.bad) throw legsRefused(ctx.lang);
  const escorts = await checkedEscorts(ctx, input.officeId, input.escorts);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const m = await repo.insertMovement(
      tx,
      {
        reference: await repo.nextMovementReference(tx, Number(legs.departureDate.slice(0, 4))),
        projectId: input.projectId,
        owningOfficeId: input.officeId,
        status: 'planned',
        seatCount: input.seatCount,
        destinationCountry: input.destinationCountry,
        departureDate: legs.departureDate,
        arrivalDate: legs.arrivalDate,
        createdAt: now,
      },
      legs.rows,
      escorts,
    );
    await recordAudit(tx, ctx, {
      action: 'movement.created',
      officeId: input.officeId,
      recordType: 'movement',
      recordId: m.id,
      changes: {
        reference: { new: m.reference },
        seatCount: { new: m.seatCount },
        departureDate: { new: m.departureDate },
        legs: { new: legs.rows.map((l) => `${l.flightNumber} ${l.fromAirport}-${l.toAirport}`) },
      },
    });
    return m.id;
  });
}
