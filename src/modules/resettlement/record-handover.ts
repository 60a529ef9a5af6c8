/**
 * Arrival → closed: the household handed over to the receiving country's reception service, with, when asked,
 * a link for that service (reception-links.ts) issued in the same transaction.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { caseConflict, takeTransitionByAction } from '../cases';
import type { HandoverResultSchema, HandoverSchema, ReceptionLinkIssuedSchema } from './contract';
import { assertCaseDocument } from './documents';
import { getHousehold, householdCase, referredHousehold } from './household-view';
import { issueReceptionLinkIn } from './reception-links';
import * as repo from './repository';

type Issued = z.infer<typeof ReceptionLinkIssuedSchema>;

export async function recordHandover(
  ctx: ActorCtx,
  caseId: string,
  input: z.output<typeof HandoverSchema>,
): Promise<Issued | null> {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  await referredHousehold(ctx.db, caseId);
  if (row.status !== 'arrived') throw new AppError('handover_not_arrived');
  if (input.documentId)
    await assertCaseDocument(ctx.db, ctx.lang, caseId, input.documentId, 'handover_receipt', 'documentId');
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    await repo.updateHousehold(tx, caseId, {
      handedOverOn: input.handedOverOn,
      handedOverTo: input.receivedBy,
      updatedAt: ctx.clock.now(),
    });
    await takeTransitionByAction(inTx, row, {
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
    return input.receptionLink ? issueReceptionLinkIn(inTx, row, input.receptionLink) : null;
  });
}

/** The handover in one transaction, answered with the household as committed and the link issued with it. */
export async function handOver(
  ctx: ActorCtx,
  caseId: string,
  input: z.output<typeof HandoverSchema>,
): Promise<z.infer<typeof HandoverResultSchema>> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const receptionLink = await recordHandover(inTx, caseId, input);
    return { ...(await getHousehold(inTx, caseId)), receptionLink };
  });
}
