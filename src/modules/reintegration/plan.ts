import type { z } from 'zod';
import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { errorMessage } from '../../platform/i18n';
import { type CaseRow, findVisibleCase } from '../cases';
import { findLine } from '../finance';
import { budgetWarnings, refuseOn } from './budget-check';
import type { AddPlanItemSchema, AssessmentInputSchema, UpdatePlanItemSchema } from './contract';
import { inReintegration, reintegrationView, snapshotOf } from './plan-view';
import * as repo from './repository';

export const todayOf = (ctx: ActorCtx) => ctx.clock.now().toISOString().slice(0, 10);

/** The case, writable by the actor and in reintegration; else 404 / 422 with a field error. */
export async function reintegrationCase(
  ctx: ActorCtx,
  caseId: string,
  permission: 'cases.read' | 'cases.write',
) {
  const found = await findVisibleCase(ctx.db, ctx.actor, caseId, permission);
  if (!found) throw notFound();
  if (permission === 'cases.write' && !inReintegration(found.row.status))
    throw new AppError('case_not_in_reintegration');
  return found.row;
}

const fieldError = (path: string, code: string, message: string) =>
  new AppError('validation_failed', { fields: [{ path, code, message }] });

/** The 409 of a plan write: the plan as committed now, read through `db` (the transaction, when in one). */
async function conflict(ctx: ActorCtx, caseRow: CaseRow, db: ActorCtx['db'] = ctx.db): Promise<never> {
  throw versionConflict(await reintegrationView(db, ctx.actor, caseRow, todayOf(ctx)));
}

export async function recordAssessment(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof AssessmentInputSchema>,
): Promise<void> {
  const caseRow = await reintegrationCase(ctx, caseId, 'cases.write');
  const now = ctx.clock.now();
  const dim = (d: { level: 'none' | 'low' | 'medium' | 'high'; notes?: string | null }) => ({
    level: d.level,
    notes: d.notes ?? null,
  });
  await ctx.db.transaction(async (tx) => {
    const row = await repo.insertAssessment(tx, {
      caseId,
      economic: dim(input.economic),
      social: dim(input.social),
      psychosocial: dim(input.psychosocial),
      assessedOn: input.assessedOn,
      assessedBy: ctx.actor.userId,
      assessedByName: ctx.actor.displayName,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'reintegration.assessment_recorded',
      officeId: caseRow.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: {
        assessmentId: row.id,
        levels: {
          economic: input.economic.level,
          social: input.social.level,
          psychosocial: input.psychosocial.level,
        },
      },
    });
  });
}

/** A budget line named on an item must be one of the case's project, in the item's currency. */
async function checkBudgetLine(
  ctx: ActorCtx,
  caseRow: CaseRow,
  budgetLineId: string | null | undefined,
  currency: string,
): Promise<void> {
  if (!budgetLineId) return;
  const line = await findLine(ctx.db, budgetLineId);
  if (!line || line.projectId !== caseRow.projectId)
    throw fieldError('budgetLineId', 'not_found', errorMessage(ctx.lang, 'not_found'));
  if (line.currency !== currency) throw fieldError('planned.currency', 'currency_mismatch', line.currency);
}

/**
 * Changes go to a draft. Editing an approved plan makes it a draft again: the change needs approval, while
 * deliveries continue against the approved version. A submitted plan waits for its decision.
 */
async function editablePlan(ctx: ActorCtx, tx: ActorCtx['db'], caseRow: CaseRow, planVersion?: number) {
  const now = ctx.clock.now();
  let plan = await repo.planOfCase(tx, caseRow.id);
  if (!plan) {
    if (planVersion !== undefined && planVersion !== 1) await conflict(ctx, caseRow);
    plan = await repo.insertPlan(tx, caseRow.id, now);
    return plan;
  }
  if (planVersion === undefined)
    throw fieldError('planVersion', 'required', errorMessage(ctx.lang, 'version_conflict'));
  if (plan.version !== planVersion) await conflict(ctx, caseRow);
  if (plan.status === 'submitted') throw new AppError('plan_not_editable');
  const after = await repo.updatePlanAt(tx, plan.id, planVersion, { status: 'draft' }, now);
  if (!after) return conflict(ctx, caseRow);
  return after;
}

