/**
 * An in-memory `SiteSource` for the site's tests and its bench: the seed page's items (the Calais statement,
 * TACT, COP21, the CARE extension, Syrian resettlement, MAGNET II) in French with English translations, the
 * four projects with figures, a publication and the about page. Plain objects, read as the content module's
 * source would answer: published items only (an item whose time has not come is not there yet), newest
 * first. Every call is counted, so tests can prove a cached page did not reach it.
 */
import type { ContentKind, SiteLang } from '../../src/modules/content';
import type { Clock } from '../../src/platform/clock';
import type {
  ListFilter,
  PublicFigure,
  PublicImage,
  PublicItem,
  PublicProject,
  PublicSummary,
  SiteSource,
} from '../../src/site/source';

type Text = { slug: string; title: string; summary: string; bodyHtml: string; formerSlugs?: string[] };

export type MemoryEntry = {
  id: string;
  kind: ContentKind;
  /** Published from this time (a future time: scheduled). */
  publishedAt: string;
  updatedAt: string;
  tags: Partial<Record<SiteLang, string[]>>;
  texts: Partial<Record<SiteLang, Text>> & { fr: Text };
  cover?: PublicImage | null;
  project?: { code: string; name: Record<SiteLang, string> } | null;
  publication?: { url: string; bytes: number; fileName: string } | null;
};

export type MemoryProject = Omit<PublicProject, 'page' | 'figures' | 'name' | 'summary' | 'cofunding'> & {
  name: Record<SiteLang, string>;
  summary: Record<SiteLang, string>;
  cofunded: boolean;
  figures: { ref: string; label: Record<SiteLang, string> }[];
};

const image = (id: string, alt: string): PublicImage => ({
  sources: [480, 960, 1600].map((width) => ({ width, url: `/site/media/${id}-${width}.webp` })),
  width: 1600,
  height: 900,
  alt,
});

const COVER_ID = '7c1d2f4e-0b1a-4c3d-9e8f-1a2b3c4d5e6f';
const PDF_ID = '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f6a';

