/**
 * `npm run cli -- <command>`: operations on the configured database (DATABASE_URL or DATA_DIR).
 *   create-admin --email X [--name "Full Name"] [--office CODE]   password from stdin, or generated and shown once
 *   migrate                                                        apply pending migrations
 *   seed-demo                                                      load demo data into an empty database
 *   verify-audit                                                   check the audit hash chain
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, resolveEncryptionKey } from '../config';
import { openMigratedDatabase } from '../db/client';
import { DataDirLockedError } from '../db/lock';
import { describeDatabaseError } from '../db/startup-errors';
import { isDatabaseEmpty, seedDemo } from '../demo/seed';
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
  verify-audit     Verify the audit log's hash chain; exits 1 and names the first broken link.`;

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
  if (!['create-admin', 'migrate', 'seed-demo', 'verify-audit'].includes(command)) {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
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
          createFieldCipher(resolveEncryptionKey(config)),
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

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof CreateAdminError
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
