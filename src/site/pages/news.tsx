import type { SiteLang } from '../langs';
import {
  absolute,
  Body,
  DateText,
  Document,
  type Frame,
  type Head,
  ItemCard,
  largest,
  Pagination,
  Picture,
} from '../layout';
import { itemPath, type ListQuery, sitePaths } from '../paths';
import type { PublicItem, PublicSummary } from '../source';

export type ListData = {
  items: PublicSummary[];
  total: number;
  page: number;
  pages: number;
  query: { tag?: string; year?: number };
  facets: { tags: string[]; years: number[] };
};

/** News and press statements, newest first, with filters by topic and year (a plain form: no script). */
export function NewsListPage({ frame, data }: { frame: Frame; data: ListData }) {
  const { lang, t } = frame;
  const { tag, year } = data.query;
  const filtered = tag !== undefined || year !== undefined;
  const path = sitePaths.news(lang, { tag, year, page: data.page });
  const other: SiteLang = lang === 'fr' ? 'en' : 'fr';
  return (
    <Document
      frame={frame}
      head={{
        title: data.page > 1 ? `${t.news.title} – ${t.pagination.page(data.page, data.pages)}` : t.news.title,
        description: t.news.description,
        path,
        ogType: 'website',
        // A topic is a word of one language: a filtered list has no translation, only the other language's list.
        alternates: filtered
          ? [{ lang, path }]
          : [
              { lang: 'fr', path: sitePaths.news('fr', { page: data.page }) },
              { lang: 'en', path: sitePaths.news('en', { page: data.page }) },
            ],
        languageLinks: [{ lang: other, path: sitePaths.news(other, { year }) }],
        robots: filtered ? 'noindex, follow' : undefined,
        section: 'news',
      }}
    >
      <h1>{t.news.title}</h1>
      <form className="filters" method="get" action={sitePaths.news(lang)} aria-label={t.news.filters}>
        <div>
          <label htmlFor="filter-tag">{t.news.tag}</label>
          <select id="filter-tag" name="tag" defaultValue={tag ?? ''}>
            <option value="">{t.news.allTags}</option>
            {data.facets.tags.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-year">{t.news.year}</label>
          <select id="filter-year" name="year" defaultValue={year ? String(year) : ''}>
            <option value="">{t.news.allYears}</option>
            {data.facets.years.map((value) => (
              <option key={value} value={String(value)}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.news.apply}</button>
        {filtered ? <a href={sitePaths.news(lang)}>{t.news.clear}</a> : null}
      </form>
      <p className="meta" role="status">
        {t.news.results(data.total)}
        {filtered ? ` – ${t.news.filteredBy} ${[tag, year].filter((v) => v !== undefined).join(', ')}` : ''}
      </p>
      {data.items.length > 0 ? (
        <ul className="cards">
          {data.items.map((item) => (
            <ItemCard key={item.id} frame={frame} item={item} />
          ))}
        </ul>
      ) : (
        <p>{t.news.empty}</p>
      )}
      <Pagination
        frame={frame}
        page={data.page}
        pages={data.pages}
        hrefOf={(q: ListQuery) => sitePaths.news(lang, { tag, year, ...q })}
      />
    </Document>
  );
}

/** The addresses of an item in each language it is published in, this one first. */
export function alternatesOf(lang: SiteLang, item: PublicItem) {
  return [
    { lang, path: itemPath(lang, item) },
    ...item.translations
      .filter((tr) => tr.lang !== lang)
      .map((tr) => ({ lang: tr.lang, path: itemPath(tr.lang, { ...item, slug: tr.slug }) })),
  ];
}

/** Structured data of an article or statement (schema.org NewsArticle). */
export function newsArticleJsonLd(frame: Frame, item: PublicItem): Record<string, unknown> {
  const organisation = {
    '@type': 'Organization',
    name: frame.t.siteName,
    url: absolute(frame, sitePaths.home(frame.lang)),
  };
  const url = absolute(frame, itemPath(frame.lang, item));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title.slice(0, 110),
    description: item.summary || undefined,
    datePublished: item.publishedAt,
    dateModified: item.updatedAt,
    inLanguage: frame.lang,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: item.cover ? [absolute(frame, largest(item.cover))] : undefined,
    keywords: item.tags.length > 0 ? item.tags.join(', ') : undefined,
    articleSection: frame.t.kind[item.kind],
    author: organisation,
    publisher: organisation,
  };
}

/** One article or press statement. */
export function ArticlePage({ frame, item, bodyHtml }: { frame: Frame; item: PublicItem; bodyHtml: string }) {
  const { lang, t } = frame;
  const head: Head = {
    title: item.title,
    description: item.summary || item.title,
    path: itemPath(lang, item),
    ogType: 'article',
    image: item.cover,
    alternates: alternatesOf(lang, item),
    jsonLd: [newsArticleJsonLd(frame, item)],
    publishedTime: item.publishedAt,
    modifiedTime: item.updatedAt,
    section: 'news',
  };
  return (
    <Document frame={frame} head={head}>
      <p className="meta">
        <a href={sitePaths.news(lang)}>{t.article.back}</a>
      </p>
      <article>
        <header>
          <span className="kind-label">{t.kind[item.kind]}</span>
          <h1>{item.title}</h1>
          <p className="meta">
            {t.article.published} <DateText lang={lang} value={item.publishedAt} />
            {item.updatedAt.slice(0, 10) !== item.publishedAt.slice(0, 10) ? (
              <>
                {' · '}
                {t.article.updated} <DateText lang={lang} value={item.updatedAt} />
              </>
            ) : null}
          </p>
          {item.summary ? <p className="lead">{item.summary}</p> : null}
        </header>
        {item.cover ? (
          <figure className="cover">
            <Picture image={item.cover} sizes="(min-width: 52em) 50rem, 100vw" eager />
          </figure>
        ) : null}
        <Body html={bodyHtml} />
        <footer>
          {item.project ? (
            <p>
              {t.article.project}
              {t.colon} <a href={sitePaths.project(lang, item.project.code)}>{item.project.name}</a>
            </p>
          ) : null}
          {item.tags.length > 0 ? (
            <>
              <h2 className="visually-hidden">{t.article.tags}</h2>
              <ul className="tags" aria-label={t.article.tags}>
                {item.tags.map((tag) => (
                  <li key={tag}>
                    <a href={sitePaths.news(lang, { tag })}>{tag}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </footer>
      </article>
    </Document>
  );
}
