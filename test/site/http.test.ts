/**
 * The site over HTTP: feeds and sitemap, caching (ETag and 304, Cache-Control, the page cache that spares the
 * source, its invalidation and its expiry at the next scheduled publication), media and the stylesheet, the
 * public origin, and hostile addresses, which answer 400 or 404 pages, never 500.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attr, BASE, documentOf, type SiteHarness, siteHarness } from './helpers';
import { type MemoryEntry, SEED_ENTRIES } from './memory-source';

const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const harnesses: SiteHarness[] = [];
async function fresh(options: Parameters<typeof siteHarness>[0] = {}) {
  const h = await siteHarness(options);
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.app.close();
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
/** An element's text, whether it has attributes (`<title type="html">`) or not. */
const text = (node: unknown) =>
  typeof node === 'object' && node ? (node as { '#text': string })['#text'] : node;
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('feeds', () => {
  it('publishes an Atom feed of each language’s news and statements', async () => {
    const h = await fresh();
    const res = await h.app.inject('/fr/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe(PAGE_CACHE);
    const { feed } = xml.parse(res.body);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${BASE}/fr`);
    expect(feed.updated).toBe('2015-12-02T09:00:00.000Z');
    const self = asArray(feed.link).find((l: Record<string, string>) => l['@rel'] === 'self');
    expect(self['@href']).toBe(`${BASE}/fr/feed.xml`);
    const entries = asArray(feed.entry) as Record<string, unknown>[];
    // The French news and statements (publications and pages are not news), newest first.
    expect(entries.map((e) => text(e.title))).toEqual([
      "L'OIM participe activement à la COP 21",
      'Situation à Calais',
      "Le projet CARE prolongé jusqu'en décembre 2015",
      'Lancement du projet TACT',
      'Réinstallation des réfugiés syriens',
      'Projet MAGNET II',
    ]);
    for (const entry of entries) {
      expect(entry.id).toMatch(new RegExp(`^${BASE}/fr/actualites/[a-z0-9-]+$`));
      const links = asArray(entry.link as Record<string, string> | Record<string, string>[]);
      expect(links.find((l) => !l['@rel'])?.['@href']).toBe(entry.id);
      expect(Number.isNaN(Date.parse(String(entry.updated)))).toBe(false);
      expect(Number.isNaN(Date.parse(String(entry.published)))).toBe(false);
      expect(entry.summary).toBeTruthy();
    }
    const en = xml.parse((await h.app.inject('/en/feed.xml')).body).feed;
    // MAGNET II has no English text: five entries.
    expect(asArray(en.entry)).toHaveLength(5);
    expect(asArray(en.entry)[0].id).toBe(`${BASE}/en/news/iom-takes-an-active-part-in-cop21`);
  });

  it('publishes the same as RSS 2.0', async () => {
    const h = await fresh();
    const res = await h.app.inject('/en/rss.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const { rss } = xml.parse(res.body);
    expect(rss['@version']).toBe('2.0');
    const items = asArray(rss.channel.item) as Record<string, unknown>[];
    expect(items).toHaveLength(5);
    expect(items[0]?.link).toBe(`${BASE}/en/news/iom-takes-an-active-part-in-cop21`);
    expect(Number.isNaN(Date.parse(String(items[0]?.pubDate)))).toBe(false);
  });
});

describe('sitemap and robots', () => {
  it('lists every public address with its alternates in each language', async () => {
    const h = await fresh();
    const res = await h.app.inject('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const { urlset } = xml.parse(res.body);
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    type Url = {
      loc: string;
      lastmod?: string;
      'xhtml:link'?: Record<string, string> | Record<string, string>[];
    };
    const urls = asArray(urlset.url) as Url[];
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect(loc.startsWith(`${BASE}/`)).toBe(true);
    for (const expected of [
      '/fr',
      '/en',
      '/fr/actualites',
      '/en/news',
      '/fr/projets/care',
      '/en/projects/magnet2',
      '/fr/actualites/situation-a-calais',
      '/en/news/the-situation-in-calais',
      '/fr/publications/migration-environnement-et-changement-climatique',
      '/en/about',
    ])
      expect(locs, expected).toContain(BASE + expected);
    const alternatesOf = (loc: string) =>
      Object.fromEntries(
        asArray(urls.find((u) => u.loc === BASE + loc)?.['xhtml:link']).map((l) => [
          l['@hreflang'],
          l['@href'],
        ]),
      );
    expect(alternatesOf('/en/news/the-situation-in-calais')).toEqual({
      fr: `${BASE}/fr/actualites/situation-a-calais`,
      en: `${BASE}/en/news/the-situation-in-calais`,
      'x-default': `${BASE}/fr/actualites/situation-a-calais`,
    });
    expect(alternatesOf('/fr/projets/care')).toMatchObject({ en: `${BASE}/en/projects/care` });
    // Without a translation, no alternate.
    expect(alternatesOf('/fr/actualites/projet-magnet-ii')).toEqual({});
    expect(urls.find((u) => u.loc === `${BASE}/fr/actualites/situation-a-calais`)?.lastmod).toBe(
      '2015-07-30T10:00:00.000Z',
    );
  });

  it('opens the site to crawlers and closes the caseworker app', async () => {
    const h = await fresh();
    const res = await h.app.inject('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('Allow: /fr\n');
    expect(res.body).toContain('Allow: /en\n');
    expect(res.body).toContain('Disallow: /\n');
    expect(res.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});

describe('HTTP caching', () => {
  it('answers with a strong ETag and 304 when it matches', async () => {
    const h = await fresh();
    const first = await h.app.inject('/fr');
    expect(first.headers['cache-control']).toBe(PAGE_CACHE);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await h.app.inject({ url: '/fr', headers: { 'if-none-match': header } });
      expect(again.statusCode, header).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe(PAGE_CACHE);
    }
    const changed = await h.app.inject({ url: '/fr', headers: { 'if-none-match': '"stale"' } });
    expect(changed.statusCode).toBe(200);
    // The same body, the same tag; another page, another tag.
    expect((await h.app.inject('/fr')).headers.etag).toBe(etag);
    expect((await h.app.inject('/en')).headers.etag).not.toBe(etag);
  });

  it('answers HEAD without a body', async () => {
    const h = await fresh();
    const res = await h.app.inject({ method: 'HEAD', url: '/fr/actualites' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBeTruthy();
  });
});

describe('the page cache', () => {
  const PATHS = [
    '/fr',
    '/en/news',
    '/fr/actualites/situation-a-calais',
    '/fr/projets/care',
    '/en/publications/migration-environment-and-climate-change',
    '/fr/a-propos',
    '/fr/feed.xml',
    '/sitemap.xml',
    '/fr/actualites/inconnu',
    '/fr/actualites/projet-care-prolonge',
  ];

  it('serves a page again without reaching the source', async () => {
    const h = await fresh();
    for (const p of PATHS) {
      const before = h.mem.calls.total();
      const first = await h.app.inject(p);
      expect(h.mem.calls.total(), p).toBeGreaterThan(before);
      const after = h.mem.calls.total();
      const second = await h.app.inject(p);
      expect(h.mem.calls.total(), `${p} from the cache`).toBe(after);
      expect(second.statusCode).toBe(first.statusCode);
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
    }
    // Addresses refused before any lookup never reach it at all.
    const before = h.mem.calls.total();
    for (const p of ['/de', '/fr/a/b/c', '/fr/actualites?page=0', '/fr/Actualites'])
      expect((await h.app.inject(p)).statusCode).toBeGreaterThanOrEqual(400);
    expect(h.mem.calls.total()).toBe(before);
  });

  it('renders a page once for many simultaneous visitors', async () => {
    const h = await fresh();
    const answers = await Promise.all(Array.from({ length: 50 }, () => h.app.inject('/fr/projets')));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(h.mem.calls.projects).toBe(1);
    expect(h.mem.calls.nextScheduled).toBe(1);
  });

  it('forgets every page when content changes (invalidate)', async () => {
    const h = await fresh();
    const url = '/fr/actualites/situation-a-calais';
    expect((await h.app.inject(url)).body).toContain('<h1>Situation à Calais</h1>');
    const calais = h.mem.entries.find((e) => e.texts.fr.slug === 'situation-a-calais') as MemoryEntry;
    calais.texts.fr.title = 'Situation à Calais : mise à jour';
    // Still the cached page: nothing said the content changed.
    expect((await h.app.inject(url)).body).toContain('<h1>Situation à Calais</h1>');
    h.site.invalidate();
    expect(h.site.cache.size).toBe(0);
    expect((await h.app.inject(url)).body).toContain('<h1>Situation à Calais : mise à jour</h1>');
  });

  it('keeps pages rendered right after an invalidation only briefly (the change may not be committed yet)', async () => {
    const h = await fresh();
    h.site.invalidate();
    await h.app.inject('/fr/projets');
    const calls = h.mem.calls.total();
    h.clock.advance(1_000);
    await h.app.inject('/fr/projets');
    expect(h.mem.calls.total()).toBe(calls);
    // Past the settling window (2 s), rendered again, then kept as usual.
    h.clock.advance(1_500);
    await h.app.inject('/fr/projets');
    expect(h.mem.calls.total()).toBeGreaterThan(calls);
    const later = h.mem.calls.total();
    h.clock.advance(20_000);
    await h.app.inject('/fr/projets');
    expect(h.mem.calls.total()).toBe(later);
  });

  it('expires pages after 30 seconds, so other processes’ changes show', async () => {
    const h = await fresh();
    await h.app.inject('/fr');
    const calls = h.mem.calls.total();
    h.clock.advance(29_000);
    await h.app.inject('/fr');
    expect(h.mem.calls.total()).toBe(calls);
    h.clock.advance(1_000);
    await h.app.inject('/fr');
    expect(h.mem.calls.total()).toBeGreaterThan(calls);
  });

  it('keeps no page past the next scheduled publication', async () => {
    const scheduled: MemoryEntry = {
      ...structuredClone(SEED_ENTRIES[0] as MemoryEntry),
      id: '00000000-0000-4000-8000-0000000000aa',
      kind: 'statement',
      publishedAt: '2016-03-01T12:00:10.000Z',
      updatedAt: '2016-03-01T12:00:10.000Z',
      texts: {
        fr: {
          slug: 'declaration-programmee',
          title: 'Déclaration programmée',
          summary: '',
          bodyHtml: '<p>À 12 h.</p>',
        },
      },
    };
    const h = await fresh({ entries: [...structuredClone(SEED_ENTRIES), scheduled] });
    const home = async () => (await h.app.inject('/fr')).body;
    const article = async () => (await h.app.inject('/fr/actualites/declaration-programmee')).statusCode;
    expect(await home()).not.toContain('Déclaration programmée');
    expect(await article()).toBe(404);
    const calls = h.mem.calls.total();
    h.clock.advance(9_000);
    expect(await home()).not.toContain('Déclaration programmée');
    expect(await article()).toBe(404);
    expect(h.mem.calls.total()).toBe(calls);
    // Its time comes: the home page and the article show it at once, without any invalidation.
    h.clock.advance(1_000);
    expect(await home()).toContain('Déclaration programmée');
    expect(await article()).toBe(200);
    const feed = (await h.app.inject('/fr/feed.xml')).body;
    expect(feed).toContain('Déclaration programmée');
  });

  it('stays bounded', async () => {
    const h = await fresh({ cache: { maxEntries: 3 } });
    for (const p of PATHS) await h.app.inject(p);
    expect(h.site.cache.size).toBe(3);
    // The most recent are kept.
    const calls = h.mem.calls.total();
    await h.app.inject(PATHS.at(-1) as string);
    expect(h.mem.calls.total()).toBe(calls);
  });

  it('keeps one copy per origin when no public address is configured', async () => {
    const h = await fresh({ publicBaseUrl: null });
    const a = documentOf((await h.app.inject({ url: '/fr', headers: { host: 'a.example.org' } })).body);
    const b = documentOf((await h.app.inject({ url: '/fr', headers: { host: 'b.example.org:8443' } })).body);
    expect(attr(a, 'link[rel="canonical"]', 'href')).toBe('http://a.example.org/fr');
    expect(attr(b, 'link[rel="canonical"]', 'href')).toBe('http://b.example.org:8443/fr');
    // A malformed Host is refused rather than written into a page.
    const evil = await h.app.inject({ url: '/fr', headers: { host: 'evil.example"><script>' } });
    expect(evil.statusCode).toBe(400);
    expect(evil.body).not.toContain('<script>');
  });

  it('says it is unavailable (503, never kept) when the source fails, and recovers', async () => {
    const h = await fresh();
    h.mem.failing.on = true;
    const down = await h.app.inject('/en/news');
    expect(down.statusCode).toBe(503);
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.headers['retry-after']).toBe('5');
    expect(documentOf(down.body).querySelector('h1')?.textContent).toBe('Site temporarily unavailable');
    h.mem.failing.on = false;
    expect((await h.app.inject('/en/news')).statusCode).toBe(200);
  });
});

describe('media and the stylesheet', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-site-media-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves a published file with its type, for a year', async () => {
    const h = await fresh();
    const file = path.join(dir, 'cover.webp');
    fs.writeFileSync(file, Buffer.from('RIFF....WEBPVP8 fake image'));
    h.mem.media.set('7c1d2f4e-0b1a-4c3d-9e8f-1a2b3c4d5e6f-960.webp', {
      path: file,
      mediaType: 'image/webp',
      bytes: 26,
    });
    const res = await h.app.inject('/site/media/7c1d2f4e-0b1a-4c3d-9e8f-1a2b3c4d5e6f-960.webp');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(fs.readFileSync(file))).toBe(true);
    const again = await h.app.inject({
      url: '/site/media/7c1d2f4e-0b1a-4c3d-9e8f-1a2b3c4d5e6f-960.webp',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    // Looked up once.
    expect(h.mem.calls.media).toBe(1);
  });

  it('never serves a file as a type that a browser would run', async () => {
    const h = await fresh();
    const file = path.join(dir, 'page.html');
    fs.writeFileSync(file, '<script>alert(1)</script>');
    h.mem.media.set('odd.html', { path: file, mediaType: 'text/html', bytes: 25 });
    const res = await h.app.inject('/site/media/odd.html');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe('attachment');
  });

  it('answers 404 for unknown, unsafe or vanished files', async () => {
    const h = await fresh();
    h.mem.media.set('gone.pdf', {
      path: path.join(dir, 'missing.pdf'),
      mediaType: 'application/pdf',
      bytes: 1,
    });
    for (const name of [
      'unknown.webp',
      'gone.pdf',
      '..%2F..%2Fetc%2Fpasswd',
      '.hidden',
      'a..b',
      '%00',
      'x'.repeat(300),
    ]) {
      const res = await h.app.inject(`/site/media/${name}`);
      expect(res.statusCode, name).toBe(404);
    }
  });

  it('serves the stylesheet under its hashed name, for a year', async () => {
    const h = await fresh();
    const href = attr(
      documentOf((await h.app.inject('/fr')).body),
      'link[rel="stylesheet"]',
      'href',
    ) as string;
    const res = await h.app.inject(href);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body).toContain('.skip-link');
    expect((await h.app.inject('/site/assets/site.000000000000.css')).statusCode).toBe(404);
  });
});

describe('hostile addresses', () => {
  const HOSTILE = [
    `/fr/actualites/${'a'.repeat(5000)}`,
    `/fr/${'b'.repeat(300)}`,
    '/fr/actualites/%2F..%2F..%2Fetc%2Fpasswd',
    '/fr/actualites/..%2f..%2fsrc%2fconfig.ts',
    '/fr/actualites/..',
    '/fr/%2e%2e/%2e%2e/etc/passwd',
    '/fr/projets/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '/fr/actualites/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    '/fr/actualites/%00',
    '/fr/actualites/%E2%80%AE%E2%80%AD',
    '/fr/actualites/%C3%A9t%C3%A9',
    '/fr/actualites/😀',
    '/fr//actualites',
    '/fr/actualites/situation-a-calais/',
    '/fr/actualites/situation-a-calais/extra',
    '/fr/actualites?tag=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    `/fr/actualites?tag=${'x'.repeat(2000)}`,
    '/fr/actualites?year=2015%00',
    '/fr/actualites?page=99999999999999999999',
    '/fr/actualites?page=1e3',
    '/fr/actualites?tag[]=x',
    '/fr/actualites?tag=%FF',
    '/fr/actualites/situation-a-calais?q=%3Cscript%3E',
    '/fr/feed.xml?page=-1',
    '/en/projects/CARE',
    '/en/projects/care%20',
    '/FR/actualites',
    '/de/../../etc/passwd',
  ];

  it('answers 200, 301, 400 or 404, never 500, and never echoes the input', async () => {
    const h = await fresh();
    for (const url of HOSTILE) {
      const res = await h.app.inject(url);
      expect([200, 301, 400, 404], url).toContain(res.statusCode);
      expect(res.body).not.toMatch(/<script>alert|onerror=alert/);
      if (res.statusCode >= 400 && String(res.headers['content-type']).startsWith('text/html'))
        expect(documentOf(res.body).querySelector('header.site-header'), url).not.toBeNull();
    }
  });

  it('follows a former slug only to an address of the site', async () => {
    const h = await fresh();
    const redirects: Record<string, string> = {
      'ancien-1': '/fr/actualites/situation-a-calais',
      'ancien-2': '//evil.example/fr',
      'ancien-3': 'https://evil.example/fr/actualites/x',
      'ancien-4': '/fr/../..//evil.example',
      'ancien-5': '/en/news/the-situation-in-calais',
    };
    const item = h.mem.source.item;
    h.mem.source.item = async (lang, kinds, slug) =>
      redirects[slug] ? { redirect: redirects[slug] } : item(lang, kinds, slug);
    const first = await h.app.inject('/fr/actualites/ancien-1');
    expect(first.statusCode).toBe(301);
    expect(first.headers.location).toBe('/fr/actualites/situation-a-calais');
    for (const slug of ['ancien-2', 'ancien-3', 'ancien-4', 'ancien-5'])
      expect((await h.app.inject(`/fr/actualites/${slug}`)).statusCode, slug).toBe(404);
  });

  it('escapes hostile titles in the page, its metadata and its structured data', async () => {
    const hostile: MemoryEntry = {
      ...structuredClone(SEED_ENTRIES[0] as MemoryEntry),
      id: '00000000-0000-4000-8000-0000000000bb',
      texts: {
        fr: {
          slug: 'titre-hostile',
          title: '</script><script>alert(1)</script>',
          summary: '"><img src=x onerror=alert(1)>',
          bodyHtml: '<p>Corps.</p>',
        },
      },
    };
    const h = await fresh({ entries: [...structuredClone(SEED_ENTRIES), hostile] });
    const res = await h.app.inject('/fr/actualites/titre-hostile');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img src=x');
    const doc = documentOf(res.body);
    expect(doc.querySelector('h1')?.textContent).toBe('</script><script>alert(1)</script>');
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    const data = JSON.parse(doc.querySelector('script')?.textContent ?? '');
    expect(data.headline).toBe('</script><script>alert(1)</script>');
    const feed = (await h.app.inject('/fr/feed.xml')).body;
    const titles = asArray(xml.parse(feed).feed.entry).map((e: { title: unknown }) => text(e.title));
    expect(titles).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(feed).not.toContain('<script>alert');
  });
});
