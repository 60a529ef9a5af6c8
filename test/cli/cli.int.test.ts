import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAdminError, createAdministrator } from '../../src/cli/create-admin';
import { users } from '../../src/modules/identity';
import { verifyAuditChain } from '../../src/platform/audit/verify';
import { createTestApp, type TestApp } from '../harness/app';
import { runNode } from './run-node';

/** Runs the CLI with stdin closed (as from a script). */
const run = (args: string[], env: NodeJS.ProcessEnv) => runNode('src/cli/index.ts', args, env);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('create-admin', () => {
  it('bootstraps an empty database: an HQ office and an administrator who must change the generated password', async () => {
    const result = await createAdministrator(t.database, t.clock, {
      email: 'Chief@Agency.org',
      displayName: 'Chief',
    });
    expect(result).toMatchObject({
      email: 'chief@agency.org',
      officeCode: 'HQ',
      generatedPassword: expect.any(String),
    });
    const session = await t.login('chief@agency.org', result.generatedPassword);
    expect(session.me.user.mustChangePassword).toBe(true);
    expect(session.me.permissions).toContain('users.manage');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('takes a chosen password and an existing office', async () => {
    await t.office('PAR');
    const result = await createAdministrator(t.database, t.clock, {
      email: 'second@agency.org',
      officeCode: 'par',
      password: 'a long chosen passphrase',
    });
    expect(result).toEqual({ email: 'second@agency.org', officeCode: 'PAR', generatedPassword: undefined });
    const session = await t.login('second@agency.org', 'a long chosen passphrase');
    expect(session.me.user.mustChangePassword).toBe(false);
  });

  it('refuses a duplicate email, an unknown office, a short password or a bad email, creating nothing', async () => {
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n;
    const before = await count();
    await expect(createAdministrator(t.database, t.clock, { email: 'CHIEF@agency.org' })).rejects.toThrow(
      CreateAdminError,
    );
    await expect(
      createAdministrator(t.database, t.clock, { email: 'x@agency.org', officeCode: 'NOPE' }),
    ).rejects.toThrow(/No office/);
    await expect(
      createAdministrator(t.database, t.clock, { email: 'y@agency.org', password: 'short' }),
    ).rejects.toThrow(/12 to 200/);
    await expect(createAdministrator(t.database, t.clock, { email: 'not an email' })).rejects.toThrow(
      /valid email/,
    );
    expect(await count()).toEqual(before);
  });
});

describe('the passerelle command', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, PASSERELLE_DEMO: '0', DATABASE_URL: '' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const cli = (...args: string[]) => run(args, env);

  it('creates an administrator, shows the password once and verifies the audit chain', async () => {
    const created = await cli('create-admin', '--email', 'ops@agency.org');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Administrator ops@agency.org created in office HQ/);
    expect(created.stdout).toMatch(/Password \(shown once.*\): [\w-]{23}/);
    const verified = await cli('verify-audit');
    expect(verified.stdout).toMatch(/Audit chain intact: 2 events verified/);
  }, 60_000);

  it('explains its commands and refuses unknown ones', async () => {
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown command: frobnicate/),
    });
    expect(await cli('create-admin')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/needs --email/),
    });
  }, 60_000);
});
