/**
 * From an address to an answer: reads what the page needs from the `SiteSource` (and nothing else), renders
 * it to HTML (or XML), and says what status it has. Knows nothing of HTTP caching (routes.ts does).
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { newsFeed, type SitemapEntry, sitemapXml } from './feeds';
import { figureRefs, fillFigures } from './format';
import { stringsOf } from './i18n';
import { SITE_LANGS, type SiteLang } from './langs';
import type { Frame } from './layout';
import { HomePage } from './pages/home';
import { ArticlePage, NewsListPage } from './pages/news';
import { ProjectListPage, ProjectPage } from './pages/projects';
import { PublicationListPage, PublicationPage } from './pages/publications';
import { ErrorPage, type ErrorStatus, StandingPage } from './pages/standing';
import { NEWS_KINDS, PAGE_KINDS, PUBLICATION_KINDS, type SiteRoute, SLUG, sitePaths } from './paths';
import type { PublicFigure, PublicItem, SiteSource } from './source';

export const NEWS_PAGE_SIZE = 10;
export const PUBLICATIONS_PAGE_SIZE = 12;
export const HOME_NEWS = 6;
export const HOME_PUBLICATIONS = 3;
export const FEED_ENTRIES = 20;

export type Answer = {
  status: 200 | 301 | 400 | 404 | 503;
  contentType: string;
  body: string;
  location?: string;
};

const HTML = 'text/html; charset=utf-8';

export function html(element: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export function errorAnswer(frame: Frame, status: ErrorStatus): Answer {
  return { status, contentType: HTML, body: html(<ErrorPage frame={frame} status={status} />) };
}

const redirect = (location: string): Answer => ({
  status: 301,
  contentType: 'text/plain; charset=utf-8',
  body: `Moved permanently: ${location}\n`,
  location,
});

/** The validated query of a list (tag, year, page). */
export type ListParams = { tag?: string; year?: number; page: number };

const pagesOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The body with its live figures filled, reading only the figures it references. */
async function filledBody(source: SiteSource, lang: SiteLang, bodyHtml: string): Promise<string> {
  const refs = figureRefs(bodyHtml);
  const figures = refs.length > 0 ? await source.figures(refs) : new Map<string, PublicFigure>();
  return fillFigures(bodyHtml, figures, lang);
}

/**
 * Where a former slug points now: the source answers the current slug (or, accepted too, the current path
 * in that language). Anything else is not followed.
 */
function redirectTarget(lang: SiteLang, target: string, pathOf: (slug: string) => string): string | null {
  if (SLUG.test(target)) return pathOf(target);
  // A path of this language made of slug-like segments only: never another host, never `..`.
  const segments = target.split('/');
  if (segments[0] === '' && segments[1] === lang && segments.slice(2).every((s) => SLUG.test(s)))
    return target;
  return null;
}

type ItemResult = PublicItem | { redirect: string } | null;

async function itemAnswer(
  frame: Frame,
  found: ItemResult,
  pathOf: (slug: string) => string,
  render: (item: PublicItem, bodyHtml: string) => ReactElement,
  source: SiteSource,
): Promise<Answer> {
  if (found === null) return errorAnswer(frame, 404);
  if ('redirect' in found) {
    const target = redirectTarget(frame.lang, found.redirect, pathOf);
    return target ? redirect(target) : errorAnswer(frame, 404);
  }
  const bodyHtml = await filledBody(source, frame.lang, found.bodyHtml);
  return { status: 200, contentType: HTML, body: html(render(found, bodyHtml)) };
}

