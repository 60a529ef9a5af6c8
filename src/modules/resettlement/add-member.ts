/** A relative joins the travelling household before it is booked (a birth, a late reunification), with a reason. */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { appendTimeline, caseConflict, touchCase } from '../cases';
import type { AddMemberSchema } from './contract';
import { householdCase, referredHousehold, todayOf } from './household-view';
import { unlessTaken } from './record-referral';
import * as repo from './repository';
import { isBeforeBooking } from './stages';

export async function addMember(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof AddMemberSchema>,
): Promise<void> {
  const row = await householdCase(ctx, caseId, 'write');
  if (row.version !== input.version) throw await caseConflict(ctx, ctx.db, caseId);
  await referredHousehold(ctx.db, caseId);
  if (!isBeforeBooking(row.status)) throw new AppError('household_locked');
  const [person] = await repo.personsByIds(ctx.db, [input.personId], scopeOf(ctx.actor, 'persons.read'));
  if (!person) throw notFound();
  if ((await repo.activeMemberships(ctx.db, [input.personId])).length > 0)
    throw new AppError('household_member_elsewhere');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await touchCase({ ...ctx, db: tx }, caseId, input.version);
    await unlessTaken(
      repo.insertMembers(tx, [
        { caseId, personId: input.personId, relationship: input.relationship, joinedOn: todayOf(ctx) },
      ]),
      'household_member_elsewhere',
    );
    await repo.recountMembers(tx, caseId, now);
    await appendTimeline(tx, {
      caseId,
      kind: 'updated',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.reason,
      data: { memberAdded: input.personId },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.member_added',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: { member: { new: { personId: input.personId, relationship: input.relationship } } },
      metadata: { reason: input.reason },
    });
  });
}
