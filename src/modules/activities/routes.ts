import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/actor';
import { IdParamsSchema } from '../../platform/contract';
import { notFound } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
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
import { activityIndicators } from './indicators';
import * as repo from './repository';
import { updateActivity } from './update-activity';
import { updateCampaign } from './update-campaign';

const tags = ['activities'];

export function activitiesRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.get(
    '/api/activities',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Capacity-building activities in scope, newest first (filters, keyset pagination)',
        querystring: ActivityListQuerySchema,
        response: { 200: ActivityListSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return repo.listActivities(ctx.db, scopeOf(ctx.actor, 'activities.read'), request.query);
    },
  );

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
    async (request) => {
      const ctx = ctxOf(request);
      return activityIndicators(ctx.db, scopeOf(ctx.actor, 'activities.read'), request.query);
    },
  );

  r.post(
    '/api/activities',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary: 'Record a training, workshop, study visit or conference with its participants counted',
        body: CreateActivitySchema,
        response: { 201: ActivitySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createActivity(ctxOf(request), request.body)),
  );

  r.get(
    '/api/activities/:id',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'One activity with its participants (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: ActivitySchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const activity = await repo.findActivity(
        ctx.db,
        scopeOf(ctx.actor, 'activities.read'),
        request.params.id,
      );
      if (!activity) throw notFound();
      return activity;
    },
  );

  r.patch(
    '/api/activities/:id',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary: 'Edit an activity (optimistic concurrency; participants are replaced as a whole)',
        params: IdParamsSchema,
        body: UpdateActivitySchema,
        response: { 200: ActivitySchema },
      },
    },
    async (request) => updateActivity(ctxOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/campaigns',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'Information campaigns in scope, newest first (filters, keyset pagination)',
        querystring: CampaignListQuerySchema,
        response: { 200: CampaignListSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return repo.listCampaigns(ctx.db, scopeOf(ctx.actor, 'activities.read'), request.query);
    },
  );

  r.post(
    '/api/campaigns',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary: 'Record an information campaign',
        body: CreateCampaignSchema,
        response: { 201: CampaignSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCampaign(ctxOf(request), request.body)),
  );

  r.get(
    '/api/campaigns/:id',
    {
      config: { permission: 'activities.read' },
      schema: {
        tags,
        summary: 'One campaign (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const campaign = await repo.findCampaign(
        ctx.db,
        scopeOf(ctx.actor, 'activities.read'),
        request.params.id,
      );
      if (!campaign) throw notFound();
      return campaign;
    },
  );

  r.patch(
    '/api/campaigns/:id',
    {
      config: { permission: 'activities.write' },
      schema: {
        tags,
        summary: 'Edit a campaign (optimistic concurrency)',
        params: IdParamsSchema,
        body: UpdateCampaignSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => updateCampaign(ctxOf(request), request.params.id, request.body),
  );
}
