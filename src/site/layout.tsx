/**
 * The frame of every page (head with canonical, hreflang, Open Graph and structured data; header with the
 * navigation and the language switch; footer) and the small parts pages share. Server-rendered with
 * `renderToStaticMarkup`: no script runs in the browser.
 */
import type { ReactNode } from 'react';
import { formatDate } from './format';
import { type SiteStrings, stringsOf } from './i18n';
import { SITE_LANGS, type SiteLang } from './langs';
import { itemPath, type ListQuery, type Section, sitePaths } from './paths';
import type { PublicImage, PublicSummary } from './source';

/** An address of the same page in a language. */
export type Alternate = { lang: SiteLang; path: string };

/** What is true of the whole request: its language, the public origin, the stylesheet's address. */
export type Frame = { lang: SiteLang; base: string; stylesheet: string; t: SiteStrings };

export type Head = {
  /** The page's own title (the site's name is added). */
  title: string;
  description: string;
  /** The canonical path (with the canonical query of a list); null for an error page. */
  path: string | null;
  ogType: 'website' | 'article';
  image?: PublicImage | null;
  /** The page in each language it exists in, this one included (hreflang). */
  alternates: Alternate[];
  jsonLd?: Record<string, unknown>[];
  publishedTime?: string;
  modifiedTime?: string;
  /** The page's navigation section, marked as current. */
  section?: Section | 'home';
  /** The language switch's targets when they are not the alternates (a filtered list: the other list). */
  languageLinks?: Alternate[];
  /** `noindex, follow` for pages search engines need not keep (filtered lists, errors). */
  robots?: string;
};

export const absolute = (frame: Frame, path: string) =>
  /^https?:\/\//.test(path) ? path : frame.base + path;

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped, so no `</script>` can end it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Structured data. A data block, not a script: the CSP (script-src 'self') does not run it, and it needs no
 * running.
 */
function JsonLd({ data }: { data: Record<string, unknown> }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with <, > and & escaped (jsonForScript)
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}

const ogWidth = (image: PublicImage) => image.sources.at(-1)?.width ?? image.width;
const ogHeight = (image: PublicImage) =>
  Math.round((image.height * ogWidth(image)) / Math.max(1, image.width));

/** The widest size of an image (Open Graph, structured data). */
export const largest = (image: PublicImage) => image.sources.at(-1)?.url ?? '';

