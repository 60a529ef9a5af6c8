/**
 * Duplicate review: a scan proposes candidate pairs (whole registry or one office); reviewers decide "same
 * person" (merge, see merge.ts) or "different" (remembered: never proposed again). Reviewers see and decide
 * only pairs of which they can read both records.
 */
import { Worker } from 'node:worker_threads';
import type { Db, ThreadConnection } from '../../db/client';
import { type ActorCtx, type Ctx, can, type OfficeScope, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound } from '../../platform/errors';
import * as duplicatesRepo from './duplicates-repository';
import { comparePersons, findDuplicatePairs, MATCH_THRESHOLD, type MatchPerson } from './matching';
import { frequenciesFor, matchDocumentOf, matchDocumentsOf, matchPersonOf } from './person-matching';
import * as repo from './repository';
import { countScanned, personsOf } from './scan-source';
import type { ScanWorkerInput } from './scan-worker';
import type { identityDocuments, persons } from './tables';

export { countPairsReachingOutside, latestScans, listCandidates } from './duplicates-repository';

const pair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** What a scan covers: one office (persons.merge there) or every office where the actor reviews duplicates. */
function scanScope(ctx: ActorCtx, officeId: string | null): OfficeScope {
  if (officeId) {
    if (!can(ctx.actor, 'persons.merge', officeId)) throw forbidden();
    return [officeId];
  }
  return scopeOf(ctx.actor, 'persons.merge');
}

/**
 * From this many persons, a scan runs on a thread of its own at low priority, when the database can give
 * that thread a connection (below, it takes milliseconds here).
 */
export const OFFLOAD_FROM = 5_000;

/** Runs the scan's reading and comparing on its own thread (scan-worker.ts). */
function scanInThread(input: ScanWorkerInput): Promise<Awaited<ReturnType<typeof findDuplicatePairs>>> {
  return new Promise((resolve, reject) => {
    const transfer = input.connection.kind === 'pglite' ? [input.connection.port] : [];
    const worker = new Worker(new URL('../../platform/worker-boot.mjs', import.meta.url), {
      workerData: { ...input, entry: new URL('./scan-worker.ts', import.meta.url).href },
      transferList: transfer,
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the duplicate scan's thread exited with code ${code}`));
    });
  });
}

export type ScanOptions = {
  /** A connection for the scan's own thread; without it the scan runs here. */
  connectionForThread?: () => Promise<ThreadConnection>;
  /** Persons from which the scan runs on its own thread (OFFLOAD_FROM unless a test says otherwise). */
  offloadFrom?: number;
};

/** A scan still "running" after this long was interrupted (a restart, a crash): it is not joined. */
export const SCAN_STALE_AFTER_MS = 30 * 60 * 1000;

/** Scans left "running" longer than SCAN_STALE_AFTER_MS were interrupted: failed, so none waits on them. */
async function failInterrupted(db: Db, now: Date): Promise<void> {
  await duplicatesRepo.failScansStartedBefore(db, new Date(now.getTime() - SCAN_STALE_AFTER_MS), now);
}

const scopeKey = (scope: OfficeScope): string[] | null => (scope === 'all' ? null : [...scope].sort());

/**
 * Records a scan as running. A request for the same offices while one runs joins it; a scan of other
 * offices runs beside it; a scan left "running" by an interruption is marked failed and not joined.
 */
export async function startScan(
  ctx: ActorCtx,
  officeId: string | null,
): Promise<{ scanId: string; joined: boolean; scope: OfficeScope }> {
  const covered = scanScope(ctx, officeId);
  const scope = scopeKey(covered);
  const now = ctx.clock.now();
  await failInterrupted(ctx.db, now);
  const running = await duplicatesRepo.runningScanOf(ctx.db, scope);
  if (running) return { scanId: running, joined: true, scope: covered };
  const scanId = await duplicatesRepo.insertScan(ctx.db, {
    officeId,
    scopeOfficeIds: scope,
    status: 'running',
    startedBy: ctx.actor.userId,
    startedByName: ctx.actor.displayName,
    startedAt: now,
  });
  return { scanId, joined: false, scope: covered };
}

/** Who started an automatic scan, as the scans list and the audit log name it. */
export const AUTOMATIC_SCAN_BY = 'Passerelle (automatic)';

/**
 * The periodic scan of the whole registry (server/jobs.ts): started when no whole-registry scan started
 * in the last `everyHours`, none running, and run to the end. Returns the scan's id, or null when it was
 * not due. Its pairs reach each reviewer like any other (those whose two records they can read).
 */
export async function runScheduledScan(
  ctx: Ctx,
  everyHours: number,
  options: ScanOptions = {},
): Promise<string | null> {
  if (everyHours <= 0) return null;
  const now = ctx.clock.now();
  await failInterrupted(ctx.db, now);
  const recent = await duplicatesRepo.recentWholeRegistryScan(
    ctx.db,
    new Date(now.getTime() - everyHours * 3_600_000),
  );
  if (recent) return null;
  const scanId = await duplicatesRepo.insertScan(ctx.db, {
    officeId: null,
    scopeOfficeIds: null,
    status: 'running',
    startedByName: AUTOMATIC_SCAN_BY,
    startedAt: now,
  });
  await runScan(ctx, scanId, 'all', options);
  return scanId;
}

