import { figureText } from '../format';
import { absolute, Document, type Frame, ItemCard } from '../layout';
import { sitePaths } from '../paths';
import type { PublicProject, PublicSummary } from '../source';
import { ProjectCard } from './projects';

export type HomeData = { news: PublicSummary[]; projects: PublicProject[]; publications: PublicSummary[] };

/** The organisation, as search engines read it (on the home page). */
export function organisationJsonLd(frame: Frame): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: frame.t.siteName,
    description: frame.t.tagline,
    url: absolute(frame, sitePaths.home(frame.lang)),
  };
}

export function HomePage({ frame, data }: { frame: Frame; data: HomeData }) {
  const { lang, t } = frame;
  const figures = data.projects.flatMap((project) =>
    project.figures.map((figure) => ({ project, figure, text: figureText(lang, figure) })),
  );
  return (
    <Document
      frame={frame}
      head={{
        title: t.siteName,
        description: t.tagline,
        path: sitePaths.home(lang),
        ogType: 'website',
        alternates: [
          { lang: 'fr', path: sitePaths.home('fr') },
          { lang: 'en', path: sitePaths.home('en') },
        ],
        jsonLd: [organisationJsonLd(frame)],
        section: 'home',
      }}
    >
      <h1>{t.siteName}</h1>
      <p className="lead">{t.tagline}</p>

      <section aria-labelledby="latest-news">
        <h2 id="latest-news">{t.home.latestNews}</h2>
        {data.news.length > 0 ? (
          <ul className="cards">
            {data.news.map((item) => (
              <ItemCard key={item.id} frame={frame} item={item} headingLevel={3} />
            ))}
          </ul>
        ) : (
          <p>{t.news.empty}</p>
        )}
        <p>
          <a href={sitePaths.news(lang)}>{t.home.allNews}</a>
        </p>
      </section>

      {figures.length > 0 ? (
        <section aria-labelledby="key-figures">
          <h2 id="key-figures">{t.home.keyFigures}</h2>
          <ul className="figures">
            {figures.map(({ project, figure, text }) => (
              <li key={`${project.code}/${figure.ref}`}>
                <span className={`figure-value live-figure--${text.state}`}>
                  {text.text}
                  {text.state === 'unavailable' ? (
                    <span className="visually-hidden"> ({t.figure.unavailable})</span>
                  ) : null}
                </span>{' '}
                {figure.label} <a href={sitePaths.project(lang, project.code)}>({project.name})</a>
              </li>
            ))}
          </ul>
          <p className="note">{t.home.keyFiguresNote}</p>
        </section>
      ) : null}

      <section aria-labelledby="projects">
        <h2 id="projects">{t.home.projects}</h2>
        {data.projects.length > 0 ? (
          <ul className="cards">
            {data.projects.map((project) => (
              <ProjectCard key={project.code} frame={frame} project={project} headingLevel={3} />
            ))}
          </ul>
        ) : (
          <p>{t.projects.empty}</p>
        )}
        <p>
          <a href={sitePaths.projects(lang)}>{t.home.allProjects}</a>
        </p>
      </section>

      {data.publications.length > 0 ? (
        <section aria-labelledby="publications">
          <h2 id="publications">{t.home.latestPublications}</h2>
          <ul className="cards">
            {data.publications.map((item) => (
              <ItemCard key={item.id} frame={frame} item={item} headingLevel={3} showCover />
            ))}
          </ul>
          <p>
            <a href={sitePaths.publications(lang)}>{t.home.allPublications}</a>
          </p>
        </section>
      ) : null}
    </Document>
  );
}
