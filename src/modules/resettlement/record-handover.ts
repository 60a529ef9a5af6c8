/** Arrival → closed: the household handed over to the receiving country's reception service. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { caseConflict, takeTransitionByAction } from '../cases';
import type { HandoverSchema } from './contract';
import { assertCaseDocument } from './documents';
import { householdCase, referredHousehold } from './household-view';
import * as repo from './repository';

export async function recordHandover(ctx: ActorCtx, caseId: string, input: z.infer<typeof HandoverSchema>) {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  await referredHousehold(ctx.db, caseId);
  if (row.status !== 'arrived') throw new AppError('handover_not_arrived');
  if (input.documentId)
    await assertCaseDocument(ctx.db, ctx.lang, caseId, input.documentId, 'handover_receipt', 'documentId');
  await ctx.db.transaction(async (tx) => {
    await repo.updateHousehold(tx, caseId, {
      handedOverOn: input.handedOverOn,
      handedOverTo: input.receivedBy,
      updatedAt: ctx.clock.now(),
    });
    await takeTransitionByAction({ ...ctx, db: tx }, row, {
      action: 'hand_over',
      to: 'closed',
      version: input.version,
      closureReason: 'completed',
      data: { receivedBy: input.receivedBy },
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.handed_over',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: { handedOverTo: { new: input.receivedBy }, handedOverOn: { new: input.handedOverOn } },
    });
  });
}
