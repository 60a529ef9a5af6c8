/**
 * The public site's routes: `/fr/...` and `/en/...` (any other two-letter first segment is a language the
 * site does not have: its own 404 page), `/sitemap.xml`, `/robots.txt`, `/site/media/:name` and
 * `/site/assets/:name`. Public and sessionless: a visitor's cookie is not even looked at, so nothing here
 * waits on a session lookup, and a page served from the cache touches no database at all.
 */
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../platform/clock';
import { negotiateLanguage } from '../platform/i18n';
import { siteStylesheet } from './assets';
import {
  type CachedAnswer,
  etagOf,
  matchesEtag,
  PageCache,
  type PageCacheOptions,
  RenderLine,
} from './cache';
import { SITE_LANGS, type SiteLang } from './langs';
import { type ListQuery, listQueryString, resolveSiteRoute, type SiteRoute } from './paths';
import {
  type Answer,
  answerRoute,
  answerSitemap,
  errorAnswer,
  frameOf,
  type ListParams,
  robotsTxt,
} from './render';
import type { SiteSource } from './source';

export type SiteOptions = {
  source: SiteSource;
  clock: Clock;
  config: { publicBaseUrl: string | undefined };
  cache?: Omit<PageCacheOptions, 'clock'>;
  /** Renders reaching the source at once (the others wait in line). */
  renderConcurrency?: number;
};

/** What the server keeps of the site: the way to empty its page cache when content changes. */
export type Site = {
  /** Forgets every rendered page (wired to the content module's `contentChanged` reaction). */
  invalidate(): void;
  readonly cache: PageCache;
};

const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ROUTE = { config: { public: true, sessionless: true }, schema: { hide: true } } as const;

/** Two letters: where a language would be. `/fr` and `/en` are the site; `/de` is its 404. */
const LANG_SEGMENT = '^[a-z]{2}$';
/** A host as a browser sends it (name or IPv4, or IPv6 in brackets, and a port). */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** A media file's public name (`<uuid>-960.webp`, `<uuid>.pdf`). */
const MEDIA_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,150}(?:\.[A-Za-z0-9]{1,8})?$/;
/** What media may be served as; anything else is downloaded as bytes, never rendered. */
const MEDIA_TYPES = new Set(['image/webp', 'image/jpeg', 'image/png', 'image/avif', 'application/pdf']);

const TAG = /^[\p{Ll}\p{Lo}\p{N}]+(?:[ -][\p{Ll}\p{Lo}\p{N}]+)*$/u;

const isSiteLang = (value: string): value is SiteLang => (SITE_LANGS as readonly string[]).includes(value);

/**
 * The filters and page of a list, checked: an empty value is no filter (the form sends one for "all");
 * anything malformed or given twice makes the address invalid (null). Other parameters (tracking tags...)
 * are ignored and do not make a page of their own in the cache.
 */
export function parseListQuery(search: string): ListParams | null {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return null;
  }
  const one = (name: string): string | undefined | null => {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    return values[0] === '' ? undefined : values[0];
  };
  const tag = one('tag');
  const year = one('year');
  const page = one('page');
  if (tag === null || year === null || page === null) return null;
  if (tag !== undefined && (tag.length > 40 || !TAG.test(tag))) return null;
  if (year !== undefined && !/^(19|20)\d\d$/.test(year)) return null;
  if (page !== undefined && !/^[1-9]\d{0,4}$/.test(page)) return null;
  return {
    ...(tag !== undefined ? { tag } : {}),
    ...(year !== undefined ? { year: Number(year) } : {}),
    page: page === undefined ? 1 : Number(page),
  };
}

const LIST_PAGES = new Set<SiteRoute['page']>(['news', 'publications']);