async function auditPlan(
  ctx: ActorCtx,
  caseRow: CaseRow,
  changes: Record<string, { old?: unknown; new?: unknown }>,
) {
  await recordAudit(ctx.db, ctx, {
    action: 'reintegration.plan_changed',
    officeId: caseRow.owningOfficeId,
    recordType: 'case',
    recordId: caseRow.id,
    changes,
  });
}

export async function addPlanItem(ctx: ActorCtx, caseId: string, input: z.infer<typeof AddPlanItemSchema>) {
  const caseRow = await reintegrationCase(ctx, caseId, 'cases.write');
  await checkBudgetLine(ctx, caseRow, input.budgetLineId, input.planned.currency);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const plan = await editablePlan(txCtx, tx, caseRow, input.planVersion);
    const item = await repo.insertItem(tx, {
      planId: plan.id,
      dimension: input.dimension,
      serviceType: input.serviceType,
      description: input.description ?? null,
      providerKind: input.providerKind,
      providerName: input.providerName ?? null,
      deliveryMode: input.deliveryMode,
      plannedMinor: input.planned.minor,
      currency: input.planned.currency,
      plannedDate: input.plannedDate ?? null,
      budgetLineId: input.budgetLineId ?? null,
      createdAt: ctx.clock.now(),
    });
    await auditPlan(txCtx, caseRow, { [`item.${item.id}`]: { new: snapshotOf(item) } });
  });
}

export async function updatePlanItem(
  ctx: ActorCtx,
  itemId: string,
  input: z.infer<typeof UpdatePlanItemSchema>,
) {
  const item = await repo.findItem(ctx.db, itemId);
  if (!item) throw notFound();
  const plan = await planById(ctx, item.planId);
  const caseRow = await reintegrationCase(ctx, plan.caseId, 'cases.write');
  if (item.removed) throw notFound();
  const next = {
    dimension: input.dimension ?? item.dimension,
    serviceType: input.serviceType ?? item.serviceType,
    description: input.description === undefined ? item.description : input.description,
    providerKind: input.providerKind ?? item.providerKind,
    providerName: input.providerName === undefined ? item.providerName : input.providerName,
    deliveryMode: input.deliveryMode ?? item.deliveryMode,
    plannedMinor: input.planned?.minor ?? item.plannedMinor,
    currency: input.planned?.currency ?? item.currency,
    plannedDate: input.plannedDate === undefined ? item.plannedDate : input.plannedDate,
    budgetLineId: input.budgetLineId === undefined ? item.budgetLineId : input.budgetLineId,
  };
  if (next.providerKind === 'partner' && !next.providerName)
    throw fieldError('providerName', 'required', errorMessage(ctx.lang, 'validation_failed'));
  await checkBudgetLine(ctx, caseRow, next.budgetLineId, next.currency);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await editablePlan(txCtx, tx, caseRow, input.planVersion);
    await repo.updateItem(tx, itemId, next);
    await auditPlan(txCtx, caseRow, {
      [`item.${itemId}`]: { old: snapshotOf(item), new: snapshotOf({ ...item, ...next }) },
    });
  });
}

/** Removes an item; one that was approved or delivered stays, marked removed, for the record. */
export async function removePlanItem(ctx: ActorCtx, itemId: string, planVersion: number) {
  const item = await repo.findItem(ctx.db, itemId);
  if (!item || item.removed) throw notFound();
  const plan = await planById(ctx, item.planId);
  const caseRow = await reintegrationCase(ctx, plan.caseId, 'cases.write');
  const delivered = (await repo.deliveredOfItems(ctx.db, [itemId])).get(itemId) ?? 0;
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await editablePlan(txCtx, tx, caseRow, planVersion);
    if (plan.approvedVersion !== null || delivered > 0) await repo.updateItem(tx, itemId, { removed: true });
    else await repo.deleteItem(tx, itemId);
    await auditPlan(txCtx, caseRow, { [`item.${itemId}`]: { old: snapshotOf(item), new: null } });
  });
}

