import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../platform/actor';
import { IdParamsSchema, ProblemSchema } from '../../platform/contract';
import { notFound } from '../../platform/errors';
import { actorCtx, requestCtx, type ServerDeps } from '../../server/context';
import { changePassword } from './change-password';
import {
  ApproveMembershipRequestSchema,
  ChangePasswordSchema,
  CreateOfficeSchema,
  CreateUserSchema,
  LoginRequestSchema,
  MembershipRequestListQuerySchema,
  MembershipRequestSchema,
  MeSchema,
  OfficeSchema,
  RejectMembershipRequestSchema,
  SetMembershipsSchema,
  UpdateOfficeSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserSchema,
  UserWithPasswordSchema,
} from './contract';
import { createUser } from './create-user';
import { createOffice, updateOffice } from './manage-offices';
import {
  approveMembershipRequest,
  cancelMembershipRequest,
  listMembershipRequests,
  rejectMembershipRequest,
} from './membership-requests';
import * as repo from './repository';
import { resetPassword, unlockUser } from './reset-password';
import { DEVICE_COOKIE, deviceCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { buildMe, login, logout } from './sessions';
import { setMemberships } from './set-memberships';
import { updateUser } from './update-user';
import { userView, userViews } from './user-views';

// Bodiless POSTs arrive as null or undefined; an empty object is accepted too.
const EmptyBody = z.strictObject({}).nullish();

export function identityRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteMinutes: deps.config.sessionAbsoluteMinutes,
    maxFailures: deps.config.loginMaxFailures,
    lockMinutes: deps.config.loginLockMinutes,
  };

  r.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginRequestSchema,
        response: { 200: MeSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const result = await login(requestCtx(request, deps), policy, request.body, {
        userAgent: request.headers['user-agent'] ?? null,
        deviceToken: request.cookies[DEVICE_COOKIE] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(deps.config));
      reply.setCookie(DEVICE_COOKIE, result.deviceToken, deviceCookieOptions(deps.config));
      return result.me;
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out', body: EmptyBody } },
    async (request, reply) => {
      if (request.sessionTokenHash) await logout(requestCtx(request, deps), request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { authenticated: true, whilePasswordTemporary: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, memberships and permissions',
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const ctx = actorCtx(request, deps);
      const user = await repo.findUserById(ctx.db, ctx.actor.userId);
      if (!user) throw notFound();
      const memberships = (await repo.membershipsOf(ctx.db, [user.id])).get(user.id) ?? [];
      return buildMe(user, memberships, request.csrfToken ?? '');
    },
  );

  r.post(
    '/api/auth/change-password',
    {
      config: { authenticated: true, whilePasswordTemporary: true },
      schema: { tags: ['auth'], summary: 'Change one’s own password', body: ChangePasswordSchema },
    },
    async (request, reply) => {
      await changePassword(actorCtx(request, deps), {
        ...request.body,
        keepSession: request.sessionTokenHash ?? '',
      });
      return reply.code(204).send();
    },
  );

  // ---- offices ----
  r.get(
    '/api/offices',
    {
      config: { permission: 'offices.read' },
      schema: {
        tags: ['offices'],
        summary: 'The office directory',
        response: { 200: z.object({ items: z.array(OfficeSchema) }) },
      },
    },
    async (request) => ({ items: (await repo.listOffices(actorCtx(request, deps).db)).map(repo.toOffice) }),
  );
  r.post(
    '/api/offices',
    {
      config: { permission: 'offices.manage' },
      schema: {
        tags: ['offices'],
        summary: 'Create an office',
        body: CreateOfficeSchema,
        response: { 201: OfficeSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createOffice(actorCtx(request, deps), request.body)),
  );
  r.patch(
    '/api/offices/:id',
    {
      config: { permission: 'offices.manage' },
      schema: {
        tags: ['offices'],
        summary: 'Edit an office (optimistic concurrency on version)',
        params: IdParamsSchema,
        body: UpdateOfficeSchema,
        response: { 200: OfficeSchema },
      },
    },
    async (request) =>
      updateOffice(actorCtx(request, deps), { officeId: request.params.id, ...request.body }),
  );

  // ---- users ----
  r.get(
    '/api/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: ['users'],
        summary: 'Accounts holding a role in the offices in scope',
        querystring: UserListQuerySchema,
        response: { 200: z.object({ items: z.array(UserSchema) }) },
      },
    },
    async (request) => {
      const ctx = actorCtx(request, deps);
      const rows = await repo.listUsers(ctx.db, scopeOf(ctx.actor, 'users.read'), request.query);
      return { items: await userViews(ctx.db, rows) };
    },
  );
  r.get(
    '/api/users/:id',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: ['users'],
        summary: 'One account',
        params: IdParamsSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      const ctx = actorCtx(request, deps);
      const row = await repo.findVisibleUser(ctx.db, scopeOf(ctx.actor, 'users.read'), request.params.id);
      if (!row) throw notFound();
      return userView(ctx.db, row);
    },
  );
  r.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create an account (a temporary password is returned once if none is given)',
        body: CreateUserSchema,
        response: { 201: UserWithPasswordSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(actorCtx(request, deps), request.body)),
  );
  r.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Edit or disable an account',
        params: IdParamsSchema,
        body: UpdateUserSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(actorCtx(request, deps), { userId: request.params.id, ...request.body }),
  );
  r.put(
    '/api/users/:id/memberships',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Replace the roles an account holds per office',
        params: IdParamsSchema,
        description:
          'A change that would give an administrator account a role reading beneficiaries’ data (or such an ' +
          'account the administrator role) is not applied: it waits for another administrator (202, the ' +
          'account with `pendingMembershipChange`).',
        body: SetMembershipsSchema,
        response: { 200: UserSchema, 202: UserSchema },
      },
    },
    async (request, reply) => {
      const result = await setMemberships(actorCtx(request, deps), {
        userId: request.params.id,
        ...request.body,
      });
      return reply.code(result.pending ? 202 : 200).send(result.user);
    },
  );
  r.get(
    '/api/membership-requests',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Changes of roles waiting for (or decided by) a second administrator',
        querystring: MembershipRequestListQuerySchema,
        response: { 200: z.object({ items: z.array(MembershipRequestSchema) }) },
      },
    },
    async (request) => ({ items: await listMembershipRequests(actorCtx(request, deps), request.query) }),
  );
  r.post(
    '/api/membership-requests/:id/approve',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Approve a change of roles another administrator asked for (applies it)',
        params: IdParamsSchema,
        body: ApproveMembershipRequestSchema.nullish(),
        response: { 200: MembershipRequestSchema },
      },
    },
    async (request) =>
      approveMembershipRequest(actorCtx(request, deps), request.params.id, request.body ?? {}),
  );
  r.post(
    '/api/membership-requests/:id/reject',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Reject a change of roles another administrator asked for, with a reason',
        params: IdParamsSchema,
        body: RejectMembershipRequestSchema,
        response: { 200: MembershipRequestSchema },
      },
    },
    async (request) => rejectMembershipRequest(actorCtx(request, deps), request.params.id, request.body),
  );
  r.post(
    '/api/membership-requests/:id/cancel',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Withdraw a change of roles one asked for',
        params: IdParamsSchema,
        body: EmptyBody,
        response: { 200: MembershipRequestSchema },
      },
    },
    async (request) => cancelMembershipRequest(actorCtx(request, deps), request.params.id),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Issue a temporary password (shown once)',
        params: IdParamsSchema,
        body: EmptyBody,
        response: { 200: UserWithPasswordSchema },
      },
    },
    async (request) => resetPassword(actorCtx(request, deps), request.params.id),
  );
  r.post(
    '/api/users/:id/unlock',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Lift the delays on sign-ins to an account (after failed attempts)',
        params: IdParamsSchema,
        body: EmptyBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => unlockUser(actorCtx(request, deps), request.params.id),
  );
}
