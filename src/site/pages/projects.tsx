import { figureText, formatCountries, formatDate } from '../format';
import { Body, DateText, Document, type Frame } from '../layout';
import { sitePaths } from '../paths';
import type { PublicProject } from '../source';

/** `Espagne, France et Grèce → Albanie, Maroc et Ukraine`. */
export const routeOf = (frame: Frame, project: PublicProject) =>
  [project.hostCountries, project.originCountries]
    .filter((codes) => codes.length > 0)
    .map((codes) => formatCountries(frame.lang, codes))
    .join(' → ');

/** `1 septembre 2013 – 31 décembre 2015`, or `depuis le 1 mai 2015` while it runs with no end date. */
export function periodOf(frame: Frame, project: PublicProject): string {
  const start = formatDate(frame.lang, project.startDate);
  if (!project.endDate) return `${frame.t.projects.since} ${start}`;
  return `${start} – ${formatDate(frame.lang, project.endDate)}`;
}

export function ProjectCard({
  frame,
  project,
  headingLevel = 2,
}: {
  frame: Frame;
  project: PublicProject;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const route = routeOf(frame, project);
  return (
    <li className="card">
      <div className="card__body">
        <span className="kind-label">{project.code}</span>
        <Heading>
          <a href={sitePaths.project(frame.lang, project.code)}>{project.name}</a>
        </Heading>
        <p className="meta">{periodOf(frame, project)}</p>
        {route ? <p className="meta">{route}</p> : null}
        {project.summary ? <p>{project.summary}</p> : null}
        {project.cofunding ? <p className="meta">{project.cofunding}</p> : null}
      </div>
    </li>
  );
}

export function ProjectListPage({ frame, projects }: { frame: Frame; projects: PublicProject[] }) {
  const { t } = frame;
  return (
    <Document
      frame={frame}
      head={{
        title: t.projects.title,
        description: t.projects.description,
        path: sitePaths.projects(frame.lang),
        ogType: 'website',
        alternates: [
          { lang: 'fr', path: sitePaths.projects('fr') },
          { lang: 'en', path: sitePaths.projects('en') },
        ],
        section: 'projects',
      }}
    >
      <h1>{t.projects.title}</h1>
      <p className="lead">{t.projects.description}</p>
      {projects.length > 0 ? (
        <ul className="cards">
          {projects.map((project) => (
            <ProjectCard key={project.code} frame={frame} project={project} />
          ))}
        </ul>
      ) : (
        <p>{t.projects.empty}</p>
      )}
    </Document>
  );
}

/**
 * A project's page: its facts (period, countries of departure and return, donor and the co-funding mention),
 * its live figures, and its page text (partners, extensions) with the figures it embeds filled in.
 */
export function ProjectPage({
  frame,
  project,
  bodyHtml,
}: {
  frame: Frame;
  project: PublicProject;
  /** The page text with its figures filled, when a page is published in this language. */
  bodyHtml: string | null;
}) {
  const { lang, t } = frame;
  const page = project.page;
  return (
    <Document
      frame={frame}
      head={{
        title: project.name,
        description: project.summary || page?.summary || project.name,
        path: sitePaths.project(lang, project.code),
        ogType: 'website',
        image: page?.cover ?? null,
        // A project exists in both languages: its facts are the same, only its page text may be missing.
        alternates: [
          { lang: 'fr', path: sitePaths.project('fr', project.code) },
          { lang: 'en', path: sitePaths.project('en', project.code) },
        ],
        section: 'projects',
      }}
    >
      <p className="meta">
        <a href={sitePaths.projects(lang)}>{t.projects.back}</a>
      </p>
      <span className="kind-label">{project.code}</span>
      <h1>{project.name}</h1>
      {project.summary ? <p className="lead">{project.summary}</p> : null}
      <dl className="facts">
        <dt>{t.projects.period}</dt>
        <dd>
          {project.endDate ? (
            <>
              <DateText lang={lang} value={project.startDate} /> –{' '}
              <DateText lang={lang} value={project.endDate} />
            </>
          ) : (
            <>
              {t.projects.since} <DateText lang={lang} value={project.startDate} />
            </>
          )}
        </dd>
        {project.hostCountries.length > 0 ? (
          <>
            <dt>{t.projects.departure}</dt>
            <dd>{formatCountries(lang, project.hostCountries)}</dd>
          </>
        ) : null}
        {project.originCountries.length > 0 ? (
          <>
            <dt>{t.projects.return}</dt>
            <dd>{formatCountries(lang, project.originCountries)}</dd>
          </>
        ) : null}
        {project.donor ? (
          <>
            <dt>{t.projects.donor}</dt>
            <dd>{project.donor}</dd>
          </>
        ) : null}
      </dl>
      {project.cofunding ? <p className="cofunding">{project.cofunding}</p> : null}

      {project.figures.length > 0 ? (
        <section aria-labelledby="figures">
          <h2 id="figures">{t.projects.figures}</h2>
          <ul className="figures">
            {project.figures.map((figure) => {
              const text = figureText(lang, figure);
              return (
                <li key={figure.ref}>
                  <span className={`figure-value live-figure--${text.state}`}>
                    {text.text}
                    {text.state === 'unavailable' ? (
                      <span className="visually-hidden"> ({t.figure.unavailable})</span>
                    ) : null}
                  </span>{' '}
                  {figure.label}
                </li>
              );
            })}
          </ul>
          <p className="note">{t.projects.figuresNote}</p>
        </section>
      ) : null}

      {page && bodyHtml !== null ? (
        <section aria-labelledby="about-project">
          <h2 id="about-project">{page.title || t.projects.about}</h2>
          <Body html={bodyHtml} />
        </section>
      ) : null}
    </Document>
  );
}
