import { describe, expect, it } from 'vitest';
import { itemPath, listQueryString, resolveSiteRoute, SECTION_WORDS, sitePaths } from './paths';

describe('the site’s addresses', () => {
  it('has every section word in each language', () => {
    expect(SECTION_WORDS).toEqual({
      fr: { news: 'actualites', projects: 'projets', publications: 'publications', about: 'a-propos' },
      en: { news: 'news', projects: 'projects', publications: 'publications', about: 'about' },
    });
  });

  it('writes an item’s address from its kind', () => {
    const base = { slug: 'situation-a-calais', project: null };
    expect(itemPath('fr', { ...base, kind: 'statement' })).toBe('/fr/actualites/situation-a-calais');
    expect(itemPath('en', { ...base, kind: 'news' })).toBe('/en/news/situation-a-calais');
    expect(itemPath('fr', { ...base, kind: 'publication' })).toBe('/fr/publications/situation-a-calais');
    expect(itemPath('fr', { ...base, kind: 'page' })).toBe('/fr/situation-a-calais');
    expect(itemPath('en', { kind: 'project', slug: 'x', project: { code: 'SYR-RST' } })).toBe(
      '/en/projects/syr-rst',
    );
    expect(sitePaths.news('fr', { tag: 'retour volontaire', year: 2015, page: 2 })).toBe(
      '/fr/actualites?tag=retour+volontaire&year=2015&page=2',
    );
    expect(listQueryString({ page: 1 })).toBe('');
  });

  it('reads an address into a page, and anything else into "not found"', () => {
    expect(resolveSiteRoute('fr', [])).toEqual({ page: 'home' });
    expect(resolveSiteRoute('fr', ['actualites'])).toEqual({ page: 'news' });
    expect(resolveSiteRoute('fr', ['actualites', 'situation-a-calais'])).toEqual({
      page: 'article',
      slug: 'situation-a-calais',
    });
    expect(resolveSiteRoute('en', ['projects', 'magnet2'])).toEqual({ page: 'project', code: 'MAGNET2' });
    expect(resolveSiteRoute('en', ['publications', 'cop21'])).toEqual({ page: 'publication', slug: 'cop21' });
    expect(resolveSiteRoute('en', ['about'])).toEqual({ page: 'standing', slug: 'about' });
    expect(resolveSiteRoute('fr', ['feed.xml'])).toEqual({ page: 'atom' });
    expect(resolveSiteRoute('en', ['rss.xml'])).toEqual({ page: 'rss' });
    // The English word under /fr is no section: a standing page's slug, looked up as such.
    expect(resolveSiteRoute('fr', ['news'])).toEqual({ page: 'standing', slug: 'news' });
    for (const segments of [
      ['actualites', 'Situation'],
      ['actualites', '..'],
      ['actualites', '%2F..'],
      ['actualites', 'a--b'],
      ['actualites', '-a'],
      ['actualites', 'a'.repeat(121)],
      ['actualites', 'été'],
      ['projets', 'care'],
      ['news', 'x', 'y'],
      [''],
      ['feed.xml', 'x'],
    ])
      expect(resolveSiteRoute(segments[0] === 'projets' ? 'en' : 'fr', segments), segments.join('/')).toEqual(
        {
          page: 'not_found',
        },
      );
  });
});
