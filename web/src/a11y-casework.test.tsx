import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from './App';
import { seriousViolations } from './test-utils/axe';
import { jsonResponse, stubFetch } from './test-utils/fetch';
import { makeUser, PARIS_ID } from './test-utils/fixtures';
import {
  BOB_ID,
  CASE_ID,
  makeCaseDetail,
  makeCaseSummary,
  makePersonDetail,
  makePersonSummary,
  makeSupervisor,
  makeTask,
  PERSON_ID,
} from './test-utils/fixtures-cases';
import { makeMatch, makeMergeRecord } from './test-utils/fixtures-duplicates';
import { makeProject } from './test-utils/fixtures-more';
import { renderWithProviders } from './test-utils/render';

const BOB = makeUser({
  id: BOB_ID,
  memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' }],
});
const PERSON = makePersonDetail({
  householdId: 'fafafafa-fafa-4faf-8faf-fafafafafafa',
  relationship: 'spouse',
  household: [
    {
      personId: PERSON_ID,
      name: 'Amina Haddad',
      relationship: 'spouse',
      sex: 'female',
      birthDate: '1990-01-01',
    },
    {
      personId: '7a7a7a7a-7a7a-47a7-87a7-7a7a7a7a7a7a',
      name: 'Karim Haddad',
      relationship: 'principal',
      sex: 'male',
      birthDate: null,
    },
  ],
});
const PENDING = makeCaseDetail({
  sensitive: true,
  pendingTransition: {
    to: 'ready_to_travel',
    requestedByName: 'Bob Diallo',
    requestedAt: '2025-02-07T10:00:00.000Z',
    comment: 'À valider.',
  },
});
const routes = {
  'GET /api/persons': () =>
    jsonResponse(200, {
      items: [
        makePersonSummary(),
        makePersonSummary({ id: '7a7a7a7a-7a7a-47a7-87a7-7a7a7a7a7a7a', givenName: 'Karim' }),
      ],
    }),
  [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, PERSON),
  [`GET /api/persons/${PERSON_ID}/cases`]: () => jsonResponse(200, { items: [makeCaseSummary()] }),
  'GET /api/cases': () =>
    jsonResponse(200, {
      items: [
        makeCaseSummary(),
        makeCaseSummary({
          id: '8b8b8b8b-8b8b-48b8-88b8-8b8b8b8b8b8b',
          reference: 'PAR-C-000099',
          sensitive: true,
        }),
      ],
      nextCursor: 'next',
      countsByStatus: { travel_preparation: 2 },
      total: 40,
    }),
  [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, PENDING),
  'GET /api/tasks': () =>
    jsonResponse(200, {
      items: [
        makeTask(),
        makeTask({
          id: '9b9b9b9b-9b9b-49b9-89b9-9b9b9b9b9b9b',
          title: 'Appeler',
          overdue: false,
          dueDate: null,
        }),
      ],
    }),
  'GET /api/users': () => jsonResponse(200, { items: [BOB] }),
  'GET /api/cases/assignees': () => jsonResponse(200, { items: [{ id: BOB.id, name: BOB.displayName }] }),
  'GET /api/projects': () => jsonResponse(200, { items: [makeProject()] }),
  'POST /api/persons': () => jsonResponse(200, { matches: [makeMatch()] }),
  [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [makeMatch()] }),
  [`GET /api/persons/${PERSON_ID}/merges`]: () => jsonResponse(200, { items: [makeMergeRecord()] }),
};

/** Structural accessibility of the registry and case screens and their dialogs (axe in jsdom). */
describe('accessibility of casework', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each([
    ['/registry', 'Registre des personnes', 'PAR-P-000123'],
    [`/registry/${PERSON_ID}`, 'Amina Haddad', 'Karim Haddad'],
    ['/cases', 'Dossiers', 'PAR-C-000099'],
    [`/cases/${CASE_ID}`, 'PAR-C-000045', 'declaration.pdf'],
    ['/tasks', 'Mes tâches', 'Réserver le billet'],
  ])(
    '%s has no serious violations',
    async (route, heading, content) => {
      stubFetch(routes);
      renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
      expect((await screen.findAllByText(content)).length).toBeGreaterThan(0);
      if (route.startsWith('/registry/')) {
        // The possible duplicates and the merge history are part of the page.
        await screen.findByRole('list', { name: 'Fiches qui ressemblent à celle-ci' });
        await screen.findByRole('table', { name: 'Fiches fusionnées dans celle-ci' });
      }
      expect(await seriousViolations()).toEqual([]);
    },
    15_000,
  );

  it('the registration dialog, with errors and then with matches, has no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/registry' });
    await user.click(await screen.findByRole('button', { name: 'Enregistrer une personne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une personne' });
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter un alias' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await within(dialog).findAllByText('Ce champ est obligatoire.');
    expect(await seriousViolations()).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Prénom\(s\)\s*\*?$/), 'Amina');
    await user.type(within(dialog).getByLabelText(/^Nom de famille\s*\*?$/), 'Haddad');
    await user.selectOptions(within(dialog).getByLabelText(/^Sexe/), 'female');
    await user.click(within(dialog).getByRole('button', { name: 'Retirer l’alias 1' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await within(dialog).findByRole('list', { name: 'Correspondances possibles' });
    expect(await seriousViolations()).toEqual([]);
  }, 30_000);

  it('the transition and approval dialogs have no serious violations', async () => {
    stubFetch({
      ...routes,
      [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, makeCaseDetail()),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: `/cases/${CASE_ID}` });
    await user.click(await screen.findByRole('button', { name: 'Passer à : Prêt au départ' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await within(dialog).findAllByText('Ce champ est obligatoire.');
    expect(await seriousViolations()).toEqual([]);
  });

  it('the household, document and bulk-assign dialogs have no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: `/registry/${PERSON_ID}` });
    await user.click(await screen.findByRole('button', { name: 'Changer de ménage' }));
    const household = await screen.findByRole('dialog', { name: 'Rattacher à un ménage' });
    await user.type(within(household).getByLabelText('Rechercher la personne principale'), 'Hadd');
    await within(household).findByRole('button', { name: /Choisir Karim Haddad/ });
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(household).getByRole('button', { name: 'Annuler' }));

    await user.click(screen.getByRole('button', { name: 'Ajouter un document' }));
    await screen.findByRole('dialog', { name: 'Ajouter un document d’identité' });
    expect(await seriousViolations()).toEqual([]);
    cleanup();

    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/cases' });
    await user.click(
      await screen.findByRole('checkbox', { name: 'Sélectionner tous les dossiers affichés' }),
    );
    await user.click(screen.getByRole('button', { name: 'Attribuer la sélection' }));
    const bulk = await screen.findByRole('dialog', { name: 'Attribuer les dossiers sélectionnés' });
    await within(bulk).findByRole('option', { name: 'Bob Diallo' });
    expect(await seriousViolations()).toEqual([]);
  }, 30_000);
});
