import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { IdParamsSchema } from '../../platform/contract';
import type { Permission } from '../../platform/permissions';
import { actorCtx, type ServerDeps } from '../../server/context';
import { answeringView, dropPlanItem, editPlanItem, reintegrationOfCase } from './case-reintegration';
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
import { addPlanItem, approvePlan, recordAssessment, returnPlan, submitPlan } from './plan';

const tags = ['reintegration'];
const view = { 200: ReintegrationViewSchema };

export function reintegrationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  /**
   * A change to the reintegration record of the case `:id`, answered with the case's whole view (the
   * page shows the plan, its budget warnings and deliveries together). 201 where the change records
   * something new.
   */
  function caseChangeRoute<Body extends z.ZodType>(
    url: string,
    route: { permission: Permission; summary: string; body: Body; status: 200 | 201 },
    change: (ctx: ActorCtx, caseId: string, body: z.output<Body>) => Promise<unknown>,
  ): void {
    const run = answeringView(change);
    r.post(
      url,
      {
        config: { permission: route.permission },
        schema: {
          tags,
          summary: route.summary,
          params: IdParamsSchema,
          body: route.body as z.ZodType,
          response: { [route.status]: ReintegrationViewSchema },
        },
      },
      async (request, reply) => {
        // The body was parsed against `route.body` by the zod validator compiler.
        const answer = await run(ctxOf(request), request.params.id, request.body as z.output<Body>);
        reply.code(route.status);
        return answer;
      },
    );
  }

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
    async (request) => reintegrationOfCase(ctxOf(request), request.params.id),
  );

  caseChangeRoute(
    '/api/cases/:id/needs-assessments',
    {
      permission: 'cases.write',
      summary: 'Record a needs assessment (economic, social, psychosocial)',
      body: AssessmentInputSchema,
      status: 201,
    },
    recordAssessment,
  );

  caseChangeRoute(
    '/api/cases/:id/reintegration-plan/items',
    {
      permission: 'cases.write',
      summary: 'Add a plan item (starts the plan; an approved plan needs approval again)',
      body: AddPlanItemSchema,
      status: 201,
    },
    addPlanItem,
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
    async (request) => editPlanItem(ctxOf(request), request.params.id, request.body),
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
    async (request) => dropPlanItem(ctxOf(request), request.params.id, request.body.planVersion),
  );

  caseChangeRoute(
    '/api/cases/:id/reintegration-plan/submit',
    {
      permission: 'cases.write',
      summary: 'Submit the plan for approval',
      body: PlanVersionInputSchema,
      status: 200,
    },
    (ctx, caseId, body) => submitPlan(ctx, caseId, body.planVersion),
  );

  caseChangeRoute(
    '/api/cases/:id/reintegration-plan/approve',
    {
      permission: 'cases.approve',
      summary: 'Approve the submitted plan (checks budget lines and the allowance)',
      body: PlanDecisionSchema,
      status: 200,
    },
    (ctx, caseId, body) => approvePlan(ctx, caseId, body.planVersion, body.comment ?? null),
  );

  caseChangeRoute(
    '/api/cases/:id/reintegration-plan/return',
    {
      permission: 'cases.approve',
      summary: 'Send the submitted plan back with a comment',
      body: ReturnPlanSchema,
      status: 200,
    },
    (ctx, caseId, body) => returnPlan(ctx, caseId, body.planVersion, body.comment),
  );

  caseChangeRoute(
    '/api/cases/:id/deliveries',
    {
      permission: 'cases.write',
      summary: 'Record a delivery against an approved item (amount, date, vendor, receipt)',
      body: DeliveryInputSchema,
      status: 201,
    },
    recordDelivery,
  );
}
