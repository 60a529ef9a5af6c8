/**
 * Use cases of duplicate review as the reviewer asks for them: checks before saving, possible duplicates of
 * a person, candidate pairs and scans, merging a pair, and the merges into a person.
 */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { AppError, notFound } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import type { DuplicateListQuerySchema, MatchCheckSchema } from './contract';
import { candidateView, scanView } from './duplicate-views';
import {
  countPairsReachingOutside,
  latestScans,
  listCandidates,
  runScan,
  type ScanOptions,
  startScan,
} from './duplicates';
import { readablePerson } from './get-person';
import { mergePersons, mergesOf } from './merge';
import { matchPersonOf } from './person-matching';
import { caseVisibility } from './person-views';
import { matchesOf } from './register-person';
import * as repo from './repository';

const mergeScope = (ctx: ActorCtx) => scopeOf(ctx.actor, 'persons.merge');

/** Who a person being registered or edited may already be (score and reasons), before saving. */
export async function checkMatches(ctx: ActorCtx, input: z.infer<typeof MatchCheckSchema>) {
  const { personId, ...fields } = input;
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
}

/** Possible duplicates of a person the actor may read. */
export async function matchesOfPerson(ctx: ActorCtx, personId: string) {
  const found = await readablePerson(ctx, personId);
  return { matches: await matchesOf(ctx, matchPersonOf(found.row.id, found.row), [found.row.id]) };
}

/**
 * Candidate pairs of which the reviewer may read both records, best first, and how many open pairs reach
 * outside the reviewer's offices (someone reviewing both offices decides those).
 */
export async function reviewCandidates(ctx: ActorCtx, query: z.infer<typeof DuplicateListQuerySchema>) {
  const [items, reachingOutside] = await Promise.all([
    candidatesOf(ctx, query),
    countPairsReachingOutside(ctx.db, mergeScope(ctx)),
  ]);
  return { items, reachingOutside };
}

async function candidatesOf(ctx: ActorCtx, query: z.infer<typeof DuplicateListQuerySchema>) {
  const rows = await listCandidates(ctx.db, mergeScope(ctx), query);
  const counts = await repo.caseCounts(
    ctx.db,
    rows.flatMap((r) => [r.a.id, r.b.id]),
    caseVisibility(ctx.actor),
  );
  return rows.map((r) => candidateView(r, counts));
}

/** The latest duplicate scans of the offices where the actor reviews duplicates. */
export async function recentScans(ctx: ActorCtx) {
  return { items: (await latestScans(ctx.db, mergeScope(ctx))).map(scanView) };
}

/**
 * Starts a scan of one office, or of every office where the reviewer may merge, and runs it in the
 * background (a scan of the same offices already running is joined instead); a failed run is reported to
 * `onFailure`.
 */
export async function scanForDuplicates(
  ctx: ActorCtx,
  officeId: string | null,
  options: Pick<ScanOptions, 'connectionForThread'> & { onFailure: (error: unknown, scanId: string) => void },
): Promise<{ scanId: string }> {
  const { scanId, joined, scope } = await startScan(ctx, officeId);
  if (!joined)
    setImmediate(() => {
      runScan(ctx, scanId, scope, { connectionForThread: options.connectionForThread }).catch(
        (error: unknown) => options.onFailure(error, scanId),
      );
    });
  return { scanId };
}

/** Decides an open pair the reviewer may see is one person: merges the other record into `keepId`. */
export async function mergePair(ctx: ActorCtx, candidateId: string, keepId: string): Promise<string> {
  const [candidate] = await listCandidates(ctx.db, mergeScope(ctx), {
    status: 'open',
    id: candidateId,
    limit: 1,
  });
  if (!candidate) throw notFound();
  const pair = [candidate.a.id, candidate.b.id];
  const other = pair.find((id) => id !== keepId);
  if (!other || !pair.includes(keepId))
    throw new AppError('validation_failed', {
      fields: [
        {
          path: 'keepId',
          code: 'invalid_value',
          message: validationMessage(ctx.lang, 'keep_one_of_pair'),
        },
      ],
    });
  return mergePersons(ctx, { keepId, mergeId: other });
}

/** The records merged into a person the actor may read, newest first (for undoing). */
export async function mergesOfPerson(ctx: ActorCtx, personId: string) {
  const found = await readablePerson(ctx, personId);
  return { items: await mergesOf(ctx.db, found.row.id) };
}
