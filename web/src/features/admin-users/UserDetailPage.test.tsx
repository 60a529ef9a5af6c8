import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { DAKAR_ID, makeMe, makeUser, OFFICES } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';

const BOB = makeUser();
const route = `/admin/users/${BOB.id}`;

describe('user detail', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a change of roles awaiting approval and lets another administrator approve it', async () => {
    const asked = {
      id: '55555555-5555-4555-8555-555555555555',
      memberships: [
        { officeId: DAKAR_ID, officeCode: 'DAKAR', officeName: 'Dakar', role: 'administrator' as const },
        { officeId: DAKAR_ID, officeCode: 'DAKAR', officeName: 'Dakar', role: 'supervisor' as const },
      ],
      requestedBy: { id: '66666666-6666-4666-8666-666666666666', name: 'Chloé Bernard' },
      requestedAt: '2026-03-02T09:00:00.000Z',
    };
    const pending = { ...BOB, pendingMembershipChange: asked };
    const { requests } = stubFetch({
      [`GET /api/users/${BOB.id}`]: () => jsonResponse(200, pending),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`POST /api/membership-requests/${asked.id}/approve`]: () =>
        jsonResponse(200, {
          ...asked,
          user: { id: BOB.id, email: BOB.email, displayName: BOB.displayName },
          currentMemberships: asked.memberships,
          status: 'approved',
          decidedBy: { id: '33333333-3333-4333-8333-333333333333', name: 'Alice Martin' },
          decidedAt: '2026-03-02T10:00:00.000Z',
          comment: null,
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route });
    const roles = await screen.findByRole('region', { name: 'Bureaux et rôles' });
    const alert = within(roles).getByRole('alert');
    expect(alert.textContent).toContain('Changement de rôles en attente d’un second administrateur');
    expect(alert.textContent).toContain('Chloé Bernard');
    expect(alert.textContent).toContain('Dakar');
    await user.click(within(alert).getByRole('button', { name: 'Approuver' }));
    await waitFor(() =>
      expect(requests.some((r) => r.url.endsWith(`/membership-requests/${asked.id}/approve`))).toBe(true),
    );
    // The account is read again, to show its new roles.
    await waitFor(() => expect(requests.filter((r) => r.url.endsWith(`/users/${BOB.id}`)).length).toBe(2));
  });

  it('offers only to withdraw a change one asked for oneself', async () => {
    const asked = {
      id: '55555555-5555-4555-8555-555555555555',
      memberships: [
        { officeId: DAKAR_ID, officeCode: 'DAKAR', officeName: 'Dakar', role: 'administrator' as const },
      ],
      requestedBy: { id: '33333333-3333-4333-8333-333333333333', name: 'Alice Martin' },
      requestedAt: '2026-03-02T09:00:00.000Z',
    };
    stubFetch({
      [`GET /api/users/${BOB.id}`]: () => jsonResponse(200, { ...BOB, pendingMembershipChange: asked }),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
    });
    renderWithProviders(<AppRoutes />, { me: makeMe(), route });
    const roles = await screen.findByRole('region', { name: 'Bureaux et rôles' });
    const alert = within(roles).getByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Approuver' })).toBeNull();
    expect(within(alert).getByRole('button', { name: 'Retirer la demande' })).toBeTruthy();
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
