/** Moving a case through its workflow: transitions, approvals, reopening. */

import type { z } from 'zod';
import type { ActorCtx, Ctx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, type FieldError, notFound, versionConflict } from '../../platform/errors';
import { type Lang, validationMessage } from '../../platform/i18n';
import { assertProjectUsable } from '../projects';
import { rolesIn } from './case-access';
import { caseDetail } from './case-view';
import type { CaseFieldsSchema, TransitionRequestSchema } from './contract';
import type { CaseRow } from './repository';
import * as repo from './repository';
import {
  type CaseType,
  type ClosureReason,
  findTransition,
  isTerminal,
  mayTake,
  missingRequirements,
  type Requirement,
  reopenTarget,
  type TransitionDefinition,
  workflowOf,
} from './workflow';

type Fields = z.infer<typeof CaseFieldsSchema>;

export const todayOf = (ctx: ActorCtx) => ctx.clock.now().toISOString().slice(0, 10);

/**
 * The 409 of a write that found the case at another version: the case as committed now. Read again after
 * the conditional update missed, in the same transaction, so it shows the write that won (on PostgreSQL a
 * row read before the update could be the one from before the winning edit).
 */
export async function caseConflict(ctx: ActorCtx, db: ActorCtx['db'], caseId: string) {
  const found = await repo.findCase(db, ctx.actor, caseId);
  return versionConflict(found ? await caseDetail(db, ctx.actor, found, todayOf(ctx)) : null);
}

async function writableCase(ctx: ActorCtx, caseId: string, version: number) {
  // The row alone (a step is taken many times a day); the case as shown only for the 409.
  const row = await repo.findCaseRow(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!row) throw notFound();
  if (row.version !== version) throw await caseConflict(ctx, ctx.db, caseId);
  return row;
}

/** The kinds of document attached to the case, read only when the transition requires some. */
async function documentsFor(db: Ctx['db'], t: TransitionDefinition, caseId: string) {
  return t.requiresDocuments?.length ? new Set(await repo.documentKindsOf(db, caseId)) : new Set<string>();
}

/** The field errors of unmet requirements: a field to fill in, or a document to attach. */
function requirementErrors(
  lang: Lang,
  missing: readonly Requirement[],
  facts: { medicalFitness?: string | null },
): FieldError[] {
  return missing.map((field) => {
    if (field.startsWith('document:'))
      return {
        path: `documents.${field.slice('document:'.length)}`,
        code: 'document_required',
        message: validationMessage(lang, 'document_required'),
      };
    const mustBeFit =
      field === 'medicalFitness' && facts.medicalFitness !== null && facts.medicalFitness !== undefined;
    return {
      path: field === 'closureReason' ? 'closureReason' : `fields.${field}`,
      code: mustBeFit ? 'must_be_fit' : 'required',
      message: validationMessage(lang, mustBeFit ? 'must_be_fit' : 'required_for_step'),
    };
  });
}

/** Tells the modules that follow a case's stages (the resettlement milestones) that it moved. */
async function announceStage(ctx: Ctx, row: CaseRow, from: string, to: string, at: Date) {
  for (const react of ctx.reactions.caseStageChanged)
    await react(ctx, { caseId: row.id, caseType: row.caseType, from, to, on: at.toISOString().slice(0, 10) });
}

function fieldPatch(fields: Fields | undefined) {
  if (!fields) return {};
  const { projectId, ...rest } = fields;
  return { ...rest, ...(projectId !== undefined ? { projectId } : {}) };
}

