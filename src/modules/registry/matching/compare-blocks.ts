/**
 * The batch's inner loop: every bucket's pairs compared once. A pair sharing several keys is compared only
 * in the bucket of the smallest key they share. A bucket larger than maxBlockSize (a very common name in
 * a busy birth band) is not compared all-to-all: its persons are sorted by family name and birth year and
 * each is compared with the next `window` ones, so that recall is kept where it matters (the same names
 * close in age) while the cost stays linear. Runs on the main thread or in a worker, on a share of buckets.
 */
import { type BlockIndex, firstSharedKey } from './block-index';
import type { Comparer } from './compare';

export type BlockOptions = {
  threshold: number;
  maxBlockSize: number;
  window: number;
  /** Packed pairs (i * size + j, i < j) never to propose. */
  excluded: ReadonlySet<number> | null;
  /** This run handles buckets b with b % shares === share. */
  share: number;
  shares: number;
};

export type BlockResult = { left: Int32Array; right: Int32Array; score: Float64Array; comparisons: number };

/** Hash of keys whose bucket is too large to be compared all-to-all. */
export function cappedKeys(index: BlockIndex, maxBlockSize: number): Set<number> {
  const scale = 2 ** index.personBits;
  const capped = new Set<number>();
  for (let b = 0; b < index.bucketStart.length; b++)
    if ((index.bucketEnd[b] ?? 0) - (index.bucketStart[b] ?? 0) > maxBlockSize)
      capped.add(Math.floor((index.entries[index.bucketStart[b] ?? 0] ?? 0) / scale));
  return capped;
}

/** Sort key inside a capped bucket: family-name key hash, then birth year. */
function sortKeys(comparer: Comparer): Float64Array {
  const { table } = comparer;
  const keys = new Float64Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const v = table.variantOffset[i] ?? 0;
    const part = table.variantParts[v * 3 + 1] ?? table.variantParts[v * 3] ?? -1;
    let hash = 0;
    if (part >= 0)
      for (const char of table.parts.get(part).key) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
    keys[i] = hash * 4096 + (table.birthYear[i] ?? 0);
  }
  return keys;
}

export function compareBlocks(comparer: Comparer, index: BlockIndex, options: BlockOptions): BlockResult {
  const size = comparer.table.size;
  const scale = 2 ** index.personBits;
  const capped = cappedKeys(index, options.maxBlockSize);
  const order = capped.size > 0 ? sortKeys(comparer) : null;
  const left: number[] = [];
  const right: number[] = [];
  const scores: number[] = [];
  let comparisons = 0;
  const consider = (i: number, j: number) => {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    if (options.excluded?.has(a * size + b)) return;
    comparisons++;
    const score = comparer.score(a, b);
    if (score >= options.threshold) {
      left.push(a);
      right.push(b);
      scores.push(score);
    }
  };
  const { entries } = index;
  for (let bucket = options.share; bucket < index.bucketStart.length; bucket += options.shares) {
    const start = index.bucketStart[bucket] ?? 0;
    const end = index.bucketEnd[bucket] ?? 0;
    const key = Math.floor((entries[start] ?? 0) / scale);
    const person = (e: number) => (entries[e] ?? 0) - key * scale;
    if (!capped.has(key)) {
      for (let x = start; x < end; x++) {
        const i = person(x);
        for (let y = x + 1; y < end; y++) {
          const j = person(y);
          if (firstSharedKey(index, i, j, capped) === key) consider(i, j);
        }
      }
      continue;
    }
    const members = Array.from({ length: end - start }, (_, x) => person(start + x));
    members.sort((a, b) => (order?.[a] ?? 0) - (order?.[b] ?? 0));
    for (let x = 0; x < members.length; x++) {
      const i = members[x] ?? 0;
      for (let y = x + 1; y < Math.min(members.length, x + 1 + options.window); y++) {
        const j = members[y] ?? 0;
        // Compared in an all-to-all bucket if they share one; else here (maybe twice: results are merged).
        if (firstSharedKey(index, i, j, capped) === -1) consider(i, j);
      }
    }
  }
  return {
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    score: Float64Array.from(scores),
    comparisons,
  };
}
