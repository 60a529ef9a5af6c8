import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { IdParamsSchema, UuidSchema } from '../../platform/contract';
import type { Permission } from '../../platform/permissions';
import { actorCtx, requestCtx, type ServerDeps } from '../../server/context';
import { addMember } from './add-member';
import { changeBatch, getBatch, listBatches } from './batch-view';
import { bookHousehold } from './book-household';
import { cancelBooking } from './cancel-booking';
import { clearHealth } from './clear-health';
import { completeOrientation } from './complete-orientation';
import {
  AddMemberSchema,
  ArrivalSchema,
  AttendanceSchema,
  BatchViewSchema,
  BoardingSchema,
  BookHouseholdSchema,
  CancelBookingSchema,
  CreateBatchSchema,
  CreateMovementSchema,
  CreateOrientationSessionSchema,
  FunnelQuerySchema,
  FunnelSchema,
  HandoverResultSchema,
  HandoverSchema,
  HealthFindingsSchema,
  HouseholdViewSchema,
  ManifestQuerySchema,
  MergeHouseholdsSchema,
  MovementViewSchema,
  OrientationSessionViewSchema,
  PipelineQuerySchema,
  PipelineSchema,
  ReceptionConfirmSchema,
  ReceptionLinkInputSchema,
  ReceptionLinkIssuedSchema,
  ReceptionPartnerViewSchema,
  ReceptionTokenParamsSchema,
  RecordClearanceSchema,
  RecordDecisionSchema,
  RecordHealthSchema,
  RecordReferralSchema,
  SetBatchHouseholdsSchema,
  SplitHouseholdSchema,
  SplitResultSchema,
  StageGateSchema,
  SubmitBatchSchema,
  UpdateMovementSchema,
} from './contract';
import { createBatch } from './create-batch';
import { createMovement } from './create-movement';
import { resettlementFunnel } from './funnel';
import { healthFindings } from './health-findings';
import { changeHousehold, getHousehold } from './household-view';
import { mergeHouseholds } from './merge-households';
import { changeMovement, getMovement, listMovements } from './movement-view';
import { createOrientationSession, getOrientationSession, setAttendance } from './orientation';
import { orientationListRoutes } from './orientation-list-routes';
import { resettlementPipeline } from './pipeline';
import { printManifest } from './print-manifest';
import { confirmReception, issueReceptionLink, receptionView, revokeReceptionLink } from './reception-links';
import { recordArrival } from './record-arrival';
import { recordBoarding } from './record-boarding';
import { recordClearance } from './record-clearance';
import { recordBatchDecisions, recordDecision } from './record-decision';
import { handOver } from './record-handover';
import { recordHealth } from './record-health';
import { recordReferral } from './record-referral';
import { setBatchHouseholds } from './set-batch-households';
import { splitHousehold } from './split-household';
import { submitBatch } from './submit-batch';
import { updateMovement } from './update-movement';

const tags = ['resettlement'];
const ChildParams = z.strictObject({ id: UuidSchema, childId: UuidSchema });
const ProjectQuery = z.strictObject({ projectId: UuidSchema.optional() });
const BatchDecisionsSchema = z.strictObject({
  version: RecordDecisionSchema.shape.version,
  decisions: z
    .array(
      RecordDecisionSchema.omit({ version: true }).extend({
        caseId: UuidSchema,
        caseVersion: RecordDecisionSchema.shape.version,
      }),
    )
    .min(1)
    .max(500),
});

function sendDownload(reply: FastifyReply, file: { body: Buffer; contentType: string; fileName: string }) {
  return reply
    .type(file.contentType)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.body);
}

