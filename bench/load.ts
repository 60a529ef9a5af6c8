/**
 * Mixed load against the real server (`src/main.ts` in its own process, with the demo data): 50 connections
 * of caseworkers for 30 s: case lists with filters, name searches, case pages, task lists, and 10% writes
 * (notes), each with a 10 s client timeout, while a monitor probes /api/health every second with a 1 s
 * timeout. Measured from the client: every answer's latency (p50/p95/p99/max), the 503s (load shed, with
 * Retry-After), timeouts and failed probes; and from the server's own log, the times it reports.
 *
 * Optionally a whole-registry duplicate scan runs during the load (`--with-scan`), to see what it costs
 * everyone else.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { openMigratedDatabase } from '../src/db/client';
import { isDatabaseEmpty, seedDemo } from '../src/demo/seed';
import { startupCipher } from '../src/encryption-key';
import { AVRR_WORKFLOW } from '../src/modules/cases/workflow';
import { refreshStaleMatchKeys } from '../src/modules/registry/person-matching';
import { systemClock } from '../src/platform/clock';
import { FAMILY, GIVEN } from './cases';
import type { BenchTarget } from './targets';

/** Open cases are spread over the states before departure and arrival. */
const STATUSES = AVRR_WORKFLOW.states.slice(0, 7);

/** People (each with an open case) added to the Paris office on top of the demo, per engine. */
const EXTRA = {
  pglite: Number(process.env.LOAD_EXTRA_PGLITE ?? 20_000),
  postgres: Number(process.env.LOAD_EXTRA_POSTGRES ?? 26_000),
};

/**
 * The demo, then `extra` people with a case each in Paris (where the bench's Paris accounts work), their
 * name keys built as the server's job would: an office of some size, not the demo's few hundred records.
 */
export async function prepare(env: NodeJS.ProcessEnv, extra: number): Promise<void> {
  const config = loadConfig(env as Record<string, string>);
  const database = await openMigratedDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: 2,
  });
  try {
    const { key } = await startupCipher(config, database);
    if (await isDatabaseEmpty(database)) await seedDemo(database, systemClock, PASSWORD, key, config.dataDir);
    const arr = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);
    await database.db.execute(sql`
      insert into persons (id, reference, owning_office_id, given_name, family_name, search_text, sex, birth_date, birth_date_precision, nationalities, specific_needs)
      select gen_random_uuid(), 'PAR-L' || lpad(i::text, 7, '0'), o.id,
        initcap((${arr(GIVEN)})[1 + i % ${GIVEN.length}]), initcap((${arr(FAMILY)})[1 + (i / 7) % ${FAMILY.length}]),
        (${arr(GIVEN)})[1 + i % ${GIVEN.length}] || ' ' || (${arr(FAMILY)})[1 + (i / 7) % ${FAMILY.length}],
        case when i % 3 = 0 then 'male' else 'female' end, date '1970-01-01' + (i % 15000), 'exact',
        array[(array['AL','MA','UA','IQ','SY'])[1 + i % 5]], array[]::text[]
      from generate_series(1, ${extra}) i, offices o where o.code = 'PAR'`);
    await database.db.execute(sql`
      insert into cases (id, reference, person_id, case_type, sensitive, owning_office_id, status, created_at, updated_at)
      select gen_random_uuid(), 'PAR-L-' || substr(p.reference, 6), p.id, 'avrr', false, p.owning_office_id,
        (${arr(STATUSES)})[1 + i % ${STATUSES.length}],
        timestamptz '2026-01-01' + (i || ' minutes')::interval, timestamptz '2026-01-01' + ((i * 7) % 400000 || ' minutes')::interval
      from (select p.*, row_number() over (order by reference) as i from persons p where reference like 'PAR-L%') p`);
    while ((await refreshStaleMatchKeys(database.db, 2000)) > 0);
    await database.db.execute(sql`vacuum analyze`);
  } finally {
    await database.close();
  }
}

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.LOAD_SECONDS ?? 30) * 1000;
const TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 1_000;
const PASSWORD = 'bench-load-password';
const ACCOUNTS = [
  'caseworker.paris@passerelle.test',
  'supervisor.paris@passerelle.test',
  'protection.paris@passerelle.test',
  'caseworker.tirana@passerelle.test',
  'supervisor.tirana@passerelle.test',
  'caseworker.erbil@passerelle.test',
  'supervisor.erbil@passerelle.test',
  'caseworker.kyiv@passerelle.test',
  'caseworker.rabat@passerelle.test',
];
const SEARCHES = [
  'hoxha',
  'mohammed',
  'шевченко',
  'محمد',
  'kola',
  'ahmed',
  'bondarenko',
  'berrada',
  'ali',
  'gashi',
];

type Answer = { status: number; ms: number; timedOut: boolean; kind?: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 * CONNECTIONS + 5 });

