/** Reading activities and campaigns: the lists, one record, and the indicators, each within the actor's scope. */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import type { ActivityListQuery, CampaignListQuery, IndicatorsQuerySchema } from './contract';
import { activityIndicators } from './indicators';
import * as repo from './repository';

const readScope = (ctx: ActorCtx) => scopeOf(ctx.actor, 'activities.read');

/** Activities in scope, newest first (filters, keyset pagination). */
export function listActivities(ctx: ActorCtx, query: ActivityListQuery) {
  return repo.listActivities(ctx.db, readScope(ctx), query);
}

/** One activity with its participants; `undefined` outside scope. */
export function getActivity(ctx: ActorCtx, id: string) {
  return repo.findActivity(ctx.db, readScope(ctx), id);
}

/** Information campaigns in scope, newest first (filters, keyset pagination). */
export function listCampaigns(ctx: ActorCtx, query: CampaignListQuery) {
  return repo.listCampaigns(ctx.db, readScope(ctx), query);
}

/** One campaign; `undefined` outside scope. */
export function getCampaign(ctx: ActorCtx, id: string) {
  return repo.findCampaign(ctx.db, readScope(ctx), id);
}

/** People trained and campaign reach in the actor's scope (small cells suppressed when asked). */
export function indicatorsInScope(ctx: ActorCtx, query: z.output<typeof IndicatorsQuerySchema>) {
  return activityIndicators(ctx.db, readScope(ctx), query);
}
