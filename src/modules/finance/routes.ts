import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../platform/contract';
import { CurrencySchema } from '../../platform/money';
import { actorCtx, type ServerDeps } from '../../server/context';
import {
  addBudgetLine,
  changeAllowance,
  changeBudgetLine,
  exchangeRatesOf,
  projectBudget,
  setExchangeRate,
} from './budget';
import {
  CreateBudgetLineSchema,
  ExchangeRateSchema,
  ProjectBudgetSchema,
  SetAllowanceSchema,
  SetExchangeRateSchema,
  UpdateBudgetLineSchema,
} from './contract';

const tags = ['budgets'];

export function financeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.get(
    '/api/projects/:id/budget',
    {
      config: { permission: 'budgets.read' },
      schema: {
        tags,
        summary: 'Budget lines with committed, delivered and remaining amounts; the per-person allowance',
        params: IdParamsSchema,
        response: { 200: ProjectBudgetSchema },
      },
    },
    async (request) => projectBudget(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/projects/:id/budget-lines',
    {
      config: { permission: 'projects.manage' },
      schema: {
        tags,
        summary: 'Add a budget line (owning office)',
        params: IdParamsSchema,
        body: CreateBudgetLineSchema,
        response: { 201: ProjectBudgetSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addBudgetLine(ctxOf(request), request.params.id, request.body)),
  );

  r.patch(
    '/api/budget-lines/:id',
    {
      config: { permission: 'projects.manage' },
      schema: {
        tags,
        summary: 'Change a budget line’s label or amount',
        params: IdParamsSchema,
        body: UpdateBudgetLineSchema,
        response: { 200: ProjectBudgetSchema },
      },
    },
    async (request) => changeBudgetLine(ctxOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/projects/:id/allowance',
    {
      config: { permission: 'projects.manage' },
      schema: {
        tags,
        summary: 'Set (or clear) the per-person reintegration allowance',
        params: IdParamsSchema,
        body: SetAllowanceSchema,
        response: { 200: ProjectBudgetSchema },
      },
    },
    async (request) => changeAllowance(ctxOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/exchange-rates',
    {
      config: { permission: 'budgets.read' },
      schema: {
        tags,
        summary: 'Dated exchange rates (euros per unit), newest first per currency',
        querystring: z.strictObject({ currency: CurrencySchema.optional() }),
        response: { 200: z.object({ items: z.array(ExchangeRateSchema) }) },
      },
    },
    async (request) => exchangeRatesOf(ctxOf(request), request.query.currency),
  );

  r.put(
    '/api/exchange-rates',
    {
      config: { permission: 'projects.manage' },
      schema: {
        tags,
        summary: 'Record the rate of a currency on a day',
        body: SetExchangeRateSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await setExchangeRate(ctxOf(request), request.body);
      return { ok: true as const };
    },
  );
}
