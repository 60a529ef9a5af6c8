/**
 * The public site under a traffic spike (issue 14): the real app (buildApp) on the target database, serving
 * the site's pages. Measured: a page served from the page cache, in process (`app.inject`) and over HTTP
 * (p50/p99); a page rendered afresh (the cache emptied before each run); and autocannon with 200 connections
 * for ~10 s on the home page, an article and the Atom feed: requests per second, latency, errors (expected:
 * none).
 *
 * The source: the content module's `siteSource(db, clock)` is not in this branch yet, so the scenario reads
 * the seed page's items from the in-memory source of the site's tests (test/site/memory-source.ts). When it
 * lands, `sourceFor` below returns `content.siteSource(target.database.db, systemClock)` instead (with the
 * demo's content loaded into the target), and the same measures then include the database on every miss.
 * Cache hits, which the spike is made of, never reach the source either way.
 *
 * autocannon runs in this process, beside the server: on a small machine both share its cores.
 */
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/platform/clock';
import { buildApp } from '../src/server/app';
import type { SiteSource } from '../src/site';
import { memorySource } from '../test/site/memory-source';
import type { BenchTarget } from './targets';
import { percentile } from './timing';

const hundredths = (ms: number) => Math.round(ms * 100) / 100;

const CONNECTIONS = Number(process.env.SITE_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.SITE_SECONDS ?? 10);
const RUNS = 1000;

const PAGES = {
  home: '/fr',
  article: '/fr/actualites/le-projet-care-prolonge-jusqu-en-decembre-2015',
  feed: '/fr/feed.xml',
};

/** What the site reads on this target (see the note at the top). */
async function sourceFor(_target: BenchTarget): Promise<{ source: SiteSource; kind: string }> {
  return { source: memorySource(systemClock).source, kind: 'in-memory seed (content module not wired yet)' };
}

type Latency = { runs: number; p50Ms: number; p99Ms: number; maxMs: number };

async function sample(runs: number, fn: () => Promise<unknown>, before?: () => void): Promise<Latency> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    p50Ms: hundredths(percentile(samples, 50)),
    p99Ms: hundredths(percentile(samples, 99)),
    maxMs: hundredths(samples.at(-1) ?? 0),
  };
}

export async function siteScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  });
  const { source, kind } = await sourceFor(target);
  const app = await buildApp({ database: target.database, config, logger: false, siteSource: source });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  try {
    for (const path of Object.values(PAGES)) {
      const res = await app.inject(path);
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
    }

    console.log('  from the cache, in process (app.inject)');
    const cachedInProcess: Record<string, Latency> = {};
    for (const [name, path] of Object.entries(PAGES))
      cachedInProcess[name] = await sample(RUNS, () => app.inject(path));

    console.log('  from the cache, over HTTP (one connection)');
    const cachedHttp: Record<string, Latency> = {};
    for (const [name, path] of Object.entries(PAGES))
      cachedHttp[name] = await sample(RUNS, async () => {
        const res = await fetch(base + path);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      });

    // What a miss costs: without PUBLIC_BASE_URL each origin has its own cache entries, so a new Host each
    // run is a miss (the source is read and the page rendered).
    console.log('  rendered afresh (a cache miss each run)');
    const rendered: Record<string, Latency> = {};
    let miss = 0;
    for (const [name, path] of Object.entries(PAGES))
      rendered[name] = await sample(200, () =>
        app.inject({ url: path, headers: { host: `miss-${++miss}.example.org` } }),
      );

    console.log(`  autocannon: ${CONNECTIONS} connections, ${SECONDS} s, home / article / feed`);
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: Object.values(PAGES).map((path) => ({ method: 'GET', path })),
    });
    const spike = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    };
    console.log(`  ${JSON.stringify(spike)}`);
    return { source: kind, cachedInProcess, cachedHttp, rendered, spike };
  } finally {
    await app.close();
  }
}
