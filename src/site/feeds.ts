/** The news feeds (Atom and RSS 2.0, per language, with the `feed` package) and the sitemap with hreflang. */
import { Feed } from 'feed';
import { escapeHtml } from './format';
import { stringsOf } from './i18n';
import { SITE_LANGS, type SiteLang } from './langs';
import { itemPath, sitePaths } from './paths';
import type { PublicSummary } from './source';

/** Text as HTML element content (quotes need no escaping there). */
const escapeText = (text: string) =>
  text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** The feed of a language's latest news and statements. */
export function newsFeed(lang: SiteLang, base: string, items: PublicSummary[], now: Date): Feed {
  const t = stringsOf(lang);
  const home = base + sitePaths.home(lang);
  // The feed changes when an entry does: its date is the latest entry's (stable, so its ETag is too).
  const latest = items.reduce<string | null>(
    (max, item) => (max === null || item.updatedAt > max ? item.updatedAt : max),
    null,
  );
  const feed = new Feed({
    id: home,
    link: home,
    title: `${t.siteName} – ${t.feed.title}`,
    description: t.news.description,
    language: lang,
    updated: latest ? new Date(latest) : now,
    generator: 'Passerelle',
    feedLinks: { atom: base + sitePaths.atom(lang), rss: base + sitePaths.rss(lang) },
    author: { name: t.siteName, link: home },
    copyright: t.siteName,
  });
  for (const item of items) {
    const url = base + itemPath(lang, item);
    feed.addItem({
      id: url,
      link: url,
      // Titles and summaries are plain text; the feed marks them as HTML (Atom type="html"), so they are
      // escaped: a title that reads like markup is shown as text by feed readers, never run.
      title: escapeText(item.title),
      description: escapeText(item.summary),
      date: new Date(item.updatedAt),
      published: new Date(item.publishedAt),
      category: item.tags.map((tag) => ({ name: tag, term: tag })),
      ...(item.cover?.sources.at(-1) ? { image: base + (item.cover.sources.at(-1)?.url ?? '') } : {}),
    });
  }
  return feed;
}

export type SitemapEntry = {
  lang: SiteLang;
  path: string;
  updatedAt: string | null;
  alternates: Record<string, string>;
};

const xml = (text: string) => escapeHtml(text);

/** `<urlset>` with an `xhtml:link` per language of each address (itself included) and x-default (French). */
export function sitemapXml(base: string, entries: SitemapEntry[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    lines.push('  <url>', `    <loc>${xml(base + entry.path)}</loc>`);
    if (entry.updatedAt) lines.push(`    <lastmod>${xml(entry.updatedAt)}</lastmod>`);
    const alternates = { ...entry.alternates, [entry.lang]: entry.path };
    if (Object.keys(alternates).length > 1) {
      for (const lang of SITE_LANGS) {
        const path = alternates[lang];
        if (path)
          lines.push(`    <xhtml:link rel="alternate" hreflang="${lang}" href="${xml(base + path)}"/>`);
      }
      const fallback = alternates.fr;
      if (fallback)
        lines.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${xml(base + fallback)}"/>`);
    }
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
