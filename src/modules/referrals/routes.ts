import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../platform/contract';
import { actorCtx, requestCtx, type ServerDeps } from '../../server/context';
import {
  AcceptSchema,
  DashboardSchema,
  DeclineSchema,
  MessageInputSchema,
  NotificationListSchema,
  PartnerLinkResultSchema,
  PartnerTokenParamsSchema,
  PartnerViewSchema,
  ReferralDetailSchema,
  ReferralListQuerySchema,
  ReferralListSchema,
  ReferralSummarySchema,
  ReferralTargetSchema,
  RevokeSchema,
  SendReferralResultSchema,
  SendReferralSchema,
} from './contract';
import { dashboardView } from './dashboard';
import { getReferral, listReferrals, referralsOfCase, referralTargetsOfCase } from './get-referral';
import { markNotificationsRead, myNotifications } from './my-notifications';
import {
  issuePartnerLink,
  partnerAnswer,
  partnerMessage,
  partnerView,
  revokePartnerLink,
} from './partner-links';
import { acceptReferral, declineReferral, postMessage, revokeReferral } from './respond';
import { sendReferral } from './send-referral';

const tags = ['referrals'];
const Ok = z.object({ ok: z.literal(true) });
const LinkDaysSchema = z.strictObject({ validDays: z.number().int().min(1).max(90).default(30) });

