/**
 * A member's health assessment: fit to travel (until a date, with travel conditions) or not. The findings
 * are health data: sealed with the field cipher, never in the audit log, read only with health.read.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import { validationMessage } from '../../platform/i18n';
import { caseConflict, touchCase } from '../cases';
import type { RecordHealthSchema } from './contract';
import { householdCase, referredHousehold } from './household-view';
import { assertActiveMember } from './members';
import { mayRecordHealth } from './policy';
import * as repo from './repository';

export async function recordHealth(
  ctx: ActorCtx,
  cipher: FieldCipher,
  caseId: string,
  input: z.infer<typeof RecordHealthSchema>,
): Promise<void> {
  const row = await householdCase(ctx, caseId, 'read');
  if (!mayRecordHealth(ctx.actor, row)) throw forbidden();
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  await referredHousehold(ctx.db, caseId);
  await assertActiveMember(ctx.db, ctx.lang, caseId, input.personId);
  const fit = input.outcome === 'fit' || input.outcome === 'fit_with_conditions';
  const validUntil = fit ? (input.validUntil ?? null) : null;
  if (fit && (!validUntil || validUntil < input.assessedOn))
    throw new AppError('validation_failed', {
      fields: [
        {
          path: 'validUntil',
          code: validUntil ? 'date_order' : 'valid_until_required',
          message: validationMessage(ctx.lang, validUntil ? 'date_order' : 'valid_until_required'),
        },
      ],
    });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await touchCase({ ...ctx, db: tx }, caseId, input.version);
    const row2 = await repo.insertHealth(
      tx,
      {
        caseId,
        personId: input.personId,
        assessedOn: input.assessedOn,
        outcome: input.outcome,
        validUntil,
        travelConditions: [...new Set(input.travelConditions)],
        findingsSealed: input.findings ? cipher.encrypt(input.findings) : null,
        assessedByName: ctx.actor.displayName,
        createdAt: now,
      },
      now,
    );
    await recordAudit(tx, ctx, {
      action: 'resettlement.health_recorded',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      // The outcome and what travel needs, never the findings.
      changes: {
        health: {
          new: {
            id: row2.id,
            personId: input.personId,
            outcome: input.outcome,
            validUntil,
            travelConditions: row2.travelConditions,
            findings: input.findings ? 'sealed' : null,
          },
        },
      },
    });
  });
}
