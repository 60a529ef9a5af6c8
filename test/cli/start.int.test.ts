/**
 * The real start-up path (`src/main.ts`) on the embedded database: demo data on a new data folder,
 * data kept across restarts, and a second process on the same folder refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/db/lock';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

const RUNNING = /Passerelle is running on http:\/\/127\.0\.0\.1:(\d+)/;

function boundPort(started: Started): number {
  const match = RUNNING.exec(started.output());
  if (!match) throw new Error(`no port in:\n${started.output()}`);
  return Number(match[1]);
}

/**
 * Started with PORT=0: the system picks a free port, read back from the start-up line. `inContainer` runs it
 * as a container would: in a pid namespace of its own, where it is pid 1 every time.
 */
function start(inContainer = false): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    PASSERELLE_DEMO_PASSWORD: 'start-test-password',
  };
  delete env.DATABASE_URL;
  const node = [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const [command = '', ...args] = inContainer
    ? ['unshare', '--pid', '--fork', '--kill-child', ...node]
    : node;
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = { child, output: () => output, exited };
  running.add(started);
  return started;
}

/** Every process a test started, stopped when the file ends even if the test failed half-way. */
const running = new Set<Started>();
afterAll(() => {
  for (const started of running) if (started.child.exitCode === null) started.child.kill('SIGKILL');
});

/**
 * The first start migrates and loads the whole demo (about 25 s on a quiet two-core machine; a CI machine
 * running the other test tiers beside it can take several times that).
 */
async function waitFor(started: Started, pattern: RegExp, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (Date.now() > deadline || started.child.exitCode !== null)
      throw new Error(`did not see ${pattern}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The server dies a moment after unshare (its parent): wait until the kernel has let go of its lock. */
async function lockFreed(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      acquireDataDirLock(dataDir).release();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('the killed server still holds the lock');
}

async function stop(started: Started): Promise<void> {
  started.child.kill('SIGTERM');
  await started.exited;
}

describe('npm start on the embedded database', () => {
  it('loads demo data once, keeps data across restarts and refuses a second process on the same folder', async () => {
    const first = start();
    await waitFor(first, RUNNING);
    const port = boundPort(first);
    expect(first.output()).toMatch(/Demo data loaded.*start-test-password/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', ok: true } });

    // Change something, to see it survive the restart.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@passerelle.test', password: 'start-test-password' }),
    });
    expect(login.status).toBe(200);

    const second = start();
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(/already in use by another Passerelle process/);

    await stop(first);

    const third = start();
    await waitFor(third, RUNNING);
    const thirdPort = boundPort(third);
    expect(third.output()).not.toMatch(/Demo data loaded/);
    const users = await fetch(`http://127.0.0.1:${thirdPort}/api/health`);
    expect(users.status).toBe(200);
    const relogin = await fetch(`http://127.0.0.1:${thirdPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ email: 'admin@passerelle.test', password: 'start-test-password' }),
    });
    const me = (await relogin.json()) as { user: { displayName: string } };
    expect(me.user.displayName).toBe('Hélène Garnier');
    await stop(third);
  }, 400_000);

  it('restarts after being killed in a container, where the new process has the old one’s pid', async () => {
    for (let round = 0; round < 2; round++) {
      const started = start(true);
      await waitFor(started, RUNNING);
      // Pid 1 of its namespace wrote the lock file; the next one will be pid 1 too.
      expect(fs.readFileSync(path.join(dataDir, 'passerelle.lock'), 'utf8')).toMatch(/^pid 1, /);
      const health = await fetch(`http://127.0.0.1:${boundPort(started)}/api/health`);
      expect(health.status).toBe(200);
      // kill -9 of the container: unshare dies, and with it (--kill-child) the server, with no clean-up.
      started.child.kill('SIGKILL');
      await started.exited;
      await lockFreed();
    }
    // And once more, to see it up after the second kill.
    const last = start(true);
    await waitFor(last, RUNNING);
    expect(last.output()).not.toMatch(/already in use/);
    last.child.kill('SIGKILL');
    await last.exited;
  }, 400_000);
});
