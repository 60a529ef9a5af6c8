import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, type RecordedRequest, stubFetch } from '../../test-utils/fetch';
import {
  CARE_PROJECT,
  CHLOE_ID,
  CONTENT_ID,
  FIGURES,
  IMAGE_ID,
  makeCommunications,
  makeContentItem,
  makeImage,
  makeRevisions,
} from '../../test-utils/fixtures-content';
import '../../test-utils/prosemirror';
import { renderWithProviders } from '../../test-utils/render';
import type { ContentItem, SaveContent } from './api';

type Routes = Parameters<typeof stubFetch>[0];

function stub(item: ContentItem = makeContentItem(), extra: Routes = {}) {
  return stubFetch({
    [`GET /api/content/${CONTENT_ID}`]: () => jsonResponse(200, item),
    [`GET /api/content/${CONTENT_ID}/revisions`]: () => jsonResponse(200, makeRevisions()),
    'GET /api/content/figures': () => jsonResponse(200, FIGURES),
    'GET /api/projects': () => jsonResponse(200, { items: [CARE_PROJECT] }),
    ...extra,
  });
}

/** The body's editor, by its label ("Texte (français)"), once its text is there. */
async function body(name = 'Texte (français)') {
  return screen.findByRole('textbox', { name }, { timeout: 8000 });
}

/**
 * Types at the end of a body. jsdom has no editing engine: ProseMirror (under TipTap) reads what is typed
 * from the browser's DOM changes and selection, which jsdom does not produce faithfully. The text goes in as
 * the editor's own input handling would put it (a transaction at the cursor), which is what the form sees.
 */
function typeInBody(element: HTMLElement, text: string) {
  const editor = (element as HTMLElement & { editor: Editor }).editor;
  editor.chain().focus('end').insertContent(text).run();
}

const sent = (requests: RecordedRequest[], method: string) =>
  requests.filter((r) => r.method === method).map((r) => r.body as SaveContent);

