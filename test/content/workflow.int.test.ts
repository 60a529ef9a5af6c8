/**
 * The editorial workflow of public content (issue 14): a draft, a review by a second person, publication
 * now or at a time (a moved clock, nothing run), unpublication, revisions and restore, two editors saving
 * at once (409 with what changed), office scoping, and every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentChange } from '../../src/platform/reactions';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import { act, article, create, type Item, multipart, PDF, publishThrough, save, sourceOf } from './helpers';

const USERS = [
  'com.paris@x.test',
  'com2.paris@x.test',
  'pm.paris@x.test',
  'com.tirana@x.test',
  'com.both@x.test',
  'cw.paris@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let refresh: () => Promise<void>;
let PAR: string;
let TIR: string;
let CARE: string;
const changes: ContentChange[] = [];

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  CARE = (await t.project('CARE', 'PAR')).id;
  await t.project('TACT', 'TIR');
  await t.user('com.paris@x.test', [['PAR', 'communications']]);
  await t.user('com2.paris@x.test', [['PAR', 'communications']]);
  await t.user('pm.paris@x.test', [['PAR', 'project_manager']]);
  await t.user('com.tirana@x.test', [['TIR', 'communications']]);
  await t.user('com.both@x.test', [
    ['PAR', 'communications'],
    ['TIR', 'communications'],
  ]);
  await t.user('cw.paris@x.test', [['PAR', 'caseworker']]);
  ({ as, refresh } = await signIn(t, USERS));
  t.reactions.contentChanged.push((change) => {
    changes.push(change);
  });
});
afterAll(() => t.close());

const writer = () => as('com.paris@x.test');
const colleague = () => as('com2.paris@x.test');
const manager = () => as('pm.paris@x.test');

describe('a draft', () => {
  it('is created in the writer’s office as revision 1, audited', async () => {
    const seq = await lastAuditSeq(t.db);
    const item = await create(writer(), article('situation-a-calais'));
    expect(item).toMatchObject({
      kind: 'news',
      status: 'draft',
      officeId: PAR,
      revision: 1,
      publishedRevision: null,
      publishAt: null,
      publishedAt: null,
      review: null,
      version: 1,
      createdBy: { name: 'com.paris' },
      publicUrls: { fr: null, en: null },
    });
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.recordType, e.recordId, e.officeId])).toEqual([
      ['content.created', 'content', item.id, PAR],
    ]);
    expect(events[0]?.changes).toMatchObject({
      kind: { new: 'news' },
      'translations.fr.title': { new: 'Titre situation-a-calais' },
      'translations.fr.bodyHtml': { new: { chars: expect.any(Number), sha256: expect.any(String) } },
    });
  });

  it('asks a writer of several offices which one owns it', async () => {
    const response = await as('com.both@x.test').inject({
      method: 'POST',
      url: '/api/content',
      payload: article('deux-bureaux'),
    });
    expect(expectProblem(response, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ path: 'officeId', code: 'office_required' }),
    ]);
    const chosen = await create(as('com.both@x.test'), { ...article('deux-bureaux'), officeId: TIR });
    expect(chosen.officeId).toBe(TIR);
    // An office the writer does not write for is refused.
    const foreign = await writer().inject({
      method: 'POST',
      url: '/api/content',
      payload: { ...article('ailleurs'), officeId: TIR },
    });
    expectProblem(foreign, 403, 'forbidden');
  });

  it('refuses an address another item holds', async () => {
    await create(writer(), article('adresse-prise'));
    const response = await colleague().inject({
      method: 'POST',
      url: '/api/content',
      payload: article('adresse-prise'),
    });
    expect(expectProblem(response, 409, 'content_slug_taken').detail).toContain('adresse-prise');
  });

  it('refuses a standing page at an address the site reserves, and a change of kind', async () => {
    const response = await writer().inject({
      method: 'POST',
      url: '/api/content',
      payload: article('news', { kind: 'page' }),
    });
    expect(expectProblem(response, 400, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'translations.fr.slug',
      code: 'slug_reserved',
    });
    const item = await create(writer(), article('type-fixe'));
    expectProblem(await save(writer(), item, { kind: 'statement' }), 400, 'validation_failed');
  });

  it('saves nothing when nothing changed', async () => {
    const item = await create(writer(), article('inchange'));
    const seq = await lastAuditSeq(t.db);
    const same = expectJson<Item>(await save(writer(), item));
    expect(same).toMatchObject({ revision: 1, version: 1 });
    expect(await auditAfter(t.db, seq)).toEqual([]);
  });
});

describe('review and publication', () => {
  it('goes draft → review by a second person → published, and the site shows it', async () => {
    const draft = await create(writer(), article('care-prolonge', { projectId: CARE, tags: ['care'] }));
    const seq = await lastAuditSeq(t.db);

    expectProblem(await act(writer(), draft, 'publish', { publishAt: null }), 409, 'content_not_approved');
    const submitted = expectJson<Item>(await act(writer(), draft, 'submit', { comment: 'Relire SVP' }));
    expect(submitted).toMatchObject({
      status: 'in_review',
      review: { requestedBy: { name: 'com.paris' }, comment: 'Relire SVP', decision: null },
    });
    // The author may not review it; a colleague with the review permission may.
    expectProblem(
      await act(writer(), submitted, 'review', { decision: 'approve' }),
      422,
      'content_review_own',
    );
    expectProblem(await act(manager(), submitted, 'publish', { publishAt: null }), 403, 'forbidden');
    const approved = expectJson<Item>(await act(manager(), submitted, 'review', { decision: 'approve' }));
    expect(approved).toMatchObject({
      status: 'approved',
      review: { decidedBy: { name: 'pm.paris' }, decision: 'approve' },
    });
    // The site is told after the commit: what it reads then is already the new state.
    const seenByListener: unknown[] = [];
    const listener = async () => {
      seenByListener.push(await sourceOf(t).item('fr', ['news'], 'care-prolonge'));
    };
    t.reactions.contentChanged.push(listener);
    const published = expectJson<Item>(await act(writer(), approved, 'publish', { publishAt: null }));
    t.reactions.contentChanged.splice(t.reactions.contentChanged.indexOf(listener), 1);
    expect(seenByListener).toEqual([expect.objectContaining({ slug: 'care-prolonge' })]);
    expect(published).toMatchObject({
      status: 'published',
      revision: 1,
      publishedRevision: 1,
      publishAt: null,
      publishedAt: expect.any(String),
      publicUrls: { fr: '/fr/news/care-prolonge', en: null },
    });
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual([
      'content.submitted',
      'access.denied',
      'content.approved',
      'content.published',
    ]);
    expect(changes.at(-1)).toMatchObject({ itemId: draft.id, kind: 'news', what: 'published' });
    const shown = await sourceOf(t).item('fr', ['news', 'statement'], 'care-prolonge');
    expect(shown).toMatchObject({ title: 'Titre care-prolonge', project: { code: 'CARE' } });
  });

  it('sends back to draft when the reviewer asks for changes', async () => {
    const draft = await create(writer(), article('a-revoir'));
    const submitted = expectJson<Item>(await act(writer(), draft, 'submit'));
    const back = expectJson<Item>(
      await act(colleague(), submitted, 'review', { decision: 'request_changes', comment: 'Sources ?' }),
    );
    expect(back).toMatchObject({
      status: 'draft',
      review: { decision: 'request_changes', decisionComment: 'Sources ?' },
    });
    expectProblem(await act(colleague(), back, 'review', { decision: 'approve' }), 409, 'content_state');
  });

  it('keeps a published revision on the site while the next one is drafted, and reviews only what changed', async () => {
    const first = await publishThrough(
      writer(),
      colleague(),
      await create(writer(), article('brouillon-prive')),
    );
    // The colleague who reviewed the first version writes the second one.
    const edited = expectJson<Item>(
      await save(colleague(), first, {
        translations: {
          fr: { ...first.translations.fr, title: 'Titre pas encore relu', bodyHtml: '<p>Secret</p>' },
        },
      }),
    );
    expect(edited).toMatchObject({ status: 'draft', revision: 2, publishedRevision: 1 });
    const site = sourceOf(t);
    const shown = await site.item('fr', ['news'], 'brouillon-prive');
    expect(shown).toMatchObject({
      title: 'Titre brouillon-prive',
      bodyHtml: '<p>Texte de brouillon-prive</p>',
    });
    const listed = await site.list('fr', { kinds: ['news'], limit: 100, offset: 0 });
    expect(JSON.stringify(listed)).not.toContain('pas encore relu');

    const submitted = expectJson<Item>(await act(colleague(), edited, 'submit'));
    // The author of revision 2 may not review it; the author of revision 1 (published since) may.
    expectProblem(
      await act(colleague(), submitted, 'review', { decision: 'approve' }),
      422,
      'content_review_own',
    );
    const approved = expectJson<Item>(await act(writer(), submitted, 'review', { decision: 'approve' }));
    expect(approved.status).toBe('approved');
  });

  it('requires a publication’s PDF and a project page’s project', async () => {
    const publication = await create(writer(), article('cop21', { kind: 'publication' }));
    const approved = expectJson<Item>(
      await act(colleague(), expectJson<Item>(await act(writer(), publication, 'submit')), 'review', {
        decision: 'approve',
      }),
    );
    expectProblem(
      await act(writer(), approved, 'publish', { publishAt: null }),
      422,
      'content_file_required',
    );

    const file = expectJson<{ id: string }>(
      await writer().inject({
        method: 'POST',
        url: `/api/content/${publication.id}/file`,
        ...multipart('cop21.pdf', 'application/pdf', PDF),
      }),
      201,
    );
    const withFile = expectJson<Item>(await save(writer(), approved, { publicationFileId: file.id }));
    expect(withFile).toMatchObject({
      status: 'draft',
      publicationFile: { id: file.id, fileName: 'cop21.pdf' },
    });
    const published = await publishThrough(writer(), colleague(), withFile);
    expect(published.publicUrls.fr).toBe('/fr/publications/cop21');
    const shown = await sourceOf(t).item('fr', ['publication'], 'cop21');
    expect(shown).toMatchObject({
      publication: { url: `/site/media/${file.id}.pdf`, fileName: 'cop21.pdf', bytes: PDF.length },
    });

    const noProject = await writer().inject({
      method: 'POST',
      url: '/api/content',
      payload: article('page-projet', { kind: 'project' }),
    });
    expect(expectProblem(noProject, 400, 'validation_failed').errors?.[0]?.path).toBe('projectId');
    await create(writer(), article('page-care', { kind: 'project', projectId: CARE }));
    const second = await colleague().inject({
      method: 'POST',
      url: '/api/content',
      payload: article('page-care-bis', { kind: 'project', projectId: CARE }),
    });
    expectProblem(second, 409, 'content_project_page_exists');
  });
});

describe('scheduled publication', () => {
  it('refuses a time in the past', async () => {
    const item = await create(writer(), article('passe'));
    const approved = expectJson<Item>(
      await act(colleague(), expectJson<Item>(await act(writer(), item, 'submit')), 'review', {
        decision: 'approve',
      }),
    );
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();
    expectProblem(
      await act(writer(), approved, 'publish', { publishAt: past }),
      422,
      'content_publish_in_past',
    );
    const now = t.clock.now().toISOString();
    const atNow = await act(writer(), approved, 'publish', { publishAt: now });
    expectProblem(atNow, 422, 'content_publish_in_past');
  });

  it('shows a scheduled item once its time has come, with nothing run', async () => {
    const site = sourceOf(t);
    const draft = await create(writer(), article('programme', { tags: ['agenda'] }));
    const publishAt = new Date(t.clock.now().getTime() + 20 * 60_000);
    const scheduled = await publishThrough(writer(), colleague(), draft, publishAt.toISOString());
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      publishedRevision: null,
      publishAt: publishAt.toISOString(),
      publicUrls: { fr: null },
    });
    expect(changes.at(-1)).toMatchObject({ itemId: draft.id, what: 'scheduled' });
    expect(await site.item('fr', ['news'], 'programme')).toBeNull();
    expect(await site.nextScheduled()).toBe(publishAt.toISOString());
    expect((await site.facets('fr', ['news'])).tags).not.toContain('agenda');

    t.clock.set(new Date(publishAt.getTime() + 60_000));
    await refresh();
    expect(await site.item('fr', ['news'], 'programme')).toMatchObject({
      title: 'Titre programme',
      publishedAt: publishAt.toISOString(),
    });
    expect((await site.facets('fr', ['news'])).tags).toContain('agenda');
    expect(await site.nextScheduled()).toBeNull();
    const seen = expectJson<Item>(await writer().inject({ method: 'GET', url: `/api/content/${draft.id}` }));
    expect(seen).toMatchObject({
      status: 'published',
      publishedRevision: 1,
      publishAt: null,
      publishedAt: publishAt.toISOString(),
      publicUrls: { fr: '/fr/news/programme' },
    });
    const list = expectJson<{ items: { id: string; status: string }[] }>(
      await writer().inject({ method: 'GET', url: '/api/content?status=published&limit=100' }),
    );
    expect(list.items.find((i) => i.id === draft.id)?.status).toBe('published');
    const revisions = expectJson<{ items: { number: number; published: boolean }[] }>(
      await writer().inject({ method: 'GET', url: `/api/content/${draft.id}/revisions` }),
    );
    expect(revisions.items).toEqual([expect.objectContaining({ number: 1, published: true })]);
  });

  it('replaces the live revision at the scheduled time, and a new schedule replaces an old one', async () => {
    const site = sourceOf(t);
    const live = await publishThrough(writer(), colleague(), await create(writer(), article('remplacee')));
    const edited = expectJson<Item>(
      await save(writer(), live, {
        translations: { fr: { ...live.translations.fr, title: 'Deuxième version' } },
      }),
    );
    const at = new Date(t.clock.now().getTime() + 10 * 60_000);
    const scheduled = await publishThrough(writer(), colleague(), edited, at.toISOString());
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      publishedRevision: 1,
      publishAt: at.toISOString(),
    });
    expect(await site.item('fr', ['news'], 'remplacee')).toMatchObject({ title: 'Titre remplacee' });
    // Published now after all: the schedule is withdrawn.
    const now = expectJson<Item>(await act(writer(), scheduled, 'publish', { publishAt: null }));
    expect(now).toMatchObject({ status: 'published', publishedRevision: 2, publishAt: null });
    expect(await site.item('fr', ['news'], 'remplacee')).toMatchObject({ title: 'Deuxième version' });
    t.clock.set(new Date(at.getTime() + 1000));
    await refresh();
    expect(await site.item('fr', ['news'], 'remplacee')).toMatchObject({ title: 'Deuxième version' });
  });
});

describe('unpublishing and restoring', () => {
  it('takes an item off the site at once, and restores an old revision as a new draft', async () => {
    const site = sourceOf(t);
    const v1 = await publishThrough(writer(), colleague(), await create(writer(), article('retiree')));
    const v2 = expectJson<Item>(
      await save(writer(), v1, { translations: { fr: { ...v1.translations.fr, title: 'Titre modifié' } } }),
    );
    expect(await site.item('fr', ['news'], 'retiree')).not.toBeNull();

    const seq = await lastAuditSeq(t.db);
    const off = expectJson<Item>(await act(writer(), v2, 'unpublish', { reason: 'Erreur de chiffres' }));
    expect(off).toMatchObject({ status: 'unpublished', publishedRevision: null, publicUrls: { fr: null } });
    expect(changes.at(-1)).toMatchObject({ itemId: v1.id, what: 'unpublished' });
    expect(await site.item('fr', ['news'], 'retiree')).toBeNull();
    expectProblem(await act(writer(), off, 'unpublish', { reason: 'encore' }), 409, 'content_state');

    const restored = expectJson<Item>(
      await writer().inject({
        method: 'POST',
        url: `/api/content/${v1.id}/revisions/1/restore`,
        payload: { version: off.version },
      }),
    );
    expect(restored).toMatchObject({
      status: 'draft',
      revision: 3,
      translations: { fr: { title: 'Titre retiree' } },
    });
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['content.unpublished', 'content.restored']);
    expect(events[0]?.metadata).toMatchObject({ reason: 'Erreur de chiffres', publishedRevision: 1 });
    expect(events[1]?.metadata).toEqual({ revision: 3, restoredFrom: 1 });
    const revisions = expectJson<{ items: { number: number; changed: string[]; published: boolean }[] }>(
      await writer().inject({ method: 'GET', url: `/api/content/${v1.id}/revisions` }),
    );
    expect(revisions.items.map((r) => [r.number, r.changed, r.published])).toEqual([
      [3, ['translations.fr.title'], false],
      [2, ['translations.fr.title'], false],
      [
        1,
        [
          'tags',
          'translations.fr.slug',
          'translations.fr.title',
          'translations.fr.summary',
          'translations.fr.bodyHtml',
        ],
        false,
      ],
    ]);
    const old = expectJson<{ translations: { fr: { title: string } } }>(
      await writer().inject({ method: 'GET', url: `/api/content/${v1.id}/revisions/2` }),
    );
    expect(old.translations.fr.title).toBe('Titre modifié');
    expectProblem(
      await writer().inject({ method: 'GET', url: `/api/content/${v1.id}/revisions/9` }),
      404,
      'not_found',
    );

    // Submitted and published again, it is back on the site.
    await publishThrough(writer(), colleague(), restored);
    expect(await site.item('fr', ['news'], 'retiree')).toMatchObject({ title: 'Titre retiree' });
  });
});

describe('two editors at once', () => {
  it('answers the second save 409 with the item as it is and the fields the first one changed', async () => {
    const item = await create(writer(), article('deux-editeurs'));
    // Both open version 1; the first saves a new title.
    const first = expectJson<Item>(
      await save(writer(), item, { translations: { fr: { ...item.translations.fr, title: 'Titre A' } } }),
    );
    const seq = await lastAuditSeq(t.db);
    const second = await save(colleague(), item, {
      translations: { fr: { ...item.translations.fr, summary: 'Résumé B' } },
    });
    const problem = expectProblem(second, 409, 'version_conflict') as ReturnType<typeof expectProblem> & {
      changed: string[];
    };
    expect(problem.current).toMatchObject({
      id: item.id,
      version: first.version,
      translations: { fr: { title: 'Titre A', summary: `Résumé de deux-editeurs` } },
    });
    expect(problem.changed).toEqual(['translations.fr.title']);
    expect(await auditAfter(t.db, seq)).toEqual([]);
    // A stale submit or publish is refused the same way.
    expectProblem(await act(writer(), item, 'submit'), 409, 'version_conflict');
  });

  it('lets exactly one of two simultaneous saves through', async () => {
    const item = await create(writer(), article('en-meme-temps'));
    const [a, b] = await Promise.all([
      save(writer(), item, { translations: { fr: { ...item.translations.fr, title: 'Titre A' } } }),
      save(colleague(), item, { translations: { fr: { ...item.translations.fr, title: 'Titre B' } } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    const problem = lost.json<{ changed: string[]; current: Item }>();
    expect(problem.changed).toEqual(['translations.fr.title']);
    expect(problem.current.revision).toBe(2);
    const revisions = expectJson<{ items: unknown[] }>(
      await writer().inject({ method: 'GET', url: `/api/content/${item.id}/revisions` }),
    );
    expect(revisions.items).toHaveLength(2);
  });
});

describe('office scoping and permissions', () => {
  it('does not find another office’s item, and refuses roles without the permission', async () => {
    const item = await create(writer(), article('paris-seulement'));
    const tirana = as('com.tirana@x.test');
    expectProblem(await tirana.inject({ method: 'GET', url: `/api/content/${item.id}` }), 404, 'not_found');
    expectProblem(await save(tirana, item), 404, 'not_found');
    expectProblem(await act(tirana, item, 'submit'), 404, 'not_found');
    expectProblem(
      await tirana.inject({ method: 'GET', url: `/api/content/${item.id}/revisions` }),
      404,
      'not_found',
    );
    const listed = expectJson<{ items: { id: string }[] }>(
      await tirana.inject({ method: 'GET', url: '/api/content?limit=100' }),
    );
    expect(listed.items.map((i) => i.id)).not.toContain(item.id);
    expectProblem(
      await as('cw.paris@x.test').inject({ method: 'GET', url: `/api/content/${item.id}` }),
      403,
      'forbidden',
    );
    // A project manager reads and reviews, but does not write.
    expectJson(await manager().inject({ method: 'GET', url: `/api/content/${item.id}` }));
    expectProblem(await save(manager(), item), 403, 'forbidden');
  });

  it('lists the office’s items with filters, titled in the reader’s language', async () => {
    const bilingual = await create(writer(), {
      ...article('bilingue'),
      translations: {
        fr: { slug: 'bilingue', title: 'Titre français', summary: '', bodyHtml: '' },
        en: { slug: 'bilingual', title: 'English title', summary: '', bodyHtml: '' },
      },
    });
    const english = expectJson<{ items: { id: string; title: string; lang: string }[]; total: number }>(
      await writer().inject({
        method: 'GET',
        url: '/api/content?q=fran%C3%A7ais',
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(english.items).toEqual([
      expect.objectContaining({ id: bilingual.id, title: 'English title', lang: 'en' }),
    ]);
    // Tags are searched too (the bilingual item is tagged "calais"; its titles do not say it).
    const byTag = expectJson<{ items: { id: string }[] }>(
      await writer().inject({ method: 'GET', url: '/api/content?q=ALAIS&limit=100' }),
    );
    expect(byTag.items.map((i) => i.id)).toContain(bilingual.id);
    const drafts = expectJson<{ items: { status: string }[]; total: number }>(
      await writer().inject({ method: 'GET', url: '/api/content?status=draft&kind=news&limit=5' }),
    );
    expect(drafts.items.length).toBeLessThanOrEqual(5);
    expect(drafts.total).toBeGreaterThan(drafts.items.length);
    expect(new Set(drafts.items.map((i) => i.status))).toEqual(new Set(['draft']));
  });
});

describe('the API description', () => {
  it('documents the content routes', async () => {
    const doc = expectJson<{ paths: Record<string, unknown> }>(
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/content',
        '/api/content/{id}',
        '/api/content/{id}/images',
        '/api/content/{id}/revisions/{number}/restore',
      ]),
    );
  });
});