export function siteRoutes(app: FastifyInstance, options: SiteOptions): Site {
  const { source, clock } = options;
  const cache = new PageCache({ clock, ...options.cache });
  const line = new RenderLine(options.renderConcurrency ?? 8);
  /** Renders under way, by cache key: a burst of visits to one page waits for one render. */
  const inflight = new Map<string, Promise<CachedAnswer | null>>();
  /** Media lookups, kept as long as pages are and forgotten with them. */
  const mediaFound = new Map<
    string,
    { found: Awaited<ReturnType<SiteSource['media']>>; expiresAt: number }
  >();
  const stylesheet = siteStylesheet();

  const baseOf = (request: FastifyRequest): string | null => {
    if (options.config.publicBaseUrl) return options.config.publicBaseUrl;
    // Without a configured address the request's own is used: a malformed Host is refused rather than
    // written into pages (and every origin has its own cache entries, so one cannot poison another's).
    return HOST.test(request.host) ? `${request.protocol}://${request.host}` : null;
  };

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: Answer & { etag?: string },
    lang?: SiteLang,
  ) {
    const etag = answer.etag ?? etagOf(answer.body);
    reply.code(answer.status).type(answer.contentType);
    reply.header('cache-control', answer.status === 503 ? 'no-store' : PAGE_CACHE_CONTROL);
    reply.header('etag', etag);
    reply.header('x-content-type-options', 'nosniff');
    if (lang && answer.contentType.startsWith('text/html')) reply.header('content-language', lang);
    if (answer.location) reply.header('location', answer.location);
    if (answer.status === 503) reply.header('retry-after', '5');
    if (answer.status === 200 && matchesEtag(request.headers['if-none-match'], etag)) {
      return reply.code(304).send();
    }
    return reply.send(answer.body);
  }

  /** A cached answer for `key`, rendering it (once, however many ask at the same time) when missing. */
  async function cached(key: string, render: () => Promise<Answer>): Promise<CachedAnswer | null> {
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = inflight.get(key);
    if (pending) return pending;
    const generation = cache.generation;
    const work = line
      .run(async () => {
        const [answer, next] = await Promise.all([render(), source.nextScheduled()]);
        const nextAt = next === null ? null : new Date(next).getTime();
        const entry: CachedAnswer = {
          ...answer,
          etag: etagOf(answer.body),
          expiresAt: cache.expiryFor(nextAt === null || Number.isNaN(nextAt) ? null : nextAt),
        };
        // 503s are never kept: the next visitor tries again.
        if (answer.status !== 503) cache.set(key, entry, generation);
        return entry;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, work);
    return work;
  }

  async function page(request: FastifyRequest, reply: FastifyReply) {
    const [rawPath = '/', ...rest] = request.url.split('?');
    const search = rest.join('?');
    const segments = rawPath.split('/').slice(1);
    if (segments.length > 1 && segments.at(-1) === '') segments.pop();
    const [first = '', ...after] = segments;
    if (!isSiteLang(first)) {
      // A language the site does not have: its 404, in the reader's language (French unless English is asked).
      const lang = negotiateLanguage(request.headers['accept-language']);
      reply.header('vary', 'accept-language');
      return send(request, reply, errorAnswer(frameOf(lang, '', stylesheet.path), 404), lang);
    }
    const lang = first;
    const base = baseOf(request);
    if (base === null)
      return send(request, reply, errorAnswer(frameOf(lang, '', stylesheet.path), 400), lang);
    const frame = frameOf(lang, base, stylesheet.path);
    const route = resolveSiteRoute(lang, after);
    if (route.page === 'not_found') return send(request, reply, errorAnswer(frame, 404), lang);
    let list: ListParams = { page: 1 };
    let canonicalQuery = '';
    if (LIST_PAGES.has(route.page)) {
      const parsed = parseListQuery(search);
      if (!parsed) return send(request, reply, errorAnswer(frame, 400), lang);
      // Publications have pages but no filters: a filter there is not an address of the site.
      if (route.page === 'publications' && (parsed.tag !== undefined || parsed.year !== undefined))
        return send(request, reply, errorAnswer(frame, 400), lang);
      list = parsed;
      canonicalQuery = listQueryString(parsed satisfies ListQuery);
    }
    const key = `${base} /${lang}/${after.join('/')}${canonicalQuery}`;
    return respond(request, reply, key, lang, () => answerRoute(source, frame, route, list, clock.now()));
  }

  async function respond(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    lang: SiteLang | undefined,
    render: () => Promise<Answer>,
  ) {
    let answer: CachedAnswer | null;
    try {
      answer = await cached(key, render);
    } catch (error) {
      // The source failed (the database is down or slow): the site says so in its own words, and retries.
      request.log.error({ err: error }, 'public site page failed');
      answer = null;
    }
    if (!answer)
      return send(request, reply, errorAnswer(frameOf(lang ?? 'fr', '', stylesheet.path), 503), lang);
    return send(request, reply, answer, lang);
  }

  const langHome = `/:lang(${LANG_SEGMENT})`;
  app.get(langHome, ROUTE, page);
  app.get(`${langHome}/*`, ROUTE, page);

  app.get('/sitemap.xml', ROUTE, async (request, reply) => {
    const base = baseOf(request);
    if (base === null)
      return send(request, reply, errorAnswer(frameOf('fr', '', stylesheet.path), 400), 'fr');
    return respond(request, reply, `${base} /sitemap.xml`, undefined, () => answerSitemap(source, base));
  });

  app.get('/robots.txt', ROUTE, async (request, reply) => {
    const base = baseOf(request) ?? '';
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(base));
  });

  // Wildcards rather than parameters: the router answers 414 for a parameter past 200 characters, and a
  // long name is simply not one of ours.
  app.get('/site/assets/*', ROUTE, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    if (name !== stylesheet.name)
      return send(request, reply, errorAnswer(frameOf('fr', '', stylesheet.path), 404));
    reply.type(stylesheet.contentType).header('cache-control', IMMUTABLE).header('etag', stylesheet.etag);
    if (matchesEtag(request.headers['if-none-match'], stylesheet.etag)) return reply.code(304).send();
    return reply.send(stylesheet.body);
  });

  app.get('/site/media/*', ROUTE, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const notFound = () => send(request, reply, errorAnswer(frameOf('fr', '', stylesheet.path), 404));
    if (!MEDIA_NAME.test(name)) return notFound();
    const now = clock.now().getTime();
    let lookup = mediaFound.get(name);
    if (!lookup || lookup.expiresAt <= now) {
      const busy = () => send(request, reply, errorAnswer(frameOf('fr', '', stylesheet.path), 503));
      let answered: { found: Awaited<ReturnType<SiteSource['media']>> } | null;
      try {
        answered = await line.run(async () => ({ found: await source.media(name) }));
      } catch (error) {
        request.log.error({ err: error }, 'public site media failed');
        return busy();
      }
      if (!answered) return busy();
      lookup = { found: answered.found, expiresAt: cache.expiryFor(null) };
      if (mediaFound.size >= 1000) mediaFound.delete(mediaFound.keys().next().value as string);
      mediaFound.set(name, lookup);
    }
    const found = lookup.found;
    if (!found) return notFound();
    const stat = await fs.promises.stat(found.path).catch(() => null);
    if (!stat?.isFile()) return notFound();
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    const inline = MEDIA_TYPES.has(found.mediaType);
    reply
      .type(inline ? found.mediaType : 'application/octet-stream')
      .header('cache-control', IMMUTABLE)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-length', String(stat.size));
    if (!inline) reply.header('content-disposition', 'attachment');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.send(fs.createReadStream(found.path));
  });

  return {
    cache,
    invalidate() {
      cache.invalidate();
      mediaFound.clear();
    },
  };
}
