/** Routes of matching and duplicate review: checks before saving, candidate pairs, scans, merges and undo. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { IdParamsSchema, UuidSchema } from '../../platform/contract';
import { AppError, notFound } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
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
  AUTOMATIC_SCAN_BY,
  countPairsReachingOutside,
  latestScans,
  listCandidates,
  markDifferent,
  runScan,
  startScan,
} from './duplicates';
import { mergePersons, mergesOf, unmergePersons } from './merge';
import { matchPersonOf } from './person-matching';
import { caseVisibility } from './person-views';
import { matchesOf } from './register-person';
import * as repo from './repository';

const tags = ['duplicates'];
const Ok = z.object({ ok: z.literal(true) });

type PersonRow = repo.PersonRow;
function side(row: PersonRow, officeCode: string, cases: number) {
  return {
    ...repo.summary(row, officeCode, cases),
    fatherName: row.fatherName,
    placeOfOrigin: row.placeOfOrigin,
    aliases: row.aliases,
  };
}

async function candidatesView(ctx: ActorCtx, query: z.infer<typeof DuplicateListQuerySchema>) {
  const rows = await listCandidates(ctx.db, scopeOf(ctx.actor, 'persons.merge'), query);
  const counts = await repo.caseCounts(
    ctx.db,
    rows.flatMap((r) => [r.a.id, r.b.id]),
    caseVisibility(ctx.actor),
  );
  return rows.map((r) => ({
    id: r.row.id,
    score: Math.round(r.row.score * 1000) / 1000,
    reasons: r.row.reasons as { code: string }[],
    status: r.row.status,
    foundAt: r.row.foundAt.toISOString(),
    decidedByName: r.row.decidedByName,
    a: side(r.a, r.officeA, counts.get(r.a.id) ?? 0),
    b: side(r.b, r.officeB, counts.get(r.b.id) ?? 0),
    keptId: r.a.mergedInto === r.b.id ? r.b.id : r.b.mergedInto === r.a.id ? r.a.id : null,
  }));
}

const scanView = (s: Awaited<ReturnType<typeof latestScans>>[number]) => ({
  id: s.id,
  officeId: s.officeId,
  status: s.status,
  automatic: s.startedBy === null && s.startedByName === AUTOMATIC_SCAN_BY,
  startedByName: s.startedByName,
  startedAt: s.startedAt.toISOString(),
  finishedAt: s.finishedAt?.toISOString() ?? null,
  persons: s.persons,
  comparisons: s.comparisons,
  candidates: s.candidates,
  newCandidates: s.newCandidates,
});

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
    async (request) => {
      const ctx = ctxOf(request);
      const { personId, ...fields } = request.body;
      const draft = matchPersonOf(personId ?? '~draft', {
        ...fields,
        fatherName: fields.fatherName ?? null,
        givenNameOriginal: fields.givenNameOriginal ?? null,
        familyNameOriginal: fields.familyNameOriginal ?? null,
        fatherNameOriginal: fields.fatherNameOriginal ?? null,
        birthDate: fields.birthDate ?? null,
        placeOfOrigin: fields.placeOfOrigin ?? null,
      });
      return { matches: await matchesOf(ctx, draft, personId ? [personId] : []) };
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      const found = await repo.findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), request.params.id);
      if (!found) throw notFound();
      return { matches: await matchesOf(ctx, matchPersonOf(found.row.id, found.row), [found.row.id]) };
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      const [items, reachingOutside] = await Promise.all([
        candidatesView(ctx, request.query),
        countPairsReachingOutside(ctx.db, scopeOf(ctx.actor, 'persons.merge')),
      ]);
      return { items, reachingOutside };
    },
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
    async (request) => ({
      items: (await latestScans(deps.database.db, scopeOf(ctxOf(request).actor, 'persons.merge'))).map(
        scanView,
      ),
    }),
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
      const ctx = ctxOf(request);
      const { scanId, joined, scope } = await startScan(ctx, request.body.officeId);
      if (!joined)
        setImmediate(() => {
          runScan(ctx, scanId, scope, { connectionForThread: deps.database.connectionForThread }).catch(
            (error: unknown) => request.log.error({ err: error, scanId }, 'duplicate scan failed'),
          );
        });
      reply.code(202);
      return { scanId };
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
    async (request) => {
      const ctx = ctxOf(request);
      const [candidate] = await listCandidates(ctx.db, scopeOf(ctx.actor, 'persons.merge'), {
        status: 'open',
        id: request.params.id,
        limit: 1,
      });
      if (!candidate) throw notFound();
      const pair = [candidate.a.id, candidate.b.id];
      const other = pair.find((id) => id !== request.body.keepId);
      if (!other || !pair.includes(request.body.keepId))
        throw new AppError('validation_failed', {
          fields: [
            {
              path: 'keepId',
              code: 'invalid_value',
              message: validationMessage(ctx.lang, 'keep_one_of_pair'),
            },
          ],
        });
      return { mergeId: await mergePersons(ctx, { keepId: request.body.keepId, mergeId: other }) };
    },
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
    async (request) => {
      const ctx = ctxOf(request);
      const found = await repo.findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), request.params.id);
      if (!found) throw notFound();
      return { items: await mergesOf(ctx.db, found.row.id) };
    },
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
