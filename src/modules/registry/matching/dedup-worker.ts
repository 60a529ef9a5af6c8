/** Worker thread of the batch: compares its share of the buckets and posts the pairs found. */
import { parentPort, workerData } from 'node:worker_threads';
import { Comparer } from './compare';
import { compareBlocks } from './compare-blocks';
import type { WorkerInput } from './dedup-workers';
import { frequenciesOf } from './frequencies';
import { PartRegistry } from './parts';
import { PersonTable } from './table';

const input = workerData as WorkerInput;
const table = PersonTable.fromColumns(input.columns, PartRegistry.of(input.parts));
const comparer = new Comparer(table, input.frequencies ? frequenciesOf(input.frequencies) : undefined);
const result = compareBlocks(comparer, input.index, input.options);
parentPort?.postMessage(result, [
  result.left.buffer,
  result.right.buffer,
  result.score.buffer,
] as ArrayBuffer[]);