function request(
  port: number,
  method: string,
  pathName: string,
  options: { body?: unknown; headers?: Record<string, string>; timeout?: number } = {},
): Promise<Answer & { body: string; headers: http.IncomingHttpHeaders }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathName,
        agent,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          origin: `http://127.0.0.1:${port}`,
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            timedOut: false,
            body,
            headers: res.headers,
          }),
        );
      },
    );
    req.setTimeout(options.timeout ?? TIMEOUT_MS, () => {
      req.destroy();
      resolve({ status: 0, ms: performance.now() - started, timedOut: true, body: '', headers: {} });
    });
    req.on('error', () =>
      resolve({ status: 0, ms: performance.now() - started, timedOut: false, body: '', headers: {} }),
    );
    if (payload) req.write(payload);
    req.end();
  });
}

type Session = { cookie: string; csrf: string };

async function signIn(port: number, email: string): Promise<Session> {
  let answer = await request(port, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  // Many sign-ins at once (argon2id) are turned away too: come back when told, as the web app does.
  for (let tries = 0; answer.status === 503 && tries < 20; tries++) {
    await new Promise((r) => setTimeout(r, 1000 * Number(answer.headers['retry-after'] ?? 1)));
    answer = await request(port, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  }
  if (answer.status !== 200) throw new Error(`sign-in ${email}: ${answer.status} ${answer.body}`);
  const cookie =
    String(answer.headers['set-cookie']?.find((c) => c.startsWith('passerelle_session=')) ?? '').split(
      ';',
    )[0] ?? '';
  return { cookie, csrf: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken };
}

const kindOf = (roll: number) =>
  roll < 10 ? 'note' : roll < 40 ? 'caseList' : roll < 65 ? 'search' : roll < 90 ? 'casePage' : 'tasks';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

function summary(answers: Answer[]) {
  const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
  const byStatus: Record<string, number> = {};
  for (const a of answers)
    byStatus[a.timedOut ? 'timeout' : String(a.status)] =
      (byStatus[a.timedOut ? 'timeout' : String(a.status)] ?? 0) + 1;
  return {
    requests: answers.length,
    latencyMs: {
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      p99: percentile(ms, 99),
      max: Math.round(ms.at(-1) ?? 0),
    },
    byStatus,
    timeouts: answers.filter((a) => a.timedOut).length,
  };
}

type Server = { child: ChildProcess; port: number; log: () => string; stop(): Promise<void> };

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  // LOAD_PROFILE=folder: a CPU profile of the server (node --cpu-prof), to see where its time goes.
  const profile = process.env.LOAD_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const deadline = Date.now() + 180_000;
  let port = 0;
  while (!port) {
    const match = /Passerelle is running on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
    if (match) port = Number(match[1]);
    else if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start:\n${log}`);
    else await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    port,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Server-side response times from its JSON log lines (pino's responseTime, in ms). */
function serverTimes(log: string): { p99: number; max: number } {
  const times: number[] = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { responseTime?: number };
      if (typeof entry.responseTime === 'number') times.push(entry.responseTime);
    } catch {}
  }
  times.sort((a, b) => a - b);
  return { p99: percentile(times, 99), max: Math.round(times.at(-1) ?? 0) };
}

/** How the scan started during the load went: its status, and how long it ran. */
async function scanOutcome(port: number, session: Session, startedAt: number) {
  for (;;) {
    const answer = await request(port, 'GET', '/api/duplicates/scans', {
      headers: { cookie: session.cookie },
    });
    const [latest] = (JSON.parse(answer.body) as { items: { status: string; persons: number | null }[] })
      .items;
    if (latest && latest.status !== 'running')
      return {
        status: latest.status,
        persons: latest.persons,
        seconds: Math.round((performance.now() - startedAt) / 100) / 10,
      };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function caseIdsOf(port: number, session: Session): Promise<string[]> {
  const answer = await request(port, 'GET', '/api/cases?limit=100', { headers: { cookie: session.cookie } });
  if (answer.status !== 200) throw new Error(`case list: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { items: { id: string }[] }).items.map((c) => c.id);
}

export async function runLoad(env: NodeJS.ProcessEnv, options: { withScan: boolean; connections?: number }) {
  const connections = options.connections ?? CONNECTIONS;
  const server = await startServer(env);
  try {
    const sessions = await Promise.all(
      Array.from({ length: connections }, (_, i) => signIn(server.port, ACCOUNTS[i % ACCOUNTS.length] ?? '')),
    );
    const caseIds = await Promise.all(
      sessions.slice(0, ACCOUNTS.length).map((s) => caseIdsOf(server.port, s)),
    );
    const answers: Answer[] = [];
    const probes: Answer[] = [];
    const until = performance.now() + DURATION_MS;
    let scan: Answer | undefined;
    const scanStartedAt = performance.now();
    if (options.withScan) {
      const supervisor = sessions[1] as Session;
      scan = await request(server.port, 'POST', '/api/duplicates/scans', {
        body: {},
        headers: { cookie: supervisor.cookie, 'x-csrf-token': supervisor.csrf },
      });
    }
    const user = async (i: number) => {
      const session = sessions[i] as Session;
      const ids = caseIds[i % ACCOUNTS.length] ?? [];
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
      let n = 0;
      while (performance.now() < until) {
        n++;
        const roll = (i * 7919 + n * 104_729) % 100;
        const caseId = ids[(i + n) % Math.max(1, ids.length)];
        let answer: Answer;
        if (roll < 10 && caseId)
          answer = await request(server.port, 'POST', `/api/cases/${caseId}/notes`, {
            body: { body: `Appel de suivi ${n}`, confidential: false },
            headers,
          });
        else if (roll < 40)
          answer = await request(
            server.port,
            'GET',
            `/api/cases?limit=50${n % 3 === 0 ? '&status=counselling' : ''}${n % 4 === 0 ? '&sort=created_desc' : ''}`,
            { headers },
          );
        else if (roll < 65)
          answer = await request(
            server.port,
            'GET',
            `/api/persons?q=${encodeURIComponent(SEARCHES[n % SEARCHES.length] ?? 'a')}`,
            { headers },
          );
        else if (roll < 90 && caseId)
          answer = await request(server.port, 'GET', `/api/cases/${caseId}`, { headers });
        else answer = await request(server.port, 'GET', '/api/tasks', { headers });
        answers.push({ ...answer, kind: kindOf(roll) });
        // A shed request says when to come back; a person (or the web app) waits that long.
        if (answer.status === 503)
          await new Promise((r) => setTimeout(r, 1000 * Number(answer.status === 503 ? 1 : 0)));
      }
    };
    const monitor = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        probes.push(await request(server.port, 'GET', '/api/health', { timeout: PROBE_TIMEOUT_MS }));
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
      }
    };
    await Promise.all([...Array.from({ length: connections }, (_, i) => user(i)), monitor()]);
    const served = answers.filter((a) => a.status >= 200 && a.status < 300);
    return {
      connections,
      seconds: DURATION_MS / 1000,
      all: summary(answers),
      served: summary(served),
      byKind: Object.fromEntries(
        ['caseList', 'search', 'casePage', 'tasks', 'note'].map((kind) => [
          kind,
          summary(served.filter((a) => a.kind === kind)).latencyMs,
        ]),
      ),
      throughputPerSecond: Math.round(served.length / (DURATION_MS / 1000)),
      shed503: answers.filter((a) => a.status === 503).length,
      health: {
        probes: probes.length,
        failed: probes.filter((p) => p.status !== 200).length,
        latencyMs: summary(probes).latencyMs,
      },
      serverReportedMs: serverTimes(server.log()),
      ...(scan ? { scan: await scanOutcome(server.port, sessions[1] as Session, scanStartedAt) } : {}),
    };
  } catch (error) {
    console.error(
      server
        .log()
        .split('\n')
        .filter((l) => l.includes('err'))
        .slice(-3)
        .join('\n'),
    );
    throw error;
  } finally {
    await server.stop();
  }
}

