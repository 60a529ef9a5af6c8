/**
 * Backups that restore everything Passerelle needs, on either engine (ADR 0013): every table's rows (as
 * JSON lines, read in one consistent snapshot), the attachment files those rows point to, and a check of
 * the encryption key (a keyed digest, never the key itself unless asked), in one .tar.gz. A backup of the
 * embedded database restores into PostgreSQL and the reverse: it is also how an office moves from a trial
 * to production.
 *
 * Restoring needs an empty database (a new DATA_DIR, a new PostgreSQL database): it migrates it to the
 * backup's schema, loads every table in one transaction (a failure leaves nothing behind), brings the
 * schema up to date, and checks the counts, the key and the audit chain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import type { FieldCipher } from '../platform/field-crypto';
import { type Database, type Db, migrationsFolder } from './client';

export const BACKUP_FORMAT = 1;

/** Not backed up: sign-in state that must not come back (sessions) or is worth nothing (delays). */
const EXCLUDED_TABLES = new Set(['sessions', 'login_throttles', 'known_devices']);

const KEY_CHECK_INPUT = 'passerelle backup key check v1';
const FETCH_ROWS = 2000;
const INSERT_ROWS = 1000;

export type BackupManifest = {
  format: number;
  createdAt: string;
  engine: Database['kind'];
  /** The last migration applied to the database backed up. */
  migration: { count: number; tag: string };
  tables: Record<string, number>;
  attachments: { files: number; bytes: number; missing: string[] };
  /** A keyed digest proving which encryption key the data was sealed with; never the key itself. */
  keyCheck: string;
  /** The key is in the archive (encryption.key) only when asked for with --include-key. */
  includesKey: boolean;
};

export class BackupError extends Error {}

type Journal = { entries: { idx: number; when: number; tag: string }[] };
const readJournal = (folder = migrationsFolder): Journal =>
  JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/** The last migration applied, as the journal names it (none: count 0). */
async function appliedMigration(db: Db): Promise<{ count: number; tag: string }> {
  const exists = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  )[0]?.present;
  if (!exists) return { count: 0, tag: '' };
  const last = rowsOf<{ created_at: string | number }>(
    await db.execute(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    ),
  )[0];
  if (!last) return { count: 0, tag: '' };
  const applied = readJournal().entries.filter((e) => e.when <= Number(last.created_at));
  return { count: applied.length, tag: applied.at(-1)?.tag ?? '' };
}

