import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { makeMe, OFFICES, PARIS_ID } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';

describe('offices', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists offices with country names in the UI language', async () => {
    stubFetch({ 'GET /api/offices': () => jsonResponse(200, { items: OFFICES }) });
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/offices' });
    const table = await screen.findByRole('table', { name: 'Liste des bureaux' });
    expect(within(table).getByText('Sénégal')).toBeTruthy();
    expect(within(table).getByText('Pays d’origine')).toBeTruthy();
  });

  it('is read-only without offices.manage', async () => {
    stubFetch({ 'GET /api/offices': () => jsonResponse(200, { items: OFFICES }) });
    renderWithProviders(<AppRoutes />, { me: makeMe({ permissions: ['offices.read'] }), route: '/offices' });
    await screen.findByRole('table', { name: 'Liste des bureaux' });
    expect(screen.queryByRole('button', { name: 'Nouveau bureau' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Modifier le bureau/ })).toBeNull();
  });

  it('shows a version conflict in the edit dialog and reloads the current office', async () => {
    const current = { ...OFFICES[0], city: 'Saint-Denis', version: 2 };
    const { requests } = stubFetch({
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`PATCH /api/offices/${PARIS_ID}`]: () =>
        problem(409, 'version_conflict', 'Modifié entre-temps.', { current }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/offices' });
    await user.click(await screen.findByRole('button', { name: 'Modifier le bureau Paris' }));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText(/Nom/));
    await user.type(within(dialog).getByLabelText(/Nom/), 'Paris Nord');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    expect(await within(dialog).findByText('Quelqu’un d’autre a modifié cet enregistrement')).toBeTruthy();
    expect(within(dialog).getByText('Saint-Denis')).toBeTruthy();
    expect(within(dialog).getByText('Paris Nord')).toBeTruthy();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 1, name: 'Paris Nord' });

    await user.click(within(dialog).getByRole('button', { name: 'Charger la version actuelle' }));
    await waitFor(() =>
      expect((within(dialog).getByLabelText(/Ville/) as HTMLInputElement).value).toBe('Saint-Denis'),
    );
    expect((within(dialog).getByLabelText(/Nom/) as HTMLInputElement).value).toBe('Paris');
  });
});
