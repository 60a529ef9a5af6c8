/**
 * Reporting periods and their closing: closing a period computes every figure of the whole project for it,
 * freezes them in a snapshot (canonical JSON, SHA-256, HMAC signature) in the same transaction as the close
 * and its audit event. A snapshot is never changed (the database refuses it); later corrections show as
 * changes beside the submitted figures.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import type { ClosePeriodSchema, PeriodInputSchema } from './contract';
import { reportAccess, requireManage } from './policy';
import { figuresDigest, periodView, snapshotFigures } from './report';
import * as repo from './repository';

export async function createPeriod(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof PeriodInputSchema>,
) {
  const access = await reportAccess(ctx, projectId);
  requireManage(access);
  return ctx.db.transaction(async (tx) => {
    const [overlap] = await repo.overlappingPeriods(
      tx,
      projectId,
      input.kind,
      input.startDate,
      input.endDate,
    );
    if (overlap) throw new AppError('period_overlap', { params: { kind: input.kind, label: overlap.label } });
    const row = await repo.insertPeriod(tx, { projectId, ...input, createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'period.created',
      officeId: access.project.owningOfficeId,
      recordType: 'reporting_period',
      recordId: row.id,
      changes: { period: { new: input } },
      metadata: { projectId },
    });
    return periodView(row, null);
  });
}

export async function closePeriod(
  ctx: ActorCtx,
  cipher: FieldCipher,
  periodId: string,
  input: z.infer<typeof ClosePeriodSchema>,
) {
  const period = await repo.findPeriod(ctx.db, periodId);
  if (!period) throw notFound();
  const access = await reportAccess(ctx, period.projectId);
  requireManage(access);
  if (period.status === 'closed') throw new AppError('period_closed');
  if (period.version !== input.version) throw versionConflict(periodView(period, null));
  // A value entered but not yet decided would be frozen as no value, and could never be decided after.
  const pending = await repo.pendingValuesOf(ctx.db, periodId);
  if (pending.length > 0)
    throw new AppError('period_values_pending', { params: { indicators: pending.join(', ') } });
  // The snapshot covers the whole project, whoever closes it.
  const whole = {
    project: access.project,
    scope: [access.project.owningOfficeId, ...access.project.participatingOfficeIds],
  };
  return ctx.db.transaction(async (tx) => {
    const closed = await repo.closePeriodAt(tx, periodId, input.version, {
      userId: ctx.actor.userId,
      name: ctx.actor.displayName,
      at: ctx.clock.now(),
    });
    if (!closed) throw versionConflict(periodView(period, null));
    // Checked again under the period's lock: a value submitted meanwhile waits for its decision.
    const stillPending = await repo.pendingValuesOf(tx, periodId);
    if (stillPending.length > 0)
      throw new AppError('period_values_pending', { params: { indicators: stillPending.join(', ') } });
    const framework = await repo.frameworkOf(tx, period.projectId);
    const figures = await snapshotFigures({ ...ctx, db: tx }, whole, framework, period);
    const sha256 = figuresDigest(figures);
    const snapshot = await repo.insertSnapshot(tx, {
      periodId,
      projectId: period.projectId,
      figures,
      sha256,
      signature: cipher.sign(sha256),
      closedBy: ctx.actor.userId,
      closedByName: ctx.actor.displayName,
      comment: input.comment || null,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'period.closed',
      officeId: access.project.owningOfficeId,
      recordType: 'reporting_period',
      recordId: periodId,
      changes: { status: { old: 'open', new: 'closed' } },
      metadata: { projectId: period.projectId, snapshotId: snapshot.id, sha256 },
    });
    return periodView(closed, snapshot.id);
  });
}

/** A closed period's snapshot with the check of its digest and signature. */
export async function getSnapshot(ctx: ActorCtx, cipher: FieldCipher, periodId: string) {
  const period = await repo.findPeriod(ctx.db, periodId);
  if (!period) throw notFound();
  const access = await reportAccess(ctx, period.projectId);
  // Snapshot figures are unsuppressed: only readers of every office of the project see them raw.
  if (access.forceSuppression || access.coverage !== 'project') throw notFound();
  const snapshot = await repo.findSnapshotOfPeriod(ctx.db, periodId);
  if (!snapshot) throw notFound();
  const digest = figuresDigest(snapshot.figures);
  return {
    id: snapshot.id,
    periodId,
    sha256: snapshot.sha256,
    signature: snapshot.signature,
    digestMatches: digest === snapshot.sha256,
    signatureValid: cipher.sign(snapshot.sha256) === snapshot.signature,
    closedByName: snapshot.closedByName,
    createdAt: snapshot.createdAt.toISOString(),
    figures: snapshot.figures,
  };
}
