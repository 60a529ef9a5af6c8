/** Which households an open batch will submit: resettlement cases of the batch's office and project. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, forbidden } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { findVisibleCase } from '../cases';
import { batchConflict, readableBatch } from './batch-view';
import type { SetBatchHouseholdsSchema } from './contract';
import { mayWorkOnHousehold, mayWriteMovements } from './policy';
import * as repo from './repository';

export async function setBatchHouseholds(
  ctx: ActorCtx,
  batchId: string,
  input: z.infer<typeof SetBatchHouseholdsSchema>,
): Promise<void> {
  const batch = await readableBatch(ctx, batchId);
  if (!mayWriteMovements(ctx.actor, batch.owningOfficeId)) throw forbidden();
  if (batch.version !== input.version) throw await batchConflict(ctx.db, ctx, batchId);
  if (batch.status !== 'open') throw new AppError('batch_not_open');
  const caseIds = [...new Set(input.caseIds)];
  const wrong: string[] = [];
  for (const [i, caseId] of caseIds.entries()) {
    const found = await findVisibleCase(ctx.db, ctx.actor, caseId);
    const row = found?.row;
    if (
      row?.caseType !== 'resettlement' ||
      row.owningOfficeId !== batch.owningOfficeId ||
      row.projectId !== batch.projectId ||
      !mayWorkOnHousehold(ctx.actor, row)
    )
      wrong.push(`caseIds.${i}`);
  }
  if (wrong.length > 0)
    throw new AppError('validation_failed', {
      fields: wrong.map((path) => ({
        path,
        code: 'not_same_office',
        message: validationMessage(ctx.lang, 'not_same_office'),
      })),
    });
  if ((await repo.pendingElsewhere(ctx.db, batchId, caseIds)).length > 0)
    throw new AppError('household_in_other_batch');
  const before = (await repo.batchHouseholds(ctx.db, batchId)).map((h) => h.entry.caseId);
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateBatchAt(tx, batchId, input.version, {});
    if (!after) throw await batchConflict(tx, ctx, batchId);
    try {
      await repo.replaceBatchHouseholds(tx, batchId, caseIds);
    } catch (error) {
      // A household put in another batch meanwhile.
      if (isUniqueViolation(error)) throw new AppError('household_in_other_batch');
      throw error;
    }
    await recordAudit(tx, ctx, {
      action: 'resettlement.batch_changed',
      officeId: batch.owningOfficeId,
      recordType: 'submission_batch',
      recordId: batchId,
      changes: { households: { old: before, new: caseIds } },
    });
  });
}
