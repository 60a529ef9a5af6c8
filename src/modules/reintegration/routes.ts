import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ActorCtx } from '../../platform/actor';
import { IdParamsSchema } from '../../platform/contract';
import { notFound } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
import * as casesRepo from '../cases/repository';
import {
  AddPlanItemSchema,
  AssessmentInputSchema,
  DeliveryInputSchema,
  PlanDecisionSchema,
  PlanVersionInputSchema,
  ReintegrationViewSchema,
  ReturnPlanSchema,
  UpdatePlanItemSchema,
} from './contract';
import { recordDelivery } from './deliveries';
import {
  addPlanItem,
  approvePlan,
  recordAssessment,
  removePlanItem,
  returnPlan,
  submitPlan,
  todayOf,
  updatePlanItem,
} from './plan';
import { reintegrationView } from './plan-view';
import * as repo from './repository';

const tags = ['reintegration'];
const view = { 200: ReintegrationViewSchema };

async function viewOf(ctx: ActorCtx, caseId: string) {
  const found = await casesRepo.findCase(ctx.db, ctx.actor, caseId);
  if (!found) throw notFound();
  return reintegrationView(ctx.db, ctx.actor, found.row, todayOf(ctx));
}

async function caseOfItem(ctx: ActorCtx, itemId: string): Promise<string> {
  const item = await repo.findItem(ctx.db, itemId);
  const plan = item ? await repo.findPlan(ctx.db, item.planId) : undefined;
  if (!plan) throw notFound();
  return plan.caseId;
}

export function reintegrationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.get(
    '/api/cases/:id/reintegration',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'Needs assessment, plan (planned, approved, delivered), budget warnings, deliveries',
        params: IdParamsSchema,
        response: view,
      },
    },
    async (request) => viewOf(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/cases/:id/needs-assessments',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Record a needs assessment (economic, social, psychosocial)',
        params: IdParamsSchema,
        body: AssessmentInputSchema,
        response: { 201: ReintegrationViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await recordAssessment(ctx, request.params.id, request.body);
      reply.code(201);
      return viewOf(ctx, request.params.id);
    },
  );

  r.post(
    '/api/cases/:id/reintegration-plan/items',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Add a plan item (starts the plan; an approved plan needs approval again)',
        params: IdParamsSchema,
        body: AddPlanItemSchema,
        response: { 201: ReintegrationViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await addPlanItem(ctx, request.params.id, request.body);
      reply.code(201);
      return viewOf(ctx, request.params.id);
    },
  );

  r.patch(
    '/api/reintegration-plan-items/:id',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Change a plan item',
        params: IdParamsSchema,
        body: UpdatePlanItemSchema,
        response: view,
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const caseId = await caseOfItem(ctx, request.params.id);
      await updatePlanItem(ctx, request.params.id, request.body);
      return viewOf(ctx, caseId);
    },
  );

  r.post(
    '/api/reintegration-plan-items/:id/remove',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Remove a plan item',
        params: IdParamsSchema,
        body: PlanVersionInputSchema,
        response: view,
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const caseId = await caseOfItem(ctx, request.params.id);
      await removePlanItem(ctx, request.params.id, request.body.planVersion);
      return viewOf(ctx, caseId);
    },
  );

  r.post(
    '/api/cases/:id/reintegration-plan/submit',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Submit the plan for approval',
        params: IdParamsSchema,
        body: PlanVersionInputSchema,
        response: view,
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await submitPlan(ctx, request.params.id, request.body.planVersion);
      return viewOf(ctx, request.params.id);
    },
  );

  r.post(
    '/api/cases/:id/reintegration-plan/approve',
    {
      config: { permission: 'cases.approve' },
      schema: {
        tags,
        summary: 'Approve the submitted plan (checks budget lines and the allowance)',
        params: IdParamsSchema,
        body: PlanDecisionSchema,
        response: view,
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await approvePlan(ctx, request.params.id, request.body.planVersion, request.body.comment ?? null);
      return viewOf(ctx, request.params.id);
    },
  );

  r.post(
    '/api/cases/:id/reintegration-plan/return',
    {
      config: { permission: 'cases.approve' },
      schema: {
        tags,
        summary: 'Send the submitted plan back with a comment',
        params: IdParamsSchema,
        body: ReturnPlanSchema,
        response: view,
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await returnPlan(ctx, request.params.id, request.body.planVersion, request.body.comment);
      return viewOf(ctx, request.params.id);
    },
  );

  r.post(
    '/api/cases/:id/deliveries',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Record a delivery against an approved item (amount, date, vendor, receipt)',
        params: IdParamsSchema,
        body: DeliveryInputSchema,
        response: { 201: ReintegrationViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await recordDelivery(ctx, request.params.id, request.body);
      reply.code(201);
      return viewOf(ctx, request.params.id);
    },
  );
}
