import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { makeUser, PARIS_ID } from '../../test-utils/fixtures';
import {
  BOB_ID,
  CASE_ID,
  CASE_ID_2,
  makeCaseSummary,
  makeCaseworker,
  makeSupervisor,
} from '../../test-utils/fixtures-cases';
import { makeProject } from '../../test-utils/fixtures-more';
import { renderWithProviders } from '../../test-utils/render';

const CASES = [
  makeCaseSummary(),
  makeCaseSummary({
    id: CASE_ID_2,
    reference: 'PAR-C-000046',
    personName: 'Lina Haddad',
    personNameOriginal: null,
    caseType: 'avrr_vot',
    sensitive: true,
    status: 'intake',
    assignedTo: null,
  }),
];
const BOB = makeUser({
  id: BOB_ID,
  memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' }],
});
const COMMS = makeUser({
  id: '45454545-4545-4545-8545-454545454545',
  displayName: 'Chloé Comms',
  memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'communications' }],
});

function routes(nextCursor: string | null = null) {
  return {
    'GET /api/cases': (request: { url: string }) =>
      jsonResponse(200, {
        items: request.url.includes('cursor=')
          ? [makeCaseSummary({ id: '8a8a8a8a-8a8a-48a8-88a8-8a8a8a8a8a8a', reference: 'PAR-C-000047' })]
          : CASES,
        nextCursor: request.url.includes('cursor=') ? null : nextCursor,
        countsByStatus: { travel_preparation: 3, intake: 5 },
        total: 8,
      }),
    'GET /api/projects': () => jsonResponse(200, { items: [makeProject()] }),
    'GET /api/users': () => jsonResponse(200, { items: [BOB, COMMS] }),
    'GET /api/cases/assignees': () => jsonResponse(200, { items: [{ id: BOB.id, name: BOB.displayName }] }),
  };
}

const caseRequests = (requests: { url: string }[]) => requests.filter((r) => r.url.startsWith('/api/cases?'));

describe('cases list', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows counts per status, the confidential badge, and builds the query from the filters', async () => {
    const { requests } = stubFetch(routes());
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/cases' });
    const table = await screen.findByRole('table', { name: 'Liste des dossiers' });
    expect(caseRequests(requests)[0]?.url).toBe('/api/cases?sort=updated_desc&limit=50');
    expect(screen.getByText('Dossiers correspondants : 8')).toBeTruthy();
    const sensitiveRow = within(table)
      .getByRole('link', { name: 'PAR-C-000046' })
      .closest('tr') as HTMLElement;
    expect(within(sensitiveRow).getByText('Confidentiel – traite')).toBeTruthy();
    expect(within(sensitiveRow).getByText('Non attribué')).toBeTruthy();

    const statuses = screen.getByRole('group', { name: 'Statuts (nombre de dossiers)' });
    await user.click(within(statuses).getByRole('checkbox', { name: 'Préparation du voyage : 3' }));
    await user.click(within(statuses).getByRole('checkbox', { name: 'Accueil : 5' }));
    const filters = screen.getByRole('search', { name: 'Filtrer les dossiers' });
    await user.selectOptions(within(filters).getByLabelText('Type de dossier'), 'avrr');
    await user.selectOptions(within(filters).getByLabelText('Attribué à'), 'me');
    await user.selectOptions(within(filters).getByLabelText('Trier par'), 'departure_asc');
    await user.click(within(filters).getByRole('button', { name: 'Plus de filtres' }));
    await user.selectOptions(within(filters).getByLabelText('Besoin spécifique'), 'TR-PI');
    await user.type(within(filters).getByLabelText('Départ à partir du'), '2025-03-01');

    await waitFor(() =>
      expect(caseRequests(requests).at(-1)?.url).toBe(
        '/api/cases?caseType=avrr&assignedTo=me&need=TR-PI&departureFrom=2025-03-01' +
          '&status=travel_preparation%2Cintake&sort=departure_asc&limit=50',
      ),
    );
    // Assignee options: me, nobody, and the people of the office who work on cases.
    const assignee = within(filters).getByLabelText('Attribué à');
    expect(within(assignee).getByRole('option', { name: 'Bob Diallo' })).toBeTruthy();
    expect(within(assignee).queryByRole('option', { name: 'Chloé Comms' })).toBeNull();
  }, 20_000);

  it('says, in a search, why each case’s person was found', async () => {
    stubFetch({
      ...routes(),
      'GET /api/cases': () =>
        jsonResponse(200, {
          items: [
            makeCaseSummary({
              personMatch: {
                score: 0.93,
                reasons: [{ code: 'name.transliteration', part: 'family', a: 'الحسن', b: 'Al-Hassan' }],
              },
            }),
          ],
          nextCursor: null,
          countsByStatus: { travel_preparation: 1 },
          total: 1,
        }),
    });
    renderWithProviders(<AppRoutes />, {
      me: makeSupervisor(),
      route: '/cases?q=%D8%A7%D9%84%D8%AD%D8%B3%D9%86',
    });
    const table = await screen.findByRole('table', { name: 'Liste des dossiers' });
    const why = within(table).getByRole('list', { name: 'Pourquoi ce résultat' });
    expect(within(why).getByText('Nom translittéré : الحسن ↔ Al-Hassan')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('loads more with the next cursor', async () => {
    const { requests } = stubFetch(routes('cursor-2'));
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/cases' });
    await user.click(await screen.findByRole('button', { name: 'Afficher plus de dossiers' }));
    expect(await screen.findByRole('link', { name: 'PAR-C-000047' })).toBeTruthy();
    expect(caseRequests(requests).at(-1)?.url).toBe('/api/cases?sort=updated_desc&cursor=cursor-2&limit=50');
    expect(screen.getByText('Tous les dossiers correspondants sont affichés.')).toBeTruthy();
  });

  it('assigns the selected cases to a user of their office', async () => {
    const { requests } = stubFetch({
      ...routes(),
      'POST /api/cases/bulk-assign': () => jsonResponse(200, { assigned: 2, notFound: [] }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/cases' });
    const table = await screen.findByRole('table', { name: 'Liste des dossiers' });
    await user.click(within(table).getByRole('checkbox', { name: 'Sélectionner le dossier PAR-C-000045' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Sélectionner le dossier PAR-C-000046' }));
    expect(screen.getByText('Dossiers sélectionnés : 2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Attribuer la sélection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attribuer les dossiers sélectionnés' });
    const select = await within(dialog).findByLabelText(/Attribuer à/);
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Bob Diallo' })).toBeTruthy());
    await user.selectOptions(select, BOB_ID);
    await user.click(within(dialog).getByRole('button', { name: 'Attribuer' }));

    await waitFor(() =>
      expect(requests.find((r) => r.url === '/api/cases/bulk-assign')?.body).toEqual({
        caseIds: [CASE_ID, CASE_ID_2],
        assigneeId: BOB_ID,
      }),
    );
    expect(requests.some((r) => r.url === `/api/cases/assignees?officeId=${PARIS_ID}`)).toBe(true);
    await waitFor(() => expect(screen.queryByText('Dossiers sélectionnés : 2')).toBeNull());
  });

  it('offers no selection without cases.assign', async () => {
    stubFetch(routes());
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route: '/cases' });
    const table = await screen.findByRole('table', { name: 'Liste des dossiers' });
    expect(within(table).queryByRole('checkbox')).toBeNull();
  });
});
