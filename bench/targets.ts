import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/db/client';
import { findPostgresBin, startPostgres } from '../test/harness/postgres-server';

export type BenchTarget = {
  kind: 'pglite' | 'postgres';
  database: Database;
  /** The PostgreSQL database's address, for scenarios that start a server process of their own. */
  url?: string;
  close(): Promise<void>;
};

/** A fresh, migrated database on each engine available here. */
export async function* openTargets(): AsyncGenerator<BenchTarget> {
  // BENCH_ENGINES=pglite (or postgres) measures one engine only.
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  if (engines.includes('pglite')) yield* pgliteTarget();
  if (engines.includes('postgres')) yield* postgresTarget();
}

async function* pgliteTarget(): AsyncGenerator<BenchTarget> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  const lite = await openPglite(dir);
  await lite.migrate();
  yield {
    kind: 'pglite',
    database: lite,
    async close() {
      await lite.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function* postgresTarget(): AsyncGenerator<BenchTarget> {
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
    url,
    async close() {
      await database.close().catch(() => {});
      await stop();
    },
  };
}
