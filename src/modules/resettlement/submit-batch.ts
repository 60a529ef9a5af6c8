/**
 * Submitting a batch to the resettlement country: every household moves to decision, all or none. A
 * household not at submission (or with a step awaiting approval) keeps the whole batch back.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { caseRecord, takeTransitionByAction } from '../cases';
import { batchConflict, readableBatch } from './batch-view';
import type { SubmitBatchSchema } from './contract';
import { mayWorkOnHousehold, mayWriteMovements } from './policy';
import * as repo from './repository';

export async function submitBatch(ctx: ActorCtx, batchId: string, input: z.infer<typeof SubmitBatchSchema>) {
  const batch = await readableBatch(ctx, batchId);
  if (!mayWriteMovements(ctx.actor, batch.owningOfficeId)) throw forbidden();
  if (batch.version !== input.version) throw await batchConflict(ctx.db, ctx, batchId);
  if (batch.status !== 'open') throw new AppError('batch_not_open');
  const households = await repo.batchHouseholds(ctx.db, batchId);
  if (households.length === 0) throw new AppError('batch_empty');
  const notReady = households.flatMap((h, i) =>
    h.caseStatus !== 'submission' || h.pendingTransition
      ? [
          {
            path: `households.${i}`,
            code: 'not_ready_for_submission',
            message: validationMessage(ctx.lang, 'not_ready_for_submission'),
          },
        ]
      : [],
  );
  if (notReady.length > 0) throw new AppError('batch_household_not_ready', { fields: notReady });
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const after = await repo.updateBatchAt(tx, batchId, input.version, {
      status: 'submitted',
      submittedOn: input.submittedOn,
    });
    if (!after) throw await batchConflict(tx, ctx, batchId);
    for (const h of households) {
      const row = await caseRecord(tx, h.entry.caseId);
      if (!row || !mayWorkOnHousehold(ctx.actor, row)) throw forbidden();
      await takeTransitionByAction(inTx, row, {
        action: 'submit_batch',
        to: 'decision',
        version: row.version,
        data: { batch: batch.reference },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'resettlement.batch_submitted',
      officeId: batch.owningOfficeId,
      recordType: 'submission_batch',
      recordId: batchId,
      changes: { status: { old: 'open', new: 'submitted' } },
      metadata: { submittedOn: input.submittedOn, households: households.map((h) => h.entry.caseId) },
    });
  });
}