/** The application's tables, parents before children (foreign keys), so rows load in order. */
async function tablesInLoadOrder(db: Db): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`),
  ).map((r) => r.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && edges.every((e) => e.child !== t || placed.has(e.parent)),
    );
    if (ready.length === 0)
      throw new BackupError('The tables reference each other in a cycle: cannot order them.');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

const keyCheckOf = (cipher: FieldCipher) => cipher.blindIndex(KEY_CHECK_INPUT);

/** Writes every row of `table` as JSON lines (gzip), reading through a cursor of the open snapshot. */
async function dumpTable(tx: Db, table: string, file: string): Promise<number> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  const done = pipeline(gzip, out);
  let count = 0;
  const cursor = `backup_${table}`;
  await tx.execute(
    sql.raw(`declare ${cursor} no scroll cursor for select row_to_json(t)::text as row from "${table}" t`),
  );
  for (;;) {
    const rows = rowsOf<{ row: string }>(await tx.execute(sql.raw(`fetch ${FETCH_ROWS} from ${cursor}`)));
    if (rows.length === 0) break;
    for (const { row } of rows) {
      if (!gzip.write(`${row}\n`)) await new Promise((resolve) => gzip.once('drain', resolve));
    }
    count += rows.length;
  }
  await tx.execute(sql.raw(`close ${cursor}`));
  gzip.end();
  await done;
  return count;
}

export type BackupOptions = {
  database: Database;
  cipher: FieldCipher;
  dataDir: string;
  /** The .tar.gz to write (refused if it exists). */
  file: string;
  /** Put the encryption key itself in the archive (then keep the archive as safe as the key). */
  key?: Buffer;
  now?: Date;
};

export async function writeBackup(options: BackupOptions): Promise<BackupManifest> {
  const { database, cipher, dataDir, file } = options;
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name.`);
  const staging = fs.mkdtempSync(path.join(path.dirname(path.resolve(file)), '.passerelle-backup-'));
  try {
    fs.mkdirSync(path.join(staging, 'database'));
    const tables: Record<string, number> = {};
    const storageKeys: string[] = [];
    let migration = { count: 0, tag: '' };
    // One snapshot for every table: rows that reference each other are from the same moment.
    await database.db.transaction(
      async (tx) => {
        migration = await appliedMigration(tx);
        for (const table of await tablesInLoadOrder(tx)) {
          if (EXCLUDED_TABLES.has(table)) continue;
          tables[table] = await dumpTable(tx, table, path.join(staging, 'database', `${table}.jsonl.gz`));
        }
        storageKeys.push(
          ...rowsOf<{ storage_key: string }>(
            // Case attachments, and the public content's images (each stored width) and publication files.
            await tx.execute(sql`select storage_key from case_attachments
              union all select storage_prefix || '-' || w || '.webp' from content_images
                cross join lateral unnest(widths) as w
              union all select storage_key from content_files`),
          ).map((r) => r.storage_key),
        );
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // Attachment files are written once and never changed: copying them after the snapshot is exact.
    const attachments = { files: 0, bytes: 0, missing: [] as string[] };
    for (const key of storageKeys) {
      const source = path.join(dataDir, 'attachments', key);
      if (!fs.existsSync(source)) {
        attachments.missing.push(key);
        continue;
      }
      const target = path.join(staging, 'attachments', key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
      attachments.files++;
      attachments.bytes += fs.statSync(target).size;
    }
    if (options.key)
      fs.writeFileSync(path.join(staging, 'encryption.key'), options.key.toString('base64'), { mode: 0o600 });
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: (options.now ?? new Date()).toISOString(),
      engine: database.kind,
      migration,
      tables,
      attachments,
      keyCheck: keyCheckOf(cipher),
      includesKey: options.key !== undefined,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${file}.partial`;
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, fs.readdirSync(staging));
    // Only a complete archive gets the name asked for.
    fs.renameSync(partial, file);
    fs.chmodSync(file, 0o600);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

// ---- restore ---------------------------------------------------------------------------------------

/** Unpacks an archive and reads its manifest; the caller removes `dir`. */
export async function openBackup(
  file: string,
): Promise<{ dir: string; manifest: BackupManifest; key?: Buffer }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-restore-'));
  try {
    await tar.extract({ file, cwd: dir, strict: true });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(`${file} is not a Passerelle backup (${(error as Error).message}).`);
  }
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(`${file} is not a Passerelle backup (no manifest.json).`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(
      `${file} has backup format ${manifest.format}; this version reads format ${BACKUP_FORMAT}.`,
    );
  }
  const keyFile = path.join(dir, 'encryption.key');
  const key = fs.existsSync(keyFile)
    ? Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64')
    : undefined;
  return { dir, manifest, ...(key ? { key } : {}) };
}

/** Whether the key behind `cipher` is the one the backup's data was sealed with. */
export const keyMatches = (manifest: BackupManifest, cipher: FieldCipher) =>
  manifest.keyCheck === keyCheckOf(cipher);

/** A migrations folder holding the first `count` migrations only: to rebuild the backup's schema. */
function migrationsUpTo(count: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-migrations-'));
  const journal = readJournal();
  const entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries)
    fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

async function isEmpty(db: Db, tables: string[]): Promise<boolean> {
  for (const table of tables) {
    const present = rowsOf<{ present: boolean }>(
      await db.execute(sql`select to_regclass(${`public.${table}`}) is not null as present`),
    )[0]?.present;
    if (!present) continue;
    const any = rowsOf<unknown>(await db.execute(sql.raw(`select 1 from "${table}" limit 1`)));
    if (any.length > 0) return false;
  }
  return true;
}

/** Loads one table's JSON lines in batches, keeping generated identity values as they were. */
async function loadTable(tx: Db, table: string, file: string): Promise<number> {
  const identity = rowsOf<{ column_name: string }>(
    await tx.execute(
      sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} and is_identity = 'YES'`,
    ),
  ).map((r) => r.column_name);
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  let batch: string[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await tx.execute(
      sql`insert into ${sql.raw(`"${table}"`)} ${sql.raw(identity.length ? 'overriding system value' : '')} select * from json_populate_recordset(null::${sql.raw(`"${table}"`)}, ${`[${batch.join(',')}]`}::json)`,
    );
    count += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= INSERT_ROWS) await flush();
  }
  await flush();
  // The next generated value follows the restored ones.
  for (const column of identity)
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`public.${table}`}, ${column}), coalesce((select max(${sql.raw(`"${column}"`)}) from ${sql.raw(`"${table}"`)}), 0) + 1, false)`,
    );
  return count;
}

export type RestoreOptions = {
  database: Database;
  dataDir: string;
  dir: string;
  manifest: BackupManifest;
};

/**
 * Restores an unpacked backup into an empty database and data folder; returns the rows loaded per table.
 * Everything is loaded in one transaction: a failure leaves the database as empty as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Record<string, number>> {
  const { database, dir, manifest } = options;
  const latest = readJournal().entries.length;
  if (manifest.migration.count > latest)
    throw new BackupError(
      `This backup comes from a newer Passerelle (schema ${manifest.migration.tag}): restore it with that version or a later one.`,
    );
  const tables = Object.keys(manifest.tables);
  if (!(await isEmpty(database.db, tables)))
    throw new BackupError(
      'The target database is not empty. Restore into a new one: an empty DATA_DIR, or a new PostgreSQL database (createdb).',
    );
  const applied = await appliedMigration(database.db);
  if (applied.count > manifest.migration.count)
    throw new BackupError(
      `The target database already has a newer schema (${applied.tag}) than the backup (${manifest.migration.tag}). Restore into a database that has never been started: a new DATA_DIR or a new PostgreSQL database.`,
    );
  // The backup's own schema first, so its rows fit; then the migrations that came after.
  const partial = migrationsUpTo(manifest.migration.count);
  try {
    await database.migrate(partial);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  const loaded: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    for (const table of await tablesInLoadOrder(tx)) {
      const file = path.join(dir, 'database', `${table}.jsonl.gz`);
      if (!(table in manifest.tables) || !fs.existsSync(file)) continue;
      loaded[table] = await loadTable(tx, table, file);
      if (loaded[table] !== manifest.tables[table])
        throw new BackupError(
          `The backup is damaged: ${table} holds ${loaded[table]} rows where its manifest says ${manifest.tables[table]}.`,
        );
    }
  });
  await database.migrate();
  // Attachments last: files only become reachable through the rows just restored.
  const source = path.join(dir, 'attachments');
  if (fs.existsSync(source))
    fs.cpSync(source, path.join(options.dataDir, 'attachments'), {
      recursive: true,
      force: false,
      errorOnExist: false,
    });
  return loaded;
}
