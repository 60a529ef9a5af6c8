import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import {
  CHLOE_ID,
  CONTENT_ID,
  FIGURES,
  KARIM_ID,
  makeCommunications,
  makeContentItem,
  makeContentReviewer,
  makeRevisions,
} from '../../test-utils/fixtures-content';
import '../../test-utils/prosemirror';
import { renderWithProviders } from '../../test-utils/render';
import type { ContentItem } from './api';
import { previewHtml } from './PreviewSection';

type Routes = Parameters<typeof stubFetch>[0];
const lea = { userId: makeCommunications().user.id, name: 'Léa Fontaine' };
const chloe = { userId: CHLOE_ID, name: 'Chloé Bernard' };
const review = {
  requestedBy: chloe,
  requestedAt: '2026-03-03T09:00:00.000Z',
  comment: 'Relu par le service juridique.',
  decidedBy: null,
  decidedAt: null,
  decision: null,
  decisionComment: null,
};

function stub(item: ContentItem, extra: Routes = {}, authors = [lea, lea, lea]) {
  return stubFetch({
    [`GET /api/content/${CONTENT_ID}`]: () => jsonResponse(200, item),
    [`GET /api/content/${CONTENT_ID}/revisions`]: () => jsonResponse(200, makeRevisions(authors)),
    'GET /api/content/figures': () => jsonResponse(200, FIGURES),
    'GET /api/projects': () => jsonResponse(200, { items: [] }),
    ...extra,
  });
}

async function workflow() {
  return screen.findByRole('region', { name: 'Relecture et publication' }, { timeout: 8000 });
}

