/**
 * Periodic work of the running server: forgetting old sign-in failures, removing expired report exports,
 * refreshing reporting facts, overdue-referral notifications, resettlement expiry warnings, match keys
 * rebuilt after a rules
 * change, the automatic duplicate scan. Each job is idempotent: running it twice (or on two servers) is
 * harmless.
 */

import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { purgeSignInRecords } from '../modules/identity';
import { notifyOverdue } from '../modules/referrals';
import { refreshStaleMatchKeys, runScheduledScan } from '../modules/registry';
import { exportRootOf, refreshAllFacts, tidyExports } from '../modules/reporting';
import { warnExpiries } from '../modules/resettlement';
import type { Clock } from '../platform/clock';
import { systemCtx } from './reactions';

const EVERY_MS = 15 * 60_000;

export function startJobs(
  app: FastifyInstance,
  database: Database,
  clock: Clock,
  options: { duplicateScanHours: number; resettlementWarningDays?: number; dataDir: string },
): void {
  const ctx = systemCtx(database.db, clock);
  const run = async (atStartUp: boolean) => {
    try {
      await purgeSignInRecords(database.db, clock.now());
      // Expired report exports are deleted, files and rows.
      const expired = await tidyExports(ctx, exportRootOf(options.dataDir));
      if (expired > 0) app.log.info({ expired }, 'expired report exports removed');
      // Reporting facts built or brought up to date (ADR 0016), so that dashboards read them ready.
      const facts = await refreshAllFacts(database.db, clock.now());
      if (facts > 0) app.log.info({ projects: facts }, 'reporting facts refreshed');
      const overdue = await notifyOverdue(ctx);
      if (overdue > 0) app.log.info({ overdue }, 'overdue referral notifications sent');
      // Tasks ahead of expiring fitness to travel, exit permits and visas (once per record and warning).
      const warned = await warnExpiries(ctx, { warningDays: options.resettlementWarningDays ?? 14 });
      if (warned > 0) app.log.info({ warned }, 'resettlement expiry warnings made');
      // Name keys written under older matching rules (or never, after an upgrade) are rebuilt in batches.
      let rebuilt = 0;
      for (
        let n = await refreshStaleMatchKeys(database.db);
        n > 0;
        n = await refreshStaleMatchKeys(database.db)
      )
        rebuilt += n;
      if (rebuilt > 0) app.log.info({ rebuilt }, 'person match keys rebuilt');
      // The whole registry is scanned for duplicates once a period (after the keys are current), never
      // as part of starting up: the first tick comes EVERY_MS later.
      const scanId = atStartUp
        ? null
        : await runScheduledScan(ctx, options.duplicateScanHours, {
            connectionForThread: database.connectionForThread,
          });
      if (scanId) app.log.info({ scanId }, 'automatic duplicate scan done');
    } catch (error) {
      app.log.error({ err: error }, 'periodic job failed');
    }
  };
  const timer = setInterval(() => void run(false), EVERY_MS);
  timer.unref();
  void run(true);
  app.addHook('onClose', async () => clearInterval(timer));
}
