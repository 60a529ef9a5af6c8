/**
 * The public site's pages, in both languages, over an in-memory source: status, language, title, canonical,
 * hreflang and the visible language switch, Open Graph, structured data, live figures, filters and
 * pagination, redirects of former slugs and the site's own 404 page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, BASE, documentOf, hreflangs, meta, type SiteHarness, siteHarness } from './helpers';
import { manyNews, SEED_ENTRIES } from './memory-source';

let h: SiteHarness;
beforeAll(async () => {
  h = await siteHarness();
});
afterAll(async () => {
  await h.app.close();
});

/** Each page type in French and in English, with the title it must show. */
const PAGES: { type: string; fr: [string, string]; en: [string, string] }[] = [
  { type: 'home', fr: ['/fr', 'OIM France'], en: ['/en', 'IOM France'] },
  {
    type: 'news list',
    fr: ['/fr/actualites', 'Actualités et communiqués de presse'],
    en: ['/en/news', 'News and press statements'],
  },
  {
    type: 'press statement',
    fr: ['/fr/actualites/situation-a-calais', 'Situation à Calais'],
    en: ['/en/news/the-situation-in-calais', 'The situation in Calais'],
  },
  {
    type: 'article',
    fr: [
      '/fr/actualites/le-projet-care-prolonge-jusqu-en-decembre-2015',
      "Le projet CARE prolongé jusqu'en décembre 2015",
    ],
    en: ['/en/news/care-project-extended-until-december-2015', 'CARE project extended until December 2015'],
  },
  { type: 'project list', fr: ['/fr/projets', 'Projets'], en: ['/en/projects', 'Projects'] },
  { type: 'project', fr: ['/fr/projets/care', 'Projet CARE'], en: ['/en/projects/care', 'CARE project'] },
  {
    type: 'publication list',
    fr: ['/fr/publications', 'Publications'],
    en: ['/en/publications', 'Publications'],
  },
  {
    type: 'publication',
    fr: [
      '/fr/publications/migration-environnement-et-changement-climatique',
      'Migration, environnement et changement climatique',
    ],
    en: [
      '/en/publications/migration-environment-and-climate-change',
      'Migration, environment and climate change',
    ],
  },
  { type: 'about page', fr: ['/fr/a-propos', 'À propos'], en: ['/en/about', 'About'] },
];

describe('every page type, in French and English', () => {
  for (const page of PAGES) {
    for (const lang of ['fr', 'en'] as const) {
      const [path, title] = page[lang];
      const other = lang === 'fr' ? 'en' : 'fr';
      const [otherPath] = page[other];
      it(`${page.type} (${lang}): ${path}`, async () => {
        const res = await h.app.inject(path);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-language']).toBe(lang);
        expect(res.body.startsWith('<!doctype html>')).toBe(true);
        const doc = documentOf(res.body);
        expect(doc.documentElement.getAttribute('lang')).toBe(lang);
        expect(doc.documentElement.getAttribute('dir')).toBe('ltr');
        expect(doc.title).toContain(title);
        expect(doc.querySelectorAll('h1')).toHaveLength(1);
        expect(doc.querySelector('h1')?.textContent).toContain(title);
        // Landmarks and the skip link.
        expect(doc.querySelector('header.site-header')).not.toBeNull();
        expect(doc.querySelector('main#main')).not.toBeNull();
        expect(doc.querySelector('footer.site-footer')).not.toBeNull();
        expect(attr(doc, 'a.skip-link', 'href')).toBe('#main');
        expect(doc.querySelector('nav[aria-label]')).not.toBeNull();
        // Canonical, hreflang both ways (x-default is French), and the visible switch to the translation.
        expect(attr(doc, 'link[rel="canonical"]', 'href')).toBe(BASE + path);
        expect(hreflangs(doc)).toEqual({
          [lang]: BASE + path,
          [other]: BASE + otherPath,
          'x-default': BASE + page.fr[0],
        });
        const switchLink = doc.querySelector(`.language-switch a[hreflang="${other}"]`);
        expect(switchLink?.getAttribute('href')).toBe(otherPath);
        expect(switchLink?.getAttribute('lang')).toBe(other);
        // Open Graph and Twitter.
        expect(meta(doc, 'og:title')).toBeTruthy();
        expect(meta(doc, 'og:description')).toBeTruthy();
        expect(meta(doc, 'og:url')).toBe(BASE + path);
        expect(meta(doc, 'og:locale')).toBe(lang === 'fr' ? 'fr_FR' : 'en_GB');
        expect(meta(doc, 'og:locale:alternate')).toBe(lang === 'fr' ? 'en_GB' : 'fr_FR');
        expect(meta(doc, 'twitter:card')).toMatch(/^summary/);
        // Structured data, when there is some, is valid JSON.
        for (const script of doc.querySelectorAll('script[type="application/ld+json"]'))
          expect(() => JSON.parse(script.textContent ?? '')).not.toThrow();
        // No script runs: the only scripts are data blocks.
        for (const script of doc.querySelectorAll('script'))
          expect(script.getAttribute('type')).toBe('application/ld+json');
        // The stylesheet, by its hashed name.
        expect(attr(doc, 'link[rel="stylesheet"]', 'href')).toMatch(
          /^\/site\/assets\/site\.[0-9a-f]{12}\.css$/,
        );
      });
    }
  }
});

