/** A departed movement arrives: its boarded households move to arrived. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { takeTransitionByAction } from '../cases';
import type { ArrivalSchema } from './contract';
import { bumpMovement, lockedMovement, reachableMovement } from './movement-view';
import * as repo from './repository';

export async function recordArrival(ctx: ActorCtx, movementId: string, input: z.infer<typeof ArrivalSchema>) {
  await reachableMovement(ctx, movementId, 'write');
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const m = await lockedMovement(inTx, movementId, input.version);
    if (m.status !== 'departed') throw new AppError('movement_not_departed');
    const households = await repo.casesOfBookings(tx, movementId, 'boarded');
    for (const { caseRow } of households)
      if (caseRow.status === 'movement')
        await takeTransitionByAction(inTx, caseRow, {
          action: 'arrive',
          to: 'arrived',
          version: caseRow.version,
          data: { movement: m.reference },
        });
    await bumpMovement(tx, m, { status: 'arrived', arrivedAt: new Date(input.arrivedAt) });
    await recordAudit(tx, ctx, {
      action: 'movement.arrived',
      officeId: m.owningOfficeId,
      recordType: 'movement',
      recordId: movementId,
      changes: { status: { old: 'departed', new: 'arrived' } },
      metadata: { arrivedAt: input.arrivedAt, households: households.length },
    });
  });
}
