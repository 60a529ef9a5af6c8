/**
 * Manual indicator values: entered per period by the project's M&E officer with a comment and an evidence
 * file, validated (or returned with a reason) by the project manager. A closed period's values do not change.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { type AttachmentStore, storedFile, storeUpload } from '../../platform/attachment-store';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { ManualValueDecisionSchema, ManualValueInputSchema } from './contract';
import { manualValueView } from './framework';
import { reportAccess, requireEnter, requireManage } from './policy';
import * as repo from './repository';

async function target(ctx: ActorCtx, indicatorId: string, periodId: string) {
  const indicator = await repo.findIndicator(ctx.db, indicatorId);
  if (!indicator) throw notFound();
  const access = await reportAccess(ctx, indicator.projectId);
  const period = await repo.findPeriod(ctx.db, periodId);
  if (!period || period.projectId !== indicator.projectId) throw notFound();
  return { indicator, access, period };
}

/** Inside the writing transaction: the period is still open (a close in progress is waited for). */
async function assertOpen(tx: ActorCtx['db'], periodId: string) {
  if ((await repo.periodStatusLocked(tx, periodId)) !== 'open') throw new AppError('period_closed');
}

export async function enterManualValue(
  ctx: ActorCtx,
  indicatorId: string,
  periodId: string,
  input: z.infer<typeof ManualValueInputSchema>,
) {
  const { indicator, access } = await target(ctx, indicatorId, periodId);
  requireEnter(access);
  if (indicator.kind !== 'manual') throw new AppError('indicator_computed');
  return ctx.db.transaction(async (tx) => {
    await assertOpen(tx, periodId);
    const current = await repo.findManualValue(tx, indicatorId, periodId);
    const fields = {
      value: input.value,
      comment: input.comment,
      status: 'submitted' as const,
      enteredBy: ctx.actor.userId,
      enteredByName: ctx.actor.displayName,
      enteredAt: ctx.clock.now(),
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionComment: null,
    };
    let row: repo.ManualValueRow | undefined;
    if (!current) row = await repo.insertManualValue(tx, { indicatorId, periodId, ...fields });
    else {
      if (input.version === undefined || input.version !== current.version)
        throw versionConflict(manualValueView(current));
      row = await repo.updateManualValueAt(tx, { indicatorId, periodId }, current.version, fields);
      if (!row) throw versionConflict(manualValueView(current));
    }
    await recordAudit(tx, ctx, {
      action: 'manual_value.entered',
      officeId: access.project.owningOfficeId,
      recordType: 'report_indicator',
      recordId: indicatorId,
      changes: { value: { old: current?.value, new: input.value } },
      metadata: { periodId, comment: input.comment },
    });
    return manualValueView(row);
  });
}

export async function decideManualValue(
  ctx: ActorCtx,
  indicatorId: string,
  periodId: string,
  input: z.infer<typeof ManualValueDecisionSchema>,
) {
  const { access } = await target(ctx, indicatorId, periodId);
  requireManage(access);
  return ctx.db.transaction(async (tx) => {
    await assertOpen(tx, periodId);
    const current = await repo.findManualValue(tx, indicatorId, periodId);
    if (current?.status !== 'submitted') throw new AppError('manual_value_not_submitted');
    const row = await repo.updateManualValueAt(tx, { indicatorId, periodId }, input.version, {
      status: input.decision,
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.displayName,
      decidedAt: ctx.clock.now(),
      decisionComment: input.comment || null,
    });
    if (!row) throw versionConflict(manualValueView(current));
    await recordAudit(tx, ctx, {
      action: 'manual_value.decided',
      officeId: access.project.owningOfficeId,
      recordType: 'report_indicator',
      recordId: indicatorId,
      changes: { status: { old: current.status, new: input.decision } },
      metadata: { periodId, comment: input.comment },
    });
    return manualValueView(row);
  });
}

export async function attachEvidence(
  ctx: ActorCtx,
  store: AttachmentStore,
  indicatorId: string,
  periodId: string,
  upload: { fileName: string; contentType: string; stream: Readable; truncated: () => boolean },
) {
  const { access } = await target(ctx, indicatorId, periodId);
  requireEnter(access);
  const existing = await repo.findManualValue(ctx.db, indicatorId, periodId);
  if (!existing) throw new AppError('manual_value_not_submitted');
  const stored = await storeUpload(store, upload, ctx.clock.now());
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertOpen(tx, periodId);
      const current = await repo.findManualValue(tx, indicatorId, periodId);
      if (!current) throw new AppError('manual_value_not_submitted');
      const row = await repo.updateManualValueAt(tx, { indicatorId, periodId }, current.version, {
        evidenceFileName: stored.fileName,
        evidenceContentType: stored.contentType,
        evidenceSizeBytes: stored.sizeBytes,
        evidenceSha256: stored.sha256,
        evidenceStorageKey: stored.storageKey,
        // New evidence is looked at again.
        status: 'submitted',
      });
      if (!row) throw versionConflict(manualValueView(current));
      await recordAudit(tx, ctx, {
        action: 'manual_value.evidence_added',
        officeId: access.project.owningOfficeId,
        recordType: 'report_indicator',
        recordId: indicatorId,
        changes: { evidence: { old: current.evidenceFileName, new: stored.fileName } },
        metadata: { periodId, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
      });
      return manualValueView(row);
    });
  } catch (error) {
    stored.discard();
    throw error;
  }
}

export async function openEvidence(
  ctx: ActorCtx,
  store: AttachmentStore,
  indicatorId: string,
  periodId: string,
) {
  const { access } = await target(ctx, indicatorId, periodId);
  if (access.donor) throw notFound();
  const value = await repo.findManualValue(ctx.db, indicatorId, periodId);
  const file = value?.evidenceStorageKey ? storedFile(store, value.evidenceStorageKey) : undefined;
  if (!value || !file) throw notFound();
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'manual_value.evidence_downloaded',
      officeId: access.project.owningOfficeId,
      recordType: 'report_indicator',
      recordId: indicatorId,
      metadata: { periodId, fileName: value.evidenceFileName },
    }),
  );
  return {
    fileName: value.evidenceFileName ?? 'evidence',
    contentType: value.evidenceContentType ?? 'application/octet-stream',
    sizeBytes: value.evidenceSizeBytes ?? 0,
    stream: fs.createReadStream(file),
  };
}
