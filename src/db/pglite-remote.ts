/**
 * The server's side of the embedded database's thread (pglite-worker.ts, ADR 0014): the small part of
 * PGlite's interface that drizzle uses (query, exec, transaction, close), carried over messages. A
 * transaction keeps PGlite's own rule: while it is open, other queries wait for it to end.
 */
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './pglite-protocol';

type QueryOptions = { rowMode?: 'object' | 'array'; parsers?: Record<number, unknown> };
type Result = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
// Distributes Omit over the union, so each request keeps its own fields.
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

export class DatabaseThreadStopped extends Error {}

/** Rebuilds an error thrown in the database's thread, with its PostgreSQL fields (code, constraint...). */
function rebuild(error: NonNullable<WorkerReply['error']>): Error {
  const { message, name, ...fields } = error;
  return Object.assign(new Error(message), fields, name ? { name } : {});
}

class Channel {
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #next = 1;
  #stopped: Error | undefined;

  constructor(readonly worker: Worker | MessagePort) {
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (reply.error) waiting.reject(rebuild(reply.error));
      else waiting.resolve(reply.result);
    });
    const stop = (error: Error) => {
      this.#stopped = error;
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
    };
    if (worker instanceof Worker) {
      worker.on('error', (error) =>
        stop(new DatabaseThreadStopped(`The embedded database stopped: ${error.message}`)),
      );
      worker.on('exit', (code) =>
        stop(new DatabaseThreadStopped(`The embedded database stopped (exit ${code}).`)),
      );
    } else
      worker.on('close', () =>
        stop(new DatabaseThreadStopped('The line to the embedded database was closed.')),
      );
  }

  call<T>(request: Unsent<WorkerRequest>, transfer: MessagePort[] = []): Promise<T> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}

const keepTextOf = (options?: QueryOptions) => Object.keys(options?.parsers ?? {}).map(Number);

/** Queries on the database, or inside one of its open transactions (`tx`). */
class Queries {
  constructor(
    protected readonly channel: Channel,
    private readonly tx?: number,
  ) {}

  query(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Result> {
    return this.channel.call({
      op: 'query',
      sql,
      params,
      rowMode: options?.rowMode ?? 'object',
      keepText: keepTextOf(options),
      ...(this.tx === undefined ? {} : { tx: this.tx }),
    });
  }

  exec(sql: string): Promise<Result[]> {
    return this.channel.call({ op: 'exec', sql, ...(this.tx === undefined ? {} : { tx: this.tx }) });
  }
}

export class RemotePGlite extends Queries {
  private constructor(channel: Channel) {
    super(channel);
  }

  /** Starts the database's thread on a data folder, or (tests) on a dump to load in memory. */
  static async open(source: { dataDir: string } | { loadDataDir: Blob }): Promise<RemotePGlite> {
    const worker = new Worker(new URL('../platform/worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./pglite-worker.ts', import.meta.url).href, ...source },
    });
    const channel = new Channel(worker);
    await new Promise<void>((resolve, reject) => {
      const first = (reply: WorkerReply) => {
        if (reply.id !== 0) return;
        worker.off('message', first);
        if (reply.error) {
          void worker.terminate();
          reject(rebuild(reply.error));
        } else resolve();
      };
      worker.on('message', first);
      worker.once('error', reject);
    });
    return new RemotePGlite(channel);
  }

  /** Runs `callback` in a transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Queries) => Promise<T>): Promise<T> {
    const tx = await this.channel.call<number>({ op: 'begin' });
    let result: T;
    try {
      result = await callback(new Queries(this.channel, tx));
    } catch (error) {
      await this.channel.call({ op: 'rollback', tx }).catch(() => {});
      throw error;
    }
    await this.channel.call({ op: 'commit', tx });
    return result;
  }

  /**
   * A line of its own to the database, for another thread (a duplicate scan reads the registry without
   * going through the server's thread): give the port to that thread, which opens it with `overPort`.
   */
  async linePort(): Promise<MessagePort> {
    const { port1, port2 } = new MessageChannel();
    await this.channel.call({ op: 'attach', port: port2 }, [port2]);
    return port1;
  }

  /** The database, from another thread, over a port given by `linePort`. */
  static overPort(port: MessagePort): RemotePGlite {
    return new RemotePGlite(new Channel(port));
  }

  /**
   * Runs the function `name` of the application module `module` in the database's thread, with the database
   * opened there and `args` (copied across: plain data only), and answers its result (pglite-protocol.ts).
   */
  runInThread<T>(module: string, name: string, args: unknown[]): Promise<T> {
    return this.channel.call({ op: 'run', module, name, args });
  }

  /** The whole database as a tarball (tests build their template this way). */
  dumpDataDir(): Promise<Blob> {
    return this.channel.call({ op: 'dump' });
  }

  /** Closes the database (from the thread that owns it), or only this thread's line to it. */
  async close(): Promise<void> {
    const line = this.channel.worker;
    if (!(line instanceof Worker)) {
      line.close();
      return;
    }
    await this.channel.call({ op: 'close' }).catch(() => {});
    await line.terminate();
  }
}
