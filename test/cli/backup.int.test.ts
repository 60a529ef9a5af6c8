/**
 * Backups restore everything (ADR 0013): the database, the attachments, and the encryption key's check.
 * Through the real command line, on the engine under test: back up, wipe, restore, then read a document
 * number and download an attachment. A server refuses to start when the key cannot open the stored data,
 * and never makes up a new key for it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { type Database, openMigratedDatabase } from '../../src/db/client';
import { identityRepository } from '../../src/modules/identity';
import { hashPassword } from '../../src/platform/crypto';
import { buildApp } from '../../src/server/app';
import { testDbKind } from '../harness/db';
import { withDatabase } from '../harness/global-postgres';
import { runNode } from './run-node';

const KEY = Buffer.alloc(32, 9).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 3).toString('base64');
const PASSWORD = 'a backup test passphrase';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x42)]);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-backup-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Where a deployment keeps its things: a data folder, and on PostgreSQL a database of its own. */
type Deployment = { dataDir: string; databaseUrl?: string; env: NodeJS.ProcessEnv };

async function newPostgresDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  const name = `backup_${randomUUID().replaceAll('-', '')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(inject('postgresAdminUrl'), name);
}

async function dropPostgresDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

async function deployment(name: string, engine = testDbKind()): Promise<Deployment> {
  const dataDir = path.join(root, name);
  const databaseUrl = engine === 'postgres' ? await newPostgresDatabase() : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PASSERELLE_DEMO: '0',
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  delete env.ENCRYPTION_KEY;
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, ENCRYPTION_KEY: KEY });
  return { dataDir, ...(databaseUrl ? { databaseUrl } : {}), env };
}

/** The deployment's server, in this process (the database is only opened while it runs). */
async function serve(
  where: Deployment,
): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const config = loadConfig({ ...where.env, NODE_ENV: 'test', LOGIN_RATE_PER_MINUTE: '10000' } as Record<
    string,
    string
  >);
  const database = await openMigratedDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: 3,
  });
  const { startupCipher } = await import('../../src/encryption-key');
  const { cipher } = await startupCipher(config, database);
  const app = await buildApp({ database, config, cipher, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function signIn(app: FastifyInstance, email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'passerelle_session')?.value ?? '';
  const csrf = response.json<{ csrfToken: string }>().csrfToken;
  return (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { passerelle_session: cookie },
      headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) },
    });
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----passerelle-backup-boundary';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A caseworker's day in the deployment: a person, their passport, a case and a scanned declaration. */
async function recordCasework(where: Deployment) {
  const server = await serve(where);
  try {
    const office = await identityRepository.insertOffice(server.database.db, {
      code: 'PAR',
      name: 'Paris',
      country: 'FR',
      city: 'Paris',
      kind: 'host',
    });
    const user = await identityRepository.insertUser(server.database.db, {
      email: 'cw@x.test',
      displayName: 'Sophie',
      passwordHash: await hashPassword(PASSWORD),
    });
    await identityRepository.replaceMemberships(server.database.db, user.id, [
      { officeId: office.id, role: 'caseworker' },
    ]);
    const as = await signIn(server.app, 'cw@x.test');
    const person = (
      await as({
        method: 'POST',
        url: '/api/persons',
        payload: {
          givenName: 'Amina',
          familyName: 'Berrada',
          sex: 'female',
          officeId: office.id,
          acknowledgeMatches: true,
        },
      })
    ).json<{ person: { id: string } }>().person;
    const document = (
      await as({
        method: 'POST',
        url: `/api/persons/${person.id}/documents`,
        payload: { type: 'passport', number: 'MA1234567', issuingCountry: 'MA' },
      })
    ).json<{ id: string }>();
    const kase = (
      await as({
        method: 'POST',
        url: '/api/cases',
        payload: { personId: person.id, caseType: 'avrr', officeId: office.id },
      })
    ).json<{ id: string }>();
    const attachment = (
      await as({
        method: 'POST',
        url: `/api/cases/${kase.id}/attachments`,
        ...multipart('déclaration.pdf', PDF),
      })
    ).json<{ id: string }>();
    expect(document.id && attachment.id).toBeTruthy();
    return { personId: person.id, documentId: document.id, caseId: kase.id, attachmentId: attachment.id };
  } finally {
    await server.close();
  }
}

type Recorded = Awaited<ReturnType<typeof recordCasework>>;

/** What a caseworker reads back after the restore: the passport number and the declaration's bytes. */
async function readBack(where: Deployment, recorded: Recorded) {
  const server = await serve(where);
  try {
    const as = await signIn(server.app, 'cw@x.test');
    const number = await as({
      method: 'GET',
      url: `/api/persons/${recorded.personId}/documents/${recorded.documentId}/number`,
    });
    const file = await as({
      method: 'GET',
      url: `/api/cases/${recorded.caseId}/attachments/${recorded.attachmentId}`,
    });
    return {
      number: number.statusCode === 200 ? number.json<{ number: string }>().number : number.statusCode,
      file,
    };
  } finally {
    await server.close();
  }
}

async function wipe(where: Deployment, keep: string[] = []): Promise<void> {
  if (where.databaseUrl) {
    await dropPostgresDatabase(where.databaseUrl);
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${new URL(where.databaseUrl).pathname.slice(1)}`);
    await admin.end();
  }
  for (const entry of fs.existsSync(where.dataDir) ? fs.readdirSync(where.dataDir) : [])
    if (!keep.includes(entry)) fs.rmSync(path.join(where.dataDir, entry), { recursive: true, force: true });
}