/**
 * Runs a started scan to the end: loads the persons, finds pairs (excluding those already decided),
 * records new candidates and refreshes open ones. Idempotent: running the same scan again changes nothing.
 */
export async function runScan(
  ctx: Ctx,
  scanId: string,
  scope: OfficeScope,
  options: ScanOptions = {},
): Promise<void> {
  const scan = await duplicatesRepo.findScan(ctx.db, scanId);
  if (scan?.status !== 'running') return;
  try {
    const excludedPairs = await duplicatesRepo.decidedPairs(ctx.db);
    // A large registry is read and compared on a thread of its own, so that the server keeps answering.
    const offload =
      options.connectionForThread !== undefined &&
      (await countScanned(ctx.db, scope)) >= (options.offloadFrom ?? OFFLOAD_FROM);
    let found: Awaited<ReturnType<typeof findDuplicatePairs>>;
    if (offload && options.connectionForThread) {
      const connection = await options.connectionForThread();
      found = await scanInThread({ connection, scope, threshold: MATCH_THRESHOLD, excludedPairs });
    } else {
      const people: MatchPerson[] = [];
      for await (const page of personsOf(ctx.db, scope)) people.push(...page);
      found = await findDuplicatePairs(people, { threshold: MATCH_THRESHOLD, excludedPairs });
    }
    const { pairs, stats } = found;
    const now = ctx.clock.now();
    let inserted = 0;
    await ctx.db.transaction(async (tx) => {
      for (let i = 0; i < pairs.length; i += 500) {
        const chunk = pairs.slice(i, i + 500).map((p) => {
          const [a, b] = pair(p.a, p.b);
          return {
            personA: a,
            personB: b,
            score: p.score,
            reasons: p.reasons,
            status: 'open' as const,
            foundAt: now,
          };
        });
        const rows = await duplicatesRepo.upsertCandidates(tx, chunk);
        inserted += rows.filter((r) => r.foundAt.getTime() === now.getTime()).length;
      }
      await duplicatesRepo.finishScan(tx, scanId, {
        finishedAt: ctx.clock.now(),
        persons: stats.persons,
        comparisons: stats.comparisons,
        candidates: pairs.length,
        newCandidates: inserted,
      });
      await recordAudit(tx, ctx, {
        action: 'person.duplicates_scanned',
        officeId: scan.officeId,
        actorEmail: scan.startedByName,
        metadata: {
          scanId,
          persons: stats.persons,
          comparisons: stats.comparisons,
          candidates: pairs.length,
          new: inserted,
        },
      });
    });
  } catch (error) {
    await duplicatesRepo.failScan(ctx.db, scanId, ctx.clock.now(), String(error).slice(0, 500));
    throw error;
  }
}

/** The reviewer decides the two records are different people: never proposed again. */
export async function markDifferent(ctx: ActorCtx, candidateId: string): Promise<void> {
  const scope = scopeOf(ctx.actor, 'persons.merge');
  const found = await duplicatesRepo.findCandidate(ctx.db, candidateId);
  if (!found) throw notFound();
  const [pa, pb] = await Promise.all([
    repo.findPersonRecord(ctx.db, scope, found.personA),
    repo.findPersonRecord(ctx.db, scope, found.personB),
  ]);
  if (!pa || !pb) throw notFound();
  if (found.status !== 'open') throw new AppError('merge_not_possible');
  await ctx.db.transaction(async (tx) => {
    await duplicatesRepo.markCandidateDifferent(tx, candidateId, {
      by: ctx.actor.userId,
      byName: ctx.actor.displayName,
      at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'person.marked_different',
      officeId: pa.owningOfficeId,
      recordType: 'person',
      recordId: pa.id,
      metadata: { candidateId, otherPersonId: pb.id, otherOfficeId: pb.owningOfficeId },
    });
  });
}

/**
 * A document was just recorded for a person (inside its transaction): other persons holding the same
 * document (type, issuing country, number) are proposed with this one for review, whatever their names say
 * (see DOCUMENT in matching/weights.ts), unless the pair was already decided. Returns those other persons,
 * in every office: the caller shows only the ones its user may read.
 */
export async function proposeSameDocument(
  tx: Db,
  person: typeof persons.$inferSelect,
  document: typeof identityDocuments.$inferSelect,
  now: Date,
): Promise<(typeof persons.$inferSelect)[]> {
  const others = await duplicatesRepo.otherHoldersOf(tx, person.id, document);
  if (others.length === 0) return [];
  const documents = await matchDocumentsOf(tx, [person.id, ...others.map((o) => o.id)]);
  const self = matchPersonOf(person.id, person, [
    ...(documents.get(person.id) ?? []),
    matchDocumentOf(document),
  ]);
  const matched = others.map((o) => matchPersonOf(o.id, o, documents.get(o.id)));
  const frequencies = await frequenciesFor(tx, [self, ...matched]);
  for (const other of matched) {
    const { score, reasons } = comparePersons(self, other, { frequencies });
    const [a, b] = pair(self.id, other.id);
    await duplicatesRepo.upsertCandidate(tx, {
      personA: a,
      personB: b,
      score,
      reasons,
      status: 'open',
      foundAt: now,
    });
  }
  return others;
}
