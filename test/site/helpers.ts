/** The site on a bare Fastify instance (the app's router options), over an in-memory source. */
import Fastify, { type FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { fixedClock } from '../../src/platform/clock';
import { type Site, type SiteOptions, siteRoutes } from '../../src/site';
import { type MemoryEntry, type MemorySource, memorySource } from './memory-source';

export const BASE = 'https://www.example.org';
/** The demo's "today" for the site: after every seed item's publication. */
export const NOW = '2016-03-01T12:00:00.000Z';

export type SiteHarness = {
  app: FastifyInstance;
  site: Site;
  mem: MemorySource;
  clock: ReturnType<typeof fixedClock>;
};

export async function siteHarness(
  options: {
    entries?: MemoryEntry[];
    figures?: Record<string, number | 'unavailable'>;
    publicBaseUrl?: string | null;
    cache?: SiteOptions['cache'];
  } = {},
): Promise<SiteHarness> {
  const clock = fixedClock(NOW);
  const mem = memorySource(clock, {
    ...(options.entries ? { entries: options.entries } : {}),
    ...(options.figures ? { figures: options.figures } : {}),
  });
  // The same router options as the app (src/server/app.ts).
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 } });
  const site = siteRoutes(app, {
    source: mem.source,
    clock,
    config: { publicBaseUrl: options.publicBaseUrl === null ? undefined : (options.publicBaseUrl ?? BASE) },
    ...(options.cache ? { cache: options.cache } : {}),
  });
  await app.ready();
  return { app, site, mem, clock };
}

export function documentOf(html: string): Document {
  return new JSDOM(html).window.document;
}

export const attr = (doc: Document, selector: string, name: string) =>
  doc.querySelector(selector)?.getAttribute(name) ?? null;

/** Every `rel=alternate hreflang` link of a page, by language. */
export function hreflangs(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const link of doc.querySelectorAll('link[rel="alternate"][hreflang]'))
    out[link.getAttribute('hreflang') ?? ''] = link.getAttribute('href') ?? '';
  return out;
}

export const meta = (doc: Document, property: string) =>
  attr(doc, `meta[property="${property}"], meta[name="${property}"]`, 'content');