export const SEED_ENTRIES: MemoryEntry[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'statement',
    publishedAt: '2015-07-30T10:00:00.000Z',
    updatedAt: '2015-07-30T10:00:00.000Z',
    tags: { fr: ['calais', 'protection'], en: ['calais', 'protection'] },
    texts: {
      fr: {
        slug: 'situation-a-calais',
        title: 'Situation à Calais',
        summary:
          "L'OIM croit fermement que les dimensions humaines de la situation à Calais doivent rester une priorité.",
        bodyHtml:
          "<p>L'OIM croit fermement que les dimensions humaines de la situation à Calais doivent rester une priorité alors que la France et le Royaume-Uni font face à des questions de sécurité importantes.</p><p>Une approche plus large devrait être adoptée.</p>",
      },
      en: {
        slug: 'the-situation-in-calais',
        title: 'The situation in Calais',
        summary:
          'IOM firmly believes that the human dimensions of the situation in Calais must remain a priority.',
        bodyHtml:
          '<p>IOM firmly believes that the human dimensions of the situation in Calais must remain a priority while France and the United Kingdom face important security questions.</p><p>A broader approach should be adopted.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    kind: 'news',
    publishedAt: '2015-05-04T08:00:00.000Z',
    updatedAt: '2015-05-04T08:00:00.000Z',
    tags: { fr: ['traite', 'retour volontaire'], en: ['trafficking', 'voluntary return'] },
    project: { code: 'TACT', name: { fr: 'Projet TACT', en: 'TACT project' } },
    texts: {
      fr: {
        slug: 'lancement-du-projet-tact',
        title: 'Lancement du projet TACT',
        summary: 'Le projet TACT a débuté le 1er mai 2015.',
        bodyHtml:
          '<p>Le projet TACT a débuté le 1er mai 2015. Personnes assistées à ce jour : <span data-figure="TACT/persons_assisted"></span>.</p><p>Projet co-financé par l\'Union européenne</p>',
      },
      en: {
        slug: 'launch-of-the-tact-project',
        title: 'Launch of the TACT project',
        summary: 'The TACT project started on 1 May 2015.',
        bodyHtml:
          '<p>The TACT project started on 1 May 2015. Persons assisted so far: <span data-figure="TACT/persons_assisted"></span>.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    kind: 'news',
    publishedAt: '2015-11-30T09:00:00.000Z',
    updatedAt: '2015-12-02T09:00:00.000Z',
    tags: { fr: ['cop21', 'climat'], en: ['cop21', 'climate'] },
    cover: image(COVER_ID, 'Des délégués dans la salle plénière de la COP21'),
    texts: {
      fr: {
        slug: 'l-oim-participe-activement-a-la-cop-21',
        title: "L'OIM participe activement à la COP 21",
        summary: "L'OIM s'engage dans la lutte contre les changements climatiques.",
        bodyHtml: "<p>L'OIM s'engage dans la lutte contre les changements climatiques.</p>",
      },
      en: {
        slug: 'iom-takes-an-active-part-in-cop21',
        title: 'IOM takes an active part in COP21',
        summary: 'IOM is committed to the fight against climate change.',
        bodyHtml: '<p>IOM is committed to the fight against climate change.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    kind: 'news',
    publishedAt: '2015-06-15T08:00:00.000Z',
    updatedAt: '2015-06-15T08:00:00.000Z',
    tags: { fr: ['traite', 'réinsertion'], en: ['trafficking', 'reintegration'] },
    project: { code: 'CARE', name: { fr: 'Projet CARE', en: 'CARE project' } },
    texts: {
      fr: {
        slug: 'le-projet-care-prolonge-jusqu-en-decembre-2015',
        formerSlugs: ['projet-care-prolonge'],
        title: "Le projet CARE prolongé jusqu'en décembre 2015",
        summary: 'Le projet CARE propose un accompagnement sur-mesure aux personnes victimes de la traite.',
        bodyHtml:
          '<p>Mis en place par l\'OIM France depuis septembre 2013, il propose une assistance à <span data-figure="CARE/persons_assisted"></span> personnes victimes de la traite.</p><p>Chiffre inconnu : <span data-figure="CARE/unknown_figure"></span>.</p>',
      },
      en: {
        slug: 'care-project-extended-until-december-2015',
        title: 'CARE project extended until December 2015',
        summary: 'The CARE project offers tailored support to victims of trafficking.',
        bodyHtml:
          '<p>Run by IOM France since September 2013, it assists <span data-figure="CARE/persons_assisted"></span> victims of trafficking.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000005',
    kind: 'news',
    publishedAt: '2014-10-01T08:00:00.000Z',
    updatedAt: '2014-10-01T08:00:00.000Z',
    tags: { fr: ['réinstallation'], en: ['resettlement'] },
    project: {
      code: 'SYR-RST',
      name: { fr: 'Réinstallation des réfugiés syriens', en: 'Syrian refugee resettlement' },
    },
    texts: {
      fr: {
        slug: 'reinstallation-des-refugies-syriens',
        title: 'Réinstallation des réfugiés syriens',
        summary: "L'OIM met en place de nombreux programmes de réinstallation.",
        bodyHtml: "<p>Depuis le début de la crise en Syrie, l'OIM est activement impliquée.</p>",
      },
      en: {
        slug: 'resettlement-of-syrian-refugees',
        title: 'Resettlement of Syrian refugees',
        summary: 'IOM runs many resettlement programmes.',
        bodyHtml: '<p>Since the start of the crisis in Syria, IOM has been actively involved.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000006',
    kind: 'news',
    publishedAt: '2014-04-02T08:00:00.000Z',
    updatedAt: '2014-04-02T08:00:00.000Z',
    tags: { fr: ['emploi', 'retour volontaire'], en: ['employment', 'voluntary return'] },
    project: { code: 'MAGNET2', name: { fr: 'Projet MAGNET II', en: 'MAGNET II project' } },
    texts: {
      fr: {
        slug: 'projet-magnet-ii',
        title: 'Projet MAGNET II',
        summary: "MAGNET II soutient le retour à l'emploi de ressortissants irakiens.",
        bodyHtml:
          '<p>MAGNET II soutiendra dans leur projet de retour à l\'emploi <span data-figure="MAGNET2/persons_assisted"></span> ressortissants irakiens.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000007',
    kind: 'publication',
    publishedAt: '2015-11-25T08:00:00.000Z',
    updatedAt: '2015-11-25T08:00:00.000Z',
    tags: { fr: ['cop21'], en: ['cop21'] },
    cover: image(COVER_ID, 'Couverture de la note : migration et climat'),
    publication: {
      url: `/site/media/${PDF_ID}.pdf`,
      bytes: 1_234_567,
      fileName: 'oim-cop21-migration-climat.pdf',
    },
    texts: {
      fr: {
        slug: 'migration-environnement-et-changement-climatique',
        title: 'Migration, environnement et changement climatique',
        summary: "Les contributions de l'OIM à la CCNUCC depuis 2008.",
        bodyHtml: "<p>L'OIM publie les diverses contributions à cette Convention-Cadre depuis 2008.</p>",
      },
      en: {
        slug: 'migration-environment-and-climate-change',
        title: 'Migration, environment and climate change',
        summary: "IOM's contributions to the UNFCCC since 2008.",
        bodyHtml: '<p>IOM has published its contributions to the Framework Convention since 2008.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000008',
    kind: 'page',
    publishedAt: '2014-01-01T08:00:00.000Z',
    updatedAt: '2015-01-01T08:00:00.000Z',
    tags: {},
    texts: {
      fr: {
        slug: 'a-propos',
        title: 'À propos',
        summary: "L'OIM France, bureau de l'Organisation internationale pour les migrations.",
        bodyHtml: '<h2>Nous contacter</h2><p>OIM France, Paris.</p>',
      },
      en: {
        slug: 'about',
        title: 'About',
        summary: 'IOM France, the office of the International Organization for Migration.',
        bodyHtml: '<h2>Contact us</h2><p>IOM France, Paris.</p>',
      },
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000009',
    kind: 'project',
    publishedAt: '2013-09-01T08:00:00.000Z',
    updatedAt: '2015-06-15T08:00:00.000Z',
    tags: {},
    project: { code: 'CARE', name: { fr: 'Projet CARE', en: 'CARE project' } },
    texts: {
      fr: {
        slug: 'projet-care',
        title: 'Le projet',
        summary: 'Réinsertion sur mesure des victimes de la traite.',
        bodyHtml:
          '<p>Partenaires : les bureaux de l\'OIM en Albanie, au Maroc et en Ukraine. Prolongé jusqu\'en décembre 2015.</p><p>Personnes assistées : <span data-figure="CARE/persons_assisted"></span>.</p>',
      },
    },
  },
];

export const SEED_PROJECTS: MemoryProject[] = [
  {
    code: 'CARE',
    name: { fr: 'Projet CARE', en: 'CARE project' },
    summary: {
      fr: 'Accompagnement sur mesure des victimes de la traite rentrant volontairement.',
      en: 'Tailored reintegration support for victims of trafficking returning voluntarily.',
    },
    startDate: '2013-09-01',
    endDate: '2015-12-31',
    hostCountries: ['AT', 'ES', 'FR', 'GR', 'IT', 'PL', 'PT', 'GB'],
    originCountries: ['AL', 'MA', 'UA'],
    donor: 'Union européenne',
    cofunded: true,
    figures: [{ ref: 'CARE/persons_assisted', label: { fr: 'personnes assistées', en: 'persons assisted' } }],
  },
  {
    code: 'TACT',
    name: { fr: 'Projet TACT', en: 'TACT project' },
    summary: {
      fr: 'Action transnationale pour les victimes de traite bénéficiaires du retour volontaire.',
      en: 'Transnational action for victims of trafficking returning voluntarily.',
    },
    startDate: '2015-05-01',
    endDate: null,
    hostCountries: ['ES', 'FR', 'GR', 'IT', 'PL'],
    originCountries: ['AL', 'MA', 'UA'],
    donor: 'Union européenne',
    cofunded: true,
    figures: [
      { ref: 'TACT/persons_assisted', label: { fr: 'personnes assistées', en: 'persons assisted' } },
      { ref: 'TACT/people_trained', label: { fr: 'agents formés', en: 'officials trained' } },
    ],
  },
  {
    code: 'MAGNET2',
    name: { fr: 'Projet MAGNET II', en: 'MAGNET II project' },
    summary: {
      fr: "Retour à l'emploi de ressortissants irakiens dans la Région du Kurdistan.",
      en: 'Return to employment of Iraqi nationals in the Kurdistan Region.',
    },
    startDate: '2014-04-01',
    endDate: '2015-12-31',
    hostCountries: ['DE', 'BE', 'FI', 'FR', 'NL', 'GB'],
    originCountries: ['IQ'],
    donor: 'Union européenne',
    cofunded: true,
    figures: [
      { ref: 'MAGNET2/persons_assisted', label: { fr: 'personnes assistées', en: 'persons assisted' } },
    ],
  },
  {
    code: 'SYR-RST',
    name: { fr: 'Réinstallation des réfugiés syriens', en: 'Syrian refugee resettlement' },
    summary: {
      fr: 'Réinstallation en France de réfugiés syriens.',
      en: 'Resettlement of Syrian refugees in France.',
    },
    startDate: '2014-01-01',
    endDate: null,
    hostCountries: ['LB', 'JO', 'TR'],
    originCountries: ['FR'],
    donor: null,
    cofunded: false,
    figures: [],
  },
];

/** Values of the figures: CARE 130 persons, TACT 3 (suppressed), MAGNET II 300; trainings unavailable. */
export const SEED_FIGURES: Record<string, number | 'unavailable'> = {
  'CARE/persons_assisted': 130,
  'TACT/persons_assisted': 3,
  'TACT/people_trained': 'unavailable',
  'MAGNET2/persons_assisted': 300,
};

const COFUNDING: Record<SiteLang, string> = {
  fr: "Projet co-financé par l'Union européenne",
  en: 'Project co-funded by the European Union',
};

export type SourceCalls = Record<keyof SiteSource, number> & { total(): number };

export type MemorySource = {
  source: SiteSource;
  calls: SourceCalls;
  entries: MemoryEntry[];
  projects: MemoryProject[];
  figures: Record<string, number | 'unavailable'>;
  /** Makes the next calls fail (the database is down). */
  failing: { on: boolean };
  /** Published files by public name (`source.media`). */
  media: Map<string, { path: string; mediaType: string; bytes: number }>;
};

/** News items 1..n, a day apart in 2016 (for pagination). */
export function manyNews(n: number): MemoryEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
    const at = `2016-${month}-${day}T08:00:00.000Z`;
    return {
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      kind: 'news' as const,
      publishedAt: at,
      updatedAt: at,
      tags: { fr: ['bulletin'], en: ['bulletin'] },
      texts: {
        fr: {
          slug: `bulletin-${i + 1}`,
          title: `Bulletin ${i + 1}`,
          summary: '',
          bodyHtml: '<p>Bulletin.</p>',
        },
        en: {
          slug: `newsletter-${i + 1}`,
          title: `Newsletter ${i + 1}`,
          summary: '',
          bodyHtml: '<p>Newsletter.</p>',
        },
      },
    };
  });
}

export function memorySource(
  clock: Clock,
  options: {
    entries?: MemoryEntry[];
    projects?: MemoryProject[];
    figures?: Record<string, number | 'unavailable'>;
  } = {},
): MemorySource {
  const entries = options.entries ?? structuredClone(SEED_ENTRIES);
  const projects = options.projects ?? structuredClone(SEED_PROJECTS);
  const figures = options.figures ?? { ...SEED_FIGURES };
  const failing = { on: false };
  const mediaFiles = new Map<string, { path: string; mediaType: string; bytes: number }>();
  const counts = {
    list: 0,
    facets: 0,
    item: 0,
    projects: 0,
    project: 0,
    figures: 0,
    media: 0,
    sitemap: 0,
    nextScheduled: 0,
  };
  const calls = Object.assign(counts, {
    total: () => Object.values(counts).reduce<number>((sum, n) => (typeof n === 'number' ? sum + n : sum), 0),
  }) as SourceCalls;
  const count = (name: keyof SiteSource) => {
    counts[name]++;
    if (failing.on) throw new Error('the database is unreachable');
  };

  const published = (lang: SiteLang) =>
    entries
      .filter((e) => e.texts[lang] && new Date(e.publishedAt).getTime() <= clock.now().getTime())
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));

  const summaryOf = (lang: SiteLang, e: MemoryEntry): PublicSummary => {
    const text = e.texts[lang] as Text;
    return {
      id: e.id,
      kind: e.kind,
      lang,
      slug: text.slug,
      title: text.title,
      summary: text.summary,
      tags: e.tags[lang] ?? [],
      publishedAt: e.publishedAt,
      updatedAt: e.updatedAt,
      cover: e.cover ?? null,
      project: e.project ? { code: e.project.code, name: e.project.name[lang] } : null,
    };
  };
  const itemOf = (lang: SiteLang, e: MemoryEntry): PublicItem => ({
    ...summaryOf(lang, e),
    bodyHtml: (e.texts[lang] as Text).bodyHtml,
    translations: (Object.keys(e.texts) as SiteLang[])
      .filter((l) => l !== lang)
      .map((l) => ({ lang: l, slug: (e.texts[l] as Text).slug })),
    publication: e.publication ?? null,
  });
  const figureOf = (ref: string): PublicFigure => {
    const value = figures[ref];
    if (value === undefined || value === 'unavailable')
      return { ref, value: null, suppressed: false, unavailable: true };
    return value < 5
      ? { ref, value: null, suppressed: true, unavailable: false }
      : { ref, value, suppressed: false, unavailable: false };
  };
  const projectOf = (lang: SiteLang, p: MemoryProject): PublicProject => {
    const page = published(lang).find((e) => e.kind === 'project' && e.project?.code === p.code);
    return {
      code: p.code,
      name: p.name[lang],
      summary: p.summary[lang],
      startDate: p.startDate,
      endDate: p.endDate,
      hostCountries: p.hostCountries,
      originCountries: p.originCountries,
      donor: p.donor,
      cofunding: p.cofunded ? COFUNDING[lang] : null,
      page: page ? itemOf(lang, page) : null,
      figures: p.figures.map((f) => ({ ...figureOf(f.ref), label: f.label[lang] })),
    };
  };

  const source: SiteSource = {
    async list(lang, filter: ListFilter) {
      count('list');
      const matching = published(lang).filter(
        (e) =>
          filter.kinds.includes(e.kind) &&
          (filter.tag === undefined || (e.tags[lang] ?? []).includes(filter.tag)) &&
          (filter.year === undefined || new Date(e.publishedAt).getUTCFullYear() === filter.year),
      );
      return {
        items: matching.slice(filter.offset, filter.offset + filter.limit).map((e) => summaryOf(lang, e)),
        total: matching.length,
      };
    },
    async facets(lang, kinds) {
      count('facets');
      const matching = published(lang).filter((e) => kinds.includes(e.kind));
      const tags = [...new Set(matching.flatMap((e) => e.tags[lang] ?? []))].sort();
      const years = [...new Set(matching.map((e) => new Date(e.publishedAt).getUTCFullYear()))].sort(
        (a, b) => b - a,
      );
      return { tags, years };
    },
    async item(lang, kinds, slug) {
      count('item');
      const candidates = published(lang).filter((e) => kinds.includes(e.kind));
      const found = candidates.find((e) => e.texts[lang]?.slug === slug);
      if (found) return itemOf(lang, found);
      const former = candidates.find((e) => e.texts[lang]?.formerSlugs?.includes(slug));
      return former ? { redirect: (former.texts[lang] as Text).slug } : null;
    },
    async projects(lang) {
      count('projects');
      return projects.map((p) => projectOf(lang, p));
    },
    async project(lang, code) {
      count('project');
      const p = projects.find((x) => x.code === code);
      return p ? projectOf(lang, p) : null;
    },
    async figures(refs) {
      count('figures');
      return new Map(refs.map((ref) => [ref, figureOf(ref)]));
    },
    async media(name) {
      count('media');
      return mediaFiles.get(name) ?? null;
    },
    async sitemap() {
      count('sitemap');
      const out: Awaited<ReturnType<SiteSource['sitemap']>> = [];
      for (const lang of ['fr', 'en'] as const) {
        for (const e of published(lang)) {
          if (e.kind === 'project') continue;
          const pathOf = (l: SiteLang) => {
            const slug = (e.texts[l] as Text).slug;
            return e.kind === 'publication'
              ? `/${l}/publications/${slug}`
              : e.kind === 'page'
                ? `/${l}/${slug}`
                : `/${l}/${l === 'fr' ? 'actualites' : 'news'}/${slug}`;
          };
          const alternates: Record<string, string> = {};
          for (const l of Object.keys(e.texts) as SiteLang[]) alternates[l] = pathOf(l);
          out.push({ lang, path: pathOf(lang), updatedAt: e.updatedAt, alternates });
        }
      }
      return out;
    },
    async nextScheduled() {
      count('nextScheduled');
      const now = clock.now().getTime();
      const future = entries
        .map((e) => new Date(e.publishedAt).getTime())
        .filter((t) => t > now)
        .sort((a, b) => a - b);
      return future[0] === undefined ? null : new Date(future[0]).toISOString();
    },
  };
  return { source, calls, entries, projects, figures, failing, media: mediaFiles };
}
