/** Start-up: read the configuration, open and migrate the database, load demo data if asked, serve. */
import { ConfigError, loadConfig } from './config';
import { openMigratedDatabase } from './db/client';
import { DataDirLockedError } from './db/lock';
import { describeDatabaseError } from './db/startup-errors';
import { isDatabaseEmpty, seedDemo } from './demo/seed';
import { startupCipher } from './encryption-key';
import { systemClock } from './platform/clock';
import { buildApp } from './server/app';
import { startJobs } from './server/jobs';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openMigratedDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.databasePoolMax,
  });
  const { key, cipher } = await startupCipher(config, database);
  if (config.demo && (await isDatabaseEmpty(database))) {
    await seedDemo(database, systemClock, config.demoPassword, key, config.dataDir);
    console.log(
      `Demo data loaded. Sign in as admin@passerelle.test (or any demo account) with the password: ${config.demoPassword}`,
    );
  } else if (config.demo) {
    console.log(`Demo accounts use the password: ${config.demoPassword} (unless changed since)`);
  }
  const app = await buildApp({ database, config, cipher });
  startJobs(app, database, systemClock, {
    duplicateScanHours: config.duplicateScanHours,
    resettlementWarningDays: config.resettlementWarningDays,
    dataDir: config.dataDir,
  });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  // With PORT=0 the system picks a free port: say the one actually bound.
  const bound = app.server.address();
  const port = bound !== null && typeof bound === 'object' ? bound.port : config.port;
  console.log(
    `Passerelle is running on http://${config.host}:${port} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  // An unusable database is the operator's to fix: say what is wrong in a line or two, not a stack.
  const database = describeDatabaseError(error, process.env.DATABASE_URL);
  if (database) {
    console.error(database);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
