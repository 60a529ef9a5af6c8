/**
 * `npm run bench [-- scenario...]`: performance scenarios, on the embedded database and on PostgreSQL
 * (a throwaway server, as in the tests, or BENCH_DATABASE_URL). Results are written as JSON to
 * bench/results/<scenario>.json. Benchmarks measure; tests never assert timings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { casesScenario } from './cases';
import { dedupScenario } from './dedup';
import { foundationScenario } from './foundation';
import { loadScenario } from './load';
import { matchingScenario } from './matching';
import { reportingScenario } from './reporting';
import { resettlementScenario } from './resettlement';
import { siteScenario } from './site';
import { type BenchTarget, openTargets } from './targets';

const SCENARIOS: Record<string, (target: BenchTarget) => Promise<Record<string, unknown>>> = {
  foundation: foundationScenario,
  cases: casesScenario,
  dedup: dedupScenario,
  matching: matchingScenario,
  load: loadScenario,
  reporting: reportingScenario,
  resettlement: resettlementScenario,
  site: siteScenario,
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const names = requested.length > 0 ? requested : Object.keys(SCENARIOS);
  for (const name of names)
    if (!SCENARIOS[name])
      throw new Error(`Unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const outDir = path.resolve('bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    const scenario = SCENARIOS[name];
    if (!scenario) continue;
    const results: Record<string, unknown> = {};
    for await (const target of openTargets()) {
      console.log(`\n▶ ${name} on ${target.kind}`);
      try {
        results[target.kind] = await scenario(target);
      } finally {
        await target.close();
      }
    }
    const report = {
      scenario: name,
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      results,
    };
    const file = path.join(outDir, `${name}.json`);
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