async function planById(ctx: ActorCtx, planId: string) {
  const plan = await repo.findPlan(ctx.db, planId);
  if (!plan) throw notFound();
  return plan;
}

export async function submitPlan(ctx: ActorCtx, caseId: string, planVersion: number) {
  const caseRow = await reintegrationCase(ctx, caseId, 'cases.write');
  const plan = await repo.planOfCase(ctx.db, caseId);
  if (!plan) throw new AppError('plan_empty');
  if (plan.version !== planVersion) await conflict(ctx, caseRow);
  if (plan.status !== 'draft') throw new AppError('plan_not_editable');
  const items = (await repo.itemsOf(ctx.db, plan.id)).filter((i) => !i.removed);
  if (items.length === 0) throw new AppError('plan_empty');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updatePlanAt(
      tx,
      plan.id,
      planVersion,
      {
        status: 'submitted',
        submittedBy: ctx.actor.userId,
        submittedByName: ctx.actor.displayName,
        submittedAt: now,
      },
      now,
    );
    if (!after) await conflict(ctx, caseRow, tx);
    await recordAudit(tx, ctx, {
      action: 'reintegration.plan_submitted',
      officeId: caseRow.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: { items: items.length },
    });
  });
}

export async function approvePlan(
  ctx: ActorCtx,
  caseId: string,
  planVersion: number,
  comment: string | null,
) {
  const caseRow = await reintegrationCase(ctx, caseId, 'cases.read');
  if (!can(ctx.actor, 'cases.approve', caseRow.owningOfficeId)) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (caseRow.projectId) await repo.lockProjectBudget(tx, caseRow.projectId);
    const plan = await repo.planOfCase(tx, caseId);
    if (plan?.status !== 'submitted') throw new AppError('plan_not_submitted');
    if (plan.version !== planVersion) await conflict(ctx, caseRow, tx);
    const items = await repo.itemsOf(tx, plan.id);
    refuseOn(await budgetWarnings(tx, plan.id, items, caseRow.projectId, todayOf(ctx)));
    const number = (plan.approvedVersion ?? 0) + 1;
    const snapshot = items.filter((i) => !i.removed).map(snapshotOf);
    await repo.insertVersion(tx, {
      planId: plan.id,
      number,
      items: snapshot,
      approvedBy: ctx.actor.userId,
      approvedByName: ctx.actor.displayName,
      approvedAt: now,
    });
    const after = await repo.updatePlanAt(
      tx,
      plan.id,
      planVersion,
      {
        status: 'approved',
        approvedVersion: number,
        decidedByName: ctx.actor.displayName,
        decidedAt: now,
        decisionComment: comment,
      },
      now,
    );
    if (!after) await conflict(ctx, caseRow, tx);
    await recordAudit(tx, ctx, {
      action: 'reintegration.plan_approved',
      officeId: caseRow.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: { version: number, items: snapshot.length, comment },
    });
  });
}

export async function returnPlan(ctx: ActorCtx, caseId: string, planVersion: number, comment: string) {
  const caseRow = await reintegrationCase(ctx, caseId, 'cases.read');
  if (!can(ctx.actor, 'cases.approve', caseRow.owningOfficeId)) throw forbidden();
  const plan = await repo.planOfCase(ctx.db, caseId);
  if (plan?.status !== 'submitted') throw new AppError('plan_not_submitted');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updatePlanAt(
      tx,
      plan.id,
      planVersion,
      { status: 'draft', decidedByName: ctx.actor.displayName, decidedAt: now, decisionComment: comment },
      now,
    );
    if (!after) await conflict(ctx, caseRow, tx);
    await recordAudit(tx, ctx, {
      action: 'reintegration.plan_returned',
      officeId: caseRow.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: { comment },
    });
  });
}
