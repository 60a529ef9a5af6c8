import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../platform/contract';
import { actorCtx, type ServerDeps } from '../../server/context';
import { ProjectSchema } from './contract';
import { getProject, projectsInScope } from './queries';

export function projectsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/projects',
    {
      config: { permission: 'projects.read' },
      schema: {
        tags: ['projects'],
        summary: 'Projects run by the offices in scope',
        response: { 200: z.object({ items: z.array(ProjectSchema) }) },
      },
    },
    async (request) => projectsInScope(actorCtx(request, deps)),
  );
  r.get(
    '/api/projects/:id',
    {
      config: { permission: 'projects.read' },
      schema: {
        tags: ['projects'],
        summary: 'One project (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: ProjectSchema },
      },
    },
    async (request) => getProject(actorCtx(request, deps), request.params.id),
  );
}
