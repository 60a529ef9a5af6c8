import { type ActorCtx, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { notFound, versionConflict } from '../../platform/errors';
import { assertProjectUsable } from '../projects';
import { assertDateOrder, unique } from './checks';
import type { Campaign, UpdateCampaignInput } from './contract';
import { CAMPAIGN_AUDITED } from './create-campaign';
import * as repo from './repository';

/** Edits a campaign (optimistic concurrency). */
export async function updateCampaign(
  ctx: ActorCtx,
  id: string,
  input: UpdateCampaignInput,
): Promise<Campaign> {
  const { version, ...fields } = input;
  const scope = scopeOf(ctx.actor, 'activities.write');
  const before = await repo.findCampaign(ctx.db, scope, id);
  if (!before) throw notFound();
  if (before.version !== version) throw versionConflict(before);
  assertDateOrder(ctx, fields.startDate ?? before.startDate, fields.endDate ?? before.endDate);
  if (fields.projectId !== undefined && fields.projectId !== before.projectId)
    await assertProjectUsable(ctx, fields.projectId, { inOffice: before.officeId });

  const patch = {
    ...fields,
    ...(fields.countries ? { countries: unique(fields.countries) } : {}),
    ...(fields.languages ? { languages: unique(fields.languages) } : {}),
  };
  const changes = diffFields(before, { ...before, ...patch }, CAMPAIGN_AUDITED);
  // Saving without a change is not an edit: no new version, no audit event.
  if (Object.keys(changes).length === 0) return before;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateCampaignAt(tx, id, version, patch, ctx.clock.now());
    if (!row) throw versionConflict((await repo.findCampaign(tx, scope, id)) ?? { id });
    await recordAudit(tx, ctx, {
      action: 'campaign.updated',
      officeId: before.officeId,
      recordType: 'campaign',
      recordId: id,
      changes,
    });
    const updated = await repo.findCampaign(tx, scope, id);
    if (!updated) throw new Error('campaign not found after update');
    return updated;
  });
}