export function resettlementRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  /** A change to the household of the case `:id`, answered with the household as the change left it. */
  function householdRoute<Body extends z.ZodType>(
    path: string,
    route: { permission: Permission; summary: string; body: Body; status?: 200 | 201 },
    change: (ctx: ActorCtx, caseId: string, body: z.output<Body>) => Promise<unknown>,
  ): void {
    const run = changeHousehold(change);
    r.post(
      `/api/cases/:id/resettlement${path}`,
      {
        config: { permission: route.permission },
        schema: {
          tags,
          summary: route.summary,
          params: IdParamsSchema,
          body: route.body as z.ZodType,
          response: { [route.status ?? 200]: HouseholdViewSchema },
        },
      },
      async (request, reply) => {
        const answer = await run(ctxOf(request), request.params.id, request.body as z.output<Body>);
        reply.code(route.status ?? 200);
        return answer;
      },
    );
  }

  r.get(
    '/api/cases/:id/resettlement',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'The household: members, referral, milestones, health, clearances, booking, blockers',
        params: IdParamsSchema,
        response: { 200: HouseholdViewSchema },
      },
    },
    async (request) => getHousehold(ctxOf(request), request.params.id),
  );

  householdRoute(
    '/referral',
    {
      permission: 'resettlement.write',
      summary: 'Record the referral (agency reference, document, members)',
      body: RecordReferralSchema,
    },
    recordReferral,
  );
  householdRoute(
    '/members',
    {
      permission: 'resettlement.write',
      summary: 'Add a travelling member, with a reason',
      body: AddMemberSchema,
    },
    addMember,
  );
  householdRoute(
    '/merge',
    {
      permission: 'resettlement.write',
      summary: 'Merge another household into this one',
      body: MergeHouseholdsSchema,
    },
    mergeHouseholds,
  );
  householdRoute(
    '/decision',
    {
      permission: 'resettlement.write',
      summary: 'Record the decision on a submitted household',
      body: RecordDecisionSchema,
    },
    recordDecision,
  );
  householdRoute(
    '/health',
    {
      permission: 'health.write',
      summary: 'Record a member’s health assessment (findings sealed)',
      body: RecordHealthSchema,
      status: 201,
    },
    (ctx, caseId, body) => recordHealth(ctx, deps.cipher, caseId, body),
  );
  householdRoute(
    '/clearances',
    {
      permission: 'resettlement.write',
      summary: 'Record a member’s exit permit or visa',
      body: RecordClearanceSchema,
      status: 201,
    },
    (ctx, caseId, body) => recordClearance(ctx, deps.cipher, caseId, body),
  );
  householdRoute(
    '/clear-health',
    {
      permission: 'resettlement.write',
      summary: 'Every member fit to travel: on to orientation',
      body: StageGateSchema,
    },
    clearHealth,
  );
  householdRoute(
    '/complete-orientation',
    {
      permission: 'resettlement.write',
      summary: 'Orientation attended: on to exit permits',
      body: StageGateSchema,
    },
    completeOrientation,
  );

  r.post(
    '/api/cases/:id/resettlement/split',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Split members off into a household of their own, with a reason',
        params: IdParamsSchema,
        body: SplitHouseholdSchema,
        response: { 201: SplitResultSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const newCaseId = await splitHousehold(ctx, request.params.id, request.body);
      return reply.code(201).send({
        household: await getHousehold(ctx, request.params.id),
        newHousehold: await getHousehold(ctx, newCaseId),
      });
    },
  );

  r.get(
    '/api/cases/:id/resettlement/health/:childId/findings',
    {
      config: { permission: 'health.read' },
      schema: {
        tags,
        summary: 'A health assessment’s findings (medical and protection roles of the office; audited)',
        params: ChildParams,
        response: { 200: HealthFindingsSchema },
      },
    },
    async (request) => healthFindings(ctxOf(request), deps.cipher, request.params.id, request.params.childId),
  );

  r.get(
    '/api/resettlement/pipeline',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'Households of a project at their stage, with what blocks them',
        querystring: PipelineQuerySchema,
        response: { 200: PipelineSchema },
      },
    },
    async (request) => resettlementPipeline(ctxOf(request), request.query),
  );

  r.get(
    '/api/resettlement/funnel',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'Households and persons per stage, conversion, median days',
        querystring: FunnelQuerySchema,
        response: { 200: FunnelSchema },
      },
    },
    async (request) => resettlementFunnel(ctxOf(request), request.query),
  );

  // ---- batches ----
  r.get(
    '/api/resettlement/batches',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'Submission batches',
        querystring: ProjectQuery,
        response: { 200: z.object({ items: z.array(BatchViewSchema) }) },
      },
    },
    async (request) => listBatches(ctxOf(request), request.query.projectId),
  );
  r.post(
    '/api/resettlement/batches',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Create a submission batch',
        body: CreateBatchSchema,
        response: { 201: BatchViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.code(201).send(await getBatch(ctx, await createBatch(ctx, request.body)));
    },
  );
  r.get(
    '/api/resettlement/batches/:id',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'A submission batch and its households',
        params: IdParamsSchema,
        response: { 200: BatchViewSchema },
      },
    },
    async (request) => getBatch(ctxOf(request), request.params.id),
  );
  r.put(
    '/api/resettlement/batches/:id/households',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Set the households of an open batch',
        params: IdParamsSchema,
        body: SetBatchHouseholdsSchema,
        response: { 200: BatchViewSchema },
      },
    },
    async (request) => changeBatch(setBatchHouseholds)(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/resettlement/batches/:id/submit',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Submit the batch: every household moves to decision',
        params: IdParamsSchema,
        body: SubmitBatchSchema,
        response: { 200: BatchViewSchema },
      },
    },
    async (request) => changeBatch(submitBatch)(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/resettlement/batches/:id/decisions',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Record the batch’s decisions, all or none',
        params: IdParamsSchema,
        body: BatchDecisionsSchema,
        response: { 200: BatchViewSchema },
      },
    },
    async (request) => changeBatch(recordBatchDecisions)(ctxOf(request), request.params.id, request.body),
  );

  // ---- orientation ----
  r.post(
    '/api/resettlement/orientation-sessions',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Record a pre-departure orientation session',
        body: CreateOrientationSessionSchema,
        response: { 201: OrientationSessionViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrientationSession(ctxOf(request), request.body)),
  );
  r.get(
    '/api/resettlement/orientation-sessions/:id',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'An orientation session and its attendance',
        params: IdParamsSchema,
        response: { 200: OrientationSessionViewSchema },
      },
    },
    async (request) => getOrientationSession(ctxOf(request), request.params.id),
  );
  r.put(
    '/api/resettlement/orientation-sessions/:id/attendance',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Record who attended',
        params: IdParamsSchema,
        body: AttendanceSchema,
        response: { 200: OrientationSessionViewSchema },
      },
    },
    async (request) => setAttendance(ctxOf(request), request.params.id, request.body),
  );

  // ---- movements ----
  r.get(
    '/api/resettlement/movements',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'Movements',
        querystring: ProjectQuery,
        response: { 200: z.object({ items: z.array(MovementViewSchema) }) },
      },
    },
    async (request) => listMovements(ctxOf(request), request.query.projectId),
  );
  r.post(
    '/api/resettlement/movements',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Plan a movement: legs, seats, escorts',
        body: CreateMovementSchema,
        response: { 201: MovementViewSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.code(201).send(await getMovement(ctx, await createMovement(ctx, request.body)));
    },
  );
  r.get(
    '/api/resettlement/movements/:id',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags,
        summary: 'A movement with its bookings and boarding',
        params: IdParamsSchema,
        response: { 200: MovementViewSchema },
      },
    },
    async (request) => getMovement(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/resettlement/movements/:id',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Change or cancel a planned movement',
        params: IdParamsSchema,
        body: UpdateMovementSchema,
        response: { 200: MovementViewSchema },
      },
    },
    async (request) => changeMovement(updateMovement)(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/resettlement/movements/:id/bookings',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Book a household (validities, escort and seats checked)',
        params: IdParamsSchema,
        body: BookHouseholdSchema,
        response: { 201: MovementViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await changeMovement(bookHousehold)(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/resettlement/movements/:id/bookings/:childId/cancel',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Unbook a household, with a reason',
        params: ChildParams,
        body: CancelBookingSchema,
        response: { 200: MovementViewSchema },
      },
    },
    async (request) =>
      changeMovement((ctx, id, body: z.output<typeof CancelBookingSchema>) =>
        cancelBooking(ctx, id, request.params.childId, body),
      )(ctxOf(request), request.params.id, request.body),
  );
  r.put(
    '/api/resettlement/movements/:id/boarding',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Record boarding on departure day (no-shows back with a reason)',
        params: IdParamsSchema,
        body: BoardingSchema,
        response: { 200: MovementViewSchema },
      },
    },
    async (request) => changeMovement(recordBoarding)(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/resettlement/movements/:id/arrival',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Record the arrival',
        params: IdParamsSchema,
        body: ArrivalSchema,
        response: { 200: MovementViewSchema },
      },
    },
    async (request) => changeMovement(recordArrival)(ctxOf(request), request.params.id, request.body),
  );
  for (const format of ['pdf', 'xlsx'] as const)
    r.get(
      `/api/resettlement/movements/:id/manifest.${format}`,
      {
        config: { permission: 'resettlement.read' },
        schema: {
          tags,
          summary: `The manifest as ${format.toUpperCase()} (audited; ?numbers=full needs manifests.reveal)`,
          params: IdParamsSchema,
          querystring: ManifestQuerySchema,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await printManifest(ctxOf(request), deps.cipher, request.params.id, format, request.query.numbers),
        ),
    );
  // ---- handover and the reception partner's link (ADR 0018) ---------------------------------------
  r.post(
    '/api/cases/:id/resettlement/handover',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary:
          'Handed over to reception services: the case closes (with a link for the reception partner, if asked)',
        params: IdParamsSchema,
        body: HandoverSchema,
        response: { 200: HandoverResultSchema },
      },
    },
    async (request) => handOver(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/resettlement/reception-links',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary:
          'Issue a link for the reception partner (the previous one stops working); its path is given once',
        params: IdParamsSchema,
        body: ReceptionLinkInputSchema,
        response: { 201: ReceptionLinkIssuedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await issueReceptionLink(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/cases/:id/resettlement/reception-links/:childId/revoke',
    {
      config: { permission: 'resettlement.write' },
      schema: {
        tags,
        summary: 'Revoke a reception link',
        params: ChildParams,
        response: { 200: HouseholdViewSchema },
      },
    },
    async (request) =>
      changeHousehold((ctx, caseId) => revokeReceptionLink(ctx, caseId, request.params.childId))(
        ctxOf(request),
        request.params.id,
        undefined,
      ),
  );

  // The reception partner has no account: the link's token is its only credential.
  const receptionLimit = { max: 60, timeWindow: '1 minute' };
  r.get(
    '/api/reception/:token',
    {
      config: { public: true, sessionless: true, rateLimit: receptionLimit },
      schema: {
        tags,
        summary: 'What the reception partner sees through its link: the arrival section (audited)',
        params: ReceptionTokenParamsSchema,
        response: { 200: ReceptionPartnerViewSchema },
      },
    },
    async (request) => receptionView(requestCtx(request, deps), request.params.token),
  );
  r.post(
    '/api/reception/:token/confirm',
    {
      config: { public: true, sessionless: true, rateLimit: receptionLimit },
      schema: {
        tags,
        summary: 'The reception partner confirms it received the household (audited)',
        params: ReceptionTokenParamsSchema,
        body: ReceptionConfirmSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await confirmReception(requestCtx(request, deps), request.params.token, request.body);
      return { ok: true as const };
    },
  );

  // ---- the list of orientation sessions (a read of the household page, in its own file) ----
  orientationListRoutes(app, deps);
}
