/**
 * The public site's own words, in French and English. Everything the site writes that is not content comes
 * from here; `satisfies Record<SiteLang, SiteStrings>` makes a missing string in either language fail to
 * compile.
 */
import type { ContentKind, SiteLang } from './langs';

export type SiteStrings = {
  /** BCP 47 tag used for Intl formatting, and the Open Graph locale. */
  locale: string;
  ogLocale: string;
  /** The language's own name, for the language switch. */
  languageName: string;
  siteName: string;
  tagline: string;
  skipToContent: string;
  mainNavigation: string;
  languageSwitch: string;
  /** The colon after a label (`Projet :`, `Project:`). */
  colon: string;
  nav: { home: string; news: string; projects: string; publications: string; about: string };
  kind: Record<ContentKind, string>;
  home: {
    title: string;
    latestNews: string;
    allNews: string;
    projects: string;
    allProjects: string;
    keyFigures: string;
    keyFiguresNote: string;
    latestPublications: string;
    allPublications: string;
  };
  news: {
    title: string;
    description: string;
    filters: string;
    tag: string;
    year: string;
    allTags: string;
    allYears: string;
    apply: string;
    clear: string;
    empty: string;
    results: (total: number) => string;
    filteredBy: string;
  };
  article: {
    published: string;
    updated: string;
    tags: string;
    project: string;
    back: string;
  };
  projects: {
    title: string;
    description: string;
    empty: string;
    period: string;
    since: string;
    until: string;
    departure: string;
    return: string;
    donor: string;
    figures: string;
    figuresNote: string;
    about: string;
    back: string;
  };
  publications: {
    title: string;
    description: string;
    empty: string;
    download: (size: string) => string;
    back: string;
  };
  pagination: {
    label: string;
    previous: string;
    next: string;
    page: (n: number, of: number) => string;
  };
  figure: { fewerThanFive: string; unavailable: string };
  feed: { title: string; atom: string; rss: string; subscribe: string };
  footer: { feeds: string; staffSignIn: string };
  errors: {
    notFoundTitle: string;
    notFoundText: string;
    badRequestTitle: string;
    badRequestText: string;
    busyTitle: string;
    busyText: string;
    backHome: string;
  };
};

