import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/db/client';
import { findPostgresBin, startPostgres } from '../test/harness/postgres-server';

export type BenchTarget = { kind: 'pglite' | 'postgres'; database: Database; close(): Promise<void> };

/** A fresh, migrated database on each engine available here. */
export async function* openTargets(): AsyncGenerator<BenchTarget> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  const lite = await openPglite(dir);
  await lite.migrate();
  yield {
    kind: 'pglite',
    database: lite,
    async close() {
      await lite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  let url = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const bin = findPostgresBin();
    if (!bin) {
      console.warn('PostgreSQL binaries not found: PostgreSQL results skipped');
      return;
    }
    const server = await startPostgres(bin);
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    url = server.url.replace(/\/postgres$/, '/bench');
    stop = server.stop;
  }
  const database = openPostgres(url, 20);
  await database.migrate();
  yield {
    kind: 'postgres',
    database,
    async close() {
      await database.close();
      await stop();
    },
  };
}
