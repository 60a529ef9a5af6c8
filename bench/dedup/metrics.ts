/** Accuracy of a dedup run against ground truth (cluster id per record position). */
import { firstSharedKey } from '../../src/modules/registry/matching/block-index';
import type { DedupRun } from '../../src/modules/registry/matching/dedup';

export type Accuracy = {
  truePairs: number;
  proposedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of true pairs sharing at least one blocking key. */
  blockingRecall: number;
  /** False positives between members of one household (siblings, spouses, twins). */
  householdFalsePositives: number;
};

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** True pairs, enumerated from the positions of each cluster's records. */
export function* truePairs(clusterOf: Int32Array, size: number): Generator<[number, number]> {
  const members = new Map<number, number[]>();
  for (let i = 0; i < size; i++) {
    const cluster = clusterOf[i] ?? -1;
    const list = members.get(cluster);
    if (list) list.push(i);
    else members.set(cluster, [i]);
  }
  for (const list of members.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) yield [list[x] ?? 0, list[y] ?? 0];
}

export function accuracy(run: DedupRun, clusterOf: Int32Array, householdOf?: Int32Array): Accuracy {
  let truePositives = 0;
  let householdFalsePositives = 0;
  for (let k = 0; k < run.left.length; k++) {
    const i = run.left[k] ?? 0;
    const j = run.right[k] ?? 0;
    if (clusterOf[i] === clusterOf[j]) truePositives++;
    else if (householdOf && householdOf[i] === householdOf[j]) householdFalsePositives++;
  }
  let total = 0;
  let blocked = 0;
  for (const [i, j] of truePairs(clusterOf, run.table.size)) {
    total++;
    if (firstSharedKey(run.index, i, j) >= 0) blocked++;
  }
  const precision = run.left.length ? truePositives / run.left.length : 1;
  const recall = total ? truePositives / total : 1;
  return {
    truePairs: total,
    proposedPairs: run.left.length,
    truePositives,
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    blockingRecall: round(total ? blocked / total : 1),
    householdFalsePositives,
  };
}
