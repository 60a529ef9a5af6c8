/**
 * Authentication, authorisation and CSRF for every route, deny by default.
 * A route declares `config.public`, `config.authenticated` or `config.permission`; a route declaring
 * none makes the server refuse to start.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { resolveSession, SESSION_COOKIE } from '../modules/identity';
import { can } from '../platform/actor';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { requestCtx, type ServerDeps } from './context';

export class UnguardedRouteError extends Error {}

/**
 * Registered before any route. Routes are collected as they are added and checked when the server
 * becomes ready (a plugin may still complete a route's config in its own onRoute hook): one route
 * without a declaration and `ready()` fails, so the server does not start.
 */
export function guardRouteDeclarations(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  registeredRoutes.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of routes) {
      const config = (route.config ?? {}) as {
        public?: boolean;
        permission?: string;
        authenticated?: boolean;
      };
      const declared = [
        config.public === true,
        config.authenticated === true,
        config.permission !== undefined,
      ];
      if (declared.filter(Boolean).length !== 1) {
        throw new UnguardedRouteError(
          `Route ${String(route.method)} ${route.url} must declare exactly one of config.public, config.authenticated or config.permission`,
        );
      }
    }
  });
}

const registeredRoutes = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Every route of the app with its access declaration (the access test walks them all). */
export function routeCatalog(
  app: FastifyInstance,
): { method: string; url: string; config: RouteOptions['config']; schema: RouteOptions['schema'] }[] {
  return (registeredRoutes.get(app) ?? []).flatMap((r) =>
    (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
      method: String(method),
      url: r.url,
      config: r.config,
      schema: r.schema,
    })),
  );
}

/** Marks every route of a plugin scope public (for third-party plugins such as the API docs). */
export function markScopePublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(request: FastifyRequest): boolean {
  // Browsers send Origin on cross-origin and on all POST requests; when present it must be ours.
  const origin = request.headers.origin;
  if (origin) {
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function authentication(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'fr');

  const policy = {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteMinutes: deps.config.sessionAbsoluteMinutes,
    maxFailures: deps.config.loginMaxFailures,
    lockMinutes: deps.config.loginLockMinutes,
  };

  // onRequest: before the body is even parsed, so nothing about a route (not its schema) leaks to
  // someone who may not call it.
  app.addHook('onRequest', async (request) => {
    // Unknown routes answer 404 whoever asks.
    if (request.is404) return;
    const config = request.routeOptions.config;
    const routeUrl = request.routeOptions.url;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !sameOrigin(request)) throw new AppError('csrf_failed');
    if (config.public && config.sessionless) return;

    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const session = await resolveSession(deps.database.db, deps.clock, policy, token);
      if (session === 'expired') expired = true;
      else if (session !== 'none') {
        request.actor = session.actor;
        request.mustChangePassword = session.me.user.mustChangePassword;
        request.sessionTokenHash = session.tokenHash;
        request.csrfToken = session.csrfToken;
      }
    }
    // With a session, every state-changing request carries the session's CSRF token (sign-in excepted:
    // it creates the session and is covered by SameSite and the Origin check).
    if (
      unsafe &&
      request.actor &&
      routeUrl !== '/api/auth/login' &&
      request.headers['x-csrf-token'] !== request.csrfToken
    ) {
      throw new AppError('csrf_failed');
    }
    if (config.public) return;
    if (!request.actor) throw new AppError(expired ? 'session_expired' : 'unauthenticated');
    // A temporary password (set by an administrator, known to them) opens nothing but the way to change
    // it: enforced here for every client, not only by the web app's redirect.
    if (request.mustChangePassword && !config.whilePasswordTemporary)
      throw new AppError('password_change_required');
    if (config.authenticated) return;
    const permission = config.permission;
    if (!permission || !can(request.actor, permission)) {
      await deps.database.db.transaction((tx) =>
        recordAudit(tx, requestCtx(request, deps), {
          action: 'access.denied',
          metadata: {
            permission: permission ?? null,
            method: request.method,
            route: routeUrl ?? request.url,
          },
        }),
      );
      throw new AppError('forbidden');
    }
  });
}
