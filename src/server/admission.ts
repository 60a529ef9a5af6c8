/**
 * Admission of requests to the database, fairly and within a bound (ADR 0014). The database serves a few
 * requests at a time (the embedded one a single query at a time, PostgreSQL a pool of connections); more
 * would only wait inside it, unseen, until clients time out. So at most `concurrency` requests run; the
 * others wait in line, one line per client (its session, or its address), served in turn so that one busy
 * client cannot starve the others. A request whose wait would exceed the bound is answered at once with 503
 * `server_busy` and Retry-After, instead of late: the answer a person sees stays fast, and says to retry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../modules/identity';
import { AppError } from '../platform/errors';

export type AdmissionOptions = {
  /** Requests served at the same time. */
  concurrency: number;
  /** The longest a request may wait in line before it is turned away. */
  maxWaitMs: number;
};

type Waiter = { admit(): void; shed(waitedMs: number): void; since: number };

/** A per-client round-robin line in front of a fixed number of places. */
export class AdmissionQueue {
  #running = 0;
  #waiting = 0;
  readonly #lines = new Map<string, Waiter[]>();
  /** Average time a request holds its place (exponentially weighted), to predict waits. */
  #serviceMs = 50;

  constructor(readonly options: AdmissionOptions) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting;
  }

  /** How long a request joining the line now would wait, on the recent service times. */
  expectedWaitMs(): number {
    return Math.ceil(((this.#waiting + 1) / this.options.concurrency) * this.#serviceMs);
  }

  /**
   * Waits for a place. Resolves with the time waited, or rejects with 503 `server_busy` when the wait
   * would be (or has been) longer than the bound.
   */
  enter(client: string, now = performance.now()): Promise<number> {
    if (this.#running < this.options.concurrency && this.#waiting === 0) {
      this.#running++;
      return Promise.resolve(0);
    }
    const expected = this.expectedWaitMs();
    if (expected > this.options.maxWaitMs) return Promise.reject(busy(expected));
    return new Promise((resolve, reject) => {
      const line = this.#lines.get(client) ?? [];
      line.push({
        since: now,
        admit: () => resolve(performance.now() - now),
        shed: (waited) => reject(busy(waited)),
      });
      this.#lines.set(client, line);
      this.#waiting++;
    });
  }

  /** Gives the place back after `heldMs`, and lets the next client in line in. */
  leave(heldMs: number): void {
    this.#serviceMs = this.#serviceMs * 0.9 + heldMs * 0.1;
    this.#running--;
    this.#next();
  }

  #next(): void {
    while (this.#running < this.options.concurrency && this.#waiting > 0) {
      // The client first in the map is served, then goes to the back: one request per client per turn.
      const [client, line] = this.#lines.entries().next().value as [string, Waiter[]];
      const waiter = line.shift() as Waiter;
      this.#lines.delete(client);
      if (line.length > 0) this.#lines.set(client, line);
      this.#waiting--;
      const waited = performance.now() - waiter.since;
      // Waited past the bound after all (the prediction was wrong): turned away rather than served late.
      if (waited > this.options.maxWaitMs * 1.25) {
        waiter.shed(waited);
        continue;
      }
      this.#running++;
      waiter.admit();
    }
  }
}

function busy(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('server_busy', { headers: { 'retry-after': String(seconds) } });
}

/** Who waits in which line: a signed-in client by its session, anyone else by address. */
const clientOf = (request: FastifyRequest) => request.cookies?.[SESSION_COOKIE] ?? `ip:${request.ip}`;

/**
 * Puts every API request but the health check through the queue. Registered first among the request
 * hooks, so that even resolving the session waits its turn; the time waited is in the request's log line.
 */
export function admission(app: FastifyInstance, queue: AdmissionQueue): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    const waited = await queue.enter(clientOf(request));
    const admittedAt = performance.now();
    // The response's 'close' comes once, whether it was sent or the client went away: the place is
    // given back exactly once in every case.
    if (reply.raw.writableFinished || reply.raw.destroyed) queue.leave(0);
    else reply.raw.once('close', () => queue.leave(performance.now() - admittedAt));
    if (waited > 0) {
      const log = request.log.child({ queuedMs: Math.round(waited) });
      request.log = log;
      reply.log = log;
    }
  });
}
