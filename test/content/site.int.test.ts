/**
 * The public site's source (`siteSource`): only published revisions, as of the clock; lists, filters and
 * facets; translations; former addresses redirecting; the sitemap; project pages with the projects' facts
 * and headline figures; live figures suppressed below five; rich text sanitised on the way in; and nothing
 * about a person anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import { insertActivity, insertCase, insertPerson } from '../reporting/helpers';
import { act, article, create, type Item, publishThrough, save, sourceOf } from './helpers';

const USERS = ['com.paris@x.test', 'com2.paris@x.test'] as const;
let t: TestApp;
let as: (email: (typeof USERS)[number]) => Awaited<ReturnType<TestApp['login']>>;
let refresh: () => Promise<void>;
let PAR: string;
let TIR: string;
let CARE: string;
let TACT: string;

/** A name no public answer may contain. */
const NAME = 'Zephyrin';

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  CARE = (await t.project('CARE', 'PAR')).id;
  TACT = (await t.project('TACT', 'PAR', ['TIR'])).id;
  await t.project('HIDDEN', 'PAR');
  await t.user('com.paris@x.test', [['PAR', 'communications']]);
  await t.user('com2.paris@x.test', [['PAR', 'communications']]);
  ({ as, refresh } = await signIn(t, USERS));

  // CARE: three persons assisted (fewer than five: suppressed). TACT: seven, in two offices, two of them
  // returned, and a training of twelve participants.
  for (let i = 0; i < 3; i++) {
    const personId = await insertPerson(t.db, { officeId: PAR, sex: 'female', name: `${NAME} ${i}` });
    await insertCase(t.db, { personId, officeId: PAR, projectId: CARE, createdAt: '2015-06-01T10:00:00Z' });
  }
  for (let i = 0; i < 7; i++) {
    const office = i < 4 ? PAR : TIR;
    const personId = await insertPerson(t.db, { officeId: office, sex: 'male', name: `${NAME} T${i}` });
    await insertCase(t.db, {
      personId,
      officeId: office,
      projectId: TACT,
      createdAt: '2015-07-01T10:00:00Z',
      ...(i < 2 ? { status: 'departed', departureDate: '2015-08-01' } : {}),
    });
  }
  await insertActivity(t.db, {
    officeId: TIR,
    projectId: TACT,
    endDate: '2015-09-10',
    participants: [
      { sex: 'female', count: 5 },
      { sex: 'male', count: 7 },
    ],
  });
});
afterAll(() => t.close());

const writer = () => as('com.paris@x.test');
const reviewer = () => as('com2.paris@x.test');

function bilingual(fr: string, en: string, overrides: Record<string, unknown> = {}) {
  return {
    ...article(fr),
    translations: {
      fr: { slug: fr, title: `Titre ${fr}`, summary: 'Résumé', bodyHtml: '<p>Texte</p>' },
      en: { slug: en, title: `Title ${en}`, summary: 'Summary', bodyHtml: '<p>Text</p>' },
    },
    ...overrides,
  };
}

