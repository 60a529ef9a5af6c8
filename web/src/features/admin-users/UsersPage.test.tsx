import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { DAKAR_ID, makeMe, makeUser, OFFICES } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';

const NEW_USER = makeUser({
  id: '66666666-6666-4666-8666-666666666666',
  email: 'carla@example.org',
  displayName: 'Carla Ndiaye',
  mustChangePassword: true,
});

async function openCreateForm() {
  const user = userEvent.setup();
  renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/admin/users' });
  await user.click(await screen.findByRole('button', { name: 'Nouvel utilisateur' }));
  const dialog = await screen.findByRole('dialog', { name: 'Créer un utilisateur' });
  await user.type(within(dialog).getByLabelText(/Adresse e-mail/), 'Carla@Example.org');
  await user.type(within(dialog).getByLabelText(/Nom affiché/), 'Carla Ndiaye');
  await user.click(within(dialog).getByRole('button', { name: 'Ajouter une affectation' }));
  const row = within(dialog).getByRole('group', { name: 'Affectation 1' });
  await user.selectOptions(within(row).getByLabelText(/Bureau/), DAKAR_ID);
  await user.selectOptions(within(row).getByLabelText(/Rôle/), 'caseworker');
  return { user, dialog };
}

describe('users administration', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('filters the list through the API', async () => {
    const { requests } = stubFetch({
      'GET /api/users': () => jsonResponse(200, { items: [makeUser()] }),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/admin/users' });
    await screen.findByRole('link', { name: 'Bob Diallo' });
    await user.selectOptions(screen.getByLabelText('Statut'), 'disabled');
    await waitFor(() => expect(requests.some((r) => r.url === '/api/users?status=disabled')).toBe(true));
  });

  it('creates a user and shows the temporary password once', async () => {
    const { requests } = stubFetch({
      'GET /api/users': () => jsonResponse(200, { items: [] }),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      'POST /api/users': () => jsonResponse(201, { user: NEW_USER, temporaryPassword: 'tangerine-otter-42' }),
    });
    const { user, dialog } = await openCreateForm();
    await user.click(within(dialog).getByRole('button', { name: 'Créer' }));

    const passwordDialog = await screen.findByRole('dialog', { name: 'Mot de passe temporaire' });
    expect((within(passwordDialog).getByLabelText('Mot de passe temporaire') as HTMLInputElement).value).toBe(
      'tangerine-otter-42',
    );
    expect(within(passwordDialog).getByRole('button', { name: 'Copier le mot de passe' })).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url === '/api/users');
    expect(post?.body).toEqual({
      email: 'carla@example.org',
      displayName: 'Carla Ndiaye',
      locale: 'fr',
      memberships: [{ officeId: DAKAR_ID, role: 'caseworker' }],
    });
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');

    await user.click(within(passwordDialog).getByRole('button', { name: 'J’ai noté le mot de passe' }));
    await waitFor(() => expect(screen.queryByLabelText('Mot de passe temporaire')).toBeNull());
  });

  it('shows server errors next to the membership field they name', async () => {
    stubFetch({
      'GET /api/users': () => jsonResponse(200, { items: [] }),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      'POST /api/users': () =>
        problem(422, 'validation_failed', 'Certaines valeurs sont invalides.', {
          errors: [
            {
              path: 'memberships.0.role',
              code: 'role_not_allowed',
              message: 'Ce rôle est réservé au siège.',
            },
            { path: 'email', code: 'email_taken', message: 'Cette adresse est déjà utilisée.' },
          ],
        }),
    });
    const { user, dialog } = await openCreateForm();
    await user.click(within(dialog).getByRole('button', { name: 'Créer' }));

    expect(await within(dialog).findByText('Ce rôle est réservé au siège.')).toBeTruthy();
    expect(within(dialog).getByText('Cette adresse est déjà utilisée.')).toBeTruthy();
    const row = within(dialog).getByRole('group', { name: 'Affectation 1' });
    expect(within(row).getByLabelText(/Rôle/).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('alert').textContent).toContain('Certaines valeurs sont invalides.');
  });

  it('hides editing controls without users.manage', async () => {
    stubFetch({ 'GET /api/users': () => jsonResponse(200, { items: [makeUser()] }) });
    const reader = makeMe({ permissions: ['users.read'] });
    renderWithProviders(<AppRoutes />, { me: reader, route: '/admin/users' });
    await screen.findByRole('link', { name: 'Bob Diallo' });
    expect(screen.queryByRole('button', { name: 'Nouvel utilisateur' })).toBeNull();
    // Without offices.read there is no office filter either.
    expect(screen.queryByLabelText('Bureau')).toBeNull();
  });
});