/** The answer to a page of the site (not an error of the address itself: the routes answer those). */
export async function answerRoute(
  source: SiteSource,
  frame: Frame,
  route: Exclude<SiteRoute, { page: 'not_found' }>,
  list: ListParams,
  now: Date,
): Promise<Answer> {
  const { lang } = frame;
  switch (route.page) {
    case 'home': {
      const [news, projects, publications] = await Promise.all([
        source.list(lang, { kinds: NEWS_KINDS, limit: HOME_NEWS, offset: 0 }),
        source.projects(lang),
        source.list(lang, { kinds: PUBLICATION_KINDS, limit: HOME_PUBLICATIONS, offset: 0 }),
      ]);
      const data = { news: news.items, projects, publications: publications.items };
      return { status: 200, contentType: HTML, body: html(<HomePage frame={frame} data={data} />) };
    }
    case 'news': {
      const [facets, found] = await Promise.all([
        source.facets(lang, NEWS_KINDS),
        source.list(lang, {
          kinds: NEWS_KINDS,
          ...(list.tag !== undefined ? { tag: list.tag } : {}),
          ...(list.year !== undefined ? { year: list.year } : {}),
          limit: NEWS_PAGE_SIZE,
          offset: (list.page - 1) * NEWS_PAGE_SIZE,
        }),
      ]);
      // Only the topics and years that exist are pages; anything else is an address that leads nowhere.
      if (list.tag !== undefined && !facets.tags.includes(list.tag)) return errorAnswer(frame, 404);
      if (list.year !== undefined && !facets.years.includes(list.year)) return errorAnswer(frame, 404);
      const pages = pagesOf(found.total, NEWS_PAGE_SIZE);
      if (list.page > pages) return errorAnswer(frame, 404);
      const data = {
        items: found.items,
        total: found.total,
        page: list.page,
        pages,
        query: { tag: list.tag, year: list.year },
        facets,
      };
      return { status: 200, contentType: HTML, body: html(<NewsListPage frame={frame} data={data} />) };
    }
    case 'article':
      return itemAnswer(
        frame,
        await source.item(lang, NEWS_KINDS, route.slug),
        (slug) => sitePaths.article(lang, slug),
        (item, bodyHtml) => <ArticlePage frame={frame} item={item} bodyHtml={bodyHtml} />,
        source,
      );
    case 'projects': {
      const projects = await source.projects(lang);
      return {
        status: 200,
        contentType: HTML,
        body: html(<ProjectListPage frame={frame} projects={projects} />),
      };
    }
    case 'project': {
      const project = await source.project(lang, route.code);
      if (!project) return errorAnswer(frame, 404);
      const bodyHtml = project.page ? await filledBody(source, lang, project.page.bodyHtml) : null;
      return {
        status: 200,
        contentType: HTML,
        body: html(<ProjectPage frame={frame} project={project} bodyHtml={bodyHtml} />),
      };
    }
    case 'publications': {
      const found = await source.list(lang, {
        kinds: PUBLICATION_KINDS,
        limit: PUBLICATIONS_PAGE_SIZE,
        offset: (list.page - 1) * PUBLICATIONS_PAGE_SIZE,
      });
      const pages = pagesOf(found.total, PUBLICATIONS_PAGE_SIZE);
      if (list.page > pages) return errorAnswer(frame, 404);
      const data = { items: found.items, total: found.total, page: list.page, pages };
      return {
        status: 200,
        contentType: HTML,
        body: html(<PublicationListPage frame={frame} data={data} />),
      };
    }
    case 'publication':
      return itemAnswer(
        frame,
        await source.item(lang, PUBLICATION_KINDS, route.slug),
        (slug) => sitePaths.publication(lang, slug),
        (item, bodyHtml) => <PublicationPage frame={frame} item={item} bodyHtml={bodyHtml} />,
        source,
      );
    case 'standing':
      return itemAnswer(
        frame,
        await source.item(lang, PAGE_KINDS, route.slug),
        (slug) => sitePaths.page(lang, slug),
        (item, bodyHtml) => <StandingPage frame={frame} item={item} bodyHtml={bodyHtml} />,
        source,
      );
    case 'atom':
    case 'rss': {
      const found = await source.list(lang, { kinds: NEWS_KINDS, limit: FEED_ENTRIES, offset: 0 });
      const feed = newsFeed(lang, frame.base, found.items, now);
      return route.page === 'atom'
        ? { status: 200, contentType: 'application/atom+xml; charset=utf-8', body: feed.atom1() }
        : { status: 200, contentType: 'application/rss+xml; charset=utf-8', body: feed.rss2() };
    }
  }
}

const safePath = (path: unknown): path is string =>
  typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !/[\s<>"\\]/.test(path);

/**
 * Every public address: the homes and lists of each language, each project's page, and what the source lists
 * (items, with their translations). One entry per address.
 */
export async function answerSitemap(source: SiteSource, base: string): Promise<Answer> {
  const [listed, ...projectsByLang] = await Promise.all([
    source.sitemap(),
    ...SITE_LANGS.map((lang) => source.projects(lang)),
  ]);
  const entries = new Map<string, SitemapEntry>();
  const add = (entry: SitemapEntry) => {
    if (safePath(entry.path) && !entries.has(entry.path)) entries.set(entry.path, entry);
  };
  const both = (pathOf: (lang: SiteLang) => string, updatedAt: string | null = null) => {
    const alternates = Object.fromEntries(SITE_LANGS.map((lang) => [lang, pathOf(lang)]));
    for (const lang of SITE_LANGS) add({ lang, path: pathOf(lang), updatedAt, alternates });
  };
  both(sitePaths.home);
  both((lang) => sitePaths.news(lang));
  both(sitePaths.projects);
  both((lang) => sitePaths.publications(lang));
  for (const entry of listed) {
    const alternates = Object.fromEntries(
      Object.entries(entry.alternates).filter(
        ([lang, path]) => (SITE_LANGS as readonly string[]).includes(lang) && safePath(path),
      ),
    );
    add({ lang: entry.lang, path: entry.path, updatedAt: entry.updatedAt, alternates });
  }
  SITE_LANGS.forEach((lang, i) => {
    for (const project of projectsByLang[i] ?? []) {
      const alternates = Object.fromEntries(SITE_LANGS.map((l) => [l, sitePaths.project(l, project.code)]));
      add({
        lang,
        path: sitePaths.project(lang, project.code),
        updatedAt: project.page?.updatedAt ?? null,
        alternates,
      });
    }
  });
  return {
    status: 200,
    contentType: 'application/xml; charset=utf-8',
    body: sitemapXml(base, [...entries.values()]),
  };
}

export function robotsTxt(base: string): string {
  // The public site is open to crawlers; the caseworker app and the API are not theirs to index.
  return [
    'User-agent: *',
    ...SITE_LANGS.map((lang) => `Allow: /${lang}`),
    'Allow: /site/',
    'Allow: /sitemap.xml',
    'Disallow: /',
    '',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n');
}

export const frameOf = (lang: SiteLang, base: string, stylesheet: string): Frame => ({
  lang,
  base,
  stylesheet,
  t: stringsOf(lang),
});
