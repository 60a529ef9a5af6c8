/**
 * Foundation scenario: sign-in cost (argon2id), authenticated API throughput and latency (session
 * resolution on every request), audited writes (serialised by the audit chain lock), and audit-chain
 * verification speed.
 */
import autocannon from 'autocannon';
import { loadConfig, resolveEncryptionKey } from '../src/config';
import { seedDemo } from '../src/demo/seed';
import { verifyAuditChain } from '../src/platform/audit/verify';
import { systemClock } from '../src/platform/clock';
import { buildApp } from '../src/server/app';
import type { BenchTarget } from './targets';

const PASSWORD = 'bench-passerelle';

type Load = {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
};

async function load(url: string, options: Partial<autocannon.Options>): Promise<Load> {
  console.log(`  ${options.method ?? 'GET'} ${new URL(url).pathname}`);
  const result = await autocannon({ url, connections: 10, duration: 8, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export async function foundationScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
    NODE_ENV: 'test',
    ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
  });
  await seedDemo(target.database, systemClock, PASSWORD, resolveEncryptionKey(config), config.dataDir);
  const app = await buildApp({ database: target.database, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  try {
    // Sign-in: argon2id verification dominates, by design.
    const loginBody = JSON.stringify({ email: 'caseworker.paris@passerelle.test', password: PASSWORD });
    const login = await load(`${base}/api/auth/login`, {
      method: 'POST',
      body: loginBody,
      headers: { 'content-type': 'application/json' },
      connections: 4,
      duration: 5,
    });

    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@passerelle.test', password: PASSWORD }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', origin: base };

    const health = await load(`${base}/api/health`, {});
    const me = await load(`${base}/api/auth/me`, { headers });
    const projects = await load(`${base}/api/projects`, { headers });

    // Audited writes: each PATCH bumps the version; the body is rebuilt per request from a counter.
    const officeRes = await fetch(`${base}/api/offices`, { headers });
    const { items } = (await officeRes.json()) as { items: { id: string; code: string; version: number }[] };
    const office = items.find((o) => o.code === 'ROM');
    if (!office) throw new Error('no ROM office');
    let version = office.version;
    const writes = await load(`${base}/api/offices/${office.id}`, {
      method: 'PATCH',
      headers,
      connections: 1, // optimistic concurrency: one writer keeps every request valid
      duration: 5,
      setupClient: (client) => {
        client.on('response', () => {
          version += 1;
          client.setBody(JSON.stringify({ version, city: `Rome ${version}` }));
        });
        client.setBody(JSON.stringify({ version, city: `Rome ${version}` }));
      },
    });

    const started = performance.now();
    const verdict = await verifyAuditChain(target.database.db);
    const verifyMs = performance.now() - started;
    return {
      loginRequestsPerSecond: login.requestsPerSecond,
      login,
      health,
      authenticatedMe: me,
      projectList: projects,
      auditedOfficeUpdates: writes,
      auditVerify: {
        events: verdict.checked,
        ok: verdict.ok,
        ms: Math.round(verifyMs),
        eventsPerSecond: Math.round((verdict.checked / verifyMs) * 1000),
      },
    };
  } finally {
    await app.close();
  }
}