describe('content editor', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('creates a draft: the address proposed from the title and checked, a project page needing its project', async () => {
    const created = makeContentItem({
      kind: 'project',
      projectId: CARE_PROJECT.id,
      tags: ['traite'],
      translations: {
        fr: {
          slug: 'care-reintegration',
          title: 'CARE : l’été des retours',
          summary: 'Le projet.',
          bodyHtml: '<p>Le projet CARE.</p>',
        },
      },
    });
    const { requests } = stub(created, { 'POST /api/content': () => jsonResponse(201, created) });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: '/content/new' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouveau contenu' })).toBeTruthy();
    const title = screen.getByLabelText(/^Titre \(français\)/);
    const slug = screen.getByLabelText(/^Adresse de la page \(français\)/) as HTMLInputElement;

    await user.type(title, 'CARE : l’été des retours');
    expect(slug.value).toBe('care-l-ete-des-retours');
    // Edited by hand, the address no longer follows the title.
    await user.clear(slug);
    await user.type(slug, 'CARE Réintégration');
    await user.type(title, ' !');
    expect(slug.value).toBe('CARE Réintégration');

    await user.selectOptions(screen.getByLabelText(/^Type de contenu/), 'project');
    await user.type(screen.getByLabelText('Mot-clé à ajouter'), 'Traite{Enter}');
    await user.click(screen.getByRole('button', { name: 'Créer le brouillon' }));
    expect(await screen.findByText('Format invalide.')).toBeTruthy();
    expect(screen.getByLabelText(/^Projet/).getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    expect(await seriousViolations()).toEqual([]);

    await user.clear(slug);
    await user.type(slug, 'care-reintegration');
    await user.selectOptions(screen.getByLabelText(/^Projet/), CARE_PROJECT.id);
    await user.type(screen.getByLabelText(/^Résumé \(français\)/), 'Le projet.');
    typeInBody(await body(), 'Le projet CARE.');
    await user.click(screen.getByRole('button', { name: 'Créer le brouillon' }));

    await waitFor(() => expect(sent(requests, 'POST')).toHaveLength(1));
    expect(sent(requests, 'POST')[0]).toEqual({
      kind: 'project',
      projectId: CARE_PROJECT.id,
      tags: ['traite'],
      translations: {
        fr: {
          slug: 'care-reintegration',
          title: 'CARE : l’été des retours !',
          summary: 'Le projet.',
          bodyHtml: '<p>Le projet CARE.</p>',
        },
      },
      coverImageId: null,
      publicationFileId: null,
    });
    // The new draft opens: its workflow and history are there.
    expect(await screen.findByRole('heading', { level: 1, name: 'CARE : l’été des retours' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Soumettre à relecture' })).toBeTruthy();
  }, 30_000);

  it('saves a new revision with the version it was based on, and puts the server’s errors on the fields', async () => {
    const { requests } = stub(makeContentItem(), {
      [`PUT /api/content/${CONTENT_ID}`]: () =>
        problem(400, 'validation_failed', 'Certains champs ne sont pas valides.', {
          errors: [
            { path: 'translations.en.slug', code: 'slug_taken', message: 'Cette adresse est déjà prise.' },
          ],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const editor = await body();
    await waitFor(() => expect(editor.textContent).toContain('Chiffre : Personnes assistées (CARE)'));

    await user.click(screen.getByRole('switch', { name: /^Rédiger aussi une version anglaise/ }));
    await user.click(screen.getByRole('tab', { name: 'anglais' }));
    await user.type(
      screen.getByLabelText(/^Title \(English\)|^Titre \(anglais\)/),
      'The situation in Calais',
    );
    expect((screen.getByLabelText(/^Adresse de la page \(anglais\)/) as HTMLInputElement).value).toBe(
      'the-situation-in-calais',
    );
    typeInBody(await body('Texte (anglais)'), 'Our position.');
    await user.click(screen.getByRole('tab', { name: 'français' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));

    await waitFor(() => expect(sent(requests, 'PUT')).toHaveLength(1));
    const saved = sent(requests, 'PUT')[0];
    expect(saved?.version).toBe(3);
    expect(saved?.translations.en).toEqual({
      slug: 'the-situation-in-calais',
      title: 'The situation in Calais',
      summary: '',
      bodyHtml: '<p>Our position.</p>',
    });
    // The error is on the English address: its tab comes forward, marked.
    expect(await screen.findByText('Cette adresse est déjà prise.')).toBeTruthy();
    expect(
      screen.getByRole('tab', { name: /anglais \(contient des erreurs\)/ }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Certains champs ne sont pas valides.');
  }, 30_000);

  it('on a 409, shows what the other person changed, then saves the user’s version over it knowingly', async () => {
    const theirs = makeContentItem({
      version: 4,
      revision: 4,
      updatedBy: { userId: CHLOE_ID, name: 'Chloé Bernard' },
      tags: ['calais', 'urgence'],
      translations: {
        fr: { ...makeContentItem().translations.fr, title: 'Calais : l’urgence humanitaire' },
      },
    });
    let puts = 0;
    const { requests } = stub(makeContentItem(), {
      [`PUT /api/content/${CONTENT_ID}`]: (request) => {
        puts += 1;
        if (puts === 1)
          return problem(409, 'version_conflict', 'Quelqu’un d’autre a modifié cet enregistrement.', {
            current: theirs,
            changed: ['translations.fr.title', 'tags'],
          });
        const body = request.body as SaveContent;
        return jsonResponse(200, makeContentItem({ ...body, version: 5, revision: 5, coverImage: null }));
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    await body();
    const title = screen.getByLabelText(/^Titre \(français\)/);
    await user.clear(title);
    await user.type(title, 'Situation à Calais : notre position');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));

    const dialog = await screen.findByRole('dialog', { name: 'Quelqu’un d’autre a enregistré ce contenu' });
    expect(within(dialog).getByText(/Chloé Bernard a enregistré la révision 4/)).toBeTruthy();
    const table = within(dialog).getByRole('table', { name: 'Différences entre les versions' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    // In the order of the server's list of changed fields.
    expect(rows).toEqual([
      [
        'Titre (français)',
        'Situation à Calais',
        'Calais : l’urgence humanitairemodifié',
        'Situation à Calais : notre position',
      ],
      ['Mots-clés', 'calais', 'calais, urgencemodifié', 'calais'],
    ]);
    // A saved address does not follow the title.
    expect((screen.getByLabelText(/^Adresse de la page \(français\)/) as HTMLInputElement).value).toBe(
      'situation-a-calais',
    );
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer ma version par-dessus' }));
    await waitFor(() => expect(sent(requests, 'PUT')).toHaveLength(2));
    expect(sent(requests, 'PUT')[1]).toMatchObject({
      version: 4,
      tags: ['calais'],
      translations: { fr: { title: 'Situation à Calais : notre position' } },
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Quelqu’un d’autre a enregistré ce contenu' })).toBeNull(),
    );
  }, 30_000);

  it('on a 409, takes the other person’s version instead', async () => {
    const theirs = makeContentItem({
      version: 4,
      revision: 4,
      updatedBy: { userId: CHLOE_ID, name: 'Chloé Bernard' },
      translations: { fr: { ...makeContentItem().translations.fr, summary: 'Un résumé revu.' } },
    });
    const { requests } = stub(makeContentItem(), {
      [`PUT /api/content/${CONTENT_ID}`]: () =>
        problem(409, 'version_conflict', 'Conflit.', { current: theirs }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    await body();
    await user.type(screen.getByLabelText(/^Titre \(français\)/), ' (mise à jour)');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Quelqu’un d’autre a enregistré ce contenu' });
    // Without the server's list, what changed is worked out from the two versions.
    expect(within(dialog).getByRole('rowheader', { name: 'Résumé (français)' })).toBeTruthy();
    expect(within(dialog).getByRole('rowheader', { name: 'Titre (français)' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Reprendre sa version' }));
    expect((screen.getByLabelText(/^Titre \(français\)/) as HTMLInputElement).value).toBe(
      'Situation à Calais',
    );
    expect((screen.getByLabelText(/^Résumé \(français\)/) as HTMLTextAreaElement).value).toBe(
      'Un résumé revu.',
    );
    expect(sent(requests, 'PUT')).toHaveLength(1);
    expect(screen.queryByText('Modifications non enregistrées.')).toBeNull();
  }, 30_000);

  it('asks before leaving with unsaved changes', async () => {
    stub();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    await body();
    await user.type(screen.getByLabelText(/^Titre \(français\)/), ' !');
    expect(screen.getByText('Modifications non enregistrées.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });

    await user.click(within(nav).getByRole('link', { name: 'Accueil' }));
    const dialog = await screen.findByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Situation à Calais' })).toBeTruthy();

    await user.click(within(nav).getByRole('link', { name: 'Accueil' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Quitter sans enregistrer ?' })).getByRole('button', {
        name: 'Quitter sans enregistrer',
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: /^Bienvenue/ })).toBeTruthy();
  }, 30_000);

  it('inserts a live figure (shown as its label, saved as its span), a safe link and an image with its alt text', async () => {
    const { requests } = stub(makeContentItem(), {
      [`PUT /api/content/${CONTENT_ID}`]: () =>
        jsonResponse(200, makeContentItem({ version: 4, revision: 4 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const editor = await body();
    const toolbar = screen.getByRole('toolbar', { name: 'Mise en forme du texte (français)' });

    await user.click(within(toolbar).getByRole('button', { name: 'Insérer un chiffre en direct' }));
    let dialog = await screen.findByRole('dialog', { name: 'Insérer un chiffre en direct' });
    await user.click(within(dialog).getByRole('button', { name: 'Insérer' }));
    expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.selectOptions(await within(dialog).findByLabelText(/^Chiffre/), 'MAGNET-II/returnees');
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Insérer' }));
    await waitFor(() => expect(editor.textContent).toContain('Chiffre : Personnes de retour (MAGNET II)'));

    // The link dialog opens from the keyboard too (Ctrl+K), as its button says.
    expect(
      within(toolbar)
        .getByRole('button', { name: 'Ajouter ou modifier un lien' })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('Control+K Meta+K');
    editor.focus();
    await user.keyboard('{Control>}k{/Control}');
    dialog = await screen.findByRole('dialog', { name: 'Lien' });
    await user.type(within(dialog).getByLabelText(/^Adresse du lien/), 'javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: 'Appliquer' }));
    expect(
      within(dialog).getByText('Saisissez une adresse qui commence par https://, http:// ou mailto:.'),
    ).toBeTruthy();
    await user.clear(within(dialog).getByLabelText(/^Adresse du lien/));
    await user.type(within(dialog).getByLabelText(/^Adresse du lien/), 'mailto:presse@example.org');
    await user.type(within(dialog).getByLabelText(/^Texte du lien/), 'écrivez-nous');
    await user.click(within(dialog).getByRole('button', { name: 'Appliquer' }));
    await waitFor(() => expect(within(editor).getByRole('link', { name: 'écrivez-nous' })).toBeTruthy());

    await user.click(within(toolbar).getByRole('button', { name: 'Insérer une image' }));
    dialog = await screen.findByRole('dialog', { name: 'Insérer une image' });
    await user.click(within(dialog).getByRole('radio', { name: /Des tentes dans la lande de Calais/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Insérer' }));
    await waitFor(() =>
      expect(within(editor).getByRole('img', { name: 'Des tentes dans la lande de Calais' })).toBeTruthy(),
    );

    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() => expect(sent(requests, 'PUT')).toHaveLength(1));
    const html = sent(requests, 'PUT')[0]?.translations.fr.bodyHtml ?? '';
    expect(html).toContain('<span data-figure="CARE/persons_assisted"></span>');
    expect(html).toContain('<span data-figure="MAGNET-II/returnees"></span>');
    expect(html).toContain('<a href="mailto:presse@example.org">écrivez-nous</a>');
    expect(html).toContain(
      `<img src="/site/media/${IMAGE_ID}-960.webp" alt="Des tentes dans la lande de Calais">`,
    );
  }, 30_000);

  it('uploads an image only with its alt text in each written language, and uses it as the cover', async () => {
    const english = makeContentItem({
      translations: {
        ...makeContentItem().translations,
        en: { slug: 'calais', title: 'Calais', summary: '', bodyHtml: '' },
      },
      images: [],
    });
    let item = english;
    const added = makeImage({
      id: '78787878-7878-4878-8878-787878787878',
      alt: { fr: 'Le port de Calais', en: 'The port of Calais' },
    });
    const { requests } = stub(english, {
      [`GET /api/content/${CONTENT_ID}`]: () => jsonResponse(200, item),
      [`POST /api/content/${CONTENT_ID}/images`]: () => {
        item = { ...english, images: [added] };
        return jsonResponse(201, added);
      },
      [`PUT /api/content/${CONTENT_ID}`]: () =>
        jsonResponse(200, { ...item, coverImage: added, version: 4, revision: 4 }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    await body();
    const images = screen.getByRole('region', { name: 'Images' });
    expect(within(images).getByText('Aucune image pour le moment.')).toBeTruthy();
    await user.click(within(images).getByRole('button', { name: 'Ajouter une image' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter une image' });
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer' }));
    expect(within(dialog).getByText('Choisissez un fichier image.')).toBeTruthy();
    expect(within(dialog).getAllByText('Ce champ est obligatoire.')).toHaveLength(2);

    await user.upload(
      within(dialog).getByLabelText(/^Fichier image/),
      new File(['png'], 'port.png', { type: 'image/png' }),
    );
    await user.type(within(dialog).getByLabelText(/^Texte alternatif \(français\)/), 'Le port de Calais');
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer' }));
    // English is written: its alt text is required too.
    expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    expect(await seriousViolations()).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Texte alternatif \(anglais\)/), 'The port of Calais');
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const upload = requests.find((r) => r.method === 'POST');
    expect(upload?.url).toBe(
      `/api/content/${CONTENT_ID}/images?altFr=Le+port+de+Calais&altEn=The+port+of+Calais`,
    );
    expect(((upload?.body as FormData | undefined)?.get('file') as File | undefined)?.name).toBe('port.png');
    expect(await within(images).findByRole('img', { name: 'Le port de Calais' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText(/^Image de couverture/), added.id);
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() => expect(sent(requests, 'PUT')[0]?.coverImageId).toBe(added.id));
  }, 30_000);

  it('restores a revision after confirmation, as a new working draft', async () => {
    const restored = makeContentItem({
      version: 4,
      revision: 4,
      translations: { fr: { ...makeContentItem().translations.fr, title: 'Calais (première version)' } },
    });
    const { requests } = stub(makeContentItem(), {
      [`POST /api/content/${CONTENT_ID}/revisions/1/restore`]: () => jsonResponse(200, restored),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: `/content/${CONTENT_ID}` });
    const table = await screen.findByRole('table', { name: 'Révisions' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows[0]?.slice(0, 2)).toEqual(['3', 'Léa Fontaine']);
    expect(rows[0]?.[3]).toBe('Texte (français) et Mots-clés');
    expect(rows[0]?.[4]).toBe('Brouillon actuel');
    expect(within(table).queryByRole('button', { name: 'Restaurer la révision 3' })).toBeNull();

    await user.click(within(table).getByRole('button', { name: 'Restaurer la révision 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restaurer la révision 1 ?' });
    expect(within(dialog).getByText(/devient le brouillon de travail \(révision 4\)/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/revisions/1/restore'))?.body).toEqual({ version: 3 }),
    );
    await waitFor(() =>
      expect((screen.getByLabelText(/^Titre \(français\)/) as HTMLInputElement).value).toBe(
        'Calais (première version)',
      ),
    );
  }, 30_000);
});
