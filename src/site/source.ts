/**
 * What the public site reads, and nothing else: published content (the published revision of each item, as
 * of now), the public facts of projects, and live figures already suppressed. The content module implements
 * it (`content.siteSource(db, clock)`); the site renders it. No casework query is reachable from here.
 */
import type { ContentKind, SiteLang } from '../modules/content';

export type PublicImage = {
  /** `/site/media/<id>-<width>.webp` per width, widest last. */
  sources: { width: number; url: string }[];
  width: number;
  height: number;
  alt: string;
};

/** One item in a list (home, news, publications) or a feed. */
export type PublicSummary = {
  id: string;
  kind: ContentKind;
  lang: SiteLang;
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  /** ISO time of the first publication; `updatedAt` of the published revision. */
  publishedAt: string;
  updatedAt: string;
  cover: PublicImage | null;
  project: { code: string; name: string } | null;
};

export type PublicItem = PublicSummary & {
  /** Sanitised HTML; live figure spans (`<span data-figure="CARE/persons_assisted">`) still to be filled. */
  bodyHtml: string;
  /** The same item in the other languages it is published in (for hreflang and the language links). */
  translations: { lang: SiteLang; slug: string }[];
  publication: { url: string; bytes: number; fileName: string } | null;
};

/** A live figure: `value` null when suppressed (fewer than five), or `unavailable` when it cannot be computed. */
export type PublicFigure = { ref: string; value: number | null; suppressed: boolean; unavailable: boolean };

/** A project's public page: its facts from the projects module, its text from its `project` item. */
export type PublicProject = {
  code: string;
  name: string;
  summary: string;
  startDate: string;
  endDate: string | null;
  hostCountries: string[];
  originCountries: string[];
  donor: string | null;
  /** The co-funding mention ("Projet co-financé par l'Union européenne"), in the page's language. */
  cofunding: string | null;
  /** The project's page text (partners, extensions...), when one is published in this language. */
  page: PublicItem | null;
  /** Headline figures of the project (persons assisted...), suppressed. */
  figures: (PublicFigure & { label: string })[];
};

export type ListFilter = { kinds: ContentKind[]; tag?: string; year?: number; limit: number; offset: number };

export interface SiteSource {
  /** Published items of those kinds in that language, newest first, with their total. */
  list(lang: SiteLang, filter: ListFilter): Promise<{ items: PublicSummary[]; total: number }>;
  /** Tags and years that have published items of those kinds (for the filters). */
  facets(lang: SiteLang, kinds: ContentKind[]): Promise<{ tags: string[]; years: number[] }>;
  /**
   * The published item with that slug; `{ redirect }` when the slug is a former one of a published item;
   * null when there is none (or it is not published yet, or no longer).
   */
  item(lang: SiteLang, kinds: ContentKind[], slug: string): Promise<PublicItem | { redirect: string } | null>;
  projects(lang: SiteLang): Promise<PublicProject[]>;
  project(lang: SiteLang, code: string): Promise<PublicProject | null>;
  /** Values of the figures referenced in bodies (unknown references come back `unavailable`). */
  figures(refs: string[]): Promise<Map<string, PublicFigure>>;
  /** A published image or publication file by its public name, or null. */
  media(name: string): Promise<{ path: string; mediaType: string; bytes: number } | null>;
  /** Every public address with its last change (sitemap.xml). */
  sitemap(): Promise<
    { lang: SiteLang; path: string; updatedAt: string; alternates: Record<string, string> }[]
  >;
  /**
   * The time of the next scheduled publication, or null: the site's page cache keeps no page past it. (The
   * cache is otherwise emptied by the `contentChanged` reaction in this process, and its entries live at most
   * a short time, so that other processes catch up: no visit needs a database query to know it is fresh.)
   */
  nextScheduled(): Promise<string | null>;
}