describe('structured data and social cards', () => {
  it('describes the organisation on the home page', async () => {
    const doc = documentOf((await h.app.inject('/fr')).body);
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'OIM France',
      url: `${BASE}/fr`,
    });
    expect(meta(doc, 'og:type')).toBe('website');
  });

  it('describes an article as a NewsArticle, with its dates and image', async () => {
    const doc = documentOf((await h.app.inject('/en/news/iom-takes-an-active-part-in-cop21')).body);
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'IOM takes an active part in COP21',
      datePublished: '2015-11-30T09:00:00.000Z',
      dateModified: '2015-12-02T09:00:00.000Z',
      inLanguage: 'en',
      url: `${BASE}/en/news/iom-takes-an-active-part-in-cop21`,
      publisher: { '@type': 'Organization', name: 'IOM France' },
    });
    expect(data.image[0]).toMatch(new RegExp(`^${BASE}/site/media/.+-1600\\.webp$`));
    expect(meta(doc, 'og:type')).toBe('article');
    expect(meta(doc, 'article:published_time')).toBe('2015-11-30T09:00:00.000Z');
    expect(meta(doc, 'og:image')).toBe(data.image[0]);
    expect(meta(doc, 'og:image:alt')).toBeTruthy();
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    // Dates in the page's language, and the cover in its sizes.
    expect(doc.querySelector('article time')?.textContent).toBe('30 November 2015');
    expect(attr(doc, '.cover img', 'srcset')).toContain('960w');
    expect(attr(doc, '.cover img', 'alt')).toBeTruthy();
  });

  it('writes dates, countries and the co-funding mention in the language of the page', async () => {
    const fr = documentOf((await h.app.inject('/fr/projets/care')).body);
    const facts = fr.querySelector('dl.facts')?.textContent ?? '';
    expect(facts).toContain('1 septembre 2013');
    expect(facts).toContain('31 décembre 2015');
    expect(facts).toContain('Autriche, Espagne, France, Grèce, Italie, Pologne, Portugal et Royaume-Uni');
    expect(facts).toContain('Albanie, Maroc et Ukraine');
    expect(facts).toContain('Union européenne');
    expect(fr.querySelector('.cofunding')?.textContent).toBe("Projet co-financé par l'Union européenne");
    // The page text (partners, extension) with its figures.
    expect(fr.querySelector('.prose')?.textContent).toContain('Partenaires');
    const en = documentOf((await h.app.inject('/en/projects/tact')).body);
    expect(en.querySelector('dl.facts')?.textContent).toContain('since 1 May 2015');
    expect(en.querySelector('dl.facts')?.textContent).toContain('Spain, France, Greece, Italy and Poland');
    expect(en.querySelector('.cofunding')?.textContent).toBe('Project co-funded by the European Union');
    const resettlement = documentOf((await h.app.inject('/en/projects/syr-rst')).body);
    expect(resettlement.querySelector('.cofunding')).toBeNull();
  });

  it('offers the publication as a PDF download with its size', async () => {
    const doc = documentOf(
      (await h.app.inject('/fr/publications/migration-environnement-et-changement-climatique')).body,
    );
    const link = doc.querySelector('a.button');
    expect(link?.getAttribute('href')).toMatch(/^\/site\/media\/.+\.pdf$/);
    expect(link?.getAttribute('download')).toBe('oim-cop21-migration-climat.pdf');
    expect(link?.textContent).toBe('Télécharger le PDF (1,2\u202fMo)');
    expect(doc.querySelector('.cover img')).not.toBeNull();
  });
});

describe('language links', () => {
  it('links an item without translation to the home page of the other language', async () => {
    const res = await h.app.inject('/fr/actualites/projet-magnet-ii');
    expect(res.statusCode).toBe(200);
    const doc = documentOf(res.body);
    expect(hreflangs(doc)).toEqual({
      fr: `${BASE}/fr/actualites/projet-magnet-ii`,
      'x-default': `${BASE}/fr/actualites/projet-magnet-ii`,
    });
    expect(attr(doc, '.language-switch a', 'href')).toBe('/en');
    // And it is not in English.
    expect((await h.app.inject('/en/news/projet-magnet-ii')).statusCode).toBe(404);
  });

  it('switches a filtered list to the other language’s list', async () => {
    const doc = documentOf((await h.app.inject('/fr/actualites?tag=traite')).body);
    expect(attr(doc, '.language-switch a', 'href')).toBe('/en/news');
    expect(hreflangs(doc)).toEqual({
      fr: `${BASE}/fr/actualites?tag=traite`,
      'x-default': `${BASE}/fr/actualites?tag=traite`,
    });
    expect(meta(doc, 'robots')).toBe('noindex, follow');
  });
});

