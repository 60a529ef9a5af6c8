import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock';
import { type CachedAnswer, etagOf, matchesEtag, PageCache, RenderLine } from './cache';

const answer = (body: string, expiresAt: number): CachedAnswer => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body,
  etag: etagOf(body),
  expiresAt,
});

describe('PageCache', () => {
  it('drops the least recently used entry past its bound', () => {
    const clock = fixedClock('2016-01-01T00:00:00Z');
    const cache = new PageCache({ clock, maxEntries: 2 });
    const later = clock.now().getTime() + 10_000;
    cache.set('a', answer('a', later), 0);
    cache.set('b', answer('b', later), 0);
    cache.get('a');
    cache.set('c', answer('c', later), 0);
    expect(cache.get('a')?.body).toBe('a');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.body).toBe('c');
  });

  it('expires at the earlier of the lifetime and the next scheduled publication, never sooner than the minimum', () => {
    const clock = fixedClock('2016-01-01T00:00:00Z');
    const now = clock.now().getTime();
    const cache = new PageCache({ clock, ttlMs: 30_000, minTtlMs: 1_000 });
    expect(cache.expiryFor(null)).toBe(now + 30_000);
    expect(cache.expiryFor(now + 10_000)).toBe(now + 10_000);
    expect(cache.expiryFor(now + 60_000)).toBe(now + 30_000);
    // A scheduled time just past (the source has not caught up) does not turn caching off.
    expect(cache.expiryFor(now - 5_000)).toBe(now + 1_000);
    cache.set('a', answer('a', now + 10_000), cache.generation);
    clock.advance(9_999);
    expect(cache.get('a')).toBeDefined();
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets everything on invalidation, refuses renders begun before it, and keeps the next ones briefly', () => {
    const clock = fixedClock('2016-01-01T00:00:00Z');
    const cache = new PageCache({ clock, settleMs: 2_000 });
    const before = cache.generation;
    cache.set('a', answer('a', clock.now().getTime() + 30_000), before);
    cache.invalidate();
    expect(cache.size).toBe(0);
    cache.set('late', answer('late', clock.now().getTime() + 30_000), before);
    expect(cache.get('late')).toBeUndefined();
    clock.advance(500);
    expect(cache.expiryFor(null)).toBe(clock.now().getTime() + 1_500);
    clock.advance(2_000);
    expect(cache.expiryFor(null)).toBe(clock.now().getTime() + 30_000);
  });
});

describe('ETags', () => {
  it('are strong and compared weakly, as If-None-Match asks', () => {
    const tag = etagOf('<p>x</p>');
    expect(tag).toBe(etagOf('<p>x</p>'));
    expect(tag).not.toBe(etagOf('<p>y</p>'));
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`W/${tag}`, tag)).toBe(true);
    expect(matchesEtag(`"a", ${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"a"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});

describe('RenderLine', () => {
  it('runs at most `concurrency` at once and turns work away past the line', async () => {
    const line = new RenderLine(2, 1);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      line.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return 'done';
      });
    const a = work();
    const b = work();
    const c = work();
    expect(await work()).toBeNull();
    await Promise.resolve();
    expect(releases).toHaveLength(2);
    releases.shift()?.();
    await a;
    await new Promise((r) => setTimeout(r, 0));
    releases.shift()?.();
    releases.shift()?.();
    expect(await Promise.all([b, c])).toEqual(['done', 'done']);
    expect(most).toBe(2);
  });
});
