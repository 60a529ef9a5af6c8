/**
 * The site's page cache: rendered answers (pages, feeds, the sitemap, 404s and redirects too) kept in this
 * process, so that a visit after a statement is published does not reach the database. Bounded (least
 * recently used entries go first); each entry carries a strong ETag and expires at the earlier of a short
 * lifetime (other processes' publications show within it) and the next scheduled publication.
 *
 * `invalidate()` empties it when content changes in this process. Invalidation may come from inside the
 * transaction that changes the content, before its commit: a page rendered during the next moments could
 * still read the old data, so entries rendered within `settleMs` of an invalidation live only until the end
 * of that window. Renders that began before an invalidation are not kept at all.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../platform/clock';

export type CachedAnswer = {
  status: 200 | 301 | 400 | 404 | 503;
  contentType: string;
  body: string;
  etag: string;
  /** Where a redirect points. */
  location?: string;
  /** Clock time (ms) after which it is rendered again. */
  expiresAt: number;
};

export type PageCacheOptions = {
  clock: Clock;
  /** Entries kept at most. */
  maxEntries?: number;
  /** The longest an entry lives, in ms. */
  ttlMs?: number;
  /** The shortest (so a scheduled time just past, or in the past, cannot turn caching off), in ms. */
  minTtlMs?: number;
  /** After an invalidation, how long renders are kept only briefly, in ms. */
  settleMs?: number;
};

/** A strong validator: the body's SHA-256, in base64url. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header matches the entity tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export class PageCache {
  readonly #entries = new Map<string, CachedAnswer>();
  readonly #clock: Clock;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #minTtlMs: number;
  readonly #settleMs: number;
  #generation = 0;
  #invalidatedAt = Number.NEGATIVE_INFINITY;

  constructor(options: PageCacheOptions) {
    this.#clock = options.clock;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#ttlMs = options.ttlMs ?? 30_000;
    this.#minTtlMs = options.minTtlMs ?? 1_000;
    this.#settleMs = options.settleMs ?? 2_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bumped by every invalidation: a render keeps its answer only if the generation has not moved. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#clock.now().getTime()) {
      this.#entries.delete(key);
      return undefined;
    }
    // Most recently used goes last: a Map keeps insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * When an answer rendered now expires: at most `ttlMs` from now, no later than the next scheduled
   * publication (`nextScheduled`, ms), within the settling window no later than its end, and never sooner
   * than `minTtlMs`.
   */
  expiryFor(nextScheduled: number | null): number {
    const now = this.#clock.now().getTime();
    let expiresAt = now + this.#ttlMs;
    if (nextScheduled !== null) expiresAt = Math.min(expiresAt, nextScheduled);
    const settledAt = this.#invalidatedAt + this.#settleMs;
    if (now < settledAt) expiresAt = Math.min(expiresAt, settledAt);
    return Math.max(expiresAt, now + this.#minTtlMs);
  }

  /** Keeps an answer rendered during `generation`, unless the cache was invalidated since. */
  set(key: string, answer: CachedAnswer, generation: number): void {
    if (generation !== this.#generation) return;
    this.#entries.delete(key);
    this.#entries.set(key, answer);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  invalidate(): void {
    this.#generation++;
    this.#invalidatedAt = this.#clock.now().getTime();
    this.#entries.clear();
  }
}

/**
 * At most `concurrency` renders reach the source at once; a few hundred more wait; beyond that the answer is
 * "busy" at once. Requests for the same address share one render (see the routes), so only distinct
 * addresses, such as a crawl or random slugs, take places here.
 */
export class RenderLine {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly concurrency = 8,
    readonly maxWaiting = 500,
  ) {}

  /** Runs `work` when a place is free; null when the line is full. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      // The place passes straight to the next in line (running stays the same), or is given back.
      if (next) next();
      else this.#running--;
    }
  }
}