describe('live figures', () => {
  const figureText = (doc: Document, ref: string) =>
    [...doc.querySelectorAll(`.prose [data-figure="${ref}"]`)].map((e) => e.textContent);

  it('fills figure spans with the number, "fewer than 5" when suppressed, a dash when unavailable', async () => {
    const care = documentOf(
      (await h.app.inject('/fr/actualites/le-projet-care-prolonge-jusqu-en-decembre-2015')).body,
    );
    expect(figureText(care, 'CARE/persons_assisted')).toEqual(['130']);
    expect(care.querySelector('.prose [data-figure="CARE/unknown_figure"]')?.textContent).toBe(
      '— (chiffre indisponible)',
    );
    const tactFr = documentOf((await h.app.inject('/fr/actualites/lancement-du-projet-tact')).body);
    expect(figureText(tactFr, 'TACT/persons_assisted')).toEqual(['moins de 5']);
    const tactEn = documentOf((await h.app.inject('/en/news/launch-of-the-tact-project')).body);
    expect(figureText(tactEn, 'TACT/persons_assisted')).toEqual(['fewer than 5']);
    // The bare number never shows when suppressed.
    expect(tactEn.querySelector('.prose')?.textContent).not.toMatch(/\b3\b/);
  });

  it('shows the projects’ key figures on the home page and each project page', async () => {
    const home = documentOf((await h.app.inject('/en')).body);
    const figures = [...home.querySelectorAll('.figures li')].map((li) => li.textContent);
    expect(figures).toEqual([
      '130 persons assisted (CARE project)',
      'fewer than 5 persons assisted (TACT project)',
      '— (figure unavailable) officials trained (TACT project)',
      '300 persons assisted (MAGNET II project)',
    ]);
    const magnet = documentOf((await h.app.inject('/fr/projets/magnet2')).body);
    expect(magnet.querySelector('.figures li')?.textContent).toBe('300 personnes assistées');
  });

  it('formats numbers in the language of the page', async () => {
    const big = await siteHarness({ figures: { 'CARE/persons_assisted': 1300 } });
    const fr = documentOf(
      (await big.app.inject('/fr/actualites/le-projet-care-prolonge-jusqu-en-decembre-2015')).body,
    );
    expect(fr.querySelector('[data-figure="CARE/persons_assisted"]')?.textContent).toBe('1\u202f300');
    const en = documentOf((await big.app.inject('/en/news/care-project-extended-until-december-2015')).body);
    expect(en.querySelector('[data-figure="CARE/persons_assisted"]')?.textContent).toBe('1,300');
    await big.app.close();
  });
});

