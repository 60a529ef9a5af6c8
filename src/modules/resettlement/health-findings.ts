/** Reading a member's health findings: medical and protection roles of the owning office; every read audited. */
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { notFound } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import { refuseRestricted } from '../../platform/restricted';
import { householdCase } from './household-view';
import { maySeeFindings } from './policy';
import * as repo from './repository';

export async function healthFindings(
  ctx: ActorCtx,
  cipher: FieldCipher,
  caseId: string,
  assessmentId: string,
) {
  // Out of sight, the household does not exist (404); in sight without health.read, the findings are refused.
  const row = await householdCase(ctx, caseId, 'read');
  if (!maySeeFindings(ctx.actor, row)) refuseRestricted(ctx.lang, ['findings']);
  const assessment = await repo.findHealth(ctx.db, caseId, assessmentId);
  if (!assessment) throw notFound();
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'resettlement.health_viewed',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: { assessmentId, personId: assessment.personId },
    }),
  );
  return {
    assessmentId,
    personId: assessment.personId,
    findings: assessment.findingsSealed ? cipher.decrypt(assessment.findingsSealed) : null,
  };
}
