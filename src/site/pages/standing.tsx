import type { SiteLang } from '../langs';
import { Body, Document, type Frame } from '../layout';
import { SECTION_WORDS, sitePaths } from '../paths';
import type { PublicItem } from '../source';
import { alternatesOf } from './news';

/** A standing page (about, contact). */
export function StandingPage({
  frame,
  item,
  bodyHtml,
}: {
  frame: Frame;
  item: PublicItem;
  bodyHtml: string;
}) {
  const isAbout = item.slug === SECTION_WORDS[frame.lang].about;
  return (
    <Document
      frame={frame}
      head={{
        title: item.title,
        description: item.summary || item.title,
        path: sitePaths.page(frame.lang, item.slug),
        ogType: 'website',
        image: item.cover,
        alternates: alternatesOf(frame.lang, item),
        section: isAbout ? 'about' : undefined,
      }}
    >
      <h1>{item.title}</h1>
      {item.summary ? <p className="lead">{item.summary}</p> : null}
      <Body html={bodyHtml} />
    </Document>
  );
}

export type ErrorStatus = 400 | 404 | 503;

/** The site's own error page, in its design and the page's language. */
export function ErrorPage({ frame, status }: { frame: Frame; status: ErrorStatus }) {
  const { lang, t } = frame;
  const [title, text] =
    status === 404
      ? [t.errors.notFoundTitle, t.errors.notFoundText]
      : status === 400
        ? [t.errors.badRequestTitle, t.errors.badRequestText]
        : [t.errors.busyTitle, t.errors.busyText];
  const other: SiteLang = lang === 'fr' ? 'en' : 'fr';
  return (
    <Document
      frame={frame}
      head={{
        title,
        description: text,
        path: null,
        ogType: 'website',
        alternates: [],
        languageLinks: [{ lang: other, path: sitePaths.home(other) }],
        robots: 'noindex',
      }}
    >
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      <ul>
        <li>
          <a href={sitePaths.home(lang)}>{t.errors.backHome}</a>
        </li>
        <li>
          <a href={sitePaths.news(lang)}>{t.home.allNews}</a>
        </li>
      </ul>
    </Document>
  );
}
