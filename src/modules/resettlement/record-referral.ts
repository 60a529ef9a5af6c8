/**
 * Recording the referral: the referring agency's reference and document, and who travels. It creates the
 * household and moves the case from identification to verification, in one transaction.
 */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, notFound } from '../../platform/errors';
import { caseConflict, takeTransitionByAction } from '../cases';
import type { RecordReferralSchema } from './contract';
import { assertCaseDocument } from './documents';
import { householdCase, todayOf } from './household-view';
import * as repo from './repository';

/** A unique index refusing a write (a concurrent referral won), as the 409 a person understands. */
export async function unlessTaken<T>(
  write: Promise<T>,
  code: 'resettlement_reference_taken' | 'household_member_elsewhere' | 'household_locked',
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(code);
    throw error;
  }
}

export async function recordReferral(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof RecordReferralSchema>,
): Promise<void> {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  if (row.status !== 'identification') throw new AppError('transition_not_allowed');
  await assertCaseDocument(
    ctx.db,
    ctx.lang,
    caseId,
    input.referralDocumentId,
    'referral_document',
    'referralDocumentId',
  );
  const others = input.members.filter((m) => m.personId !== row.personId);
  const ids = [row.personId, ...others.map((m) => m.personId)];
  if (new Set(ids).size !== ids.length)
    throw new AppError('validation_failed', {
      fields: [{ path: 'members', code: 'duplicate', message: 'duplicate' }],
    });
  const found = await repo.personsByIds(ctx.db, ids, scopeOf(ctx.actor, 'persons.read'));
  if (found.length !== ids.length) throw notFound();
  if ((await repo.activeMemberships(ctx.db, ids)).length > 0)
    throw new AppError('household_member_elsewhere');

  const now = ctx.clock.now();
  const today = todayOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    await unlessTaken(
      repo.insertHousehold(tx, {
        caseId,
        referringAgency: input.agency,
        referringReference: input.reference,
        referralDocumentId: input.referralDocumentId,
        activeMembers: ids.length,
        identificationOn: row.createdAt.toISOString().slice(0, 10),
        createdAt: now,
        updatedAt: now,
      }),
      'resettlement_reference_taken',
    );
    await unlessTaken(
      repo.insertMembers(tx, [
        { caseId, personId: row.personId, relationship: 'principal', joinedOn: today },
        ...others.map((m) => ({
          caseId,
          personId: m.personId,
          relationship: m.relationship,
          joinedOn: today,
        })),
      ]),
      'household_member_elsewhere',
    );
    await takeTransitionByAction(inTx, row, {
      action: 'record_referral',
      to: 'verification',
      version: input.version,
      data: { agency: input.agency, reference: input.reference },
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.referral_recorded',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: {
        referringAgency: { new: input.agency },
        referringReference: { new: input.reference },
        members: { new: ids },
      },
      metadata: { referralDocumentId: input.referralDocumentId },
    });
  });
}
