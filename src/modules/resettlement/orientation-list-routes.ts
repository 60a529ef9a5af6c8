/**
 * The list of a project's orientation sessions: the one read the household page needs besides those of
 * routes.ts (to mark members at a session held for several households), kept apart from them.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../platform/contract';
import { actorCtx, type ServerDeps } from '../../server/context';
import { OrientationSessionViewSchema } from './contract';
import { listOrientationSessions } from './orientation-list';

export function orientationListRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/resettlement/orientation-sessions',
    {
      config: { permission: 'resettlement.read' },
      schema: {
        tags: ['resettlement'],
        summary: 'A project’s orientation sessions, the latest first',
        querystring: z.strictObject({ projectId: UuidSchema }),
        response: { 200: z.object({ items: z.array(OrientationSessionViewSchema) }) },
      },
    },
    async (request) => listOrientationSessions(actorCtx(request, deps), request.query.projectId),
  );
}
