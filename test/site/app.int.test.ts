/**
 * The site inside the whole app (buildApp): beside the API and the caseworker app, under the app's security
 * headers (its CSP allows everything a page uses: the stylesheet and images of its own origin, no script),
 * without a session, and forgetting its pages on the content module's `contentChanged` reaction.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { fixedClock } from '../../src/platform/clock';
import type { Reactions } from '../../src/platform/reactions';
import { buildApp } from '../../src/server/app';
import { wireReactions } from '../../src/server/reactions';
import { testConfig } from '../harness/app';
import { createTestDatabase } from '../harness/db';
import { documentOf } from './helpers';
import { type MemorySource, memorySource } from './memory-source';

let app: FastifyInstance;
let database: Database;
let mem: MemorySource;
const contentChanged: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const clock = fixedClock('2016-03-01T12:00:00.000Z');
  mem = memorySource(clock);
  // The reaction the content module announces (not in the Reactions type yet): the app wires the site to it.
  const reactions = Object.assign(wireReactions(), { contentChanged }) as Reactions;
  app = await buildApp({
    database,
    config: testConfig({ PUBLIC_BASE_URL: 'https://www.example.org' }),
    clock,
    logger: false,
    reactions,
    siteSource: mem.source,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the site in the app', () => {
  it('serves its pages to anyone, under the app’s CSP, which they satisfy', async () => {
    const res = await app.inject({ url: '/fr', headers: { cookie: 'passerelle_session=not-a-session' } });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    const doc = documentOf(res.body);
    // No script to run (structured data is a data block), no inline style, every resource from this origin.
    for (const script of doc.querySelectorAll('script'))
      expect(script.getAttribute('type')).toBe('application/ld+json');
    expect(doc.querySelectorAll('[style], style')).toHaveLength(0);
    for (const el of doc.querySelectorAll('link[rel="stylesheet"], img'))
      expect(el.getAttribute('href') ?? el.getAttribute('src')).toMatch(/^\/site\//);
    const css = await app.inject(doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '');
    expect(css.statusCode).toBe(200);
    // Pages are cacheable; the API stays no-store.
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect((await app.inject('/api/health')).headers['cache-control']).toBe('no-store');
  });

  it('leaves the API and the caseworker app their paths', async () => {
    const api = await app.inject('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    // The caseworker app's own paths still reach it (its index.html, or 503 when it is not built here).
    for (const path of ['/', '/cases/123', '/projects'])
      expect([200, 503], path).toContain((await app.inject(path)).statusCode);
    // A two-letter first segment is a language: the site's 404 page for one it does not have.
    const de = await app.inject('/de/nachrichten');
    expect(de.statusCode).toBe(404);
    expect(documentOf(de.body).querySelector('header.site-header')).not.toBeNull();
  });

  it('forgets its pages when content changes', async () => {
    await app.inject('/en/projects');
    const calls = mem.calls.total();
    await app.inject('/en/projects');
    expect(mem.calls.total()).toBe(calls);
    expect(contentChanged).toHaveLength(1);
    await contentChanged[0]?.();
    await app.inject('/en/projects');
    expect(mem.calls.total()).toBeGreaterThan(calls);
  });
});
