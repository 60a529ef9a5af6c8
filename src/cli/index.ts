/**
 * `npm run cli -- <command>`: operations on the configured database (DATABASE_URL or DATA_DIR).
 *   create-admin --email X [--name "Full Name"] [--office CODE]   password from stdin, or generated and shown once
 *   migrate                                                        apply pending migrations
 *   seed-demo                                                      load demo data into an empty database
 *   verify-audit                                                   check the audit hash chain
 *   backup --out FILE [--include-key]                              database, attachments and key check, one file
 *   restore --from FILE                                            into an empty database and data folder
 */

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Config, ConfigError, loadConfig } from '../config';
import { BackupError, keyMatches, openBackup, restoreBackup, writeBackup } from '../db/backup';
import { type Database, openDatabase, openMigratedDatabase } from '../db/client';
import { DataDirLockedError } from '../db/lock';
import { describeDatabaseError } from '../db/startup-errors';
import { isDatabaseEmpty, seedDemo } from '../demo/seed';
import { startupCipher } from '../encryption-key';
import { verifyAuditChain } from '../platform/audit/verify';
import { systemClock } from '../platform/clock';
import { createFieldCipher } from '../platform/field-crypto';
import { CreateAdminError, createAdministrator } from './create-admin';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --email EMAIL [--name NAME] [--office CODE]
      Create an administrator. The password is read from standard input when it is piped,
      otherwise a strong one is generated and shown once.
  migrate          Apply pending database migrations.
  seed-demo        Load the demo offices, projects, accounts, people and cases into an empty database.
  verify-audit     Verify the audit log's hash chain; exits 1 and names the first broken link.
  backup --out FILE [--include-key]
      Write the database (one consistent snapshot), the case attachments and a check of the encryption
      key to one .tar.gz. The key itself goes in only with --include-key: otherwise keep it apart.
      On the embedded database, stop the server first (one process per data folder).
  restore --from FILE
      Restore a backup into an empty database (a new DATA_DIR, or a new PostgreSQL database) and data
      folder, with the key it was made with (ENCRYPTION_KEY, DATA_DIR/encryption.key or the archive's).`;

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text.length > 0 ? text : undefined;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!['create-admin', 'migrate', 'seed-demo', 'verify-audit', 'backup', 'restore'].includes(command)) {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (command === 'restore') return restore(config, rest);
  const database = await openMigratedDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: 2,
  });
  try {
    switch (command) {
      case 'migrate':
        console.log('Migrations applied.');
        return 0;
      case 'seed-demo': {
        if (!(await isDatabaseEmpty(database))) {
          console.error('The database is not empty: demo data is only loaded into a new database.');
          return 1;
        }
        await seedDemo(
          database,
          systemClock,
          config.demoPassword,
          (await startupCipher(config, database)).key,
          config.dataDir,
        );
        console.log(`Demo data loaded; demo password: ${config.demoPassword}`);
        return 0;
      }
      case 'verify-audit': {
        const verdict = await verifyAuditChain(database.db);
        if (verdict.ok) {
          console.log(`Audit chain intact: ${verdict.checked} events verified.`);
          return 0;
        }
        console.error(
          `Audit chain BROKEN at event #${verdict.brokenAt} (${verdict.reason === 'hash_mismatch' ? 'its content was changed' : 'it does not follow the previous event: an event was removed or inserted'}); ${verdict.checked} events before it verified.`,
        );
        return 1;
      }
      case 'backup': {
        const { values } = parseArgs({
          args: rest,
          options: { out: { type: 'string' }, 'include-key': { type: 'boolean' } },
          strict: true,
        });
        if (!values.out) {
          console.error('backup needs --out FILE (a new .tar.gz)');
          return 2;
        }
        const { key, cipher } = await startupCipher(config, database);
        const manifest = await writeBackup({
          database,
          cipher,
          dataDir: config.dataDir,
          file: path.resolve(values.out),
          ...(values['include-key'] ? { key } : {}),
        });
        const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
        console.log(
          `Backup written to ${values.out}: ${rows} rows in ${Object.keys(manifest.tables).length} tables, ` +
            `${manifest.attachments.files} attachments (${manifest.attachments.bytes} bytes).`,
        );
        if (manifest.attachments.missing.length > 0)
          console.error(
            `Warning: ${manifest.attachments.missing.length} attachment files were already missing from ${path.join(config.dataDir, 'attachments')}.`,
          );
        console.log(
          values['include-key']
            ? 'The encryption key is inside this archive: keep it as safe as the key itself.'
            : 'The encryption key is NOT in this archive: keep a copy of it apart; the backup cannot be read without it.',
        );
        return 0;
      }
      case 'create-admin': {
        const { values } = parseArgs({
          args: rest,
          options: { email: { type: 'string' }, name: { type: 'string' }, office: { type: 'string' } },
          strict: true,
        });
        if (!values.email) {
          console.error('create-admin needs --email');
          return 2;
        }
        const result = await createAdministrator(database, systemClock, {
          email: values.email,
          displayName: values.name,
          officeCode: values.office,
          password: await readStdin(),
        });
        console.log(`Administrator ${result.email} created in office ${result.officeCode}.`);
        if (result.generatedPassword) {
          console.log(`Password (shown once, change it at first sign-in): ${result.generatedPassword}`);
        }
        return 0;
      }
      default:
        console.error(`Unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

/**
 * The key a restore must use: the configured one, else (embedded, new data folder) the archive's, written
 * to DATA_DIR/encryption.key. It must be the key the backup's data was sealed with.
 */
function restoreKey(config: Config, archiveKey: Buffer | undefined): Buffer {
  if (config.encryptionKey) return config.encryptionKey;
  if (config.databaseUrl)
    throw new ConfigError(
      'ENCRYPTION_KEY is required with DATABASE_URL: set it to the key the backup was made with.',
    );
  const file = path.join(config.dataDir, 'encryption.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (!archiveKey)
    throw new BackupError(
      `No encryption key: this archive does not hold one. Put the key the backup was made with in ${file}, or set ENCRYPTION_KEY.`,
    );
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, archiveKey.toString('base64'), { mode: 0o600, flag: 'wx' });
  return archiveKey;
}

async function restore(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' } }, strict: true });
  if (!values.from) {
    console.error('restore needs --from FILE (a backup written by `backup`)');
    return 2;
  }
  const backup = await openBackup(path.resolve(values.from));
  let database: Database | undefined;
  try {
    const cipher = createFieldCipher(restoreKey(config, backup.key));
    if (!keyMatches(backup.manifest, cipher))
      throw new BackupError(
        'The encryption key configured here is not the one this backup was made with: its document numbers could not be read. Configure the original key (ENCRYPTION_KEY or DATA_DIR/encryption.key).',
      );
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
    await database.db.execute(sql`select 1`);
    const loaded = await restoreBackup({
      database,
      dataDir: config.dataDir,
      dir: backup.dir,
      manifest: backup.manifest,
    });
    const verdict = await verifyAuditChain(database.db);
    const rows = Object.values(loaded).reduce((a, b) => a + b, 0);
    console.log(
      `Restored ${rows} rows in ${Object.keys(loaded).length} tables and ${backup.manifest.attachments.files} attachments ` +
        `from the backup of ${backup.manifest.createdAt} (${backup.manifest.engine}).`,
    );
    if (!verdict.ok) {
      console.error(
        `The restored audit chain is BROKEN at event #${verdict.brokenAt}: the backup was altered.`,
      );
      return 1;
    }
    console.log(`Audit chain intact: ${verdict.checked} events verified.`);
    return 0;
  } finally {
    await database?.close();
    fs.rmSync(backup.dir, { recursive: true, force: true });
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof CreateAdminError ||
      error instanceof BackupError
    ) {
      console.error(error.message);
      process.exit(2);
    }
    const database = describeDatabaseError(error, process.env.DATABASE_URL);
    if (database) {
      console.error(database);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
