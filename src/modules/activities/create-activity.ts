import { type ActorCtx, can } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { forbidden } from '../../platform/errors';
import { assertProjectUsable } from '../projects';
import type { Activity, CreateActivityInput } from './contract';
import * as repo from './repository';

/** What an activity's audit events record, field by field. */
export const ACTIVITY_AUDITED = [
  'kind',
  'title',
  'topic',
  'startDate',
  'endDate',
  'place',
  'country',
  'projectId',
  'participants',
] as const satisfies readonly (keyof Activity)[];

/** Records a capacity-building activity of an office, with its participants counted by group. */
export async function createActivity(ctx: ActorCtx, input: CreateActivityInput): Promise<Activity> {
  if (!can(ctx.actor, 'activities.write', input.officeId)) throw forbidden();
  await assertProjectUsable(ctx, input.projectId, { inOffice: input.officeId });
  const now = ctx.clock.now();
  const { officeId, participants, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertActivity(
      tx,
      { ...fields, officeId, projectId: fields.projectId ?? null, createdAt: now, updatedAt: now },
      repo.canonicalParticipants(participants),
    );
    const activity = await repo.findActivity(tx, [officeId], row.id);
    if (!activity) throw new Error('activity not found after insert');
    await recordAudit(tx, ctx, {
      action: 'activity.created',
      officeId,
      recordType: 'activity',
      recordId: row.id,
      changes: diffFields(null, activity, ACTIVITY_AUDITED),
    });
    return activity;
  });
}
