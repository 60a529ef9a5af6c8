import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../../platform/contract';
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
import { currentUser, getUser, listOffices, listUsers } from './queries';
import { resetPassword, unlockUser } from './reset-password';
import { DEVICE_COOKIE, deviceCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { login, logout } from './sessions';
import { setMemberships } from './set-memberships';
import { updateUser } from './update-user';

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
    async (request) => currentUser(actorCtx(request, deps), request.csrfToken ?? ''),
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
    async (request) => listOffices(actorCtx(request, deps)),
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
    async (request) => listUsers(actorCtx(request, deps), request.query),
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
    async (request) => getUser(actorCtx(request, deps), request.params.id),
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
