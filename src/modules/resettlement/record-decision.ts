/**
 * The resettlement country's decision on a submitted household: accepted (on to health assessment),
 * resubmit (back to submission) or rejected (closed, not eligible), with the decision letter. A household
 * never submitted, or already decided, has no decision to record (409).
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden } from '../../platform/errors';
import { type CaseRow, caseConflict, caseRecord, takeTransitionByAction } from '../cases';
import { batchConflict, readableBatch } from './batch-view';
import type { RecordDecisionSchema } from './contract';
import { assertCaseDocument } from './documents';
import { householdCase } from './household-view';
import { mayWorkOnHousehold, mayWriteMovements } from './policy';
import * as repo from './repository';

type Decision = Omit<z.infer<typeof RecordDecisionSchema>, 'version'>;

const NEXT = { accepted: 'health_assessment', resubmit: 'submission', rejected: 'closed' } as const;

/** One household's decision, in the caller's transaction. */
async function decide(ctx: ActorCtx, row: CaseRow, version: number, d: Decision, path = '') {
  const pending = await repo.pendingSubmissionOf(ctx.db, row.id);
  if (!pending) throw new AppError('resettlement_not_submitted');
  await assertCaseDocument(
    ctx.db,
    ctx.lang,
    row.id,
    d.decisionDocumentId,
    'decision_letter',
    `${path}decisionDocumentId`,
  );
  const entry = await repo.decideEntry(ctx.db, pending.batch.id, row.id, {
    outcome: d.outcome,
    decidedOn: d.decidedOn,
    decisionDocumentId: d.decisionDocumentId,
  });
  if (!entry) throw new AppError('resettlement_not_submitted');
  if (d.outcome === 'accepted') await repo.updateHousehold(ctx.db, row.id, { acceptedOn: d.decidedOn });
  await takeTransitionByAction(ctx, row, {
    action: 'decide',
    to: NEXT[d.outcome],
    version,
    comment: d.comment ?? null,
    ...(d.outcome === 'rejected' ? { closureReason: 'not_eligible' as const } : {}),
    data: { outcome: d.outcome, batch: pending.batch.reference },
  });
  if ((await repo.undecidedCount(ctx.db, pending.batch.id)) === 0)
    await repo.updateBatchAt(ctx.db, pending.batch.id, pending.batch.version, { status: 'decided' });
  await recordAudit(ctx.db, ctx, {
    action: 'resettlement.decision_recorded',
    officeId: row.owningOfficeId,
    recordType: 'case',
    recordId: row.id,
    changes: { outcome: { old: 'pending', new: d.outcome } },
    metadata: { batchId: pending.batch.id, decidedOn: d.decidedOn, decisionDocumentId: d.decisionDocumentId },
  });
}

export async function recordDecision(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof RecordDecisionSchema>,
): Promise<void> {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  const { version, ...decision } = input;
  await ctx.db.transaction((tx) => decide({ ...ctx, db: tx }, row, version, decision));
}

/** The decisions of a submitted batch, all or none. */
export async function recordBatchDecisions(
  ctx: ActorCtx,
  batchId: string,
  input: { version: number; decisions: (Decision & { caseId: string; caseVersion: number })[] },
): Promise<void> {
  const batch = await readableBatch(ctx, batchId);
  if (!mayWriteMovements(ctx.actor, batch.owningOfficeId)) throw forbidden();
  if (batch.version !== input.version) throw await batchConflict(ctx.db, ctx, batchId);
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    // The batch's own lock: two people recording its decisions at once do not both win.
    const locked = await repo.updateBatchAt(tx, batchId, input.version, {});
    if (!locked) throw await batchConflict(tx, ctx, batchId);
    for (const [i, { caseId, caseVersion, ...d }] of input.decisions.entries()) {
      const row = await caseRecord(tx, caseId);
      if (!row || !mayWorkOnHousehold(ctx.actor, row)) throw forbidden();
      const pending = await repo.pendingSubmissionOf(tx, caseId);
      if (pending?.batch.id !== batchId) throw new AppError('resettlement_not_submitted');
      await decide(inTx, row, caseVersion, d, `decisions.${i}.`);
    }
  });
}
