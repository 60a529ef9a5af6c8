import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { CASE_ID } from '../../test-utils/fixtures-cases';
import {
  BOOKING_ID,
  LINA_ID,
  MOVEMENT_ID,
  makeHousehold,
  makeMovement,
  makePipeline,
  makeResettlementCaseworker,
  makeResettlementSupervisor,
  OTHER_CASE_ID,
  SAMIR_ID,
} from '../../test-utils/fixtures-resettlement';
import { renderWithProviders } from '../../test-utils/render';
import type { MovementView } from './api';

const route = `/resettlement/movements/${MOVEMENT_ID}`;
const path = `/api/resettlement/movements/${MOVEMENT_ID}`;

function stub(movement: MovementView, extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET ${path}`]: () => jsonResponse(200, movement),
    'GET /api/resettlement/pipeline': () => jsonResponse(200, makePipeline()),
    [`GET /api/cases/${CASE_ID}/resettlement`]: () => jsonResponse(200, makeHousehold()),
    [`GET /api/cases/${OTHER_CASE_ID}/resettlement`]: () =>
      jsonResponse(200, makeHousehold({ caseId: OTHER_CASE_ID, caseReference: 'PAR-C-000046', version: 5 })),
    ...extra,
  });
}

const region = (name: string) => screen.findByRole('region', { name }, { timeout: 5000 });

async function openBooking(user: ReturnType<typeof userEvent.setup>, caseId: string) {
  await user.click(
    within(await region('Ménages réservés')).getByRole('button', { name: 'Réserver un ménage' }),
  );
  const dialog = await screen.findByRole('dialog', { name: 'Réserver un ménage sur MOV-2026-0001' });
  await user.selectOptions(await within(dialog).findByLabelText(/^Ménage/), caseId);
  return dialog;
}

describe('the movement page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows seats, legs and the passengers booked; the manifest masked for a caseworker', async () => {
    stub(makeMovement());
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mouvement MOV-2026-0001' })).toBeTruthy();
    const summary = await region('Le mouvement');
    expect(within(summary).getByText('2 prises sur 3 (1 libres)')).toBeTruthy();
    const passengers = await screen.findByRole('list', { name: 'Passagers de PAR-C-000045' });
    expect(
      within(passengers)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Samir Haddad — une place — Embarquement à venir',
      'Lina Haddad — une place — Embarquement à venir',
    ]);
    // Boarding waits for the departure day.
    expect(
      screen.getByText('L’embarquement s’enregistre à partir du jour du départ (20 avril 2099).'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer l’embarquement' })).toBeNull();
    const manifest = await region('Manifeste');
    expect(within(manifest).queryByRole('checkbox')).toBeNull();
    expect(
      within(manifest).getByRole('link', { name: 'Télécharger le manifeste (PDF)' }).getAttribute('href'),
    ).toBe(`${path}/manifest.pdf`);
    expect(await seriousViolations()).toEqual([]);
  });

  it('lets a supervisor print whole numbers on the manifest', async () => {
    stub(makeMovement());
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementSupervisor(), route });
    const manifest = await region('Manifeste');
    await user.click(within(manifest).getByRole('checkbox', { name: /Imprimer les numéros complets/ }));
    expect(
      within(manifest).getByRole('link', { name: 'Télécharger le manifeste (Excel)' }).getAttribute('href'),
    ).toBe(`${path}/manifest.xlsx?numbers=full`);
  });

  it('says why a booking is refused for a member’s papers, and what to do', async () => {
    const { requests } = stub(makeMovement({ bookings: [], seatsUsed: 0 }), {
      [`POST ${path}/bookings`]: () =>
        problem(
          422,
          'movement_validity',
          'Les documents ou l’aptitude au voyage d’un membre ne couvrent pas le vol du 20 avril 2099 (les champs disent lesquels).',
          {
            errors: [
              {
                path: 'members.1.visa',
                code: 'expired',
                message: 'Lina Haddad: Expiré le 28 février 2026.',
              },
            ],
          },
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const dialog = await openBooking(user, CASE_ID);
    // The pipeline already says it.
    expect(within(dialog).getByText('Lina Haddad — visa : expirée le 28 février 2026')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Réserver' }));
    expect(await within(dialog).findByText(/ne couvrent pas le vol du 20 avril 2099/)).toBeTruthy();
    expect(within(dialog).getByText('Lina Haddad: Expiré le 28 février 2026.')).toBeTruthy();
    expect(within(dialog).getByText(/Enregistrez un nouveau visa/)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Ouvrir le ménage' }).getAttribute('href')).toBe(
      `/cases/${CASE_ID}?tab=resettlement#rst-clearances`,
    );
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      version: 4,
      caseId: CASE_ID,
      caseVersion: 9,
    });
    expect(await seriousViolations()).toEqual([]);
  });

  it('says when the seats would run out, and what to do', async () => {
    stub(makeMovement({ bookings: [] }), {
      [`POST ${path}/bookings`]: () =>
        problem(409, 'movement_over_capacity', 'Places insuffisantes : 2 places prises sur 3, il en faut 1.'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const dialog = await openBooking(user, CASE_ID);
    await user.click(within(dialog).getByRole('button', { name: 'Réserver' }));
    expect(
      await within(dialog).findByText('Places insuffisantes : 2 places prises sur 3, il en faut 1.'),
    ).toBeTruthy();
    expect(within(dialog).getByText(/Augmentez le nombre de places du mouvement/)).toBeTruthy();
  });

  it('records boarding on the departure day, a no-show only with its reason', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { requests } = stub(makeMovement({ departureDate: today }), {
      [`PUT ${path}/boarding`]: () => jsonResponse(200, makeMovement({ status: 'departed', version: 5 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Ménages réservés')).getByRole('button', { name: 'Enregistrer l’embarquement' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Embarquement – MOV-2026-0001' });
    const household = within(dialog).getByRole('radiogroup', { name: /PAR-C-000045/ });
    await user.click(within(household).getByRole('radio', { name: 'Non présenté' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’embarquement' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    await user.type(within(dialog).getByLabelText(/^Motif de l’absence/), 'Hospitalisé');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’embarquement' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      version: 4,
      passengers: [
        { personId: SAMIR_ID, status: 'no_show', reason: 'Hospitalisé' },
        { personId: LINA_ID, status: 'no_show', reason: 'Hospitalisé' },
      ],
    });
  });

  it('unbooks a household with a reason and the household’s version', async () => {
    const { requests } = stub(makeMovement(), {
      [`POST ${path}/bookings/${BOOKING_ID}/cancel`]: () =>
        jsonResponse(200, makeMovement({ bookings: [], seatsUsed: 0, version: 5 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Ménages réservés')).getByRole('button', {
        name: 'Annuler la réservation de PAR-C-000045',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Annuler la réservation de PAR-C-000045' });
    await user.type(within(dialog).getByLabelText(/^Motif/), 'Vol reporté');
    await user.click(within(dialog).getByRole('button', { name: 'Annuler la réservation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      version: 4,
      caseVersion: 9,
      reason: 'Vol reporté',
    });
  });
});