export async function transitionCase(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof TransitionRequestSchema>,
): Promise<void> {
  const before = await writableCase(ctx, caseId, input.version);
  if (before.pendingTransition) throw new AppError('approval_pending');
  const workflow = workflowOf(before.caseType as CaseType);
  if (isTerminal(workflow, before.status)) throw new AppError('case_closed');
  const transition = findTransition(workflow, before.status, input.to);
  const access = rolesIn(ctx.actor, before.owningOfficeId);
  if (!transition || !mayTake(transition, access)) throw new AppError('transition_not_allowed');
  // Taken by the module that owns it, which checks what the case row does not hold.
  if (transition.action) throw new AppError('transition_via_action', { params: { to: transition.to } });

  const patch = fieldPatch(input.fields);
  await assertProjectUsable(ctx, patch.projectId);
  const facts = { ...before, ...patch, documents: await documentsFor(ctx.db, transition, caseId) };
  const missing = missingRequirements(transition, facts, { closureReason: input.closureReason ?? null });
  if (missing.length > 0)
    throw new AppError('transition_requirements', { fields: requirementErrors(ctx.lang, missing, facts) });
  const now = ctx.clock.now();
  const needsApproval = !!transition.approval && !access.permissions.has('cases.approve');
  await ctx.db.transaction(async (tx) => {
    const statusPatch = needsApproval
      ? {
          pendingTransition: {
            to: transition.to,
            requestedBy: ctx.actor.userId,
            requestedByName: ctx.actor.displayName,
            requestedAt: now.toISOString(),
            comment: input.comment ?? null,
          },
        }
      : {
          status: transition.to,
          ...(isTerminal(workflow, transition.to)
            ? {
                statusBeforeClosure: before.status,
                closureReason: transition.to === 'withdrawn' ? 'withdrawn' : (input.closureReason ?? null),
              }
            : {}),
        };
    const after = await repo.updateCaseAt(tx, caseId, input.version, { ...patch, ...statusPatch }, now);
    if (!after) throw await caseConflict(ctx, tx, caseId);
    if (!needsApproval) await announceStage({ ...ctx, db: tx }, after, before.status, transition.to, now);
    await repo.insertEvent(tx, {
      caseId,
      kind: needsApproval ? 'approval_requested' : 'transition',
      fromStatus: before.status,
      toStatus: transition.to,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.comment ?? null,
      data: input.closureReason ? { closureReason: input.closureReason } : null,
      at: now,
    });
    const changes: Record<string, { old?: unknown; new?: unknown }> = {};
    for (const [k, v] of Object.entries(patch))
      changes[k] = { old: (before as Record<string, unknown>)[k] ?? null, new: v };
    if (!needsApproval) changes.status = { old: before.status, new: transition.to };
    await recordAudit(tx, ctx, {
      action: needsApproval ? 'case.approval_requested' : 'case.transitioned',
      officeId: before.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes,
      metadata: needsApproval
        ? { requestedTo: transition.to }
        : input.closureReason
          ? { closureReason: input.closureReason }
          : undefined,
    });
  });
}

export async function decideApproval(
  ctx: ActorCtx,
  caseId: string,
  input: { version: number; comment?: string },
  approve: boolean,
): Promise<void> {
  const before = await writableCase(ctx, caseId, input.version);
  const access = rolesIn(ctx.actor, before.owningOfficeId);
  if (!access.permissions.has('cases.approve')) throw new AppError('forbidden');
  const pending = before.pendingTransition;
  if (!pending) throw new AppError('no_pending_approval');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateCaseAt(
      tx,
      caseId,
      input.version,
      approve ? { status: pending.to, pendingTransition: null } : { pendingTransition: null },
      now,
    );
    if (!after) throw await caseConflict(ctx, tx, caseId);
    if (approve) await announceStage({ ...ctx, db: tx }, after, before.status, pending.to, now);
    await repo.insertEvent(tx, {
      caseId,
      kind: approve ? 'approved' : 'rejected',
      fromStatus: before.status,
      toStatus: pending.to,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.comment ?? null,
      data: { requestedBy: pending.requestedByName },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: approve ? 'case.approved' : 'case.rejected',
      officeId: before.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: approve ? { status: { old: before.status, new: pending.to } } : {},
      metadata: { requestedBy: pending.requestedBy, requestedTo: pending.to },
    });
  });
}

export async function reopenCase(
  ctx: ActorCtx,
  caseId: string,
  input: { version: number; reason: string },
): Promise<void> {
  const before = await writableCase(ctx, caseId, input.version);
  const access = rolesIn(ctx.actor, before.owningOfficeId);
  if (!access.permissions.has('cases.reopen')) throw new AppError('forbidden');
  const workflow = workflowOf(before.caseType as CaseType);
  if (!isTerminal(workflow, before.status)) throw new AppError('case_not_closed');
  const to = reopenTarget(workflow, before.statusBeforeClosure);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateCaseAt(
      tx,
      caseId,
      input.version,
      { status: to, closureReason: null, statusBeforeClosure: null },
      now,
    );
    if (!after) throw await caseConflict(ctx, tx, caseId);
    await announceStage({ ...ctx, db: tx }, after, before.status, to, now);
    await repo.insertEvent(tx, {
      caseId,
      kind: 'reopened',
      fromStatus: before.status,
      toStatus: to,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.reason,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'case.reopened',
      officeId: before.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: {
        status: { old: before.status, new: to },
        closureReason: { old: before.closureReason, new: null },
      },
      metadata: { reason: input.reason },
    });
  });
}

