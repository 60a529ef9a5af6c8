/**
 * Integration-test harness: a fresh migrated database per file, the app built on it, a movable clock,
 * and helpers to create the people and offices a test needs and to sign in through the API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Config, loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { identityRepository } from '../../src/modules/identity';
import { insertProject } from '../../src/modules/projects';
import { fixedClock } from '../../src/platform/clock';
import { hashPassword } from '../../src/platform/crypto';
import type { Role } from '../../src/platform/permissions';
import { buildApp } from '../../src/server/app';
import { wireReactions } from '../../src/server/reactions';
import { createTestDatabase } from './db';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
    // A slow test machine must not turn requests away; shedding has tests of its own (admission).
    MAX_QUEUE_WAIT_MS: '60000',
    // Attachments and key files of tests stay out of the working tree.
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-data-')),
    // A fixed test key: never used outside tests.
    ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    ...overrides,
  });
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(options: { config?: Record<string, string> } = {}) {
  // The app's reactions, reachable by tests that add one (e.g. a failing one, to prove atomicity).
  const reactions = wireReactions();
  const database: Database = await createTestDatabase();
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  const config = testConfig(options.config);
  const app: FastifyInstance = await buildApp({ database, config, clock, logger: false, reactions });
  await app.ready();

  const offices = new Map<string, string>();
  async function office(code: string, kind: 'host' | 'origin' = 'host', country = 'FR'): Promise<string> {
    const existing = offices.get(code);
    if (existing) return existing;
    const row = await identityRepository.insertOffice(database.db, {
      code,
      name: `Office ${code}`,
      country,
      city: code,
      kind,
    });
    offices.set(code, row.id);
    return row.id;
  }

  async function user(
    email: string,
    memberships: [officeCode: string, role: Role][],
    extra: { status?: 'active' | 'disabled' } = {},
  ) {
    const row = await identityRepository.insertUser(database.db, {
      email,
      displayName: email.split('@')[0] ?? email,
      passwordHash: await testPasswordHash(),
      ...extra,
    });
    const resolved = await Promise.all(
      memberships.map(async ([code, role]) => ({ officeId: await office(code), role })),
    );
    await identityRepository.replaceMemberships(database.db, row.id, resolved);
    return row;
  }

  async function project(code: string, owner: string, partners: string[] = []) {
    return insertProject(
      database.db,
      {
        code,
        name: `Project ${code}`,
        summary: { fr: `Projet ${code}`, en: `Project ${code}` },
        kind: 'avrr_vot',
        startDate: '2015-05-01',
        owningOfficeId: await office(owner),
      },
      await Promise.all(partners.map((p) => office(p))),
    );
  }

  /** Signs in through the API; the returned session injects with its cookie and CSRF token. */
  async function login(email: string, password = TEST_PASSWORD) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'passerelle_session');
    if (!cookie) throw new Error('no session cookie');
    const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    const inject = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
      app.inject({
        ...opts,
        cookies: { passerelle_session: cookie.value, ...(opts.cookies ?? {}) },
        headers: { 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
      });
    return { inject, cookie: cookie.value, csrfToken, me: response.json() };
  }

  return {
    app,
    database,
    db: database.db,
    clock,
    config,
    reactions,
    office,
    user,
    project,
    login,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
