/** The pipeline: households of a project at their stage, with what blocks each (expired or missing validities). */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import type { PipelineQuerySchema } from './contract';
import { blockersOf } from './expiry';
import { memberFactsOf, nameOf, todayOf } from './household-view';
import { resettlementScope } from './policy';
import * as repo from './repository';
import { BEFORE_BOOKING } from './stages';

export async function resettlementPipeline(ctx: ActorCtx, query: z.infer<typeof PipelineQuerySchema>) {
  const today = todayOf(ctx);
  const rows = await repo.householdsAt(ctx.db, {
    projectId: query.projectId,
    officeId: query.officeId,
    scope: resettlementScope(ctx.actor, 'read'),
    stages: [...BEFORE_BOOKING, 'booked', 'movement', 'arrived'],
  });
  const ids = rows.map((r) => r.caseRow.id);
  const [facts, bookings] = await Promise.all([
    memberFactsOf(ctx.db, ids),
    repo.activeBookingsOf(ctx.db, ids),
  ]);
  const blocked = new Map(
    blockersOf(
      rows.map((r) => {
        const b = bookings.find((x) => x.booking.caseId === r.caseRow.id);
        return {
          caseId: r.caseRow.id,
          stage: r.caseRow.status,
          members: facts.get(r.caseRow.id) ?? [],
          booked: b ? { from: b.movement.departureDate, to: b.movement.arrivalDate } : null,
        };
      }),
      today,
    ).map((x) => [x.caseId, x.blockers]),
  );
  const items = rows.map((r) => ({
    caseId: r.caseRow.id,
    caseReference: r.caseRow.reference,
    principalName: nameOf(r),
    status: r.caseRow.status,
    // Not referred yet, a household is its principal (the funnel counts it so).
    members: facts.get(r.caseRow.id)?.length ?? 1,
    blockers: blocked.get(r.caseRow.id) ?? [],
  }));
  return { items: query.blocked ? items.filter((i) => i.blockers.length > 0) : items };
}