describe('content workflow', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets the author submit the saved draft for review, with a message', async () => {
    const { requests } = stub(makeContentItem(), {
      [`POST /api/content/${CONTENT_ID}/submit`]: () =>
        jsonResponse(200, makeContentItem({ status: 'in_review', version: 4, review })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    // The author may publish, but there is nothing approved to publish yet.
    expect(within(panel).queryByRole('button', { name: 'Publier maintenant' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Dépublier' })).toBeNull();

    // Unsaved changes first: what is reviewed is the saved revision.
    await user.type(screen.getByLabelText(/^Titre \(français\)/), ' !');
    const submit = within(panel).getByRole('button', { name: 'Soumettre à relecture' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(within(panel).getByText(/Enregistrez vos modifications avant de soumettre/)).toBeTruthy();
    await user.clear(screen.getByLabelText(/^Titre \(français\)/));
    await user.type(screen.getByLabelText(/^Titre \(français\)/), 'Situation à Calais');
    await waitFor(() => expect(submit.hasAttribute('disabled')).toBe(false));

    await user.click(submit);
    const dialog = await screen.findByRole('dialog', { name: 'Soumettre à relecture' });
    await user.type(
      within(dialog).getByLabelText('Message pour la personne qui relit (facultatif)'),
      'Relu par le service juridique.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Soumettre à relecture' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/submit'))?.body).toEqual({
        version: 3,
        comment: 'Relu par le service juridique.',
      }),
    );
    expect(await within(panel).findByText('En relecture')).toBeTruthy();
    expect(within(panel).getByText(/Soumis à relecture par Chloé Bernard/)).toBeTruthy();
  }, 30_000);

  it('does not let someone who wrote part of the version review it, and says why', async () => {
    stub(makeContentItem({ status: 'in_review', review: { ...review, requestedBy: lea } }), {}, [
      chloe,
      lea,
      chloe,
    ]);
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    expect(
      await within(panel).findByText(
        'Vous avez écrit une partie de cette version depuis la dernière publication : une autre personne doit la relire.',
      ),
    ).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Approuver' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Soumettre à relecture' })).toBeNull();
  }, 30_000);

  it('lets a project manager review (read-only text, a comment required to ask for changes), nothing else', async () => {
    const { requests } = stub(makeContentItem({ status: 'in_review', review }), {
      [`POST /api/content/${CONTENT_ID}/review`]: (request) =>
        jsonResponse(
          200,
          makeContentItem({
            status: (request.body as { decision: string }).decision === 'approve' ? 'approved' : 'draft',
            version: 4,
            review: {
              ...review,
              decidedBy: { userId: KARIM_ID, name: 'Karim Benali' },
              decidedAt: '2026-03-04T09:00:00.000Z',
              decision: 'request_changes',
              decisionComment: 'Citer la source du chiffre.',
            },
          }),
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeContentReviewer(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    // No form: the preview shows the saved draft, with its live figure labelled.
    expect(screen.queryByRole('button', { name: 'Enregistrer le brouillon' })).toBeNull();
    const preview = screen.getByRole('article');
    expect(within(preview).getByRole('heading', { name: 'Situation à Calais' })).toBeTruthy();
    await waitFor(() => expect(preview.textContent).toContain('[Personnes assistées (CARE)]'));
    expect(screen.queryByRole('button', { name: /^Restaurer/ })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Publier maintenant' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    await user.click(await within(panel).findByRole('button', { name: 'Demander des modifications' }));
    const dialog = await screen.findByRole('dialog', { name: 'Demander des modifications' });
    await user.click(within(dialog).getByRole('button', { name: 'Demander des modifications' }));
    expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Commentaire/), 'Citer la source du chiffre.');
    await user.click(within(dialog).getByRole('button', { name: 'Demander des modifications' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/review'))?.body).toEqual({
        version: 3,
        decision: 'request_changes',
        comment: 'Citer la source du chiffre.',
      }),
    );
    expect(await within(panel).findByText(/Modifications demandées par Karim Benali/)).toBeTruthy();
    expect(within(panel).getByText('Citer la source du chiffre.')).toBeTruthy();
  }, 30_000);

  it('approves in one step for a reviewer who did not write it', async () => {
    const { requests } = stub(makeContentItem({ status: 'in_review', review }), {
      [`POST /api/content/${CONTENT_ID}/review`]: () =>
        jsonResponse(200, makeContentItem({ status: 'approved', version: 4 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeContentReviewer(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    await user.click(await within(panel).findByRole('button', { name: 'Approuver' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approuver cette révision' });
    await user.click(within(dialog).getByRole('button', { name: 'Approuver' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/review'))?.body).toEqual({
        version: 3,
        decision: 'approve',
      }),
    );
    // A reviewer who may not publish is told what comes next.
    expect(await within(panel).findByText('Approuvé : en attente de publication.')).toBeTruthy();
  }, 30_000);

  it('schedules a publication in the user’s time zone, refusing a past time here and from the server', async () => {
    const approved = makeContentItem({ status: 'approved', review });
    let answer: 'past' | 'ok' = 'past';
    const { requests } = stub(approved, {
      [`POST /api/content/${CONTENT_ID}/publish`]: (request) =>
        answer === 'past'
          ? problem(422, 'content_publish_in_past', 'La date de publication est passée.')
          : jsonResponse(
              200,
              makeContentItem({
                status: 'scheduled',
                version: 4,
                publishAt: (request.body as { publishAt: string }).publishAt,
              }),
            ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    const form = await within(panel).findByRole('form', { name: 'Publier' });
    await user.click(within(form).getByRole('radio', { name: 'À une date et une heure' }));
    const at = within(form).getByLabelText(/^Publication prévue le/);
    expect(within(form).getByText(/^Heure de votre fuseau horaire/)).toBeTruthy();
    // A datetime-local field takes its value whole (jsdom drops the partial values typing goes through).
    fireEvent.change(at, { target: { value: '2020-01-01T10:00' } });
    await user.click(within(form).getByRole('button', { name: 'Programmer la publication' }));
    expect(within(form).getByText('Choisissez une date et une heure à venir.')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/publish'))).toBe(false);

    // The server's clock decides in the end.
    fireEvent.change(at, { target: { value: '2099-06-01T09:30' } });
    await user.click(within(form).getByRole('button', { name: 'Programmer la publication' }));
    expect(await within(form).findByText('La date de publication est passée.')).toBeTruthy();
    const publishBody = requests.find((r) => r.url.endsWith('/publish'))?.body as
      | { publishAt: string }
      | undefined;
    const sentAt = publishBody?.publishAt ?? '';
    expect(new Date(sentAt).getTime()).toBe(new Date('2099-06-01T09:30').getTime());
    expect(await seriousViolations()).toEqual([]);

    answer = 'ok';
    await user.click(within(form).getByRole('button', { name: 'Programmer la publication' }));
    expect(await within(panel).findByText('Programmé')).toBeTruthy();
  }, 30_000);

  it('publishes now after a confirmation', async () => {
    const { requests } = stub(makeContentItem({ status: 'approved' }), {
      [`POST /api/content/${CONTENT_ID}/publish`]: () =>
        jsonResponse(
          200,
          makeContentItem({
            status: 'published',
            version: 4,
            publishedRevision: 3,
            publishedAt: '2026-03-05T10:00:00.000Z',
            publicUrls: { fr: '/fr/actualites/situation-a-calais', en: null },
          }),
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    await user.click(await within(panel).findByRole('button', { name: 'Publier maintenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publier maintenant ?' });
    expect(within(dialog).getByText('La révision 3 apparaîtra aussitôt sur le site public.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Publier maintenant' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/publish'))?.body).toEqual({ version: 3, publishAt: null }),
    );
    const link = await within(panel).findByRole('link', { name: /Page publique \(français\)/ });
    expect(link.getAttribute('href')).toBe('/fr/actualites/situation-a-calais');
  }, 30_000);

  it('unpublishes with a reason; a published item edited again says its changes are pending', async () => {
    const published = makeContentItem({
      status: 'draft',
      revision: 4,
      version: 5,
      publishedRevision: 3,
      publishedAt: '2026-03-05T10:00:00.000Z',
      publicUrls: { fr: '/fr/actualites/situation-a-calais', en: null },
    });
    const { requests } = stub(published, {
      [`POST /api/content/${CONTENT_ID}/unpublish`]: () =>
        jsonResponse(200, {
          ...published,
          status: 'unpublished',
          version: 6,
          publicUrls: { fr: null, en: null },
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const panel = await workflow();
    expect(within(panel).getByText('Publié — modifications en attente')).toBeTruthy();
    expect(within(panel).getByText('Nouvelle version : Brouillon')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: /Page publique \(français\)/ })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Dépublier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dépublier ce contenu' });
    await user.click(within(dialog).getByRole('button', { name: 'Dépublier' }));
    expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Motif/), 'Informations périmées.');
    await user.click(within(dialog).getByRole('button', { name: 'Dépublier' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/unpublish'))?.body).toEqual({
        version: 5,
        reason: 'Informations périmées.',
      }),
    );
    expect(await within(panel).findByText('Dépublié')).toBeTruthy();
    expect(within(panel).queryByRole('link', { name: /Page publique/ })).toBeNull();
  }, 30_000);
});

describe('the preview of a draft', () => {
  it('keeps the safe subset of the server’s HTML and labels live figures', () => {
    const html = previewHtml(
      '<p onclick="alert(1)">Texte <a href="javascript:alert(1)">lien</a> <span data-figure="CARE/persons_assisted"></span></p>' +
        '<script>alert(1)</script><div><img src="x" onerror="alert(1)" alt="Une image"><iframe src="/x"></iframe></div>',
      (ref) => `[${ref}]`,
    );
    expect(html).toBe(
      '<p>Texte <a rel="noopener">lien</a> <span data-figure="CARE/persons_assisted">[CARE/persons_assisted]</span></p>' +
        '<img alt="Une image">',
    );
  });
});
