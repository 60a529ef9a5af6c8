import type { z } from 'zod';
import { type ActorCtx, can, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { refuseRestricted } from '../../platform/restricted';
import { identityRepository } from '../identity';
import { assertProjectUsable } from '../projects';
import { findPerson } from '../registry';
import type { OpenCaseSchema } from './contract';
import { mayBeAssigned } from './policy';
import * as repo from './repository';
import { CASE_TYPES, isTerminal, type WorkflowDefinition } from './workflow';

export async function assertAssignable(
  ctx: ActorCtx,
  officeId: string,
  userId: string | null | undefined,
  /** A trafficking case goes only to someone who may open it. */
  sensitive = false,
): Promise<void> {
  if (!userId) return;
  const memberships = (await identityRepository.membershipsOf(ctx.db, [userId])).get(userId) ?? [];
  if (!mayBeAssigned(memberships, officeId, sensitive)) throw new AppError('assignee_not_in_office');
}

/**
 * Opens a case for a person in an office, at the first state of its type's workflow, or (`startAt`, for the
 * module that owns the type: a household split from another keeps its stage) at another state, with why.
 */
export async function openCase(
  ctx: ActorCtx,
  input: z.infer<typeof OpenCaseSchema>,
  startAt?: { status: string; comment: string; data?: Record<string, unknown> },
): Promise<string> {
  if (!can(ctx.actor, 'cases.write', input.officeId)) throw forbidden();
  const type = CASE_TYPES[input.caseType];
  const workflow: WorkflowDefinition = type.workflow;
  if (startAt && (!workflow.states.includes(startAt.status) || isTerminal(workflow, startAt.status)))
    throw new Error(`cannot open a ${input.caseType} case at ${startAt.status}`);
  // A trafficking case is opened only by someone allowed to see it afterwards.
  if (type.sensitive && !can(ctx.actor, 'cases.sensitive', input.officeId))
    refuseRestricted(ctx.lang, ['caseType']);
  const person = await findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), input.personId);
  if (!person) throw notFound();
  await assertAssignable(ctx, input.officeId, input.assignedTo, type.sensitive);
  await assertProjectUsable(ctx, input.projectId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const office = await identityRepository.findOffice(tx, input.officeId);
    if (!office?.active) throw new AppError('office_inactive', { params: { code: office?.code ?? '' } });
    const row = await repo.insertCase(tx, {
      reference: await repo.nextCaseReference(tx, office.code, now.getUTCFullYear()),
      personId: input.personId,
      householdId: person.row.householdId,
      caseType: input.caseType,
      sensitive: type.sensitive,
      projectId: input.projectId ?? null,
      owningOfficeId: input.officeId,
      assignedTo: input.assignedTo ?? null,
      status: startAt?.status ?? type.workflow.initial,
      hostCountry: input.hostCountry ?? null,
      returnCountry: input.returnCountry ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      caseId: row.id,
      kind: 'opened',
      toStatus: row.status,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: startAt?.comment ?? null,
      data: startAt?.data ?? null,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'case.opened',
      officeId: input.officeId,
      recordType: 'case',
      recordId: row.id,
      changes: {
        reference: { new: row.reference },
        caseType: { new: row.caseType },
        personId: { new: row.personId },
        projectId: { new: row.projectId },
        assignedTo: { new: row.assignedTo },
        status: { new: row.status },
      },
    });
    return row.id;
  });
}
