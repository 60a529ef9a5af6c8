/** Routes of matching and duplicate review: checks before saving, candidate pairs, scans, merges and undo. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, UuidSchema } from '../../platform/contract';
import { actorCtx, type ServerDeps } from '../../server/context';
import {
  DuplicateCandidateSchema,
  DuplicateListQuerySchema,
  KeepSchema,
  MatchCheckSchema,
  MatchListSchema,
  MergeRecordSchema,
  MergeSchema,
  ScanSchema,
  StartScanSchema,
} from './contract';
import {
  checkMatches,
  matchesOfPerson,
  mergePair,
  mergesOfPerson,
  recentScans,
  reviewCandidates,
  scanForDuplicates,
} from './duplicate-review';
import { markDifferent } from './duplicates';
import { mergePersons, unmergePersons } from './merge';

const tags = ['duplicates'];
const Ok = z.object({ ok: z.literal(true) });

export function duplicatesRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.post(
    '/api/persons/match-check',
    {
      config: { permission: 'persons.read' },
      schema: {
        tags,
        summary: 'Who a person being registered or edited may already be (score and reasons), before saving',
        body: MatchCheckSchema,
        response: { 200: MatchListSchema },
      },
    },
    async (request) => checkMatches(ctxOf(request), request.body),
  );

  r.get(
    '/api/persons/:id/matches',
    {
      config: { permission: 'persons.read' },
      schema: {
        tags,
        summary: 'Possible duplicates of a person',
        params: IdParamsSchema,
        response: { 200: MatchListSchema },
      },
    },
    async (request) => matchesOfPerson(ctxOf(request), request.params.id),
  );

  r.get(
    '/api/duplicates',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary: 'Candidate pairs of records of the same person (both readable by the reviewer), best first',
        description:
          '`reachingOutside` counts the open pairs with one record in the reviewer’s offices and the other ' +
          'elsewhere: someone reviewing both offices (a registry officer) decides those.',
        querystring: DuplicateListQuerySchema,
        response: {
          200: z.object({ items: z.array(DuplicateCandidateSchema), reachingOutside: z.number().int() }),
        },
      },
    },
    async (request) => reviewCandidates(ctxOf(request), request.query),
  );

  r.get(
    '/api/duplicates/scans',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary: 'The latest duplicate scans',
        response: { 200: z.object({ items: z.array(ScanSchema) }) },
      },
    },
    async (request) => recentScans(ctxOf(request)),
  );

  r.post(
    '/api/duplicates/scans',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary:
          'Scan one office, or every office where the reviewer may merge, for duplicates (in the background)',
        body: StartScanSchema,
        response: { 202: z.object({ scanId: UuidSchema }) },
      },
    },
    async (request, reply) => {
      const started = await scanForDuplicates(ctxOf(request), request.body.officeId, {
        connectionForThread: deps.database.connectionForThread,
        onFailure: (error, scanId) => request.log.error({ err: error, scanId }, 'duplicate scan failed'),
      });
      reply.code(202);
      return started;
    },
  );

  r.post(
    '/api/duplicates/:id/different',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary: 'Decide the pair are two people: never proposed again',
        params: IdParamsSchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await markDifferent(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/duplicates/:id/merge',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary: 'Decide the pair are one person: merge into the record kept',
        params: IdParamsSchema,
        body: KeepSchema,
        response: { 200: z.object({ mergeId: UuidSchema }) },
      },
    },
    async (request) => ({
      mergeId: await mergePair(ctxOf(request), request.params.id, request.body.keepId),
    }),
  );

  r.post(
    '/api/persons/merge',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary: 'Merge one record into another (same person)',
        body: MergeSchema,
        response: { 200: z.object({ mergeId: UuidSchema }) },
      },
    },
    async (request) => ({ mergeId: await mergePersons(ctxOf(request), request.body) }),
  );

  r.get(
    '/api/persons/:id/merges',
    {
      config: { permission: 'persons.read' },
      schema: {
        tags,
        summary: 'Records merged into this person (for undoing)',
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(MergeRecordSchema) }) },
      },
    },
    async (request) => mergesOfPerson(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/person-merges/:id/undo',
    {
      config: { permission: 'persons.merge' },
      schema: {
        tags,
        summary: 'Undo a merge: the merged record comes back with what it brought',
        params: IdParamsSchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await unmergePersons(ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
