/**
 * Batch duplicate detection over a population: persons to compact columns, blocking keys to buckets,
 * each bucket's pairs compared once (optionally on worker threads), pairs at or above the threshold
 * returned with their reasons. Pairs already judged "different" are never proposed again.
 */
import { type BlockIndex, buildBlockIndex } from './block-index';
import { Comparer } from './compare';
import { compareBlocks } from './compare-blocks';
import { runInWorkers } from './dedup-workers';
import { countFrequencies, frequenciesOf, materialiseFrequencies } from './frequencies';
import { PersonTable } from './table';
import type { MatchPerson, MatchReason, NameFrequencies } from './types';
import { MATCH_THRESHOLD } from './weights';

export type DedupOptions = {
  /** Minimum score of a proposed pair (default MATCH_THRESHOLD). */
  threshold?: number;
  /** Pairs of person ids already decided "different": never proposed. */
  excludedPairs?: Iterable<readonly [string, string]>;
  /** Name frequencies: counted over the population itself by default; 'none' for default shares. */
  frequencies?: NameFrequencies | 'population' | 'none';
  /** Buckets larger than this are compared by sorted neighbourhood instead of all-to-all (default 1000). */
  maxBlockSize?: number;
  /** Neighbourhood width in large buckets (default 100). */
  window?: number;
  /**
   * Threads comparing pairs: 1 (default) compares on this thread; 2 adds a worker thread (use the
   * machine's cores). Worker threads need the process to run with `--import tsx`.
   */
  threads?: number;
  /**
   * Compare on worker threads only (`threads` of them), leaving this thread free: a server keeps answering
   * requests while it scans (building the table and the index still runs here).
   */
  offload?: boolean;
  /** Compute the reasons of each proposed pair (default true). */
  reasons?: boolean;
};

export type CandidatePair = { a: string; b: string; score: number; reasons: MatchReason[] };

export type DedupStats = {
  persons: number;
  nameParts: number;
  blockingKeys: number;
  buckets: number;
  largestBucket: number;
  cappedBuckets: number;
  comparisons: number;
  pairs: number;
  seconds: { prepare: number; index: number; compare: number; total: number };
};

/** The batch's result with its intermediate structures (for measuring). */
export type DedupRun = {
  table: PersonTable;
  comparer: Comparer;
  index: BlockIndex;
  left: Int32Array;
  right: Int32Array;
  score: Float64Array;
  stats: DedupStats;
};

const since = (start: number) => Math.round(performance.now() - start) / 1000;

function excludedSet(table: PersonTable, pairs: Iterable<readonly [string, string]> | undefined) {
  if (!pairs) return null;
  const position = new Map(table.ids.map((id, i) => [id, i]));
  const set = new Set<number>();
  for (const [x, y] of pairs) {
    const i = position.get(x);
    const j = position.get(y);
    if (i === undefined || j === undefined || i === j) continue;
    set.add(Math.min(i, j) * table.size + Math.max(i, j));
  }
  return set;
}

/** Merges per-share results, dropping pairs found twice (in two large buckets). */
function mergeResults(results: { left: Int32Array; right: Int32Array; score: Float64Array }[], size: number) {
  const seen = new Set<number>();
  const left: number[] = [];
  const right: number[] = [];
  const score: number[] = [];
  for (const result of results)
    for (let k = 0; k < result.left.length; k++) {
      const i = result.left[k] ?? 0;
      const j = result.right[k] ?? 0;
      if (seen.has(i * size + j)) continue;
      seen.add(i * size + j);
      left.push(i);
      right.push(j);
      score.push(result.score[k] ?? 0);
    }
  return { left: Int32Array.from(left), right: Int32Array.from(right), score: Float64Array.from(score) };
}

/** Runs the batch and keeps its intermediate structures. */
export async function dedupPopulation(
  persons: Iterable<MatchPerson>,
  options: DedupOptions = {},
): Promise<DedupRun> {
  const started = performance.now();
  const table = PersonTable.build(persons);
  const threads = options.threads ?? 1;
  const given = options.frequencies;
  const counted =
    given === 'none'
      ? null
      : given && given !== 'population'
        ? threads > 1 || options.offload
          ? materialiseFrequencies(table, given)
          : null
        : countFrequencies(table);
  const frequencies =
    given && given !== 'none' && given !== 'population'
      ? given
      : counted
        ? frequenciesOf(counted)
        : undefined;
  const prepared = performance.now();
  const index = buildBlockIndex(table);
  const indexed = performance.now();
  const blockOptions = {
    threshold: options.threshold ?? MATCH_THRESHOLD,
    maxBlockSize: options.maxBlockSize ?? 1000,
    window: options.window ?? 100,
    excluded: excludedSet(table, options.excludedPairs),
  };
  const comparer = new Comparer(table, frequencies);
  const results =
    threads > 1 || options.offload
      ? await runInWorkers(comparer, counted, index, blockOptions, threads, options.offload)
      : [compareBlocks(comparer, index, { ...blockOptions, share: 0, shares: 1 })];
  const merged = mergeResults(results, table.size);
  let largestBucket = 0;
  let cappedBuckets = 0;
  for (let b = 0; b < index.bucketStart.length; b++) {
    const size = (index.bucketEnd[b] ?? 0) - (index.bucketStart[b] ?? 0);
    largestBucket = Math.max(largestBucket, size);
    if (size > blockOptions.maxBlockSize) cappedBuckets++;
  }
  return {
    table,
    comparer,
    index,
    ...merged,
    stats: {
      persons: table.size,
      nameParts: table.parts.parts.length,
      blockingKeys: index.personKeys.length,
      buckets: index.bucketStart.length,
      largestBucket,
      cappedBuckets,
      comparisons: results.reduce((sum, result) => sum + result.comparisons, 0),
      pairs: merged.left.length,
      seconds: {
        prepare: (prepared - started) / 1000,
        index: (indexed - prepared) / 1000,
        compare: since(indexed),
        total: since(started),
      },
    },
  };
}

/**
 * Candidate duplicate pairs of a population, best first, with scores and reasons. Scales to a million
 * persons (see bench/dedup.ts).
 */
export async function findDuplicatePairs(
  persons: Iterable<MatchPerson>,
  options: DedupOptions = {},
): Promise<{ pairs: CandidatePair[]; stats: DedupStats }> {
  const run = await dedupPopulation(persons, options);
  const comparer = options.reasons === false ? null : run.comparer;
  const pairs: CandidatePair[] = [];
  for (let k = 0; k < run.left.length; k++) {
    const i = run.left[k] ?? 0;
    const j = run.right[k] ?? 0;
    const reasons: MatchReason[] = [];
    comparer?.score(i, j, reasons);
    pairs.push({ a: run.table.ids[i] ?? '', b: run.table.ids[j] ?? '', score: run.score[k] ?? 0, reasons });
  }
  pairs.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return { pairs, stats: run.stats };
}
