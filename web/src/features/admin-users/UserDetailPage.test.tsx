import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { makeMe, makeUser, OFFICES } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';

const BOB = makeUser();
const route = `/admin/users/${BOB.id}`;

describe('user detail', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('saves only the changed profile fields, with the version', async () => {
    const { requests } = stubFetch({
      [`GET /api/users/${BOB.id}`]: () => jsonResponse(200, BOB),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`PATCH /api/users/${BOB.id}`]: () => jsonResponse(200, { ...BOB, displayName: 'Bob D.', version: 3 }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route });
    const profile = await screen.findByRole('region', { name: 'Profil' });
    const name = within(profile).getByLabelText(/Nom affiché/);
    await user.clear(name);
    await user.type(name, 'Bob D.');
    await user.click(within(profile).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 2, displayName: 'Bob D.' });
  });

  it('shows what changed on a version conflict and reloads on request, never overwriting', async () => {
    const theirs = { ...BOB, displayName: 'Robert Diallo', version: 5 };
    const { requests } = stubFetch({
      [`GET /api/users/${BOB.id}`]: () => jsonResponse(200, BOB),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`PATCH /api/users/${BOB.id}`]: () =>
        problem(409, 'version_conflict', 'Cet enregistrement a été modifié entre-temps.', {
          current: theirs,
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route });
    const profile = await screen.findByRole('region', { name: 'Profil' });
    const name = within(profile).getByLabelText(/Nom affiché/);
    await user.clear(name);
    await user.type(name, 'Bobby');
    await user.click(within(profile).getByRole('button', { name: 'Enregistrer' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Quelqu’un d’autre a modifié cet enregistrement',
    });
    const row = within(dialog).getByRole('rowheader', { name: 'Nom affiché' }).closest('tr');
    expect(row?.textContent).toContain('Bob Diallo');
    expect(row?.textContent).toContain('Robert Diallo');
    expect(row?.textContent).toContain('Bobby');

    await user.click(within(dialog).getByRole('button', { name: 'Charger la version actuelle' }));
    await waitFor(() =>
      expect((within(profile).getByLabelText(/Nom affiché/) as HTMLInputElement).value).toBe('Robert Diallo'),
    );
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('resets a password and shows the temporary password', async () => {
    stubFetch({
      [`GET /api/users/${BOB.id}`]: () => jsonResponse(200, BOB),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`POST /api/users/${BOB.id}/reset-password`]: () =>
        jsonResponse(200, {
          user: { ...BOB, mustChangePassword: true, version: 3 },
          temporaryPassword: 'plum-7',
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route });
    const account = await screen.findByRole('region', { name: 'Compte et sécurité' });
    await user.click(within(account).getByRole('button', { name: 'Réinitialiser le mot de passe' }));
    const confirm = await screen.findByRole('dialog', { name: 'Réinitialiser le mot de passe' });
    await user.click(within(confirm).getByRole('button', { name: 'Réinitialiser le mot de passe' }));
    const shown = await screen.findByRole('dialog', { name: 'Mot de passe temporaire' });
    expect((within(shown).getByLabelText('Mot de passe temporaire') as HTMLInputElement).value).toBe(
      'plum-7',
    );
  });
});