export function referralsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.post(
    '/api/cases/:id/referrals',
    {
      config: { permission: 'referrals.send' },
      schema: {
        tags,
        summary: 'Refer (share) or transfer (move) a case to another office or a partner',
        params: IdParamsSchema,
        body: SendReferralSchema,
        response: { 201: SendReferralResultSchema },
      },
    },
    async (request, reply) => {
      const { referral, partnerPath } = await sendReferral(ctxOf(request), request.params.id, request.body);
      reply.code(201);
      return { referral, partnerPath };
    },
  );

  r.get(
    '/api/cases/:id/referrals',
    {
      config: { permission: 'referrals.read' },
      schema: {
        tags,
        summary: 'Referrals and transfers of a case the actor can see',
        params: IdParamsSchema,
        response: { 200: ReferralListSchema },
      },
    },
    async (request) => referralsOfCase(ctxOf(request), request.params.id),
  );

  r.get(
    '/api/cases/:id/referral-targets',
    {
      config: { permission: 'referrals.send' },
      schema: {
        tags,
        summary: 'Offices this case can be referred or transferred to',
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(ReferralTargetSchema) }) },
      },
    },
    async (request) => referralTargetsOfCase(ctxOf(request), request.params.id),
  );

  r.get(
    '/api/referrals',
    {
      config: { permission: 'referrals.read' },
      schema: {
        tags,
        summary: 'Incoming or outgoing referrals of the actor’s offices',
        querystring: ReferralListQuerySchema,
        response: { 200: ReferralListSchema },
      },
    },
    async (request) => listReferrals(ctxOf(request), request.query),
  );

  r.get(
    '/api/referrals/dashboard',
    {
      config: { permission: 'referrals.read' },
      schema: {
        tags,
        summary: 'Pending, overdue, accepted and declined referrals per office; median time to answer',
        response: { 200: DashboardSchema },
      },
    },
    async (request) => dashboardView(ctxOf(request)),
  );

  r.get(
    '/api/referrals/:id',
    {
      config: { permission: 'referrals.read' },
      schema: {
        tags,
        summary:
          'A referral: summary, shared sections (receiver once accepted), progress (after a transfer), thread',
        params: IdParamsSchema,
        response: { 200: ReferralDetailSchema },
      },
    },
    async (request) => getReferral(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/referrals/:id/accept',
    {
      config: { permission: 'referrals.respond' },
      schema: {
        tags,
        summary: 'Accept (receiving office)',
        params: IdParamsSchema,
        body: AcceptSchema,
        response: { 200: ReferralSummarySchema },
      },
    },
    async (request) => acceptReferral(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/referrals/:id/decline',
    {
      config: { permission: 'referrals.respond' },
      schema: {
        tags,
        summary: 'Decline with a reason (receiving office)',
        params: IdParamsSchema,
        body: DeclineSchema,
        response: { 200: ReferralSummarySchema },
      },
    },
    async (request) => declineReferral(ctxOf(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/referrals/:id/revoke',
    {
      config: { permission: 'referrals.send' },
      schema: {
        tags,
        summary: 'Revoke a pending or accepted referral (sending office)',
        params: IdParamsSchema,
        body: RevokeSchema,
        response: { 200: ReferralSummarySchema },
      },
    },
    async (request) => revokeReferral(ctxOf(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/referrals/:id/messages',
    {
      config: { permission: 'referrals.read' },
      schema: {
        tags,
        summary: 'Post on the referral thread',
        params: IdParamsSchema,
        body: MessageInputSchema,
        response: { 201: Ok },
      },
    },
    async (request, reply) => {
      await postMessage(ctxOf(request), request.params.id, request.body.body);
      reply.code(201);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/referrals/:id/partner-link',
    {
      config: { permission: 'referrals.send' },
      schema: {
        tags,
        summary: 'Issue a new partner link (the previous one stops working)',
        params: IdParamsSchema,
        body: LinkDaysSchema,
        response: { 201: PartnerLinkResultSchema },
      },
    },
    async (request, reply) => {
      const result = await issuePartnerLink(ctxOf(request), request.params.id, request.body.validDays);
      reply.code(201);
      return result;
    },
  );

  r.post(
    '/api/referrals/:id/partner-link/revoke',
    {
      config: { permission: 'referrals.send' },
      schema: { tags, summary: 'Revoke the partner link', params: IdParamsSchema, response: { 200: Ok } },
    },
    async (request) => {
      await revokePartnerLink(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  // ---- partners without accounts: the token is the only credential -------------------------------
  const partnerLimit = { max: 60, timeWindow: '1 minute' };

  r.get(
    '/api/partner/:token',
    {
      config: { public: true, sessionless: true, rateLimit: partnerLimit },
      schema: {
        tags,
        summary: 'What a partner sees through its link',
        params: PartnerTokenParamsSchema,
        response: { 200: PartnerViewSchema },
      },
    },
    async (request) => partnerView(requestCtx(request, deps), request.params.token),
  );

  r.post(
    '/api/partner/:token/accept',
    {
      config: { public: true, sessionless: true, rateLimit: partnerLimit },
      schema: {
        tags,
        summary: 'The partner accepts',
        params: PartnerTokenParamsSchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await partnerAnswer(requestCtx(request, deps), request.params.token, { accept: true });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/partner/:token/decline',
    {
      config: { public: true, sessionless: true, rateLimit: partnerLimit },
      schema: {
        tags,
        summary: 'The partner declines, with a reason',
        params: PartnerTokenParamsSchema,
        body: DeclineSchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await partnerAnswer(requestCtx(request, deps), request.params.token, {
        accept: false,
        reason: request.body.reason,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/partner/:token/messages',
    {
      config: { public: true, sessionless: true, rateLimit: partnerLimit },
      schema: {
        tags,
        summary: 'The partner posts feedback',
        params: PartnerTokenParamsSchema,
        body: MessageInputSchema,
        response: { 201: Ok },
      },
    },
    async (request, reply) => {
      await partnerMessage(requestCtx(request, deps), request.params.token, request.body.body);
      reply.code(201);
      return { ok: true as const };
    },
  );

  // ---- notifications -----------------------------------------------------------------------------
  r.get(
    '/api/notifications',
    {
      config: { authenticated: true },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => myNotifications(ctxOf(request), request.query.limit),
  );

  r.post(
    '/api/notifications/read',
    {
      config: { authenticated: true },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification (or all) as read',
        body: z.strictObject({ id: z.uuid().optional() }),
        response: { 200: z.object({ marked: z.number() }) },
      },
    },
    async (request) => ({ marked: await markNotificationsRead(ctxOf(request), request.body.id) }),
  );
}