describe('lists, facets and items', () => {
  let statement: Item;

  beforeAll(async () => {
    statement = await publishThrough(
      writer(),
      reviewer(),
      await create(
        writer(),
        bilingual('calais', 'calais-statement', { kind: 'statement', tags: ['calais'] }),
      ),
    );
    t.clock.advance(10 * 60_000);
    await refresh();
    await publishThrough(
      writer(),
      reviewer(),
      await create(writer(), article('tact-lance', { tags: ['traite'] })),
    );
    // A draft never published, and an item of another kind.
    await create(writer(), article('jamais-publie'));
    await publishThrough(writer(), reviewer(), await create(writer(), article('a-propos', { kind: 'page' })));
  });

  it('lists published items of the kinds asked, newest first, in the language asked', async () => {
    const site = sourceOf(t);
    const fr = await site.list('fr', { kinds: ['news', 'statement'], limit: 10, offset: 0 });
    expect(fr.total).toBe(2);
    expect(fr.items.map((i) => [i.slug, i.kind, i.lang])).toEqual([
      ['tact-lance', 'news', 'fr'],
      ['calais', 'statement', 'fr'],
    ]);
    const en = await site.list('en', { kinds: ['news', 'statement'], limit: 10, offset: 0 });
    expect(en.items.map((i) => i.slug)).toEqual(['calais-statement']);
    const tagged = await site.list('fr', {
      kinds: ['news', 'statement'],
      tag: 'traite',
      limit: 10,
      offset: 0,
    });
    expect(tagged.items.map((i) => i.slug)).toEqual(['tact-lance']);
    const year = await site.list('fr', { kinds: ['news', 'statement'], year: 2025, limit: 10, offset: 0 });
    expect(year.total).toBe(0);
    const paged = await site.list('fr', { kinds: ['news', 'statement'], limit: 1, offset: 1 });
    expect([paged.total, paged.items.map((i) => i.slug)]).toEqual([2, ['calais']]);
    expect(await site.facets('fr', ['news', 'statement'])).toEqual({
      tags: ['calais', 'traite'],
      years: [2026],
    });
  });

  it('gives an item with its body and its other languages, and nothing for a draft', async () => {
    const site = sourceOf(t);
    expect(await site.item('en', ['statement'], 'calais-statement')).toMatchObject({
      id: statement.id,
      title: 'Title calais-statement',
      bodyHtml: '<p>Text</p>',
      translations: [{ lang: 'fr', slug: 'calais' }],
      publication: null,
    });
    expect(await site.item('fr', ['news'], 'calais')).toBeNull();
    expect(await site.item('fr', ['news'], 'jamais-publie')).toBeNull();
    expect(await site.item('de' as 'fr', ['news'], 'tact-lance')).toBeNull();
  });

  it('redirects a former address of a published item, not one of a draft or of an item taken off', async () => {
    const site = sourceOf(t);
    const current = expectJson<Item>(
      await writer().inject({ method: 'GET', url: `/api/content/${statement.id}` }),
    );
    const renamed = expectJson<Item>(
      await save(writer(), current, {
        translations: { ...current.translations, fr: { ...current.translations.fr, slug: 'calais-2015' } },
      }),
    );
    // Not published yet: the old address still serves, the new one is nothing yet.
    expect(await site.item('fr', ['statement'], 'calais-2015')).toBeNull();
    const published = await publishThrough(writer(), reviewer(), renamed);
    expect(published.publicUrls).toEqual({ fr: '/fr/news/calais-2015', en: '/en/news/calais-statement' });
    expect(await site.item('fr', ['statement'], 'calais')).toEqual({ redirect: '/fr/news/calais-2015' });
    expect(await site.item('fr', ['statement'], 'calais-2015')).toMatchObject({ slug: 'calais-2015' });
    // The former address stays the item's: no other item takes it.
    const clash = await writer().inject({ method: 'POST', url: '/api/content', payload: article('calais') });
    expect(clash.statusCode).toBe(409);

    const sitemap = await site.sitemap();
    expect(sitemap.filter((s) => s.path.includes('calais'))).toEqual([
      expect.objectContaining({
        lang: 'en',
        path: '/en/news/calais-statement',
        alternates: { en: '/en/news/calais-statement', fr: '/fr/news/calais-2015' },
      }),
      expect.objectContaining({ lang: 'fr', path: '/fr/news/calais-2015' }),
    ]);
    expect(sitemap.map((s) => s.path)).toContain('/fr/a-propos');
    expect(sitemap.map((s) => s.path)).not.toContain('/fr/news/jamais-publie');

    expectJson(await act(writer(), published, 'unpublish', { reason: 'Retiré' }));
    expect(await site.item('fr', ['statement'], 'calais')).toBeNull();
    expect(await site.item('fr', ['statement'], 'calais-2015')).toBeNull();
  });
});

describe('rich text from the API', () => {
  it('is stored sanitised, and the site gives it so', async () => {
    const payloads =
      '<p onclick="alert(1)">Bonjour</p><script>alert(1)</script><img src=x onerror=alert(1)>' +
      '<a href="javascript:alert(1)">lien</a><a href="https://www.example.org">ok</a>' +
      '<iframe src="https://evil.test"></iframe><svg onload=alert(1)></svg><style>p{}</style>' +
      '<span data-figure="TACT/persons_assisted" onmouseover="x()"></span>';
    const item = await create(writer(), {
      ...article('xss'),
      translations: {
        fr: {
          slug: 'xss',
          title: 'Titre <img src=x onerror=alert(1)><b>gras</b>',
          summary: '<script>alert(1)</script>Résumé',
          bodyHtml: payloads,
        },
      },
    });
    const expected =
      '<p>Bonjour</p>lien<a href="https://www.example.org" rel="noopener noreferrer">ok</a>' +
      '<span data-figure="TACT/persons_assisted"></span>';
    expect(item.translations.fr).toEqual({
      slug: 'xss',
      title: 'Titre gras',
      summary: 'Résumé',
      bodyHtml: expected,
    });
    await publishThrough(writer(), reviewer(), item);
    expect(await sourceOf(t).item('fr', ['news'], 'xss')).toMatchObject({
      title: 'Titre gras',
      bodyHtml: expected,
    });
  });
});

