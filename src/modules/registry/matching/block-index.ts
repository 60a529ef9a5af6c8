/**
 * The batch's block index: every person's blocking keys hashed to integers, and the (key, person) entries
 * sorted so that each key's persons are contiguous. Typed arrays only: about 12 bytes per key per person.
 */
import { blockingKeysOf } from './blocking';
import { type PersonTable, shared } from './table';

export type BlockIndex = {
  /** Keys of person i: personKeys[personKeyOffset[i] .. personKeyOffset[i+1]-1], ascending. */
  personKeyOffset: Int32Array;
  personKeys: Float64Array;
  /** Sorted entries key * 2^personBits + person; a bucket is a run of equal keys. */
  entries: Float64Array;
  personBits: number;
  /** Start of each bucket of two or more persons in entries, and its end (exclusive). */
  bucketStart: Int32Array;
  bucketEnd: Int32Array;
};

/** FNV-1a, cut to `bits` bits: distinct keys that collide only cost extra comparisons. */
function hashKey(key: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash >>>= 0;
  return bits >= 32 ? hash : hash >>> (32 - bits);
}

export function buildBlockIndex(table: PersonTable): BlockIndex {
  const n = table.size;
  const personBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(32, 53 - personBits);
  const scale = 2 ** personBits;
  const personKeyOffset = new Int32Array(new SharedArrayBuffer((n + 1) * 4));
  let keys = new Float64Array(n * 8 + 16);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const hashes = [...new Set(blockingKeysOf(table, i).map((key) => hashKey(key, hashBits)))].sort(
      (a, b) => a - b,
    );
    if (count + hashes.length > keys.length) {
      const bigger = new Float64Array(keys.length * 2);
      bigger.set(keys);
      keys = bigger;
    }
    for (const hash of hashes) keys[count++] = hash;
    personKeyOffset[i + 1] = count;
  }
  const personKeys = shared(keys.subarray(0, count));
  const entries = new Float64Array(new SharedArrayBuffer(count * 8));
  for (let i = 0; i < n; i++)
    for (let k = personKeyOffset[i] ?? 0; k < (personKeyOffset[i + 1] ?? 0); k++)
      entries[k] = (personKeys[k] ?? 0) * scale + i;
  entries.sort();
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  for (let e = 1; e <= count; e++) {
    if (e < count && Math.floor((entries[e] ?? 0) / scale) === Math.floor((entries[start] ?? 0) / scale))
      continue;
    if (e - start >= 2) {
      starts.push(start);
      ends.push(e);
    }
    start = e;
  }
  return {
    personKeyOffset,
    personKeys,
    entries,
    personBits,
    bucketStart: shared(Int32Array.from(starts)),
    bucketEnd: shared(Int32Array.from(ends)),
  };
}

/** The smallest key persons i and j share (ignoring keys in `skip`), or -1. */
export function firstSharedKey(index: BlockIndex, i: number, j: number, skip?: ReadonlySet<number>): number {
  const { personKeyOffset: offset, personKeys: keys } = index;
  let a = offset[i] ?? 0;
  let b = offset[j] ?? 0;
  const endA = offset[i + 1] ?? 0;
  const endB = offset[j + 1] ?? 0;
  while (a < endA && b < endB) {
    const ka = keys[a] ?? 0;
    const kb = keys[b] ?? 0;
    if (ka === kb) {
      if (!skip?.has(ka)) return ka;
      a++;
      b++;
    } else if (ka < kb) a++;
    else b++;
  }
  return -1;
}
