/**
 * A household's step out of a stage whose condition is checked member by member (health cleared, orientation
 * completed): the unmet conditions go to the workflow as the module's own, so the step is refused with them
 * all at once (422) or taken with its audit, in one transaction.
 */
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import type { FieldError } from '../../platform/errors';
import { type ActionStep, type CaseRow, takeTransitionByAction } from '../cases';

export async function passStageGate(
  ctx: ActorCtx,
  row: CaseRow,
  step: Pick<ActionStep, 'action' | 'to' | 'version' | 'comment' | 'patch'> & {
    missing: FieldError[];
    /** How many members were checked (kept on the audit event). */
    members: number;
  },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await takeTransitionByAction({ ...ctx, db: tx }, row, {
      action: step.action,
      to: step.to,
      version: step.version,
      comment: step.comment ?? null,
      moduleMissing: step.missing,
      ...(step.patch ? { patch: step.patch } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.stage_cleared',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: row.id,
      metadata: { action: step.action, members: step.members },
    });
  });
}
