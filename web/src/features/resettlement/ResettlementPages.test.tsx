import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { CASE_ID, makeCaseworker } from '../../test-utils/fixtures-cases';
import { makeProject } from '../../test-utils/fixtures-more';
import {
  BATCH_ID,
  makeBatch,
  makeFunnel,
  makeHousehold,
  makePipeline,
  makeResettlementCase,
  makeResettlementCaseworker,
  makeResettlementProject,
  RST_PROJECT_ID,
} from '../../test-utils/fixtures-resettlement';
import { renderWithProviders } from '../../test-utils/render';

const NEW_FILE_ID = 'f9f9f9f9-f9f9-4f9f-8f9f-f9f9f9f9f9f9';

function stub(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    // An AVRR project first: the resettlement project is still the one chosen.
    'GET /api/projects': () => jsonResponse(200, { items: [makeProject(), makeResettlementProject()] }),
    'GET /api/resettlement/pipeline': () => jsonResponse(200, makePipeline()),
    'GET /api/resettlement/funnel': () => jsonResponse(200, makeFunnel()),
    'GET /api/resettlement/batches': () => jsonResponse(200, { items: [makeBatch()] }),
    [`GET /api/resettlement/batches/${BATCH_ID}`]: () => jsonResponse(200, makeBatch()),
    [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, makeResettlementCase()),
    [`GET /api/cases/${CASE_ID}/resettlement`]: () => jsonResponse(200, makeHousehold()),
    ...extra,
  });
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('resettlement pages', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('are in the navigation of those who read resettlement only', async () => {
    stub();
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route: '/resettlement' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).queryByRole('link', { name: 'Réinstallation' })).toBeNull();
    cleanup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route: '/' });
    const allowed = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(allowed).getByRole('link', { name: 'Réinstallation' }).getAttribute('href')).toBe(
      '/resettlement',
    );
  });

  it('list the project’s households with their next step and blockers, filtered by stage and batch', async () => {
    const { requests } = stub();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route: '/resettlement' });
    const table = await screen.findByRole('table', { name: 'Ménages du projet' });
    expect((screen.getByLabelText('Projet') as HTMLSelectElement).value).toBe(RST_PROJECT_ID);
    expect(requests.find((r) => r.url.startsWith('/api/resettlement/pipeline'))?.url).toBe(
      `/api/resettlement/pipeline?projectId=${RST_PROJECT_ID}`,
    );
    expect(rowsOf(table)).toEqual([
      [
        'PAR-C-000045',
        'Samir Haddad',
        '2',
        'Autorisations de sortie',
        'Autorisations de sortie et visas, puis réserver un mouvement',
        'Lina Haddad — visa : expirée le 28 février 2026',
      ],
      [
        'PAR-C-000046',
        'Mariam Khalil',
        '1',
        'Soumission du dossier',
        'Soumettre dans un lot',
        'Rien ne bloque.',
      ],
    ]);
    expect(within(table).getByRole('link', { name: 'PAR-C-000045' }).getAttribute('href')).toBe(
      `/cases/${CASE_ID}?tab=resettlement`,
    );
    expect(await seriousViolations()).toEqual([]);

    await user.selectOptions(screen.getByLabelText('Étape'), 'submission');
    expect(rowsOf(screen.getByRole('table', { name: 'Ménages du projet' })).map((r) => r[0])).toEqual([
      'PAR-C-000046',
    ]);
    await user.selectOptions(screen.getByLabelText('Étape'), '');
    await user.selectOptions(screen.getByLabelText('Lot de soumission'), BATCH_ID);
    expect(rowsOf(screen.getByRole('table', { name: 'Ménages du projet' })).map((r) => r[0])).toEqual([
      'PAR-C-000045',
    ]);
    await user.click(screen.getByRole('checkbox', { name: 'Seulement les ménages bloqués' }));
    await waitFor(() =>
      expect(
        requests.some((r) => r.url === `/api/resettlement/pipeline?projectId=${RST_PROJECT_ID}&blocked=true`),
      ).toBe(true),
    );
  });

  it('show the funnel as a table and as bars, in French and in English', async () => {
    stub();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route: '/resettlement/funnel' });
    const table = await screen.findByRole('table', { name: 'Étapes atteintes, conversion et jours médians' });
    const plain = (rows: (string | null)[][]) =>
      rows.map((r) => r.map((c) => (c ?? '').replace(/[\u00a0\u202f]/g, ' ')));
    expect(plain(rowsOf(table)).slice(0, 3)).toEqual([
      ['Identification', '10', '24', '—', '—'],
      ['Vérification', '8', '20', '80 %', '3 jours'],
      ['Entretien', '8', '20', '100 %', '6,5 jours'],
    ]);
    const bars = screen.getByRole('figure', { name: 'Ménages ayant atteint chaque étape' });
    expect(within(bars).getAllByRole('listitem')).toHaveLength(11);
    expect(within(bars).getByText('10 ménages, 24 personnes')).toBeTruthy();
    const exits = await screen.findByRole('region', { name: 'Sorties' });
    expect(within(exits).getByText('Refusés').nextSibling?.textContent).toBe('1');
    expect(await seriousViolations()).toEqual([]);
    cleanup();
    renderWithProviders(<AppRoutes />, {
      me: makeResettlementCaseworker(),
      route: '/resettlement/funnel',
      language: 'en',
    });
    const english = await screen.findByRole('table', { name: 'Stages reached, conversion and median days' });
    expect(plain(rowsOf(english))[2]).toEqual(['Interview', '8', '20', '100%', '6.5 days']);
  });

  it('create a selection mission’s batch for the project and open it', async () => {
    const { requests } = stub({
      'POST /api/resettlement/batches': () =>
        jsonResponse(201, makeBatch({ status: 'open', households: [] })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route: '/resettlement/batches' });
    const list = await screen.findByRole('table', { name: 'Lots de soumission du projet' });
    expect(within(list).getByRole('link', { name: 'SUB-2026-0001' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nouveau lot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau lot de soumission' });
    await user.type(
      within(dialog).getByLabelText(/^Nom de la mission de sélection/),
      'Mission OFPRA Beyrouth',
    );
    await user.type(within(dialog).getByLabelText(/^Début de la mission/), '2027-03-01');
    await user.type(within(dialog).getByLabelText(/^Fin de la mission/), '2027-02-01');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(
      await within(dialog).findByText('La date de fin doit être postérieure à la date de début.'),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    await user.clear(within(dialog).getByLabelText(/^Fin de la mission/));
    await user.type(within(dialog).getByLabelText(/^Fin de la mission/), '2027-03-05');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lot SUB-2026-0001' })).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      projectId: RST_PROJECT_ID,
      officeId: makeResettlementCaseworker().memberships[0]?.officeId,
      kind: 'selection_mission',
      label: 'Mission OFPRA Beyrouth',
      resettlementCountry: 'FR',
      missionStart: '2027-03-01',
      missionEnd: '2027-03-05',
    });
  });

  it('record a household’s decision from its batch, the letter uploaded classified', async () => {
    const { requests } = stub({
      [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, { ...makeResettlementCase(), attachments: [] }),
      [`POST /api/cases/${CASE_ID}/attachments`]: () =>
        jsonResponse(201, {
          id: NEW_FILE_ID,
          fileName: 'lettre.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1200,
          documentKind: 'decision_letter',
          uploadedByName: 'Bob Diallo',
          createdAt: '2026-03-02T10:00:00.000Z',
        }),
      [`POST /api/cases/${CASE_ID}/resettlement/decision`]: () =>
        jsonResponse(200, makeHousehold({ status: 'closed', version: 10 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      me: makeResettlementCaseworker(),
      route: `/resettlement/batches/${BATCH_ID}`,
    });
    const households = await screen.findByRole('table', { name: 'Ménages du lot et décisions' });
    await user.click(
      within(households).getByRole('button', { name: 'Enregistrer la décision pour PAR-C-000045' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Décision pour PAR-C-000045' });
    await user.click(await within(dialog).findByRole('radio', { name: 'Refusé' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    expect(await within(dialog).findByText('Joignez le fichier : Lettre de décision.')).toBeTruthy();
    await user.upload(
      within(dialog).getByLabelText(/^Fichier : Lettre de décision/),
      new File(['%PDF-1.4'], 'lettre.pdf', { type: 'application/pdf' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual([
      `/api/cases/${CASE_ID}/attachments?documentKind=decision_letter`,
      `/api/cases/${CASE_ID}/resettlement/decision`,
    ]);
    expect(posts[1]?.body).toMatchObject({
      version: 9,
      outcome: 'rejected',
      decisionDocumentId: NEW_FILE_ID,
    });
  });

  it('choose the households ready for an open batch', async () => {
    const open = makeBatch({ status: 'open', submittedOn: null, households: [] });
    const { requests } = stub({
      [`GET /api/resettlement/batches/${BATCH_ID}`]: () => jsonResponse(200, open),
      [`PUT /api/resettlement/batches/${BATCH_ID}/households`]: () =>
        jsonResponse(200, makeBatch({ status: 'open', version: 4 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      me: makeResettlementCaseworker(),
      route: `/resettlement/batches/${BATCH_ID}`,
    });
    const section = await screen.findByRole('region', { name: 'Ménages du lot' });
    expect(within(section).getByRole('button', { name: 'Soumettre le lot' }).hasAttribute('disabled')).toBe(
      true,
    );
    await user.click(within(section).getByRole('button', { name: 'Choisir les ménages' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ménages du lot' });
    // Only the household at the submission stage is offered.
    const boxes = await within(dialog).findAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label, div')?.textContent ?? '')).toHaveLength(1);
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'PAR-C-000046 – Mariam Khalil (1 personne)' }),
    );
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      version: 3,
      caseIds: ['8a8a8a8a-8a8a-48a8-88a8-8a8a8a8a8a8a'],
    });
  });
});