export async function updateCaseFields(
  ctx: ActorCtx,
  caseId: string,
  input: Fields & { version: number },
): Promise<void> {
  const { version, ...fields } = input;
  const before = await writableCase(ctx, caseId, version);
  // A closed case is a record: reopen it to change it.
  if (isTerminal(workflowOf(before.caseType as CaseType), before.status)) throw new AppError('case_closed');
  const patch = fieldPatch(fields);
  await assertProjectUsable(ctx, patch.projectId);
  const changed = Object.entries(patch).filter(
    ([k, v]) => JSON.stringify((before as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v),
  );
  // Saving without a change is not an edit: no new version, no audit event.
  if (changed.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateCaseAt(tx, caseId, version, patch, now);
    if (!after) throw await caseConflict(ctx, tx, caseId);
    const changes: Record<string, { old?: unknown; new?: unknown }> = {};
    for (const [k, v] of Object.entries(patch)) {
      const old = (before as Record<string, unknown>)[k] ?? null;
      if (JSON.stringify(old) !== JSON.stringify(v)) changes[k] = { old, new: v };
    }
    await recordAudit(tx, ctx, {
      action: 'case.updated',
      officeId: before.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes,
    });
  });
}

export type ActionStep = {
  /** The action, as the workflow names it on the transition (`book`, `decide`...). */
  action: string;
  to: string;
  /** The case version the caller read (the household lock, ADR 0017). */
  version: number;
  /** Case fields the step sets (a departure date...). */
  patch?: Partial<Pick<CaseRow, 'departureDate' | 'medicalFitness' | 'travelDocumentReady'>>;
  comment?: string | null;
  closureReason?: ClosureReason;
  /** What the module found unmet (every member fit to travel...), refused with the case's own requirements. */
  moduleMissing?: FieldError[];
  /** Kept on the timeline entry (a batch reference, a no-show's reason...). */
  data?: Record<string, unknown>;
};

/**
 * Takes a step that only the owning module's action may take, in the caller's transaction (`ctx.db`): the
 * checks of a transition (state, permission and roles in the case's office, required fields and documents,
 * plus what the module found missing), then the conditional update (409 on another version), the timeline
 * and the audit event. The caller has established access to the case. Answers the updated row.
 */
export async function takeTransitionByAction(
  ctx: ActorCtx,
  before: CaseRow,
  step: ActionStep,
): Promise<CaseRow> {
  if (before.version !== step.version) throw await caseConflict(ctx, ctx.db, before.id);
  if (before.pendingTransition) throw new AppError('approval_pending');
  const workflow = workflowOf(before.caseType as CaseType);
  if (isTerminal(workflow, before.status)) throw new AppError('case_closed');
  const transition = findTransition(workflow, before.status, step.to, step.action);
  if (!transition || !mayTake(transition, rolesIn(ctx.actor, before.owningOfficeId)))
    throw new AppError('transition_not_allowed');
  const facts = { ...before, ...step.patch, documents: await documentsFor(ctx.db, transition, before.id) };
  const missing = [
    ...requirementErrors(
      ctx.lang,
      missingRequirements(transition, facts, { closureReason: step.closureReason ?? null }),
      facts,
    ),
    ...(step.moduleMissing ?? []),
  ];
  if (missing.length > 0) throw new AppError('transition_requirements', { fields: missing });
  const now = ctx.clock.now();
  const terminal = isTerminal(workflow, transition.to);
  const after = await repo.updateCaseAt(
    ctx.db,
    before.id,
    step.version,
    {
      ...step.patch,
      status: transition.to,
      ...(terminal ? { statusBeforeClosure: before.status, closureReason: step.closureReason ?? null } : {}),
    },
    now,
  );
  if (!after) throw await caseConflict(ctx, ctx.db, before.id);
  await repo.insertEvent(ctx.db, {
    caseId: before.id,
    kind: 'transition',
    fromStatus: before.status,
    toStatus: transition.to,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    comment: step.comment ?? null,
    data: {
      action: step.action,
      ...step.data,
      ...(step.closureReason ? { closureReason: step.closureReason } : {}),
    },
    at: now,
  });
  const changes: Record<string, { old?: unknown; new?: unknown }> = {
    status: { old: before.status, new: transition.to },
  };
  for (const [k, v] of Object.entries(step.patch ?? {}))
    changes[k] = { old: (before as Record<string, unknown>)[k] ?? null, new: v };
  await recordAudit(ctx.db, ctx, {
    action: 'case.transitioned',
    officeId: before.owningOfficeId,
    recordType: 'case',
    recordId: before.id,
    changes,
    metadata: { action: step.action, ...(step.closureReason ? { closureReason: step.closureReason } : {}) },
  });
  await announceStage(ctx, after, before.status, transition.to, now);
  return after;
}

/**
 * Takes the household lock without a step: a conditional bump of the case version (409 on another one), so
 * two changes to one household's records never both win. In the caller's transaction.
 */
export async function touchCase(ctx: ActorCtx, caseId: string, version: number): Promise<CaseRow> {
  const after = await repo.updateCaseAt(ctx.db, caseId, version, {}, ctx.clock.now());
  if (!after) throw await caseConflict(ctx, ctx.db, caseId);
  return after;
}
