/**
 * A fresh, migrated database per test file, on the engine the project runs (TEST_DB=pglite|postgres):
 * PGlite loads the template dump; PostgreSQL clones the template database.
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, fromPglite, openPostgres } from '../../src/db/client';
import { RemotePGlite } from '../../src/db/pglite-remote';
import { withDatabase } from './global-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresAdminUrl: string;
    postgresChecksPasswords: boolean;
    postgresTemplate: string;
  }
}

export type TestDbKind = 'pglite' | 'postgres';
export const testDbKind = (): TestDbKind => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    // In its own thread, as the server runs it (ADR 0014).
    return fromPglite(await RemotePGlite.open({ loadDataDir: blob }));
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  const database = openPostgres(withDatabase(adminUrl, name), 5);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
