import { formatBytes } from '../format';
import type { SiteLang } from '../langs';
import { Body, DateText, Document, type Frame, ItemCard, Pagination, Picture } from '../layout';
import { itemPath, sitePaths } from '../paths';
import type { PublicItem } from '../source';
import { alternatesOf, type ListData } from './news';

export function PublicationListPage({
  frame,
  data,
}: {
  frame: Frame;
  data: Omit<ListData, 'facets' | 'query'>;
}) {
  const { lang, t } = frame;
  const other: SiteLang = lang === 'fr' ? 'en' : 'fr';
  return (
    <Document
      frame={frame}
      head={{
        title:
          data.page > 1
            ? `${t.publications.title} – ${t.pagination.page(data.page, data.pages)}`
            : t.publications.title,
        description: t.publications.description,
        path: sitePaths.publications(lang, { page: data.page }),
        ogType: 'website',
        alternates: [
          { lang: 'fr', path: sitePaths.publications('fr', { page: data.page }) },
          { lang: 'en', path: sitePaths.publications('en', { page: data.page }) },
        ],
        languageLinks: [{ lang: other, path: sitePaths.publications(other) }],
        section: 'publications',
      }}
    >
      <h1>{t.publications.title}</h1>
      <p className="lead">{t.publications.description}</p>
      {data.items.length > 0 ? (
        <ul className="cards">
          {data.items.map((item) => (
            <ItemCard key={item.id} frame={frame} item={item} showCover />
          ))}
        </ul>
      ) : (
        <p>{t.publications.empty}</p>
      )}
      <Pagination
        frame={frame}
        page={data.page}
        pages={data.pages}
        hrefOf={(q) => sitePaths.publications(lang, q)}
      />
    </Document>
  );
}

/** A publication: its cover, text and the PDF to download. */
export function PublicationPage({
  frame,
  item,
  bodyHtml,
}: {
  frame: Frame;
  item: PublicItem;
  bodyHtml: string;
}) {
  const { lang, t } = frame;
  return (
    <Document
      frame={frame}
      head={{
        title: item.title,
        description: item.summary || item.title,
        path: itemPath(lang, item),
        ogType: 'article',
        image: item.cover,
        alternates: alternatesOf(lang, item),
        publishedTime: item.publishedAt,
        modifiedTime: item.updatedAt,
        section: 'publications',
      }}
    >
      <p className="meta">
        <a href={sitePaths.publications(lang)}>{t.publications.back}</a>
      </p>
      <article>
        <span className="kind-label">{t.kind.publication}</span>
        <h1>{item.title}</h1>
        <p className="meta">
          <DateText lang={lang} value={item.publishedAt} />
        </p>
        {item.summary ? <p className="lead">{item.summary}</p> : null}
        {item.cover ? (
          <figure className="cover">
            <Picture image={item.cover} sizes="(min-width: 52em) 50rem, 100vw" eager />
          </figure>
        ) : null}
        {item.publication ? (
          <p>
            <a
              className="button"
              href={item.publication.url}
              download={item.publication.fileName}
              type="application/pdf"
            >
              {t.publications.download(formatBytes(lang, item.publication.bytes))}
            </a>
          </p>
        ) : null}
        <Body html={bodyHtml} />
      </article>
    </Document>
  );
}
