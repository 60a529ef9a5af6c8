/**
 * A duplicate scan of a large registry, on a thread of its own at the lowest priority (ADR 0014): reading
 * the persons, building the index and comparing them takes seconds of processor time, which the server's
 * requests get first. The thread opens its own connection to the database (on the embedded one, a line to
 * the database's thread), so the rows never pass through the server's thread either.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openThreadConnection, type ThreadConnection } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import { findDuplicatePairs, type MatchPerson } from './matching';
import { personsOf } from './scan-source';

export type ScanWorkerInput = {
  connection: ThreadConnection;
  scope: OfficeScope;
  threshold: number;
  excludedPairs: [string, string][];
};

const input = workerData as ScanWorkerInput & { entry: string };
// Nice 19 for this thread only (Linux schedules threads one by one): the scan uses what requests leave.
try {
  os.setPriority(19);
} catch {
  // Not allowed here: the scan then shares the processor evenly, as before.
}
const database = openThreadConnection(input.connection);
try {
  const people: MatchPerson[] = [];
  // Between pages the database serves the requests waiting for it.
  for await (const page of personsOf(database.db, input.scope, 25)) people.push(...page);
  const result = await findDuplicatePairs(people, {
    threshold: input.threshold,
    excludedPairs: input.excludedPairs,
  });
  parentPort?.postMessage(result);
} finally {
  await database.close();
}
