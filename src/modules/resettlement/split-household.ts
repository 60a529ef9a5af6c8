/**
 * Splitting a household: members who will not travel with it (an adult son who marries, a relative who
 * stays) leave, deliberately and with a reason, to form their own household at the same stage. No resulting
 * group may hold a minor without a certain adult. The registry's household record is not touched.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { appendTimeline, caseConflict, openCase, touchCase } from '../cases';
import type { SplitHouseholdSchema } from './contract';
import { splitProblems } from './household-rules';
import { householdCase, referredHousehold, todayOf } from './household-view';
import * as repo from './repository';
import { isBeforeBooking } from './stages';

export async function splitHousehold(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof SplitHouseholdSchema>,
): Promise<string> {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  const household = await referredHousehold(ctx.db, caseId);
  if (!isBeforeBooking(row.status)) throw new AppError('household_locked');
  const today = todayOf(ctx);
  const members = await repo.activeMembersOf(ctx.db, [caseId]);
  const problems = splitProblems(
    members.map(({ member, person }) => ({
      personId: member.personId,
      principal: member.relationship === 'principal',
      birthDate: person.birthDate,
      birthDatePrecision: person.birthDatePrecision,
    })),
    input.memberIds,
    input.newPrincipalId,
    today,
  );
  // Checked against a household that changed meanwhile (a racing split moved its members), the change wins:
  // a 409 with the household as it is now, not an error about members it no longer has.
  if (problems.length > 0 && (await householdCase(ctx, caseId, 'write')).version !== input.version)
    throw await caseConflict(ctx, ctx.db, caseId);
  for (const problem of problems) {
    if (problem.kind === 'invalid')
      throw new AppError('household_split_invalid', {
        params: { reason: validationMessage(ctx.lang, `split_${problem.reason}`) },
      });
    const field = (personId: string, code: string) => ({
      path: `persons.${personId}`,
      code,
      message: validationMessage(ctx.lang, code),
    });
    if (problem.kind === 'birth_date_required')
      throw new AppError('validation_failed', {
        fields: problem.personIds.map((id) => field(id, 'birth_date_required')),
      });
    throw new AppError('household_split_minor_alone', {
      fields: problem.personIds.map((id) => field(id, 'minor_without_adult')),
    });
  }

  const moving = members.filter(({ member }) => input.memberIds.includes(member.personId));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    // The household's lock first: a concurrent change to it makes this one a 409 before anything is written.
    await touchCase(inTx, caseId, input.version);
    const newCaseId = await openCase(
      inTx,
      {
        personId: input.newPrincipalId,
        caseType: 'resettlement',
        projectId: row.projectId,
        officeId: row.owningOfficeId,
        assignedTo: row.assignedTo,
        hostCountry: row.hostCountry,
        returnCountry: row.returnCountry,
      },
      { status: row.status, comment: input.reason, data: { splitFrom: row.reference } },
    );
    const { caseId: _, createdAt: __, updatedAt: ___, ...copied } = household;
    await repo.insertHousehold(tx, {
      ...copied,
      caseId: newCaseId,
      // The agency's reference, told apart: the new household keeps the referral it came with.
      referringReference: `${household.referringReference}/${newCaseId.slice(0, 8)}`,
      activeMembers: moving.length,
      splitFromCaseId: caseId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.markMembersLeft(tx, caseId, input.memberIds, {
      leftOn: today,
      leftReason: input.reason,
      leftToCaseId: newCaseId,
    });
    await repo.insertMembers(
      tx,
      moving.map(({ member }) => ({
        caseId: newCaseId,
        personId: member.personId,
        relationship: member.personId === input.newPrincipalId ? 'principal' : member.relationship,
        joinedOn: today,
      })),
    );
    await repo.moveMemberRecords(tx, caseId, newCaseId, input.memberIds);
    await repo.recountMembers(tx, caseId, now);
    await appendTimeline(tx, {
      caseId,
      kind: 'updated',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.reason,
      data: { split: { toCaseId: newCaseId, members: input.memberIds } },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.household_split',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: {
        members: {
          old: members.map((m) => m.member.personId),
          new: members.map((m) => m.member.personId).filter((id) => !input.memberIds.includes(id)),
        },
      },
      metadata: {
        newCaseId,
        moved: input.memberIds,
        newPrincipalId: input.newPrincipalId,
        reason: input.reason,
      },
    });
    return newCaseId;
  });
}
