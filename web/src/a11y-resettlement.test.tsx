import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from './App';
import { seriousViolations } from './test-utils/axe';
import { jsonResponse, stubFetch } from './test-utils/fetch';
import { CASE_ID, makePersonDetail, PERSON_ID } from './test-utils/fixtures-cases';
import {
  BATCH_ID,
  LINA_ID,
  MOVEMENT_ID,
  makeBatch,
  makeFunnel,
  makeHousehold,
  makeMovement,
  makePipeline,
  makeResettlementCase,
  makeResettlementProject,
  makeResettlementSupervisor,
  makeSession,
} from './test-utils/fixtures-resettlement';
import { renderWithProviders } from './test-utils/render';

const routes = {
  'GET /api/projects': () => jsonResponse(200, { items: [makeResettlementProject()] }),
  'GET /api/resettlement/pipeline': () => jsonResponse(200, makePipeline()),
  'GET /api/resettlement/funnel': () => jsonResponse(200, makeFunnel()),
  'GET /api/resettlement/batches': () => jsonResponse(200, { items: [makeBatch()] }),
  [`GET /api/resettlement/batches/${BATCH_ID}`]: () => jsonResponse(200, makeBatch()),
  'GET /api/resettlement/movements': () => jsonResponse(200, { items: [makeMovement()] }),
  [`GET /api/resettlement/movements/${MOVEMENT_ID}`]: () => jsonResponse(200, makeMovement()),
  'GET /api/resettlement/orientation-sessions': () => jsonResponse(200, { items: [makeSession()] }),
  [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, makeResettlementCase('identification', [])),
  [`GET /api/cases/${CASE_ID}/resettlement`]: () => jsonResponse(200, makeHousehold()),
  [`GET /api/persons/${PERSON_ID}`]: () =>
    jsonResponse(
      200,
      makePersonDetail({
        household: [
          {
            personId: PERSON_ID,
            name: 'Samir Haddad',
            relationship: 'principal',
            sex: 'male',
            birthDate: null,
          },
          {
            personId: LINA_ID,
            name: 'Lina Haddad',
            relationship: 'child',
            sex: 'female',
            birthDate: '2015-09-15',
          },
        ],
      }),
    ),
  'GET /api/offices': () => jsonResponse(200, { items: [] }),
};

/** Structural accessibility of the resettlement screens and their main dialogs (axe in jsdom). */
describe('accessibility of resettlement', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each([
    ['/resettlement', 'Ménages en cours', 'Mariam Khalil'],
    ['/resettlement/funnel', 'Entonnoir de la réinstallation', 'Vérification'],
    ['/resettlement/batches', 'Lots de soumission', 'SUB-2026-0001'],
    [`/resettlement/batches/${BATCH_ID}`, 'Lot SUB-2026-0001', 'Samir Haddad'],
    ['/resettlement/movements', 'Mouvements', 'MOV-2026-0001'],
    [`/resettlement/movements/${MOVEMENT_ID}`, 'Mouvement MOV-2026-0001', 'TK827'],
    [`/cases/${CASE_ID}?tab=resettlement`, 'PAR-C-000045', 'LEB-24C10001'],
  ])(
    '%s has no serious violations',
    async (route, heading, content) => {
      stubFetch(routes);
      renderWithProviders(<AppRoutes />, { me: makeResettlementSupervisor(), route });
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
      expect((await screen.findAllByText(content)).length).toBeGreaterThan(0);
      expect(await seriousViolations()).toEqual([]);
    },
    15_000,
  );

  it('the new movement dialog, with its errors, has no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      me: makeResettlementSupervisor(),
      route: '/resettlement/movements',
    });
    await user.click(await screen.findByRole('button', { name: 'Nouveau mouvement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau mouvement' });
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter une escorte' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await within(dialog).findAllByText('Ce champ est obligatoire.');
    expect(await seriousViolations()).toEqual([]);
  }, 30_000);

  it('the attendance and referral dialogs have no serious violations', async () => {
    stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      me: makeResettlementSupervisor(),
      route: `/cases/${CASE_ID}?tab=resettlement`,
    });
    const orientation = await screen.findByRole('region', { name: 'Orientation avant le départ' });
    await user.click(within(orientation).getByRole('button', { name: 'Enregistrer une présence' }));
    const attendance = await screen.findByRole('dialog', { name: 'Présence à une session d’orientation' });
    await within(attendance).findByText(/Beyrouth \(arabe, Nour Saleh\)/);
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(attendance).getByRole('button', { name: 'Annuler' }));
    cleanup();

    stubFetch({
      ...routes,
      [`GET /api/cases/${CASE_ID}`]: () =>
        jsonResponse(
          200,
          makeResettlementCase('identification', [{ to: 'verification', action: 'record_referral' }]),
        ),
      [`GET /api/cases/${CASE_ID}/resettlement`]: () =>
        jsonResponse(
          200,
          makeHousehold({ status: 'identification', referral: null, members: [], blockers: [] }),
        ),
    });
    renderWithProviders(<AppRoutes />, {
      me: makeResettlementSupervisor(),
      route: `/cases/${CASE_ID}?tab=resettlement`,
    });
    const steps = await screen.findByRole('region', { name: 'Étape et actions' });
    await user.click(within(steps).getByRole('button', { name: 'Enregistrer la référence' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer la référence' });
    await within(dialog).findByRole('table', { name: 'Membres proposés' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la référence' }));
    await within(dialog).findByText('Joignez le fichier : Document de référence.');
    expect(await seriousViolations()).toEqual([]);
  }, 30_000);
});
