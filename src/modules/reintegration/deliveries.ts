/** Recording what was actually given against the approved plan: never more than approved per item. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { errorMessage } from '../../platform/i18n';
import { type Currency, formatMinor } from '../../platform/money';
import type { DeliveryInputSchema } from './contract';
import { reintegrationCase } from './plan';
import { approvedItems } from './plan-view';
import * as repo from './repository';

export async function recordDelivery(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof DeliveryInputSchema>,
) {
  const caseRow = await reintegrationCase(ctx, caseId, 'cases.write');
  const plan = await repo.planOfCase(ctx.db, caseId);
  const approved = plan ? (await approvedItems(ctx.db, plan)).get(input.planItemId) : undefined;
  if (!plan || !approved) throw new AppError('item_not_approved');
  if (input.amount.currency !== approved.currency)
    throw new AppError('validation_failed', {
      fields: [{ path: 'amount.currency', code: 'currency_mismatch', message: approved.currency }],
    });
  if (input.receiptAttachmentId && !(await repo.attachmentOfCase(ctx.db, caseId, input.receiptAttachmentId)))
    throw new AppError('validation_failed', {
      fields: [
        { path: 'receiptAttachmentId', code: 'not_found', message: errorMessage(ctx.lang, 'not_found') },
      ],
    });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Read inside the transaction, after locking the plan row, so two deliveries cannot both fit.
    await repo.lockPlan(tx, plan.id);
    const already = (await repo.deliveredOfItems(tx, [input.planItemId])).get(input.planItemId) ?? 0;
    if (already + input.amount.minor > approved.plannedMinor)
      throw new AppError('delivery_exceeds_approved', {
        params: {
          remaining: formatMinor(approved.plannedMinor - already, approved.currency as Currency),
          currency: approved.currency,
        },
      });
    const row = await repo.insertDelivery(tx, {
      planItemId: input.planItemId,
      caseId,
      amountMinor: input.amount.minor,
      currency: input.amount.currency,
      deliveredOn: input.deliveredOn,
      vendor: input.vendor ?? null,
      receiptAttachmentId: input.receiptAttachmentId ?? null,
      receiptConfirmedBy: input.receiptConfirmedBy ?? null,
      recordedBy: ctx.actor.userId,
      recordedByName: ctx.actor.displayName,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'reintegration.delivery_recorded',
      officeId: caseRow.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: {
        deliveryId: row.id,
        planItemId: input.planItemId,
        amount: input.amount,
        deliveredOn: input.deliveredOn,
        receiptAttachmentId: row.receiptAttachmentId,
      },
    });
  });
}