export function Document({ frame, head, children }: { frame: Frame; head: Head; children: ReactNode }) {
  const { lang, t } = frame;
  const fullTitle =
    head.section === 'home' ? `${t.siteName} – ${t.tagline}` : `${head.title} | ${t.siteName}`;
  const canonical = head.path === null ? null : absolute(frame, head.path);
  const image = head.image ? absolute(frame, largest(head.image)) : null;
  const french = head.alternates.find((a) => a.lang === 'fr');
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={head.description} />
        {head.robots ? <meta name="robots" content={head.robots} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {head.alternates.map((a) => (
          <link key={a.lang} rel="alternate" hrefLang={a.lang} href={absolute(frame, a.path)} />
        ))}
        {french ? <link rel="alternate" hrefLang="x-default" href={absolute(frame, french.path)} /> : null}
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${t.siteName} – ${t.feed.title}`}
          href={absolute(frame, sitePaths.atom(lang))}
        />
        <link rel="stylesheet" href={frame.stylesheet} />
        {/* The office's icon, which the caseworker app serves. */}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <meta property="og:site_name" content={t.siteName} />
        <meta property="og:type" content={head.ogType} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        <meta property="og:locale" content={t.ogLocale} />
        {head.alternates
          .filter((a) => a.lang !== lang)
          .map((a) => (
            <meta key={a.lang} property="og:locale:alternate" content={stringsOf(a.lang).ogLocale} />
          ))}
        {image && head.image ? (
          <>
            <meta property="og:image" content={image} />
            <meta property="og:image:alt" content={head.image.alt} />
            <meta property="og:image:width" content={String(ogWidth(head.image))} />
            <meta property="og:image:height" content={String(ogHeight(head.image))} />
          </>
        ) : null}
        {head.publishedTime ? <meta property="article:published_time" content={head.publishedTime} /> : null}
        {head.modifiedTime ? <meta property="article:modified_time" content={head.modifiedTime} /> : null}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={head.title} />
        <meta name="twitter:description" content={head.description} />
        {image && head.image ? (
          <>
            <meta name="twitter:image" content={image} />
            <meta name="twitter:image:alt" content={head.image.alt} />
          </>
        ) : null}
        {(head.jsonLd ?? []).map((data) => (
          <JsonLd key={String(data['@type'])} data={data} />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <SiteHeader frame={frame} alternates={head.languageLinks ?? head.alternates} section={head.section} />
        <main id="main" tabIndex={-1}>
          <div className="container page">{children}</div>
        </main>
        <SiteFooter frame={frame} />
      </body>
    </html>
  );
}

function SiteHeader({
  frame,
  alternates,
  section,
}: {
  frame: Frame;
  alternates: Alternate[];
  section: Head['section'];
}) {
  const { lang, t } = frame;
  const links: { key: Section | 'home'; href: string; label: string }[] = [
    { key: 'home', href: sitePaths.home(lang), label: t.nav.home },
    { key: 'news', href: sitePaths.news(lang), label: t.nav.news },
    { key: 'projects', href: sitePaths.projects(lang), label: t.nav.projects },
    { key: 'publications', href: sitePaths.publications(lang), label: t.nav.publications },
    { key: 'about', href: sitePaths.about(lang), label: t.nav.about },
  ];
  const others = SITE_LANGS.filter((l) => l !== lang);
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <a className="site-name" href={sitePaths.home(lang)}>
          {t.siteName}
          <small>{t.tagline}</small>
        </a>
        <p className="language-switch">
          <span className="visually-hidden">
            {t.languageSwitch}
            {t.colon}{' '}
          </span>
          {others.map((other) => {
            // The translation when there is one, else that language's home page.
            const target = alternates.find((a) => a.lang === other)?.path ?? sitePaths.home(other);
            return (
              <a key={other} href={target} hrefLang={other} lang={other}>
                {stringsOf(other).languageName}
              </a>
            );
          })}
        </p>
      </div>
      <nav className="site-nav" aria-label={t.mainNavigation}>
        <div className="container">
          <ul>
            {links.map((link) => (
              <li key={link.key}>
                <a href={link.href} aria-current={section === link.key ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </header>
  );
}

function SiteFooter({ frame }: { frame: Frame }) {
  const { lang, t } = frame;
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{t.siteName}</strong> – {t.tagline}
        </p>
        <ul>
          <li>
            <a href={sitePaths.atom(lang)} type="application/atom+xml">
              {t.feed.atom}
            </a>
          </li>
          <li>
            <a href={sitePaths.rss(lang)} type="application/rss+xml">
              {t.feed.rss}
            </a>
          </li>
          <li>
            <a href={sitePaths.about(lang)}>{t.nav.about}</a>
          </li>
          <li>
            <a href="/" hrefLang={lang}>
              {t.footer.staffSignIn}
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}

/** An image in the sizes it was resized to; the browser picks one. */
export function Picture({ image, sizes, eager }: { image: PublicImage; sizes: string; eager?: boolean }) {
  const fallback = image.sources[Math.min(1, image.sources.length - 1)]?.url ?? largest(image);
  return (
    <img
      src={fallback}
      srcSet={image.sources.map((s) => `${s.url} ${s.width}w`).join(', ')}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

export function DateText({ lang, value }: { lang: SiteLang; value: string }) {
  return <time dateTime={value}>{formatDate(lang, value)}</time>;
}

/** An item of a list (home, news, publications): its kind, title as a link, date and summary. */
export function ItemCard({
  frame,
  item,
  headingLevel = 2,
  showCover = false,
}: {
  frame: Frame;
  item: PublicSummary;
  headingLevel?: 2 | 3;
  showCover?: boolean;
}) {
  const { lang, t } = frame;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card">
      {showCover && item.cover ? (
        <Picture
          image={{ ...item.cover, alt: '' }}
          sizes="(min-width: 64em) 22rem, (min-width: 40em) 45vw, 100vw"
        />
      ) : null}
      <div className="card__body">
        <span className="kind-label">{t.kind[item.kind]}</span>
        <Heading>
          <a href={itemPath(lang, item)}>{item.title}</a>
        </Heading>
        <p className="meta">
          <DateText lang={lang} value={item.publishedAt} />
        </p>
        {item.summary ? <p>{item.summary}</p> : null}
      </div>
    </li>
  );
}

/** Previous / next links of a list, with "page n of m". */
export function Pagination({
  frame,
  page,
  pages,
  hrefOf,
}: {
  frame: Frame;
  page: number;
  pages: number;
  hrefOf: (query: ListQuery) => string;
}) {
  if (pages <= 1) return null;
  const { t } = frame;
  return (
    <nav className="pagination" aria-label={t.pagination.label}>
      <ul>
        <li>
          {page > 1 ? (
            <a href={hrefOf({ page: page - 1 })} rel="prev">
              {t.pagination.previous}
            </a>
          ) : null}
        </li>
        <li aria-current="page">{t.pagination.page(page, pages)}</li>
        <li>
          {page < pages ? (
            <a href={hrefOf({ page: page + 1 })} rel="next">
              {t.pagination.next}
            </a>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}

/** A sanitised body (from the content module) whose figure spans are already filled. */
export function Body({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the content module on save; figures escaped
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
