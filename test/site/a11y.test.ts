/**
 * Accessibility of every page type of the public site: axe-core run on the server-rendered HTML in jsdom (no
 * layout there, so colour contrast is left to the browser tests; structure, names, landmarks, language,
 * ARIA are checked). No serious or critical violation is allowed.
 */
import axe from 'axe-core';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, siteHarness } from './helpers';
import { manyNews, SEED_ENTRIES } from './memory-source';

let h: SiteHarness;
beforeAll(async () => {
  h = await siteHarness({ entries: [...structuredClone(SEED_ENTRIES), ...manyNews(12)] });
});
afterAll(async () => {
  await h.app.close();
});

type AxeWindow = Window & { axe: typeof axe };

/** The page in its own jsdom window, with axe loaded into it (nothing of the page itself runs). */
async function seriousViolations(html: string): Promise<string[]> {
  const dom = new JSDOM(html, { runScripts: 'outside-only', url: 'https://www.example.org/' });
  try {
    const window = dom.window as unknown as AxeWindow;
    dom.window.eval(axe.source);
    const results = await window.axe.run(window.document, {
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  } finally {
    dom.window.close();
  }
}

const PAGES = [
  '/fr',
  '/en',
  '/fr/actualites',
  '/en/news?tag=trafficking&year=2015',
  '/fr/actualites?page=2',
  '/fr/actualites/situation-a-calais',
  '/en/news/iom-takes-an-active-part-in-cop21',
  '/fr/actualites/le-projet-care-prolonge-jusqu-en-decembre-2015',
  '/fr/projets',
  '/en/projects/care',
  '/fr/projets/tact',
  '/en/publications',
  '/fr/publications/migration-environnement-et-changement-climatique',
  '/fr/a-propos',
  '/en/about',
  '/fr/inconnu',
  '/de',
  '/fr/actualites?year=abc',
];

describe('accessibility (axe)', () => {
  it('catches violations (the check itself works here)', async () => {
    const broken = '<!doctype html><html><head></head><body><img src="x.png"><a href="/"></a></body></html>';
    expect((await seriousViolations(broken)).map((v) => v.split(':')[0])).toEqual(
      expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']),
    );
  });

  for (const path of PAGES) {
    it(`has no serious or critical violation: ${path}`, async () => {
      const res = await h.app.inject(path);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(await seriousViolations(res.body)).toEqual([]);
    });
  }
});
