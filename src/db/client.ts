/**
 * The database handle: embedded PGlite (one process, a folder on disk) or PostgreSQL >= 15.
 * Both speak the same SQL and go through the same ORM type, so the rest of the code never knows which.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './lock';
import { RemotePGlite } from './pglite-remote';
import * as schema from './schema';

export type Schema = typeof schema;
/** The ORM handle, or a transaction opened on it: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** How another thread reaches the same database: its own connection, or a line to the embedded one. */
export type ThreadConnection = { kind: 'postgres'; url: string } | { kind: 'pglite'; port: MessagePort };

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * A connection for another thread (background work such as a duplicate scan), when this database can give
   * one (an in-process PGlite cannot). The receiving thread opens it with `openThreadConnection`.
   */
  connectionForThread?(): Promise<ThreadConnection>;
  /**
   * Runs a task in the thread that holds the database, when it has one of its own (the embedded database,
   * ADR 0014): the function `name` exported by the application module at `module` (a file URL) is called
   * there with the database and `args`, which must be plain data (they are copied across threads). A task
   * of many small queries then makes calls within that thread instead of a message round trip per query.
   */
  runInDatabaseThread?<T>(module: string, name: string, args: unknown[]): Promise<T>;
  /** Applies the pending migrations of `folder` (by default the application's own). */
  migrate(folder?: string): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export const pgliteExtensions = { pg_trgm, fuzzystrmatch };

/**
 * Wrap an open PGlite: in this thread (a PGlite instance) or in its own (RemotePGlite, what the server
 * runs on: ADR 0014). Both answer drizzle the same.
 */
export function fromPglite(
  client: PGlite | RemotePGlite,
  onClose: () => Promise<void> = async () => {},
): Database {
  const db = drizzlePglite({ client: client as PGlite, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    ...(client instanceof RemotePGlite
      ? {
          connectionForThread: async () => ({ kind: 'pglite' as const, port: await client.linePort() }),
          runInDatabaseThread: <T>(module: string, name: string, args: unknown[]) =>
            client.runInThread<T>(module, name, args),
        }
      : {}),
    migrate: (folder = migrationsFolder) => migratePglite(db as never, { migrationsFolder: folder }),
    async close() {
      await client.close();
      await onClose();
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.join(dataDir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true });
  // PGlite has no lock of its own: two processes on one folder would silently lose writes.
  const lock = acquireDataDirLock(dataDir);
  try {
    // In a thread of its own, so that a running query never holds up the server's other work.
    const client = await RemotePGlite.open({ dataDir: dir });
    return fromPglite(client, async () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * How many statements `db` can run side by side: the pool's size on PostgreSQL outside a transaction (a
 * transaction, or the embedded database, has one connection).
 */
export function parallelismOf(db: Db): number {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? Math.max(1, client.options.max ?? 1) : 1;
}

export function openPostgres(url: string, poolMax = 10): Database {
  // A server that never answers (a dropped packet, a wrong address behind a firewall) fails in 10 s
  // instead of hanging the start-up forever.
  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 10_000 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    connectionForThread: async () => ({ kind: 'postgres', url }),
    migrate: (folder = migrationsFolder) => migrateNodePg(db as never, { migrationsFolder: folder }),
    close: () => pool.end(),
  };
}

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolMax);
  return openPglite(options.dataDir);
}

/** Opens, in another thread, the connection `connectionForThread` gave (the line only, for PGlite). */
export function openThreadConnection(connection: ThreadConnection): Database {
  if (connection.kind === 'postgres') return openPostgres(connection.url, 1);
  return fromPglite(RemotePGlite.overPort(connection.port));
}

/**
 * Opens the database, proves it answers (so a refused connection or a wrong password is reported as such,
 * not as the failure of the first migration) and applies the pending migrations.
 */
export async function openMigratedDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
}): Promise<Database> {
  const database = await openDatabase(options);
  try {
    await database.db.execute(sql`select 1`);
    await database.migrate();
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
