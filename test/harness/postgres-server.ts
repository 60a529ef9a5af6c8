/**
 * A throwaway PostgreSQL server for the integration tests: initdb into a temporary folder (as an
 * unprivileged user when running as root: initdb refuses root), its own port, no fsync.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type PostgresServer = { url: string; stop(): Promise<void> };

/** The password of the throwaway server's superuser: it only ever listens on 127.0.0.1 for one test run. */
const TEST_SERVER_PASSWORD = 'passerelle-test-server';

const postgresIds = (): [number, number] => [
  Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
  Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
];

/** initdb of PostgreSQL >= 15: Debian's versioned folders first, then PATH. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .map(Number)
      .filter((v) => v >= 15)
      .sort((a, b) => b - a);
    for (const v of versions) {
      const bin = path.join(root, String(v), 'bin');
      if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
    }
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return initdb ? path.dirname(fs.realpathSync(initdb)) : undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function asUser(user: string | undefined, command: string, args: string[]): [string, string[]] {
  return user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
}

export async function startPostgres(bin: string): Promise<PostgresServer> {
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? 'postgres' : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg-'));
  const dataDir = path.join(dir, 'data');
  if (isRoot) fs.chownSync(dir, ...postgresIds());
  // Connections over TCP need the password, as in production: a wrong one is refused (the start-up
  // tests check what the operator is told then). The local socket stays open for the harness itself.
  const passwordFile = path.join(dir, 'pwfile');
  fs.writeFileSync(passwordFile, `${TEST_SERVER_PASSWORD}\n`);
  if (isRoot) fs.chownSync(passwordFile, ...postgresIds());
  const [initCmd, initArgs] = asUser(user, path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    `--pwfile=${passwordFile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [cmd, args] = asUser(user, path.join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const poll = () => {
      if (log.includes('ready to accept connections')) return resolve();
      if (child.exitCode !== null || Date.now() > deadline)
        return reject(new Error(`PostgreSQL did not start:\n${log}`));
      setTimeout(poll, 100);
    };
    poll();
  });
  return {
    url: `postgres://postgres:${TEST_SERVER_PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Signal the postmaster itself: runuser does not forward signals to it. SIGINT = fast shutdown.
        const pidFile = path.join(dataDir, 'postmaster.pid');
        const pid = fs.existsSync(pidFile)
          ? Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10)
          : Number.NaN;
        if (Number.isInteger(pid)) process.kill(pid, 'SIGINT');
        else child.kill('SIGINT');
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
