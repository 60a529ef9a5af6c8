import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../platform/contract';
import { actorCtx, type ServerDeps } from '../../server/context';
import { IndicatorQuerySchema, ProjectIndicatorsSchema } from './contract';
import { projectIndicators } from './project-indicators';

export function indicatorsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/projects/:id/indicators',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags: ['reports'],
        summary:
          'Project indicators: persons against target (disaggregated), reintegration, employment, trainings, campaigns',
        params: IdParamsSchema,
        querystring: IndicatorQuerySchema,
        response: { 200: ProjectIndicatorsSchema },
      },
    },
    async (request) => projectIndicators(actorCtx(request, deps), request.params.id, request.query),
  );
}
