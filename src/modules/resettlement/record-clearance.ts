/** A member's exit permit or visa, with its validity; the number is sealed, only its last characters shown. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import { validationMessage } from '../../platform/i18n';
import { caseConflict, touchCase } from '../cases';
import type { RecordClearanceSchema } from './contract';
import { assertCaseDocument } from './documents';
import { householdCase, referredHousehold } from './household-view';
import { assertActiveMember } from './members';
import * as repo from './repository';

export async function recordClearance(
  ctx: ActorCtx,
  cipher: FieldCipher,
  caseId: string,
  input: z.infer<typeof RecordClearanceSchema>,
): Promise<void> {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  await referredHousehold(ctx.db, caseId);
  await assertActiveMember(ctx.db, ctx.lang, caseId, input.personId);
  if (input.validUntil < input.validFrom)
    throw new AppError('validation_failed', {
      fields: [
        { path: 'validUntil', code: 'date_order', message: validationMessage(ctx.lang, 'date_order') },
      ],
    });
  if (input.documentId)
    await assertCaseDocument(ctx.db, ctx.lang, caseId, input.documentId, input.kind, 'documentId');
  const number = input.number.replace(/\s+/g, ' ').toUpperCase();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await touchCase({ ...ctx, db: tx }, caseId, input.version);
    const saved = await repo.insertClearance(
      tx,
      {
        caseId,
        personId: input.personId,
        kind: input.kind,
        numberSealed: cipher.encrypt(number),
        numberTail: number.slice(-4),
        issuingCountry: input.issuingCountry,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        documentId: input.documentId ?? null,
        createdAt: now,
      },
      now,
    );
    await recordAudit(tx, ctx, {
      action: 'resettlement.clearance_recorded',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      // Never the number.
      changes: {
        clearance: {
          new: {
            id: saved.id,
            personId: input.personId,
            kind: input.kind,
            issuingCountry: input.issuingCountry,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
          },
        },
      },
    });
  });
}
