/**
 * The embedded database's own thread (ADR 0014). PGlite runs PostgreSQL compiled to WebAssembly, and a query
 * keeps the thread that runs it busy until it ends: on the server's thread, every query stalled the HTTP
 * work of every other request (parsing, answering, health checks) and hid the wait from the server's own
 * timings. Here it has a thread of its own, driven by messages from `pglite-remote.ts`.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { WorkerReply, WorkerRequest } from './pglite-protocol';

const port = parentPort;
if (!port) throw new Error('pglite-worker runs as a worker thread');

/** Type parsers that keep the value as PostgreSQL's text (what drizzle asks for dates and intervals). */
const keepText = (types: number[]) => Object.fromEntries(types.map((t) => [t, (value: string) => value]));

/**
 * The types the ORM reads as PostgreSQL's text, and asks so of every query: dates, timestamps, intervals,
 * their arrays, and numeric arrays. This database keeps them as text itself, so that a query need not bring
 * parsers: PGlite copies its three hundred parsers into a new map for each query that does, which costs
 * more than many a query.
 */
const ORM_TEXT = [1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231];
/** The parsers a query needs beyond the database's own, to keep `types` as text (none for the ORM's). */
const parsersFor = (types: number[]) => {
  const more = types.filter((t) => !ORM_TEXT.includes(t));
  return more.length > 0 ? keepText(more) : undefined;
};

const options = workerData as { dataDir?: string; loadDataDir?: Blob };
const extensions = { pg_trgm, fuzzystrmatch };
const parsers = keepText(ORM_TEXT);
const ready = options.dataDir
  ? PGlite.create(options.dataDir, { extensions, parsers })
  : PGlite.create({
      extensions,
      parsers,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });

/** Thrown into a transaction's callback to roll it back. */
const ROLLBACK = Symbol('rollback');
type Open = { tx: Transaction; commit: () => void; rollback: () => void; done: Promise<void> };
const transactions = new Map<number, Open>();
let nextTransaction = 1;

function serialiseError(error: unknown): WorkerReply['error'] {
  if (!(error instanceof Error)) return { message: String(error) };
  // pg's DatabaseError fields (code, detail, constraint...) are what the application switches on.
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return { ...fields, message: error.message, name: error.name };
}

async function begin(pg: PGlite): Promise<number> {
  const id = nextTransaction++;
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const entry = { done: Promise.resolve() } as Open;
  entry.done = pg
    .transaction(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          entry.tx = tx;
          entry.commit = () => resolve();
          entry.rollback = () => reject(ROLLBACK);
          opened();
        }),
    )
    .then(
      () => {},
      (error: unknown) => {
        if (error !== ROLLBACK) throw error;
      },
    );
  transactions.set(id, entry);
  // A transaction that failed to open (BEGIN refused) settles `done` first.
  await Promise.race([isOpen, entry.done]);
  return id;
}

async function handle(pg: PGlite, request: WorkerRequest): Promise<unknown> {
  const on = (tx: number | undefined) => {
    if (tx === undefined) return pg;
    const open = transactions.get(tx);
    if (!open) throw new Error(`transaction ${tx} is not open`);
    return open.tx;
  };
  switch (request.op) {
    case 'query': {
      const result = await on(request.tx).query(request.sql, request.params, {
        rowMode: request.rowMode,
        parsers: parsersFor(request.keepText),
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'exec':
      return (await on(request.tx).exec(request.sql)).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    case 'begin':
      return begin(pg);
    case 'commit':
    case 'rollback': {
      const open = transactions.get(request.tx);
      if (!open) throw new Error(`transaction ${request.tx} is not open`);
      transactions.delete(request.tx);
      if (request.op === 'commit') open.commit();
      else open.rollback();
      await open.done;
      return null;
    }
    case 'dump':
      return pg.dumpDataDir('none');
    case 'attach':
      listen(pg, request.port);
      return null;
    case 'run':
      return runTask(pg, request);
    case 'close':
      await pg.close();
      return null;
  }
}

/** The application's own source folder: the only place a task may come from. */
const APPLICATION = new URL('../', import.meta.url).href;

/**
 * Runs a task of the application in this thread, on the database opened here through the ORM: every query
 * is then a call within the thread instead of a message and its answer (ADR 0014). Loaded on first use, so
 * that the thread starts with PGlite alone.
 */
async function runTask(pg: PGlite, request: Extract<WorkerRequest, { op: 'run' }>): Promise<unknown> {
  if (!request.module.startsWith(APPLICATION))
    throw new Error(`not a module of the application: ${request.module}`);
  const [{ fromPglite }, task] = await Promise.all([import('./client'), import(request.module)]);
  const run = (task as Record<string, unknown>)[request.name];
  if (typeof run !== 'function') throw new Error(`${request.module} has no function ${request.name}`);
  // The database stays open when the task ends: it belongs to this thread, not to the task.
  const database = { ...fromPglite(ormClient(pg) as PGlite), close: async () => {} };
  return run(database, ...request.args);
}

type QueryOptions = Parameters<PGlite['query']>[2];
type Queryable = { query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown> };

/** What drizzle uses of PGlite (query, transaction), without the parsers this database applies already. */
function ormClient(pg: PGlite) {
  const lean = (on: Queryable) => ({
    query: (sql: string, params?: unknown[], options?: QueryOptions) =>
      on.query(sql, params, {
        ...options,
        parsers: parsersFor(Object.keys(options?.parsers ?? {}).map(Number)),
      }),
  });
  return {
    ...lean(pg),
    transaction: <T>(run: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => run(lean(tx))),
  };
}

/** Serves the requests arriving on a line (the server's, or another thread's), answering on it. */
function listen(pg: PGlite, line: MessagePort | NonNullable<typeof parentPort>): void {
  line.on('message', (request: WorkerRequest) => {
    handle(pg, request).then(
      (result) => line.postMessage({ id: request.id, result } satisfies WorkerReply),
      (error: unknown) =>
        line.postMessage({ id: request.id, error: serialiseError(error) } satisfies WorkerReply),
    );
  });
}

ready.then(
  (pg) => {
    listen(pg, port);
    port.postMessage({ id: 0, result: 'ready' } satisfies WorkerReply);
  },
  (error: unknown) => port.postMessage({ id: 0, error: serialiseError(error) } satisfies WorkerReply),
);
