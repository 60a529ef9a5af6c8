/**
 * The four routes of a record kind that is listed, opened, recorded and edited the same way:
 *
 *   GET   {path}       list    `read` permission   query string    200 `list.response`
 *   POST  {path}       create  `write` permission  body            201 `record`
 *   GET   {path}/:id   get     `read` permission                   200 `record` (404 when not found)
 *   PATCH {path}/:id   update  `write` permission  body            200 `record`
 *
 * Each route is still a plain Fastify route that declares its permission in `config.permission` and its
 * whole schema, so the access check, the validation and the OpenAPI description are those of the route
 * written out; only the wiring (context of the request, status code, 404) is shared. A route whose
 * handler does more than call one use case stays written out in its module.
 */
import type { FastifyInstance, FastifyRequest, FastifySchema, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import type { ActorCtx } from '../platform/actor';
import { IdParamsSchema } from '../platform/contract';
import { notFound } from '../platform/errors';
import type { Permission } from '../platform/permissions';
import { actorCtx, type ServerDeps } from './context';

type IdParams = z.output<typeof IdParamsSchema>;

export type RecordRoutes<
  RecordSchema extends z.ZodType,
  QuerySchema extends z.ZodType,
  ListSchema extends z.ZodType,
  CreateSchema extends z.ZodType,
  UpdateSchema extends z.ZodType,
> = {
  /** The collection, e.g. `/api/campaigns`; one record is at `{path}/:id`. */
  path: string;
  tags: string[];
  /** Required by the list and get routes. */
  read: Permission;
  /** Required by the create and update routes. */
  write: Permission;
  /** The record as the create, get and update routes answer it. */
  record: RecordSchema;
  list: {
    summary: string;
    querystring: QuerySchema;
    response: ListSchema;
    run: (ctx: ActorCtx, query: z.output<QuerySchema>) => Promise<z.output<ListSchema>>;
  };
  create: {
    summary: string;
    body: CreateSchema;
    run: (ctx: ActorCtx, body: z.output<CreateSchema>) => Promise<z.output<RecordSchema>>;
  };
  get: {
    summary: string;
    /** `undefined` answers 404, which is also the answer for a record outside the actor's scope. */
    run: (ctx: ActorCtx, id: string) => Promise<z.output<RecordSchema> | undefined>;
  };
  update: {
    summary: string;
    body: UpdateSchema;
    run: (ctx: ActorCtx, id: string, body: z.output<UpdateSchema>) => Promise<z.output<RecordSchema>>;
  };
};

/** Registers the list, create, get and update routes of a record kind, in that order. */
export function recordRoutes<
  RecordSchema extends z.ZodType,
  QuerySchema extends z.ZodType,
  ListSchema extends z.ZodType,
  CreateSchema extends z.ZodType,
  UpdateSchema extends z.ZodType,
>(
  app: FastifyInstance,
  deps: ServerDeps,
  kind: RecordRoutes<RecordSchema, QuerySchema, ListSchema, CreateSchema, UpdateSchema>,
): void {
  const { path, tags, read, write, record, list, create, get, update } = kind;
  const options = (permission: Permission, schema: FastifySchema): RouteShorthandOptions => ({
    config: { permission },
    schema: { tags, ...schema },
  });
  // Fastify cannot resolve the request types of generic schemas, hence the casts: the zod validator
  // compiler has parsed the query string, params and body against the schemas each route declares.
  const idOf = (request: FastifyRequest) => (request.params as IdParams).id;

  app.get(
    path,
    options(read, { summary: list.summary, querystring: list.querystring, response: { 200: list.response } }),
    async (request) => list.run(actorCtx(request, deps), request.query as z.output<QuerySchema>),
  );

  app.post(
    path,
    options(write, { summary: create.summary, body: create.body, response: { 201: record } }),
    async (request, reply) =>
      reply.code(201).send(await create.run(actorCtx(request, deps), request.body as z.output<CreateSchema>)),
  );

  app.get(
    `${path}/:id`,
    options(read, { summary: get.summary, params: IdParamsSchema, response: { 200: record } }),
    async (request) => {
      const found = await get.run(actorCtx(request, deps), idOf(request));
      if (found === undefined) throw notFound();
      return found;
    },
  );

  app.patch(
    `${path}/:id`,
    options(write, {
      summary: update.summary,
      params: IdParamsSchema,
      body: update.body,
      response: { 200: record },
    }),
    async (request) =>
      update.run(actorCtx(request, deps), idOf(request), request.body as z.output<UpdateSchema>),
  );
}
