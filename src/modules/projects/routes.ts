import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../platform/actor';
import { IdParamsSchema } from '../../platform/contract';
import { notFound } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
import { ProjectSchema } from './contract';
import { findProject, listProjects } from './repository';

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
    async (request) => {
      const ctx = actorCtx(request, deps);
      return { items: await listProjects(ctx.db, scopeOf(ctx.actor, 'projects.read')) };
    },
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
    async (request) => {
      const ctx = actorCtx(request, deps);
      const project = await findProject(ctx.db, scopeOf(ctx.actor, 'projects.read'), request.params.id);
      if (!project) throw notFound();
      return project;
    },
  );
}
