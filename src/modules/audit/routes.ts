import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorCtx, type ServerDeps } from '../../server/context';
import { AuditPageSchema, AuditQuerySchema } from './contract';
import { searchAudit } from './search';

export function auditRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first; pass nextBefore as before for older events)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => searchAudit(actorCtx(request, deps), request.query),
  );
}
