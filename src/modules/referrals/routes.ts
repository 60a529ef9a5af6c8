import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { IdParamsSchema } from '../../platform/contract';
import { notFound } from '../../platform/errors';
import { actorCtx, requestCtx, type ServerDeps } from '../../server/context';
import { findVisibleCase } from '../cases';
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
import {
  issuePartnerLink,
  partnerAnswer,
  partnerMessage,
  partnerView,
  revokePartnerLink,
} from './partner-links';
import * as repo from './repository';
import { acceptReferral, declineReferral, notifyOverdue, postMessage, revokeReferral } from './respond';
import { referralTargets, sendReferral } from './send-referral';
import { referralDetail, summaryFor } from './views';

const tags = ['referrals'];
const Ok = z.object({ ok: z.literal(true) });
const LinkDaysSchema = z.strictObject({ validDays: z.number().int().min(1).max(90).default(30) });

/** The referral as this actor may see it; every read is audited (it may carry shared personal data). */
async function readReferral(ctx: ActorCtx, id: string) {
  const r = await repo.findReferral(ctx.db, ctx.actor, id);
  if (!r) throw notFound();
  const now = ctx.clock.now();
  const detail = await referralDetail(ctx.db, ctx.actor, r, now);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'referral.viewed',
      officeId: detail.side === 'sender' ? r.row.fromOfficeId : r.row.toOfficeId,
      recordType: 'referral',
      recordId: id,
      metadata: {
        caseId: r.row.caseId,
        side: detail.side,
        sections: detail.shared ? Object.keys(detail.shared) : [],
        progress: detail.progress !== null,
      },
    }),
  );
  return detail;
}

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
      const ctx = ctxOf(request);
      const { referralId, partnerPath } = await sendReferral(ctx, request.params.id, request.body);
      const found = await repo.findReferral(ctx.db, ctx.actor, referralId);
      if (!found) throw notFound();
      reply.code(201);
      return { referral: summaryFor(ctx.actor, found, ctx.clock.now()), partnerPath };
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
    async (request) => {
      const ctx = ctxOf(request);
      if (!(await findVisibleCase(ctx.db, ctx.actor, request.params.id))) throw notFound();
      const now = ctx.clock.now();
      const rows = await repo.referralsOfCase(ctx.db, ctx.actor, request.params.id);
      return { items: rows.map((row) => summaryFor(ctx.actor, row, now)) };
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      const found = await findVisibleCase(ctx.db, ctx.actor, request.params.id, 'cases.write');
      if (!found || !can(ctx.actor, 'referrals.send', found.row.owningOfficeId)) throw notFound();
      return { items: await referralTargets(ctx, [found.row.owningOfficeId]) };
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      const now = ctx.clock.now();
      const { overdue, ...query } = request.query;
      const rows = await repo.listReferrals(ctx.db, ctx.actor, {
        ...query,
        overdueAt: overdue ? now : undefined,
      });
      return { items: rows.map((row) => summaryFor(ctx.actor, row, now)) };
    },
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
    async (request) => readReferral(ctxOf(request), request.params.id),
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
    async (request) => {
      const ctx = ctxOf(request);
      await acceptReferral(ctx, request.params.id, request.body);
      return summaryAfter(ctx, request.params.id);
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      await declineReferral(ctx, request.params.id, request.body.reason);
      return summaryAfter(ctx, request.params.id);
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      await revokeReferral(ctx, request.params.id, request.body.reason);
      return summaryAfter(ctx, request.params.id);
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      await notifyOverdue(ctx);
      const { items, unread } = await repo.notificationsOf(ctx.db, ctx.actor.userId, request.query.limit);
      return {
        unread,
        items: items.map((n) => ({
          id: n.row.id,
          kind: n.row.kind as z.infer<typeof NotificationListSchema>['items'][number]['kind'],
          referralId: n.row.referralId,
          referralReference: n.referralReference,
          officeCode: n.officeCode,
          createdAt: n.row.createdAt.toISOString(),
          read: n.row.readAt !== null,
        })),
      };
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      return {
        marked: await repo.markNotificationsRead(ctx.db, ctx.actor.userId, ctx.clock.now(), request.body.id),
      };
    },
  );
}

async function summaryAfter(ctx: ActorCtx, id: string) {
  const found = await repo.findReferral(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return summaryFor(ctx.actor, found, ctx.clock.now());
}
