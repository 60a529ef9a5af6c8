/**
 * Dedup scenario: accuracy and cost of batch duplicate detection on seeded synthetic populations
 * (bench/dedup/population.ts) at 10k, 100k and 1M records, at the shipped MATCH_THRESHOLD, plus the FEBRL
 * sanity check. In memory (no database): each size runs in a child process so that its peak memory is
 * its own. Standalone: `node --import tsx bench/dedup.ts [size...]` (10k, 100000, 1m) prints
 * JSON; DEDUP_SEED, DEDUP_THREADS and DEDUP_PLACE vary the run.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MATCH_THRESHOLD } from '../src/modules/registry/matching';
import { dedupPopulation } from '../src/modules/registry/matching/dedup';
import { febrlCheck } from './dedup/febrl';
import { accuracy } from './dedup/metrics';
import { generatePopulation, type PopulationOptions } from './dedup/population';
import type { BenchTarget } from './targets';

const SIZES = [10_000, 100_000, 1_000_000];
/** The reported seed; DEDUP_SEED picks another (tuning is done on seed 7, never on this one). */
const SEED = Number(process.env.DEDUP_SEED ?? 20_150_501);
/**
 * Place-of-origin rates other than the generator's (population.ts PLACE), as JSON, e.g.
 * DEDUP_PLACE='{"known":0.6,"familyHome":0.7}': how much the result depends on those assumptions.
 */
const PLACE_RATES: PopulationOptions['place'] = JSON.parse(process.env.DEDUP_PLACE ?? '{}');
/** Old-space limit of each child process (MiB): the 2 GB memory target, with headroom for new space. */
const HEAP_MIB = 1800;
const THREADS = Number(process.env.DEDUP_THREADS ?? 2);

/** One size, in this process: generation is timed separately, then the dedup streams the population. */
async function measure(size: number): Promise<Record<string, unknown>> {
  const started = performance.now();
  for (const _ of generatePopulation({ size, seed: SEED, place: PLACE_RATES }).records);
  const generationSeconds = (performance.now() - started) / 1000;
  const population = generatePopulation({ size, seed: SEED, place: PLACE_RATES });
  const run = await dedupPopulation(population.records, { threads: THREADS });
  const seconds = run.stats.seconds;
  return {
    records: size,
    seed: SEED,
    ...(Object.keys(PLACE_RATES ?? {}).length ? { placeRates: PLACE_RATES } : {}),
    threshold: MATCH_THRESHOLD,
    ...accuracy(run, population.clusterOf, population.householdOf),
    comparisons: run.stats.comparisons,
    buckets: run.stats.buckets,
    largestBucket: run.stats.largestBucket,
    cappedBuckets: run.stats.cappedBuckets,
    blockingKeysPerPerson: Math.round((run.stats.blockingKeys / size) * 100) / 100,
    nameParts: run.stats.nameParts,
    seconds: {
      dedup: Math.round((seconds.total - generationSeconds) * 10) / 10,
      prepare: Math.round((seconds.prepare - generationSeconds) * 10) / 10,
      index: Math.round(seconds.index * 10) / 10,
      compare: Math.round(seconds.compare * 10) / 10,
      generation: Math.round(generationSeconds * 10) / 10,
    },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    threads: THREADS,
    maxOldSpaceMiB: HEAP_MIB,
  };
}

function inChild(size: number): Record<string, unknown> {
  const output = execFileSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MIB}`,
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      String(size),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

async function runAll(sizes: number[]): Promise<Record<string, unknown>> {
  const populations: Record<string, unknown> = {};
  for (const size of sizes) {
    console.error(`dedup: ${size} records`);
    populations[String(size)] = inChild(size);
  }
  return { populations, febrl: await febrlCheck() };
}

/** Scenario for bench/run.ts. In memory only: measured once, whatever the target. */
let measured: Promise<Record<string, unknown>> | null = null;
export function dedupScenario(_target: BenchTarget): Promise<Record<string, unknown>> {
  measured ??= runAll(SIZES);
  return measured;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const main =
    args[0] === '--child'
      ? measure(Number(args[1]))
      : runAll(
          args.length
            ? args.map((arg) =>
                Number(arg.toLowerCase().replace(/[_km]/g, (c) => ({ k: '000', m: '000000' })[c] ?? '')),
              )
            : SIZES,
        );
  main.then(
    (result) => {
      console.log(JSON.stringify(result, null, args[0] === '--child' ? 0 : 2));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
