import { type ActorCtx, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { notFound, versionConflict } from '../../platform/errors';
import { assertProjectUsable } from '../projects';
import { assertDateOrder } from './checks';
import type { Activity, UpdateActivityInput } from './contract';
import { ACTIVITY_AUDITED } from './create-activity';
import * as repo from './repository';

/** Edits an activity (optimistic concurrency). Participants, when sent, replace the previous ones as a whole. */
export async function updateActivity(
  ctx: ActorCtx,
  id: string,
  input: UpdateActivityInput,
): Promise<Activity> {
  const { version, participants, ...fields } = input;
  const scope = scopeOf(ctx.actor, 'activities.write');
  const before = await repo.findActivity(ctx.db, scope, id);
  if (!before) throw notFound();
  if (before.version !== version) throw versionConflict(before);
  assertDateOrder(ctx, fields.startDate ?? before.startDate, fields.endDate ?? before.endDate);
  if (fields.projectId !== undefined && fields.projectId !== before.projectId)
    await assertProjectUsable(ctx, fields.projectId, { inOffice: before.officeId });

  const nextParticipants = participants ? repo.canonicalParticipants(participants) : undefined;
  const after = { ...before, ...fields, ...(nextParticipants ? { participants: nextParticipants } : {}) };
  const changes = diffFields(before, after, ACTIVITY_AUDITED);
  // Saving without a change is not an edit: no new version, no audit event.
  if (Object.keys(changes).length === 0) return before;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateActivityAt(
      tx,
      id,
      version,
      fields,
      changes.participants ? nextParticipants : undefined,
      ctx.clock.now(),
    );
    if (!row) throw versionConflict((await repo.findActivity(tx, scope, id)) ?? { id });
    await recordAudit(tx, ctx, {
      action: 'activity.updated',
      officeId: before.officeId,
      recordType: 'activity',
      recordId: id,
      changes,
    });
    const updated = await repo.findActivity(tx, scope, id);
    if (!updated) throw new Error('activity not found after update');
    return updated;
  });
}