/** The `load` scenario: the embedded server on a fresh data folder, or PostgreSQL (BenchTarget.url). */
export async function loadScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-load-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    PASSERELLE_DEMO: '1',
    PASSERELLE_DEMO_PASSWORD: PASSWORD,
    LOGIN_RATE_PER_MINUTE: '10000',
    DUPLICATE_SCAN_HOURS: '0',
  };
  delete env.DATABASE_URL;
  if (target.kind === 'postgres') {
    if (!target.url) throw new Error('the PostgreSQL target has no URL');
    Object.assign(env, { DATABASE_URL: target.url, ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64') });
  }
  // The target's own handle is not used: the server process opens the database itself.
  await target.database.close().catch(() => {});
  try {
    console.log(`  preparing: the demo and ${EXTRA[target.kind]} more people with cases in Paris`);
    await prepare(env, EXTRA[target.kind]);
    const plain = await runLoad(env, { withScan: false });
    console.log(JSON.stringify(plain));
    // The same load while a scan of the whole Paris registry (the demo's and the added people) runs.
    const duringScan = await runLoad(env, { withScan: true });
    console.log(JSON.stringify(duringScan));
    // Twice the connections: past what the server can serve, the line turns requests away quickly (503)
    // instead of letting every answer grow slow.
    const overload = await runLoad(env, { withScan: false, connections: 2 * CONNECTIONS });
    console.log(JSON.stringify(overload));
    return { extraPeopleWithCases: EXTRA[target.kind], mixed: plain, duringScan, overload };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
