import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from './App';
import { seriousViolations } from './test-utils/axe';
import { jsonResponse, stubFetch } from './test-utils/fetch';
import { makeMe, makeUser, OFFICES } from './test-utils/fixtures';
import {
  CONTENT_ID,
  FIGURES,
  makeCommunications,
  makeContentItem,
  makeRevisions,
  makeSummary,
} from './test-utils/fixtures-content';
import { makeAuditEvent, makeProject } from './test-utils/fixtures-more';
import {
  CARE_ID,
  CATALOGUE,
  makeCareProject,
  makeDonor,
  makeFramework,
  makePortfolio,
  makeProjectManager,
  makeReport,
  VIEWERS,
} from './test-utils/fixtures-reporting';
import './test-utils/prosemirror';
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

const contentRoutes = {
  'GET /api/content': () => jsonResponse(200, { items: [makeSummary()], total: 1 }),
  [`GET /api/content/${CONTENT_ID}`]: () =>
    jsonResponse(
      200,
      makeContentItem({ status: 'approved', publishedRevision: 2, publishedAt: '2026-03-01T10:00:00.000Z' }),
    ),
  [`GET /api/content/${CONTENT_ID}/revisions`]: () => jsonResponse(200, makeRevisions()),
  'GET /api/content/figures': () => jsonResponse(200, FIGURES),
  'GET /api/projects': () => jsonResponse(200, { items: [makeProject()] }),
};

const reportingRoutes = {
  'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
  'GET /api/reporting/portfolio': () => jsonResponse(200, makePortfolio()),
  'GET /api/reporting/catalogue': () => jsonResponse(200, CATALOGUE),
  [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
  [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, makeFramework()),
  [`GET /api/projects/${CARE_ID}/report`]: () => jsonResponse(200, makeReport()),
  [`GET /api/projects/${CARE_ID}/report-exports`]: () => jsonResponse(200, []),
  [`GET /api/projects/${CARE_ID}/report-viewers`]: () => jsonResponse(200, VIEWERS),
  'GET /api/donor/projects': () =>
    jsonResponse(200, [
      {
        id: CARE_ID,
        code: 'CARE',
        name: 'CARE – Tailored reintegration of victims of trafficking',
        donor: 'Union européenne',
        startDate: '2013-09-01',
        endDate: '2015-12-31',
      },
    ]),
  [`GET /api/donor/projects/${CARE_ID}/report`]: () => jsonResponse(200, makeReport({ shared: true })),
  [`GET /api/donor/projects/${CARE_ID}/exports`]: () => jsonResponse(200, []),
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

  it.each([
    ['/reporting', 'Rapports', 'CARE : tableau de bord', 'pm'],
    [`/projects/${CARE_ID}/reporting`, 'CARE · Rapports au bailleur', 'Ce que ce chiffre compte', 'pm'],
    [
      `/projects/${CARE_ID}/reporting/framework`,
      'CARE · Rapports au bailleur',
      'Vérifier la signature',
      'pm',
    ],
    [`/projects/${CARE_ID}/reporting/values`, 'CARE · Rapports au bailleur', 'presence.pdf (2 ko)', 'pm'],
    [`/projects/${CARE_ID}/reporting/access`, 'CARE · Rapports au bailleur', 'Ingrid Larsen', 'pm'],
    ['/donor', 'Projets financés', 'CARE', 'donor'],
    [`/donor/projects/${CARE_ID}`, 'CARE · Rapports au bailleur', 'Ce que ce chiffre compte', 'donor'],
  ])(
    'reporting: %s has no serious violations',
    async (route, heading, content, who) => {
      stubFetch(reportingRoutes);
      renderWithProviders(<AppRoutes />, { me: who === 'donor' ? makeDonor() : makeProjectManager(), route });
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
      expect((await screen.findAllByText(content)).length).toBeGreaterThan(0);
      expect(await seriousViolations()).toEqual([]);
    },
    15_000,
  );

  it.each([
    ['/content', 'Site public', 'Situation à Calais'],
    ['/content/new', 'Nouveau contenu', 'Créer le brouillon'],
    [`/content/${CONTENT_ID}`, 'Situation à Calais', 'Historique des révisions'],
  ])(
    'public site content: %s has no serious violations',
    async (route, heading, content) => {
      stubFetch(contentRoutes);
      renderWithProviders(<AppRoutes />, { me: makeCommunications(), route });
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
      expect((await screen.findAllByText(content)).length).toBeGreaterThan(0);
      expect(await seriousViolations()).toEqual([]);
    },
    15_000,
  );

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
