/**
 * The public site's addresses of content, in one place: the editor shows them, the sitemap lists them, a
 * former slug redirects to one. News and press statements share the news section; project pages are found
 * by their project's code; standing pages (about, contact) sit at the language's root.
 */
import type { ContentKind, SiteLang } from './contract';

/** The section of each kind (`/<lang>/<section>/<slug>`); standing pages have none. */
export const SECTION_OF_KIND: Record<ContentKind, string | null> = {
  news: 'news',
  statement: 'news',
  publication: 'publications',
  project: 'projects',
  page: null,
};

/**
 * First segments a standing page may not take: the site's sections and its own files. A page slug is
 * refused if it is one of them, so no page hides a section.
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  'news',
  'publications',
  'projects',
  'feed',
  'rss',
  'atom',
  'sitemap',
  'media',
  'search',
  'tags',
  'assets',
  'static',
]);

/** Where public media are served: `/site/media/<imageId>-<width>.webp`, `/site/media/<fileId>.pdf`. */
export const MEDIA_PREFIX = '/site/media/';

export const imageUrl = (imageId: string, width: number) => `${MEDIA_PREFIX}${imageId}-${width}.webp`;
export const fileUrl = (fileId: string) => `${MEDIA_PREFIX}${fileId}.pdf`;

/** A project's page address segment: its code in lower case (`MAGNET-II` → `magnet-ii`). */
export const projectSegment = (code: string) => encodeURIComponent(code.toLowerCase());

/** The public address of an item in a language: its slug, or for a project page its project's code. */
export function publicPath(
  lang: SiteLang,
  kind: ContentKind,
  slug: string,
  projectCode: string | null = null,
): string {
  if (kind === 'project' && projectCode) return `/${lang}/projects/${projectSegment(projectCode)}`;
  const section = SECTION_OF_KIND[kind];
  return section ? `/${lang}/${section}/${slug}` : `/${lang}/${slug}`;
}

/** A public media name: an image width or a publication file. */
export type MediaName = { kind: 'image'; id: string; width: number } | { kind: 'file'; id: string };

const IMAGE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,5})\.webp$/;
const FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/;

export function parseMediaName(name: string): MediaName | null {
  const image = IMAGE_NAME.exec(name);
  if (image) return { kind: 'image', id: image[1] as string, width: Number(image[2]) };
  const file = FILE_NAME.exec(name);
  if (file) return { kind: 'file', id: file[1] as string };
  return null;
}
