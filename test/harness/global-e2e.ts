/**
 * Vitest global setup of the `e2e` project: migrate once and load the demo once, then dump the data folder;
 * each journey file starts its server on a copy of that dump instead of loading the demo again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { resolveEncryptionKey } from '../../src/config';
import { fromPglite, pgliteExtensions } from '../../src/db/client';
import { seedDemo } from '../../src/demo/seed';
import { systemClock } from '../../src/platform/clock';
import { testConfig } from './app';

/** The demo accounts' password in browser journeys. */
export const DEMO_PASSWORD = 'demo-passerelle';

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplate: string;
    /** The attachments the demo wrote (its documents), copied into each journey's data folder. */
    demoDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const client = await PGlite.create({ extensions: pgliteExtensions });
  const database = fromPglite(client);
  await database.migrate();
  const config = testConfig();
  await seedDemo(database, systemClock, DEMO_PASSWORD, resolveEncryptionKey(config), config.dataDir);
  const dump = await client.dumpDataDir('none');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-demo-'));
  const file = path.join(dir, 'demo.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('demoTemplate', file);
  project.provide('demoDataDir', config.dataDir);
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  };
}
