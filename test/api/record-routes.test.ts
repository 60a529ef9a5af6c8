/**
 * The record-routes helper on a bare Fastify instance (no database): the four routes it registers, the
 * access rule and schema each declares, and what each handler passes to its use case and answers.
 * The modules' own integration tests cover the routes built with it end to end.
 */
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor, ActorCtx } from '../../src/platform/actor';
import { IdParamsSchema } from '../../src/platform/contract';
import { AppError } from '../../src/platform/errors';
import type { ServerDeps } from '../../src/server/context';
import { recordRoutes } from '../../src/server/record-routes';

const NoteSchema = z.object({ id: z.uuid(), text: z.string(), version: z.number() });
type Note = z.infer<typeof NoteSchema>;
const NoteListSchema = z.object({ items: z.array(NoteSchema), limit: z.number() });
const NoteListQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).default(10) });
const CreateNoteSchema = z.strictObject({ text: z.string().trim().min(1) });
const UpdateNoteSchema = z.strictObject({ version: z.number(), text: z.string().trim().min(1) });

const ACTOR: Actor = { userId: 'u1', email: 'u1@x.test', displayName: 'U1', memberships: [] };
const KNOWN_ID = '00000000-0000-4000-8000-000000000001';
const deps = { database: { db: 'the-db' }, clock: 'the-clock' } as unknown as ServerDeps;

/** What each use case was called with, to check the handlers pass the parsed request on. */
const calls: { name: string; ctx: ActorCtx; args: unknown[] }[] = [];
const note = (text: string, id = KNOWN_ID): Note => ({ id, text, version: 1 });

let app: FastifyInstance;
const routes: RouteOptions[] = [];

beforeAll(async () => {
  app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = request.headers['x-signed-in'] === 'yes' ? ACTOR : null;
  });
  app.setErrorHandler((error, _request, reply) =>
    error instanceof AppError
      ? reply.code(error.status).send({ code: error.code })
      : reply.code(400).send({ code: 'validation_failed' }),
  );
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') routes.push(route);
  });
  recordRoutes(app, deps, {
    path: '/api/notes',
    tags: ['notes'],
    read: 'activities.read',
    write: 'activities.write',
    record: NoteSchema,
    list: {
      summary: 'Notes',
      querystring: NoteListQuerySchema,
      response: NoteListSchema,
      run: async (ctx, query) => {
        calls.push({ name: 'list', ctx, args: [query] });
        return { items: [note('first')], limit: query.limit };
      },
    },
    create: {
      summary: 'Write a note',
      body: CreateNoteSchema,
      run: async (ctx, body) => {
        calls.push({ name: 'create', ctx, args: [body] });
        return note(body.text);
      },
    },
    get: {
      summary: 'A note (404 outside scope)',
      run: async (ctx, id) => {
        calls.push({ name: 'get', ctx, args: [id] });
        return id === KNOWN_ID ? note('first') : undefined;
      },
    },
    update: {
      summary: 'Edit a note',
      body: UpdateNoteSchema,
      run: async (ctx, id, body) => {
        calls.push({ name: 'update', ctx, args: [id, body] });
        return { ...note(body.text, id), version: body.version + 1 };
      },
    },
  });
  await app.ready();
});
afterAll(() => app.close());

const signedIn = { 'x-signed-in': 'yes' };
const lastCall = () => calls.at(-1);

describe('recordRoutes', () => {
  it('registers list, create, get and update, each with its permission and whole schema', () => {
    const declared = routes.map((route) => ({
      route: `${route.method} ${route.url}`,
      config: route.config,
      // Without the symbol Fastify marks a schema it has compiled with.
      schema: Object.fromEntries(Object.entries(route.schema ?? {})),
    }));
    expect(declared).toEqual([
      {
        route: 'GET /api/notes',
        config: { permission: 'activities.read' },
        schema: {
          tags: ['notes'],
          summary: 'Notes',
          querystring: NoteListQuerySchema,
          response: { 200: NoteListSchema },
        },
      },
      {
        route: 'POST /api/notes',
        config: { permission: 'activities.write' },
        schema: {
          tags: ['notes'],
          summary: 'Write a note',
          body: CreateNoteSchema,
          response: { 201: NoteSchema },
        },
      },
      {
        route: 'GET /api/notes/:id',
        config: { permission: 'activities.read' },
        schema: {
          tags: ['notes'],
          summary: 'A note (404 outside scope)',
          params: IdParamsSchema,
          response: { 200: NoteSchema },
        },
      },
      {
        route: 'PATCH /api/notes/:id',
        config: { permission: 'activities.write' },
        schema: {
          tags: ['notes'],
          summary: 'Edit a note',
          params: IdParamsSchema,
          body: UpdateNoteSchema,
          response: { 200: NoteSchema },
        },
      },
    ]);
  });

  it('lists with the parsed query string and the actor context of the request', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/notes?limit=3', headers: signedIn });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [note('first')], limit: 3 });
    expect(lastCall()).toMatchObject({ name: 'list', args: [{ limit: 3 }] });
    expect(lastCall()?.ctx).toMatchObject({ db: 'the-db', clock: 'the-clock', actor: ACTOR });
  });

  it('answers 201 with the created record', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/notes',
      headers: signedIn,
      payload: { text: '  hello  ' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual(note('hello'));
    expect(lastCall()).toMatchObject({ name: 'create', args: [{ text: 'hello' }] });
  });

  it('answers the record, or 404 when the use case finds none', async () => {
    const found = await app.inject({ method: 'GET', url: `/api/notes/${KNOWN_ID}`, headers: signedIn });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual(note('first'));

    const otherId = '00000000-0000-4000-8000-000000000002';
    const missing = await app.inject({ method: 'GET', url: `/api/notes/${otherId}`, headers: signedIn });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'not_found' });
    expect(lastCall()).toMatchObject({ name: 'get', args: [otherId] });
  });

  it('updates with the id and the parsed body', async () => {
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/notes/${KNOWN_ID}`,
      headers: signedIn,
      payload: { version: 1, text: 'changed' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: KNOWN_ID, text: 'changed', version: 2 });
    expect(lastCall()).toMatchObject({ name: 'update', args: [KNOWN_ID, { version: 1, text: 'changed' }] });
  });

  it('validates before calling the use case', async () => {
    const before = calls.length;
    const badBody = await app.inject({ method: 'POST', url: '/api/notes', headers: signedIn, payload: {} });
    const badId = await app.inject({ method: 'GET', url: '/api/notes/not-a-uuid', headers: signedIn });
    expect([badBody.statusCode, badId.statusCode]).toEqual([400, 400]);
    expect(calls.length).toBe(before);
  });

  it('refuses a request without an actor (the session guard of the app runs before)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/notes' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'unauthenticated' });
  });
});
