/**
 * An unusable database stops the server (and the command line) with one or two lines naming the real
 * cause and exit code 2: never a stack dump, never the password.
 */
import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { testDbKind } from '../harness/db';
import { type Ran, runNode } from './run-node';

const PASSWORD = 'Sup3r-s3cret-Pa55';
const KEY = Buffer.alloc(32, 7).toString('base64');

function withUrl(url: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: url, ENCRYPTION_KEY: KEY, PORT: '0', LOG_LEVEL: 'warn' };
}

/** A port nothing listens on: bound for a moment, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function expectShortFailure(ran: Ran, cause: RegExp): void {
  expect(ran.code, ran.stderr).toBe(2);
  const lines = ran.stderr.trim().split('\n');
  expect(lines.length, ran.stderr).toBeLessThanOrEqual(2);
  expect(ran.stderr).toMatch(cause);
  expect(ran.stderr + ran.stdout).not.toContain(PASSWORD);
  expect(ran.stderr).not.toMatch(/^\s+at |CREATE SCHEMA|Error:/m);
}

describe('an unreachable database', () => {
  it('names a refused connection, for the server and for the command line', async () => {
    const url = `postgres://passerelle:${PASSWORD}@127.0.0.1:${await closedPort()}/passerelle`;
    expectShortFailure(await runNode('src/main.ts', [], withUrl(url)), /connection was refused/);
    expectShortFailure(
      await runNode('src/cli/index.ts', ['migrate'], withUrl(url)),
      /connection was refused/,
    );
  }, 60_000);

  it('names an unknown host', async () => {
    const url = `postgres://passerelle:${PASSWORD}@no-such-host.invalid:5432/passerelle`;
    expectShortFailure(
      await runNode('src/main.ts', [], withUrl(url)),
      /host "no-such-host\.invalid" is not known/,
    );
  }, 60_000);

  // Against the real server the harness started: these need PostgreSQL itself to answer.
  if (testDbKind() === 'postgres') {
    const admin = () => new URL(inject('postgresAdminUrl'));

    if (inject('postgresChecksPasswords'))
      it('names a wrong password without printing it', async () => {
        const url = admin();
        url.password = PASSWORD;
        expectShortFailure(
          await runNode('src/main.ts', [], withUrl(url.toString())),
          /refused the password of user/,
        );
      }, 60_000);

    it('names a missing database', async () => {
      const url = admin();
      url.pathname = '/no_such_database';
      expectShortFailure(
        await runNode('src/main.ts', [], withUrl(url.toString())),
        /database "no_such_database" does not exist/,
      );
    }, 60_000);
  }
});
