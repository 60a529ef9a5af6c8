import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorCtx, type ServerDeps } from '../../server/context';
import { recordRoutes } from '../../server/record-routes';
import {
  ActivityListQuerySchema,
  ActivityListSchema,
  ActivitySchema,
  CampaignListQuerySchema,
  CampaignListSchema,
  CampaignSchema,
  CreateActivitySchema,
  CreateCampaignSchema,
  IndicatorsQuerySchema,
  IndicatorsSchema,
  UpdateActivitySchema,
  UpdateCampaignSchema,
} from './contract';
import { createActivity } from './create-activity';
import { createCampaign } from './create-campaign';
import { getActivity, getCampaign, indicatorsInScope, listActivities, listCampaigns } from './queries';
import { updateActivity } from './update-activity';
import { updateCampaign } from './update-campaign';

const tags = ['activities'];

export function activitiesRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  recordRoutes(app, deps, {
    path: '/api/activities',
    tags,
    read: 'activities.read',
    write: 'activities.write',
    record: ActivitySchema,
    list: {
      summary: 'Capacity-building activities in scope, newest first (filters, keyset pagination)',
      querystring: ActivityListQuerySchema,
      response: ActivityListSchema,
      run: listActivities,
    },
    create: {
      summary: 'Record a training, workshop, study visit or conference with its participants counted',
      body: CreateActivitySchema,
      run: createActivity,
    },
    get: {
      summary: 'One activity with its participants (404 outside scope)',
      run: getActivity,
    },
    update: {
      summary: 'Edit an activity (optimistic concurrency; participants are replaced as a whole)',
      body: UpdateActivitySchema,
      run: updateActivity,
    },
  });

  r.get(
    '/api/activities/indicators',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary:
          'People trained and campaign reach in scope; suppress=true hides small cells (donor reports)',
        querystring: IndicatorsQuerySchema,
        response: { 200: IndicatorsSchema },
      },
    },
    async (request) => indicatorsInScope(ctxOf(request), request.query),
  );

  recordRoutes(app, deps, {
    path: '/api/campaigns',
    tags,
    read: 'activities.read',
    write: 'activities.write',
    record: CampaignSchema,
    list: {
      summary: 'Information campaigns in scope, newest first (filters, keyset pagination)',
      querystring: CampaignListQuerySchema,
      response: CampaignListSchema,
      run: listCampaigns,
    },
    create: { summary: 'Record an information campaign', body: CreateCampaignSchema, run: createCampaign },
    get: {
      summary: 'One campaign (404 outside scope)',
      run: getCampaign,
    },
    update: {
      summary: 'Edit a campaign (optimistic concurrency)',
      body: UpdateCampaignSchema,
      run: updateCampaign,
    },
  });
}
