/**
 * "Still employed?" follow-ups, 3 and 6 months after the start. Each is made once, from its due date,
 * and not for a placement that did not start or had ended by then (409 follow_up_not_applicable).
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError } from '../../platform/errors';
import { fieldErrors } from '../../platform/i18n';
import type { Placement, RecordFollowUpSchema } from './contract';
import { placementView, readPlacement } from './record-placement';
import * as repo from './repository';
import { followUpApplies, followUpDue } from './schedule';
import { todayOf } from './views';

type Issue = Parameters<typeof fieldErrors>[1][number];

export async function recordFollowUp(
  ctx: ActorCtx,
  placementId: string,
  input: z.infer<typeof RecordFollowUpSchema>,
): Promise<Placement> {
  const found = await readPlacement(ctx, placementId, 'employment.write');
  const today = todayOf(ctx);
  const checkedOn = input.checkedOn ?? today;
  if (checkedOn > today) {
    const issue = {
      code: 'too_big',
      origin: 'date',
      maximum: today,
      inclusive: true,
      path: ['checkedOn'],
      message: '',
    };
    throw new AppError('validation_failed', { fields: fieldErrors(ctx.lang, [issue as unknown as Issue]) });
  }
  const due = followUpDue(found.row.startDate, input.month);
  if (!followUpApplies(found.row, due)) throw new AppError('follow_up_not_applicable');
  if (today < due || checkedOn < due)
    throw new AppError('follow_up_not_due', { params: { month: input.month, due } });

  try {
    await ctx.db.transaction(async (tx) => {
      const [done] = (await repo.followUpsOf(tx, [placementId])).filter((f) => f.month === input.month);
      if (done) throw new AppError('follow_up_not_applicable');
      await repo.insertFollowUp(tx, {
        placementId,
        month: input.month,
        stillEmployed: input.stillEmployed,
        checkedOn,
        note: input.note ?? null,
        recordedByName: ctx.actor.displayName,
        createdAt: ctx.clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'placement.follow_up_recorded',
        officeId: found.row.officeId,
        recordType: 'placement',
        recordId: placementId,
        changes: { [`followUp${input.month}`]: { new: { stillEmployed: input.stillEmployed, checkedOn } } },
        // The note stays with the placement; the audit records that there was one.
        metadata: { month: input.month, note: Boolean(input.note) },
      });
    });
  } catch (error) {
    // The same follow-up recorded at the same moment by someone else.
    if (isUniqueViolation(error)) throw new AppError('follow_up_not_applicable');
    throw error;
  }
  return placementView(ctx, placementId);
}