describe('projects and figures', () => {
  beforeAll(async () => {
    await publishThrough(
      writer(),
      reviewer(),
      await create(writer(), bilingual('projet-tact', 'tact-project', { kind: 'project', projectId: TACT })),
    );
    await publishThrough(
      writer(),
      reviewer(),
      await create(writer(), article('projet-care', { kind: 'project', projectId: CARE })),
    );
  });

  it('lists the projects with a published page, with their facts, page and suppressed figures', async () => {
    const site = sourceOf(t);
    const projects = await site.projects('en');
    expect(projects.map((p) => p.code)).toEqual(['CARE', 'TACT']);
    const care = projects.find((p) => p.code === 'CARE');
    // CARE's page exists in French only.
    expect(care).toMatchObject({
      name: 'Project CARE',
      summary: 'Project CARE',
      startDate: '2015-05-01',
      page: null,
    });
    expect(care?.figures).toEqual([
      {
        ref: 'CARE/persons_assisted',
        value: null,
        suppressed: true,
        unavailable: false,
        label: 'Persons assisted',
      },
    ]);
    const tact = await site.project('en', 'tact');
    expect(tact).toMatchObject({
      code: 'TACT',
      page: {
        slug: 'tact-project',
        title: 'Title tact-project',
        translations: [{ lang: 'fr', slug: 'projet-tact' }],
      },
    });
    expect(tact?.figures.map((f) => [f.ref, f.value, f.suppressed])).toEqual([
      ['TACT/persons_assisted', 7, false],
      ['TACT/persons_returned', null, true],
      ['TACT/people_trained', 12, false],
    ]);
    expect(await site.project('fr', 'HIDDEN')).toBeNull();
    expect(await site.project('fr', 'nope')).toBeNull();
    const sitemap = await site.sitemap();
    expect(sitemap.map((s) => s.path)).toEqual(
      expect.arrayContaining(['/fr/projects/tact', '/en/projects/tact', '/fr/projects/care']),
    );
  });

  it('gives live figures suppressed below five, and unknown or non-public ones as unavailable', async () => {
    const figures = await sourceOf(t).figures([
      'TACT/persons_assisted',
      'CARE/persons_assisted',
      'TACT/persons_placed',
      'TACT/budget_spent',
      'TACT/persons_referral_accepted',
      'NOPE/persons_assisted',
      'not a ref',
    ]);
    expect(Object.fromEntries(figures)).toEqual({
      'TACT/persons_assisted': {
        ref: 'TACT/persons_assisted',
        value: 7,
        suppressed: false,
        unavailable: false,
      },
      'CARE/persons_assisted': {
        ref: 'CARE/persons_assisted',
        value: null,
        suppressed: true,
        unavailable: false,
      },
      'TACT/persons_placed': { ref: 'TACT/persons_placed', value: 0, suppressed: false, unavailable: false },
      'TACT/budget_spent': { ref: 'TACT/budget_spent', value: null, suppressed: false, unavailable: true },
      'TACT/persons_referral_accepted': {
        ref: 'TACT/persons_referral_accepted',
        value: null,
        suppressed: false,
        unavailable: true,
      },
      'NOPE/persons_assisted': {
        ref: 'NOPE/persons_assisted',
        value: null,
        suppressed: false,
        unavailable: true,
      },
      'not a ref': { ref: 'not a ref', value: null, suppressed: false, unavailable: true },
    });
  });

  it('offers the editors the figures of their offices’ projects', async () => {
    const options = expectJson<{ items: { ref: string; label: { fr: string; en: string } }[] }>(
      await writer().inject({ method: 'GET', url: '/api/content/figures' }),
    );
    expect(options.items.map((o) => o.ref)).toEqual(
      expect.arrayContaining(['CARE/persons_assisted', 'TACT/people_trained']),
    );
    expect(options.items.map((o) => o.ref)).not.toContain('TACT/budget_spent');
    expect(options.items.find((o) => o.ref === 'CARE/persons_assisted')?.label).toEqual({
      fr: 'Personnes assistées – CARE',
      en: 'Persons assisted – CARE',
    });
  });
});

describe('nothing about a person', () => {
  it('appears in any answer of the site’s source', async () => {
    const site = sourceOf(t);
    const answers = await Promise.all([
      site.list('fr', {
        kinds: ['news', 'statement', 'publication', 'project', 'page'],
        limit: 100,
        offset: 0,
      }),
      site.list('en', {
        kinds: ['news', 'statement', 'publication', 'project', 'page'],
        limit: 100,
        offset: 0,
      }),
      site.projects('fr'),
      site.projects('en'),
      site.sitemap(),
      site.facets('fr', ['news']),
      site.figures(['TACT/persons_assisted', 'CARE/persons_assisted']),
    ]);
    const text = JSON.stringify(answers, (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v));
    expect(text).not.toContain(NAME);
    expect(text).not.toContain('Fixture');
  });
});
