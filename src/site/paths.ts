/**
 * The public site's addresses: the language first (`/fr`, `/en`), then a section word of that language. This
 * file is the one place that knows them; it imports only types, so whatever must write a public address
 * (the content module's sitemap and `publicUrls`) can share it.
 *
 *   news and statements  /fr/actualites/<slug>     /en/news/<slug>
 *   projects             /fr/projets/<code>        /en/projects/<code>   (the project's code, lower case)
 *   publications         /fr/publications/<slug>   /en/publications/<slug>
 *   standing pages       /fr/<slug>                /en/<slug>            (about: /fr/a-propos, /en/about)
 *   feeds                /fr/feed.xml (Atom)       /fr/rss.xml (RSS 2.0)
 */
import type { ContentKind, SiteLang } from './langs';

export type Section = 'news' | 'projects' | 'publications' | 'about';

/** The section words of each language (the about page's word is also its `page` item's slug). */
export const SECTION_WORDS = {
  fr: { news: 'actualites', projects: 'projets', publications: 'publications', about: 'a-propos' },
  en: { news: 'news', projects: 'projects', publications: 'publications', about: 'about' },
} as const satisfies Record<SiteLang, Record<Section, string>>;

/** The content kinds each list shows. */
export const NEWS_KINDS: ContentKind[] = ['news', 'statement'];
export const PUBLICATION_KINDS: ContentKind[] = ['publication'];
export const PAGE_KINDS: ContentKind[] = ['page'];

/** A slug as the content contract writes it (lower-case words and single hyphens). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 120;
/** A project's code in an address: its code (`CARE`, `SYR-RST`, `MAGNET2`) in lower case. */
export const PROJECT_SEGMENT = /^[a-z0-9][a-z0-9-]{0,31}$/;

export type ListQuery = { tag?: string; year?: number; page?: number };

/** `?tag=...&year=...&page=...` in that order, each only when set (page only past the first). */
export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.tag) params.set('tag', query.tag);
  if (query.year) params.set('year', String(query.year));
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const sitePaths = {
  home: (lang: SiteLang) => `/${lang}`,
  news: (lang: SiteLang, query: ListQuery = {}) =>
    `/${lang}/${SECTION_WORDS[lang].news}${listQueryString(query)}`,
  article: (lang: SiteLang, slug: string) => `/${lang}/${SECTION_WORDS[lang].news}/${slug}`,
  projects: (lang: SiteLang) => `/${lang}/${SECTION_WORDS[lang].projects}`,
  project: (lang: SiteLang, code: string) => `/${lang}/${SECTION_WORDS[lang].projects}/${code.toLowerCase()}`,
  publications: (lang: SiteLang, query: ListQuery = {}) =>
    `/${lang}/${SECTION_WORDS[lang].publications}${listQueryString(query)}`,
  publication: (lang: SiteLang, slug: string) => `/${lang}/${SECTION_WORDS[lang].publications}/${slug}`,
  page: (lang: SiteLang, slug: string) => `/${lang}/${slug}`,
  about: (lang: SiteLang) => `/${lang}/${SECTION_WORDS[lang].about}`,
  atom: (lang: SiteLang) => `/${lang}/feed.xml`,
  rss: (lang: SiteLang) => `/${lang}/rss.xml`,
  sitemap: () => '/sitemap.xml',
  media: (name: string) => `/site/media/${encodeURIComponent(name)}`,
};

/** The public address of an item of a kind (a `project` item lives at its project's address). */
export function itemPath(
  lang: SiteLang,
  item: { kind: ContentKind; slug: string; project: { code: string } | null },
): string {
  switch (item.kind) {
    case 'news':
    case 'statement':
      return sitePaths.article(lang, item.slug);
    case 'publication':
      return sitePaths.publication(lang, item.slug);
    case 'project':
      return item.project ? sitePaths.project(lang, item.project.code) : sitePaths.projects(lang);
    case 'page':
      return sitePaths.page(lang, item.slug);
  }
}

/** What an address under a language asks for. */
export type SiteRoute =
  | { page: 'home' }
  | { page: 'atom' }
  | { page: 'rss' }
  | { page: 'news' }
  | { page: 'article'; slug: string }
  | { page: 'projects' }
  | { page: 'project'; code: string }
  | { page: 'publications' }
  | { page: 'publication'; slug: string }
  | { page: 'standing'; slug: string }
  | { page: 'not_found' };

const isSlug = (segment: string) => segment.length <= SLUG_MAX && SLUG.test(segment);

/**
 * Reads the segments after the language (raw, still percent-encoded: a slug never needs encoding, so any `%`,
 * `..`, empty segment or upper-case letter simply does not match and the answer is "not found").
 */
export function resolveSiteRoute(lang: SiteLang, segments: string[]): SiteRoute {
  const words = SECTION_WORDS[lang];
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return { page: 'not_found' };
  if (first === undefined) return { page: 'home' };
  if (second === undefined) {
    if (first === 'feed.xml') return { page: 'atom' };
    if (first === 'rss.xml') return { page: 'rss' };
    if (first === words.news) return { page: 'news' };
    if (first === words.projects) return { page: 'projects' };
    if (first === words.publications) return { page: 'publications' };
    return isSlug(first) ? { page: 'standing', slug: first } : { page: 'not_found' };
  }
  if (first === words.news && isSlug(second)) return { page: 'article', slug: second };
  if (first === words.publications && isSlug(second)) return { page: 'publication', slug: second };
  if (first === words.projects && PROJECT_SEGMENT.test(second))
    return { page: 'project', code: second.toUpperCase() };
  return { page: 'not_found' };
}