export const SITE_STRINGS = {
  fr: {
    locale: 'fr-FR',
    ogLocale: 'fr_FR',
    languageName: 'Français',
    siteName: 'OIM France',
    tagline: 'Organisation internationale pour les migrations, bureau de France',
    skipToContent: 'Aller au contenu',
    mainNavigation: 'Navigation principale',
    languageSwitch: 'Langue',
    colon: '\u00a0:',
    nav: {
      home: 'Accueil',
      news: 'Actualités',
      projects: 'Projets',
      publications: 'Publications',
      about: 'À propos',
    },
    kind: {
      news: 'Actualité',
      statement: 'Communiqué de presse',
      publication: 'Publication',
      project: 'Projet',
      page: 'Page',
    },
    home: {
      title: 'Accueil',
      latestNews: 'Dernières actualités',
      allNews: 'Toutes les actualités et communiqués',
      projects: 'Nos projets',
      allProjects: 'Tous les projets',
      keyFigures: 'Chiffres clés',
      keyFiguresNote:
        'Chiffres tirés des données des programmes, mis à jour en continu. Les nombres inférieurs à 5 ne sont pas publiés.',
      latestPublications: 'Publications récentes',
      allPublications: 'Toutes les publications',
    },
    news: {
      title: 'Actualités et communiqués de presse',
      description: "Les actualités et les communiqués de presse de l'OIM France.",
      filters: 'Filtrer les actualités',
      tag: 'Thème',
      year: 'Année',
      allTags: 'Tous les thèmes',
      allYears: 'Toutes les années',
      apply: 'Filtrer',
      clear: 'Effacer les filtres',
      empty: 'Aucune actualité ne correspond à ces critères.',
      results: (total) =>
        total === 0
          ? 'Aucun article'
          : total === 1
            ? '1 article'
            : `${total.toLocaleString('fr-FR')} articles`,
      filteredBy: 'Filtré par',
    },
    article: {
      published: 'Publié le',
      updated: 'Mis à jour le',
      tags: 'Thèmes',
      project: 'Projet',
      back: 'Retour aux actualités',
    },
    projects: {
      title: 'Projets',
      description: "Les projets mis en œuvre par l'OIM France et leurs résultats.",
      empty: 'Aucun projet publié pour le moment.',
      period: 'Période',
      since: 'depuis le',
      until: "jusqu'au",
      departure: 'Pays de départ',
      return: 'Pays de retour',
      donor: 'Bailleur',
      figures: 'Chiffres en direct',
      figuresNote:
        'Calculés à partir des données du projet au moment de la consultation. Les nombres inférieurs à 5 ne sont pas publiés.',
      about: 'Le projet',
      back: 'Tous les projets',
    },
    publications: {
      title: 'Publications',
      description: "Rapports, notes et documents publiés par l'OIM France.",
      empty: 'Aucune publication pour le moment.',
      download: (size) => `Télécharger le PDF (${size})`,
      back: 'Toutes les publications',
    },
    pagination: {
      label: 'Pagination',
      previous: 'Page précédente',
      next: 'Page suivante',
      page: (n, of) => `Page ${n} sur ${of}`,
    },
    figure: { fewerThanFive: 'moins de 5', unavailable: 'chiffre indisponible' },
    feed: {
      title: 'Actualités',
      atom: 'Flux Atom',
      rss: 'Flux RSS',
      subscribe: "S'abonner aux actualités",
    },
    footer: { feeds: 'Flux des actualités', staffSignIn: 'Espace du personnel' },
    errors: {
      notFoundTitle: 'Page introuvable',
      notFoundText: "La page demandée n'existe pas ou n'est plus publiée.",
      badRequestTitle: 'Adresse invalide',
      badRequestText: "L'adresse demandée contient des paramètres invalides.",
      busyTitle: 'Site momentanément indisponible',
      busyText: 'Trop de demandes en même temps. Merci de réessayer dans quelques instants.',
      backHome: "Retour à l'accueil",
    },
  },
  en: {
    locale: 'en-GB',
    ogLocale: 'en_GB',
    languageName: 'English',
    siteName: 'IOM France',
    tagline: 'International Organization for Migration, France office',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    languageSwitch: 'Language',
    colon: ':',
    nav: {
      home: 'Home',
      news: 'News',
      projects: 'Projects',
      publications: 'Publications',
      about: 'About',
    },
    kind: {
      news: 'News',
      statement: 'Press statement',
      publication: 'Publication',
      project: 'Project',
      page: 'Page',
    },
    home: {
      title: 'Home',
      latestNews: 'Latest news',
      allNews: 'All news and statements',
      projects: 'Our projects',
      allProjects: 'All projects',
      keyFigures: 'Key figures',
      keyFiguresNote:
        "Figures from the programmes' data, kept up to date. Numbers below 5 are not published.",
      latestPublications: 'Recent publications',
      allPublications: 'All publications',
    },
    news: {
      title: 'News and press statements',
      description: 'News and press statements of IOM France.',
      filters: 'Filter the news',
      tag: 'Topic',
      year: 'Year',
      allTags: 'All topics',
      allYears: 'All years',
      apply: 'Filter',
      clear: 'Clear filters',
      empty: 'No news matches these filters.',
      results: (total) =>
        total === 0 ? 'No articles' : total === 1 ? '1 article' : `${total.toLocaleString('en-GB')} articles`,
      filteredBy: 'Filtered by',
    },
    article: {
      published: 'Published on',
      updated: 'Updated on',
      tags: 'Topics',
      project: 'Project',
      back: 'Back to the news',
    },
    projects: {
      title: 'Projects',
      description: 'The projects IOM France carries out, and their results.',
      empty: 'No project is published yet.',
      period: 'Period',
      since: 'since',
      until: 'until',
      departure: 'Countries of departure',
      return: 'Countries of return',
      donor: 'Donor',
      figures: 'Live figures',
      figuresNote:
        "Computed from the project's data when you view this page. Numbers below 5 are not published.",
      about: 'About the project',
      back: 'All projects',
    },
    publications: {
      title: 'Publications',
      description: 'Reports, briefs and documents published by IOM France.',
      empty: 'No publication yet.',
      download: (size) => `Download the PDF (${size})`,
      back: 'All publications',
    },
    pagination: {
      label: 'Pagination',
      previous: 'Previous page',
      next: 'Next page',
      page: (n, of) => `Page ${n} of ${of}`,
    },
    figure: { fewerThanFive: 'fewer than 5', unavailable: 'figure unavailable' },
    feed: { title: 'News', atom: 'Atom feed', rss: 'RSS feed', subscribe: 'Subscribe to the news' },
    footer: { feeds: 'News feeds', staffSignIn: 'Staff sign-in' },
    errors: {
      notFoundTitle: 'Page not found',
      notFoundText: 'The page you asked for does not exist or is no longer published.',
      badRequestTitle: 'Invalid address',
      badRequestText: 'The address you asked for has invalid parameters.',
      busyTitle: 'Site temporarily unavailable',
      busyText: 'Too many requests at once. Please try again in a moment.',
      backHome: 'Back to the home page',
    },
  },
} satisfies Record<SiteLang, SiteStrings>;

export const stringsOf = (lang: SiteLang): SiteStrings => SITE_STRINGS[lang];
