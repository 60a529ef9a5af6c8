/**
 * The batch's comparisons on several threads: the main thread takes one share of the buckets and each
 * worker thread another. Tables and indexes live in shared memory; name parts and frequencies are copied
 * once per worker. When this module runs as TypeScript (under tsx), the worker first registers tsx's
 * loader, which worker threads do not inherit.
 */
import { Worker } from 'node:worker_threads';
import type { BlockIndex } from './block-index';
import type { Comparer } from './compare';
import { type BlockOptions, type BlockResult, compareBlocks } from './compare-blocks';
import type { CountedFrequencies } from './frequencies';
import type { PartInfo } from './parts';
import type { TableColumns } from './table';

export type WorkerInput = {
  columns: TableColumns;
  parts: PartInfo[];
  frequencies: CountedFrequencies | null;
  index: BlockIndex;
  options: BlockOptions;
};

function startWorker(input: WorkerInput): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const script = new URL(typescript ? './dedup-worker.ts' : './dedup-worker.js', import.meta.url);
  if (!typescript) return new Worker(script, { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(`${boot}.catch((error) => { throw error; });`, { eval: true, workerData: input });
}

function runWorker(input: WorkerInput): Promise<BlockResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    worker.once('message', (result: BlockResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`dedup worker exited with code ${code}`));
    });
  });
}

/**
 * Runs `threads` shares of the buckets: one here, the others on worker threads; with `offload`, every
 * share on a worker thread (this thread only waits).
 */
export async function runInWorkers(
  comparer: Comparer,
  frequencies: CountedFrequencies | null,
  index: BlockIndex,
  options: Omit<BlockOptions, 'share' | 'shares'>,
  threads: number,
  offload = false,
): Promise<BlockResult[]> {
  const shares = Math.max(1, Math.floor(threads));
  const columns = comparer.table.columns();
  const parts = comparer.table.parts.parts;
  const first = offload ? 0 : 1;
  const remote = Array.from({ length: shares - first }, (_, k) =>
    runWorker({ columns, parts, frequencies, index, options: { ...options, share: k + first, shares } }),
  );
  const local = offload ? [] : [compareBlocks(comparer, index, { ...options, share: 0, shares })];
  return [...local, ...(await Promise.all(remote))];
}