describe('news filters and pagination', () => {
  let many: SiteHarness;
  beforeAll(async () => {
    many = await siteHarness({ entries: [...structuredClone(SEED_ENTRIES), ...manyNews(25)] });
  });
  afterAll(async () => {
    await many.app.close();
  });
  const titles = (doc: Document) => [...doc.querySelectorAll('.cards h2')].map((e) => e.textContent);

  it('pages the list ten at a time, newest first, with previous and next links', async () => {
    // 25 bulletins and the 6 French news and statements of the seed page.
    const first = documentOf((await many.app.inject('/fr/actualites')).body);
    expect(titles(first)).toHaveLength(10);
    expect(titles(first)[0]).toBe('Bulletin 25');
    expect(first.querySelector('.pagination [aria-current="page"]')?.textContent).toBe('Page 1 sur 4');
    expect(attr(first, '.pagination a[rel="next"]', 'href')).toBe('/fr/actualites?page=2');
    expect(first.querySelector('.pagination a[rel="prev"]')).toBeNull();

    const last = documentOf((await many.app.inject('/fr/actualites?page=4')).body);
    expect(titles(last)).toEqual(['Projet MAGNET II']);
    expect(attr(last, '.pagination a[rel="prev"]', 'href')).toBe('/fr/actualites?page=3');
    expect(attr(last, 'link[rel="canonical"]', 'href')).toBe(`${BASE}/fr/actualites?page=4`);
    expect(last.title).toContain('Page 4 sur 4');

    expect((await many.app.inject('/fr/actualites?page=5')).statusCode).toBe(404);
  });

  it('filters by topic and by year, and keeps the filters across pages', async () => {
    const bulletins = documentOf((await many.app.inject('/fr/actualites?tag=bulletin')).body);
    expect(titles(bulletins)).toHaveLength(10);
    expect(bulletins.querySelector('[role="status"]')?.textContent).toContain('25 articles');
    expect(attr(bulletins, '.pagination a[rel="next"]', 'href')).toBe('/fr/actualites?tag=bulletin&page=2');
    expect(attr(bulletins, '#filter-tag option[selected]', 'value')).toBe('bulletin');
    const third = documentOf((await many.app.inject('/fr/actualites?tag=bulletin&page=3')).body);
    expect(titles(third)).toHaveLength(5);

    const year = documentOf((await many.app.inject('/fr/actualites?year=2015')).body);
    expect(titles(year)).toEqual([
      "L'OIM participe activement à la COP 21",
      'Situation à Calais',
      "Le projet CARE prolongé jusqu'en décembre 2015",
      'Lancement du projet TACT',
    ]);
    const both = documentOf((await many.app.inject('/en/news?tag=trafficking&year=2015')).body);
    expect(titles(both)).toEqual(['CARE project extended until December 2015', 'Launch of the TACT project']);
    // The filter form offers the topics and years that exist, in the page's language.
    const options = [...both.querySelectorAll('#filter-tag option')].map((o) => o.getAttribute('value'));
    expect(options).toContain('trafficking');
    expect(options).not.toContain('traite');
  });

  it('treats empty filters as none and ignores parameters that are not the site’s', async () => {
    const plain = await many.app.inject('/fr/actualites');
    const empty = await many.app.inject('/fr/actualites?tag=&year=');
    const tracked = await many.app.inject('/fr/actualites?utm_source=newsletter');
    expect(empty.statusCode).toBe(200);
    expect(empty.headers.etag).toBe(plain.headers.etag);
    expect(tracked.headers.etag).toBe(plain.headers.etag);
  });

  it('answers 404 for a topic or year without news, 400 for malformed filters', async () => {
    for (const query of ['tag=inconnu', 'year=1999', 'tag=bulletin&page=4'])
      expect((await many.app.inject(`/fr/actualites?${query}`)).statusCode, query).toBe(404);
    for (const query of [
      'year=abc',
      'year=15',
      'page=0',
      'page=-1',
      'page=1.5',
      'tag=a&tag=b',
      'tag=Majuscule',
      'tag=%3Cscript%3E',
    ])
      expect((await many.app.inject(`/fr/actualites?${query}`)).statusCode, query).toBe(400);
    // Publications have pages, not filters.
    expect((await many.app.inject('/fr/publications?tag=cop21')).statusCode).toBe(400);
    expect((await many.app.inject('/fr/publications?page=2')).statusCode).toBe(404);
  });
});

describe('not found and moved', () => {
  it('answers a real 404 page in the site’s design, in the language of the address', async () => {
    for (const [path, lang, heading] of [
      ['/fr/inconnu', 'fr', 'Page introuvable'],
      ['/fr/actualites/article-inconnu', 'fr', 'Page introuvable'],
      ['/fr/projets/inconnu', 'fr', 'Page introuvable'],
      ['/fr/publications/inconnue', 'fr', 'Page introuvable'],
      ['/en/unknown', 'en', 'Page not found'],
      ['/en/news/unknown-article', 'en', 'Page not found'],
      ['/en/actualites', 'en', 'Page not found'],
      ['/en/a/b/c', 'en', 'Page not found'],
    ] as const) {
      const res = await h.app.inject(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const doc = documentOf(res.body);
      expect(doc.documentElement.getAttribute('lang')).toBe(lang);
      expect(doc.querySelector('h1')?.textContent).toBe(heading);
      expect(doc.querySelector('header.site-header')).not.toBeNull();
      expect(meta(doc, 'robots')).toBe('noindex');
      expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    }
  });

  it('answers an unknown language in French, or in English when the reader prefers it', async () => {
    const fr = await h.app.inject('/de/nachrichten');
    expect(fr.statusCode).toBe(404);
    expect(documentOf(fr.body).documentElement.getAttribute('lang')).toBe('fr');
    const en = await h.app.inject({ url: '/de', headers: { 'accept-language': 'de-DE, en;q=0.8' } });
    expect(en.statusCode).toBe(404);
    expect(documentOf(en.body).querySelector('h1')?.textContent).toBe('Page not found');
    expect(en.headers.vary).toBe('accept-language');
  });

  it('redirects a former slug to the current one (301)', async () => {
    const res = await h.app.inject('/fr/actualites/projet-care-prolonge');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/fr/actualites/le-projet-care-prolonge-jusqu-en-decembre-2015');
  });

  it('serves a trailing slash as the same page', async () => {
    const res = await h.app.inject('/fr/projets/');
    expect(res.statusCode).toBe(200);
    expect(attr(documentOf(res.body), 'link[rel="canonical"]', 'href')).toBe(`${BASE}/fr/projets`);
  });
});
