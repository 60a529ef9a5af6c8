/** Messages between the server and the embedded database's thread (pglite-worker.ts, pglite-remote.ts). */
import type { MessagePort } from 'node:worker_threads';

export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      sql: string;
      params: unknown[];
      rowMode: 'object' | 'array';
      /** Type ids whose values stay PostgreSQL text (drizzle parses dates itself). */
      keepText: number[];
      tx?: number;
    }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit' | 'rollback'; tx: number }
  | { id: number; op: 'dump' }
  /** Another thread's own line to the database (the port travels with the message). */
  | { id: number; op: 'attach'; port: MessagePort }
  /**
   * A task run in the database's thread (a long series of small queries, such as loading the demo): the
   * function `name` of `module` (an application module's URL) is called with the database, opened there
   * through the same ORM, and `args`; its result is the answer.
   */
  | { id: number; op: 'run'; module: string; name: string; args: unknown[] }
  | { id: number; op: 'close' };

/** The answer to request `id` (id 0: the database is open, or failed to open). */
export type WorkerReply = {
  id: number;
  result?: unknown;
  error?: { message: string; name?: string; [field: string]: unknown };
};
