import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from './App';
import { seriousViolations } from './test-utils/axe';
import { jsonResponse, problem, stubFetch } from './test-utils/fetch';
import { DAKAR_ID, makeMe, makeUser, OFFICES, PARIS_ID } from './test-utils/fixtures';
import { makeSupervisor } from './test-utils/fixtures-cases';
import { renderWithProviders } from './test-utils/render';

const caseworker = makeMe({
  memberships: [
    { officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' },
    { officeId: DAKAR_ID, officeCode: 'DAKAR', officeName: 'Dakar', role: 'supervisor' },
  ],
  permissions: ['offices.read', 'users.read', 'projects.read'],
});

describe('application routes', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  it('shows only the navigation entries the permissions allow', async () => {
    stubFetch({});
    renderWithProviders(<AppRoutes />, { me: caseworker });
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual(['Accueil', 'Projets', 'Utilisateurs', 'Bureaux']);
    expect(within(nav).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows the registry, cases and tasks to those who work on cases', async () => {
    stubFetch({});
    renderWithProviders(<AppRoutes />, { me: makeSupervisor() });
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      'Accueil',
      'Registre',
      'Dossiers',
      'Mes tâches',
      'Projets',
      'Utilisateurs',
      'Bureaux',
    ]);
  });

  it('refuses the case pages without cases.read', async () => {
    stubFetch({});
    renderWithProviders(<AppRoutes />, { me: caseworker, route: '/cases' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
  });

  it('welcomes the user with their offices, roles and permissions in words', async () => {
    stubFetch({});
    renderWithProviders(<AppRoutes />, { me: caseworker });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bienvenue, Alice Martin' })).toBeTruthy();
    expect(screen.getByText('Consulter les comptes utilisateurs')).toBeTruthy();
    expect(screen.getAllByText('Chargé de dossiers').length).toBeGreaterThan(0);
  });

  it('lets the user pick their current office and remembers it', async () => {
    stubFetch({});
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: caseworker });
    const select = await screen.findByRole('combobox', { name: 'Bureau actuel' });
    await user.selectOptions(select, DAKAR_ID);
    expect(window.localStorage.getItem('passerelle.office')).toBe(DAKAR_ID);
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    stubFetch({ 'GET /api/auth/me': () => problem(401, 'unauthenticated', 'Non connecté.') });
    renderWithProviders(<AppRoutes />, { route: '/projects' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
  });

  it('forces the change-password screen first', async () => {
    stubFetch({});
    const me = makeMe({ user: { ...makeMe().user, mustChangePassword: true } });
    renderWithProviders(<AppRoutes />, { me, route: '/admin/users' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Changer de mot de passe' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('signs out with the CSRF token and returns to the sign-in page', async () => {
    const { requests } = stubFetch({ 'POST /api/auth/logout': () => jsonResponse(204, null) });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: caseworker });
    await user.click(await screen.findByRole('button', { name: 'Menu de Alice Martin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    const logout = requests.find((r) => r.url === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('switches the language, remembers it and updates <html lang>', async () => {
    stubFetch({});
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: caseworker });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Langue' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Alice Martin' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('passerelle.language')).toBe('en');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });

  it('shows a localised 404 page', async () => {
    stubFetch({});
    renderWithProviders(<AppRoutes />, { me: caseworker, route: '/nowhere' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeTruthy();
  });

  it('shows a localised message, not a blank page, when data cannot be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderWithProviders(<AppRoutes />, { me: caseworker, route: '/offices' });
    expect(await screen.findByText(/Le serveur est injoignable/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('has no serious accessibility violations on the users page', async () => {
    stubFetch({
      'GET /api/users': () => jsonResponse(200, { items: [makeUser()] }),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
    });
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/admin/users' });
    expect(await screen.findByRole('link', { name: 'Bob Diallo' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('has no serious accessibility violations on the sign-in page', async () => {
    stubFetch({ 'GET /api/auth/me': () => problem(401, 'unauthenticated', 'Non connecté.') });
    renderWithProviders(<AppRoutes />, { route: '/login' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
