import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/actor';
import { actorCtx, type ServerDeps } from '../../server/context';
import { AuditPageSchema, AuditQuerySchema } from './contract';
import { searchAuditEvents } from './repository';
import { withholdBeneficiaryData } from './withhold';

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
    async (request) => {
      const ctx = actorCtx(request, deps);
      const items = withholdBeneficiaryData(
        ctx.actor,
        await searchAuditEvents(ctx.db, scopeOf(ctx.actor, 'audit.read'), request.query),
      );
      const last = items.at(-1);
      return { items, nextBefore: items.length === request.query.limit && last ? last.seq : null };
    },
  );
}
