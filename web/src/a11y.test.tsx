import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from './App';
import { seriousViolations } from './test-utils/axe';
import { jsonResponse, stubFetch } from './test-utils/fetch';
import { makeMe, makeUser, OFFICES } from './test-utils/fixtures';
import { makeAuditEvent, makeProject } from './test-utils/fixtures-more';
import { renderWithProviders } from './test-utils/render';

const BOB = makeUser({ signInDelayedUntil: '2099-01-01T00:00:00.000Z' });
const PENDING = {
  id: '55555555-5555-4555-8555-555555555555',
  user: { id: BOB.id, email: BOB.email, displayName: BOB.displayName },
  memberships: [...BOB.memberships, { ...BOB.memberships[0], role: 'administrator' }],
  currentMemberships: BOB.memberships,
  requestedBy: { id: '66666666-6666-4666-8666-666666666666', name: 'Chloé Bernard' },
  requestedAt: '2026-03-02T09:00:00.000Z',
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  comment: null,
};
const routes = {
  'GET /api/users': () => jsonResponse(200, { items: [BOB] }),
  [`GET /api/users/${BOB.id}`]: () => jsonResponse(200, BOB),
  'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
  'GET /api/membership-requests': () => jsonResponse(200, { items: [PENDING] }),
  'GET /api/projects': () => jsonResponse(200, { items: [makeProject()] }),
  'GET /api/audit': () => jsonResponse(200, { items: [makeAuditEvent(10)], nextBefore: 10 }),
};

/** Structural accessibility (axe in jsdom: no colour contrast here) of every screen and dialog. */
describe('accessibility', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each([
    ['/', 'Bienvenue, Alice Martin', 'Consulter les bureaux'],
    ['/projects', 'Projets', 'AVRR-SN'],
    ['/admin/users', 'Utilisateurs', '1 changement de rôles en attente d’approbation'],
    [`/admin/users/${BOB.id}`, 'Bob Diallo', 'Lever les ralentissements de connexion'],
    ['/offices', 'Bureaux', 'Dakar'],
    ['/audit', 'Journal d’audit', 'user.updated'],
    ['/account/password', 'Changer de mot de passe', 'Mot de passe actuel'],
    ['/nowhere', 'Page introuvable', 'Retour à l’accueil'],
  ])('%s has no serious violations', async (route, heading, content) => {
    stubFetch(routes);
    renderWithProviders(<AppRoutes />, { me: makeMe(), route });
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
    // Wait for the page's data, not just its heading.
    expect((await screen.findAllByText(content)).length).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it('the create-user dialog with errors has no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/admin/users' });
    await user.click(await screen.findByRole('button', { name: 'Nouvel utilisateur' }));
    await user.click(await screen.findByRole('button', { name: 'Ajouter une affectation' }));
    await user.click(screen.getByRole('button', { name: 'Créer' }));
    await screen.findAllByText('Ce champ est obligatoire.');
    expect(await seriousViolations()).toEqual([]);
  });

  it('the edit-office dialog has no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/offices' });
    await user.click(await screen.findByRole('button', { name: 'Modifier le bureau Paris' }));
    await screen.findByRole('dialog');
    expect(await seriousViolations()).toEqual([]);
  });

  it('the user menu has no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/' });
    await user.click(await screen.findByRole('button', { name: 'Menu de Alice Martin' }));
    await screen.findByRole('menuitem', { name: 'Se déconnecter' });
    expect(await seriousViolations()).toEqual([]);
  });
});
