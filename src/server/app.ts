/** Fastify composition only: plugins, hooks, module routes. No business logic here. */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type Config, resolveEncryptionKey } from '../config';
import type { Database } from '../db/client';
import { activitiesRoutes } from '../modules/activities';
import { auditRoutes } from '../modules/audit';
import { type AttachmentScanner, acceptAll, casesRoutes } from '../modules/cases';
import { contentRoutes, siteSource } from '../modules/content';
import { employmentRoutes } from '../modules/employment';
import { financeRoutes } from '../modules/finance';
import { identityRoutes } from '../modules/identity';
import { indicatorsRoutes } from '../modules/indicators';
import { projectsRoutes } from '../modules/projects';
import { referralsRoutes } from '../modules/referrals';
import { registryRoutes } from '../modules/registry';
import { reintegrationRoutes } from '../modules/reintegration';
import { createExportWorker, exportRootOf, reportingRoutes, tidyExports } from '../modules/reporting';
import { resettlementRoutes } from '../modules/resettlement';
import { type Clock, systemClock } from '../platform/clock';
import { AppError } from '../platform/errors';
import { createFieldCipher, type FieldCipher } from '../platform/field-crypto';
import { negotiateLanguage } from '../platform/i18n';
import type { Reactions } from '../platform/reactions';
import { VERSION } from '../platform/version';
import { type SiteSource, siteRoutes } from '../site';
import { AdmissionQueue, admission } from './admission';
import { authentication, guardRouteDeclarations, markScopePublic } from './auth';
import type { ServerDeps } from './context';
import { healthRoutes } from './health';
import {
  clientErrorHandler,
  isDataException,
  isServerError,
  MAX_URL_LENGTH,
  sendProblem,
  toAppError,
} from './problem';
import { systemCtx, wireReactions } from './reactions';
import './types';

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type BuildAppOptions = {
  database: Database;
  config: Config;
  clock?: Clock;
  logger?: boolean;
  cipher?: FieldCipher;
  /** Virus-scan hook for uploaded files (default: accept). */
  attachmentScanner?: AttachmentScanner;
  /** Cross-module reactions (default: every module's, as `wireReactions` lists them). */
  reactions?: Reactions;
  /** What the public site reads (default: the content module's published content on this database). */
  siteSource?: SiteSource;
};

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const deps: ServerDeps = {
    database: options.database,
    config,
    clock: options.clock ?? systemClock,
    reactions: options.reactions ?? wireReactions(),
    cipher: options.cipher ?? createFieldCipher(resolveEncryptionKey(config)),
    attachments: {
      root: path.join(config.dataDir, 'attachments'),
      maxBytes: config.attachmentMaxBytes,
      scanner: options.attachmentScanner ?? acceptAll,
    },
    reportExports: { kick() {}, idle: async () => {} },
  };
  const exportRoot = exportRootOf(config.dataDir);
  const exportCtx = () => systemCtx(deps.database.db, deps.clock, 'fr');
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Query strings are parsed flat; unknown keys are refused by strict schemas.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors raised before routing (bad percent-encoding...) follow the problem+json contract too.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(request, reply, toAppError(error, request, config.bodyLimitBytes));
    },
    // Requests Node refuses before Fastify sees them (headers over 16 KiB, garbage) answer problem+json too.
    clientErrorHandler,
  });
  // Report exports are made in the background, in this process; queued ones resume at start-up.
  deps.reportExports = createExportWorker(
    exportCtx,
    { cipher: deps.cipher, root: exportRoot, iatiOrganisation: config.iatiOrganisation },
    (error) => app.log.error({ err: error }, 'report export failed'),
  );
  app.addHook('onReady', async () => {
    await tidyExports(exportCtx(), exportRoot).catch((error) =>
      app.log.error({ err: error }, 'report export tidy failed'),
    );
    deps.reportExports.kick();
  });
  app.addHook('onClose', async () => deps.reportExports.idle());
  // JSON only: text/plain is what a cross-site form can send without a preflight.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, request, config.bodyLimitBytes);
    if (isServerError(appError)) request.log.error({ err: error }, 'request failed');
    else if (isDataException(error))
      request.log.warn({ err: error }, 'the database refused a value the contract let through');
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AppError('route_not_found', {
        params: { method: request.method, url: request.url.split('?')[0] ?? '' },
      }),
    ),
  );

  // The reader's language first: every answer from here on, a 503 from the line included, speaks it.
  app.addHook('onRequest', async (request) => {
    request.lang = negotiateLanguage(request.headers['accept-language']);
  });
  app.addHook('onRequest', async (request) => {
    // Node's own limit (16 KiB for the request line and headers together) answers in clientErrorHandler;
    // an address this long is never one of ours, so it stops here before any routing or lookup.
    if (request.url.length > MAX_URL_LENGTH) throw new AppError('request_header_too_large');
  });
  app.addHook('onSend', async (request, reply) => {
    // API answers carry personal data: no browser, proxy or shared cache may keep them.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  guardRouteDeclarations(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects CSS variables at run time
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  // One file per request, nothing else; larger files are cut and refused (413).
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
  });
  app.addHook('onRequest', async (request) => {
    // Read the header: the plugin only marks a request multipart once its body is being parsed.
    const multipart = /^multipart\//i.test(request.headers['content-type'] ?? '');
    if (multipart && !request.routeOptions.config.multipart) throw new AppError('unsupported_media_type');
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Passerelle API',
        version: VERSION,
        description:
          'Case management for migration-assistance programmes. Sign in with POST /api/auth/login; send the ' +
          'csrfToken of GET /api/auth/me as the x-csrf-token header on every state-changing request. Errors are ' +
          'RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'passerelle_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    // The API description holds no data: readable without a session.
    markScopePublic(docs);
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    });
  });

  // Before authentication: resolving the session is database work too, and waits its turn.
  admission(
    app,
    new AdmissionQueue({ concurrency: config.maxConcurrentRequests, maxWaitMs: config.maxQueueWaitMs }),
  );
  authentication(app, deps);
  healthRoutes(app, deps);
  identityRoutes(app, deps);
  projectsRoutes(app, deps);
  registryRoutes(app, deps);
  casesRoutes(app, deps);
  referralsRoutes(app, deps);
  financeRoutes(app, deps);
  reintegrationRoutes(app, deps);
  resettlementRoutes(app, deps);
  employmentRoutes(app, deps);
  activitiesRoutes(app, deps);
  indicatorsRoutes(app, deps);
  reportingRoutes(app, deps);
  contentRoutes(app, deps);
  auditRoutes(app, deps);
  const site = siteRoutes(app, {
    source: options.siteSource ?? siteSource(deps.database.db, deps.clock, deps.attachments),
    clock: deps.clock,
    config,
  });
  // The site's page cache forgets every page when content changes in this process (the other processes'
  // caches catch up within their pages' short lifetime).
  deps.reactions.contentChanged.push(async () => site.invalidate());
  await registerWebApp(app);
  return app;
}

/** Serves the built single-page app; any other GET outside /api falls back to its index.html. */
async function registerWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: webDist, serve: false });
  const indexHtml = path.join(webDist, 'index.html');
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const urlPath = decodeURIComponent((request.url.split('?')[0] ?? '/').slice(1));
    if (urlPath === 'api' || urlPath.startsWith('api/')) {
      throw new AppError('route_not_found', { params: { method: request.method, url: `/${urlPath}` } });
    }
    const file = path.resolve(webDist, urlPath);
    if (file.startsWith(webDist + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      // Vite fingerprints assets: cache them for a year; never cache index.html.
      return reply.sendFile(urlPath, {
        maxAge: urlPath.startsWith('assets/') ? '365d' : 0,
        immutable: urlPath.startsWith('assets/'),
      });
    }
    if (!fs.existsSync(indexHtml)) {
      return reply.code(503).type('text/plain').send('The web app is not built: run `npm run build`.');
    }
    return reply.header('cache-control', 'no-store').sendFile('index.html');
  });
}