const cli = (where: Deployment, ...args: string[]) => runNode('src/cli/index.ts', args, where.env);

describe('backup and restore through the command line', () => {
  it('backs up, wipes, restores, then reads a document number and downloads an attachment', async () => {
    const where = await deployment('main');
    const recorded = await recordCasework(where);
    const archive = path.join(root, 'main.tar.gz');
    const backedUp = await cli(where, 'backup', '--out', archive);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/1 attachments \(3009 bytes\)/);
    expect(backedUp.stdout).toMatch(/key is NOT in this archive/);

    // The key is kept apart (the embedded one is in the data folder): it survives the wipe.
    await wipe(where, ['encryption.key']);
    const restored = await cli(where, 'restore', '--from', archive);
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
    expect(restored.stdout).toMatch(/Audit chain intact/);

    const read = await readBack(where, recorded);
    expect(read.number).toBe('MA1234567');
    expect(read.file.statusCode).toBe(200);
    expect(Buffer.compare(read.file.rawPayload, PDF)).toBe(0);

    // Restoring twice into the same database is refused, changing nothing.
    const again = await cli(where, 'restore', '--from', archive);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
  }, 180_000);

  it('refuses to restore with another key, and restores with the key carried in the archive when asked', async () => {
    const where = await deployment('keys');
    const recorded = await recordCasework(where);
    const archive = path.join(root, 'keys.tar.gz');
    expect((await cli(where, 'backup', '--out', archive, '--include-key')).code).toBe(0);

    await wipe(where);
    const wrong: Deployment = { ...where, env: { ...where.env, ENCRYPTION_KEY: OTHER_KEY } };
    const refused = await cli(wrong, 'restore', '--from', archive);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not the one this backup was made with/);

    const restored = await cli(where, 'restore', '--from', archive);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await readBack(where, recorded)).number).toBe('MA1234567');
  }, 180_000);

  if (testDbKind() === 'postgres')
    it('moves an embedded office to PostgreSQL: a backup of one restores into the other', async () => {
      const trial = await deployment('trial', 'pglite');
      const recorded = await recordCasework(trial);
      const archive = path.join(root, 'trial.tar.gz');
      expect((await cli(trial, 'backup', '--out', archive)).code).toBe(0);
      const production = await deployment('production', 'postgres');
      // Production's key is the trial's (from its data folder), its attachments a folder of its own.
      production.env.ENCRYPTION_KEY = fs
        .readFileSync(path.join(trial.dataDir, 'encryption.key'), 'utf8')
        .trim();
      const restored = await cli(production, 'restore', '--from', archive);
      expect(restored.code, restored.stderr).toBe(0);
      const read = await readBack(production, recorded);
      expect(read.number).toBe('MA1234567');
      expect(Buffer.compare(read.file.rawPayload, PDF)).toBe(0);
    }, 180_000);
});

describe('the encryption key at start-up', () => {
  it('refuses to start when the key does not open the stored data, and never makes up a missing one', async () => {
    const where = await deployment('startup');
    await recordCasework(where);
    const withKey = (key: string | undefined): NodeJS.ProcessEnv => {
      const env: NodeJS.ProcessEnv = { ...where.env, PORT: '0' };
      if (key) env.ENCRYPTION_KEY = key;
      else delete env.ENCRYPTION_KEY;
      return env;
    };
    const wrong = await runNode('src/main.ts', [], withKey(OTHER_KEY));
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toMatch(/does not open the data already in the database/);
    expect(wrong.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    if (!where.databaseUrl) {
      const keyFile = path.join(where.dataDir, 'encryption.key');
      const original = fs.readFileSync(keyFile, 'utf8');
      fs.rmSync(keyFile);
      const missing = await runNode('src/main.ts', [], withKey(undefined));
      expect(missing.code, missing.stderr).toBe(2);
      expect(missing.stderr).toMatch(
        /encryption\.key is missing, but the database holds data encrypted with it/,
      );
      // Nothing was made up in its place.
      expect(fs.existsSync(keyFile)).toBe(false);
      fs.writeFileSync(keyFile, original);
    }
  }, 120_000);
});
