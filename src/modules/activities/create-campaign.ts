import { type ActorCtx, can } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { forbidden } from '../../platform/errors';
import { assertProjectUsable } from '../projects';
import { unique } from './checks';
import type { Campaign, CreateCampaignInput } from './contract';
import * as repo from './repository';

/** What a campaign's audit events record, field by field. */
export const CAMPAIGN_AUDITED = [
  'title',
  'channel',
  'countries',
  'languages',
  'startDate',
  'endDate',
  'reach',
  'projectId',
] as const satisfies readonly (keyof Campaign)[];

/** Records an information campaign of an office in countries of origin. */
export async function createCampaign(ctx: ActorCtx, input: CreateCampaignInput): Promise<Campaign> {
  if (!can(ctx.actor, 'activities.write', input.officeId)) throw forbidden();
  await assertProjectUsable(ctx, input.projectId, { inOffice: input.officeId });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertCampaign(tx, {
      ...input,
      countries: unique(input.countries),
      languages: unique(input.languages),
      projectId: input.projectId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const campaign = await repo.findCampaign(tx, [input.officeId], row.id);
    if (!campaign) throw new Error('campaign not found after insert');
    await recordAudit(tx, ctx, {
      action: 'campaign.created',
      officeId: input.officeId,
      recordType: 'campaign',
      recordId: row.id,
      changes: diffFields(null, campaign, CAMPAIGN_AUDITED),
    });
    return campaign;
  });
}
