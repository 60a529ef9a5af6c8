/**
 * Merging two households that will travel together (relatives referred apart): the other household's
 * members join this one, and its case closes as merged. Both households' versions are checked.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { appendTimeline, caseConflict, takeTransitionByAction, touchCase } from '../cases';
import type { MergeHouseholdsSchema } from './contract';
import { householdCase, referredHousehold, todayOf } from './household-view';
import * as repo from './repository';
import { isBeforeBooking } from './stages';

export async function mergeHouseholds(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof MergeHouseholdsSchema>,
): Promise<void> {
  const row = await householdCase(ctx, caseId, 'write');
  const other = await householdCase(ctx, input.otherCaseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  if (other.version !== input.otherVersion) throw await caseConflict(ctx, ctx.db, other.id);
  const refuse = (reason: string) =>
    new AppError('household_merge_not_possible', { params: { reason: validationMessage(ctx.lang, reason) } });
  if (other.id === row.id) throw refuse('merge_same_household');
  if (!isBeforeBooking(row.status) || !isBeforeBooking(other.status)) throw refuse('merge_booked');
  if (
    other.owningOfficeId !== row.owningOfficeId ||
    other.projectId !== row.projectId ||
    other.status !== row.status
  )
    throw refuse('merge_different');
  await referredHousehold(ctx.db, caseId);
  await referredHousehold(ctx.db, other.id);
  const joining = await repo.activeMembersOf(ctx.db, [other.id]);
  const ids = joining.map((m) => m.member.personId);
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    await touchCase(inTx, caseId, input.version);
    await repo.markMembersLeft(tx, other.id, ids, {
      leftOn: today,
      leftReason: input.reason,
      leftToCaseId: caseId,
    });
    await repo.insertMembers(
      tx,
      joining.map(({ member }) => ({
        caseId,
        personId: member.personId,
        // The other principal is one of this household's relatives now.
        relationship: member.relationship === 'principal' ? 'other' : member.relationship,
        joinedOn: today,
      })),
    );
    await repo.moveMemberRecords(tx, other.id, caseId, ids);
    await repo.recountMembers(tx, caseId, now);
    await repo.recountMembers(tx, other.id, now);
    await repo.updateHousehold(tx, other.id, { mergedIntoCaseId: caseId, updatedAt: now });
    await repo.dropPendingEntries(tx, other.id);
    await takeTransitionByAction(inTx, other, {
      action: 'merge',
      to: 'closed',
      version: input.otherVersion,
      closureReason: 'merged',
      comment: input.reason,
      data: { mergedInto: row.reference },
    });
    await appendTimeline(tx, {
      caseId,
      kind: 'updated',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.reason,
      data: { merged: { fromCaseId: other.id, members: ids } },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.households_merged',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: { members: { new: ids } },
      metadata: { mergedCaseId: other.id, reason: input.reason },
    });
  });
}
