import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { i18n } from '../../i18n';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { makeReceptionView, RECEPTION_TOKEN } from '../../test-utils/fixtures-resettlement';
import { renderWithProviders } from '../../test-utils/render';

const route = `/reception/${RECEPTION_TOKEN}`;
const path = `/api/reception/${RECEPTION_TOKEN}`;
function arrived() {
  const view = makeReceptionView();
  return {
    ...view,
    arrival: view.arrival && { ...view.arrival, status: 'arrived' as const, date: '2026-04-20' },
  };
}

const region = (name: string) => screen.getByRole('region', { name });

describe('the reception partner’s page', () => {
  afterEach(async () => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
    await i18n.changeLanguage('fr');
  });

  it('shows the arrival section without sign-in or app navigation: members in both scripts, assistance in words, flights, the reception', async () => {
    const { requests } = stubFetch({ [`GET ${path}`]: () => jsonResponse(200, makeReceptionView()) });
    // No session seeded: the app would ask /api/auth/me (and redirect) if this page needed one.
    renderWithProviders(<AppRoutes />, { route });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Arrivée du ménage PAR-C-000045' }),
    ).toBeTruthy();
    expect(requests.map((r) => r.url)).toEqual([path]);
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
    expect(screen.getByText('Paris informe Forum Réfugiés de l’arrivée de ce ménage.')).toBeTruthy();

    const household = region('Le ménage');
    const members = within(household).getByRole('table', { name: 'Membres du ménage' });
    const samir = within(members).getByRole('row', { name: /Samir Haddad/ });
    const arabic = within(samir).getByText('سمير حداد');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(within(samir).getByText('Demandeur principal')).toBeTruthy();
    expect(within(samir).getByText('Homme')).toBeTruthy();
    expect(within(samir).getByText('1979')).toBeTruthy();
    const lina = within(members).getByRole('row', { name: /Lina Haddad/ });
    expect(within(lina).getByText('2015')).toBeTruthy();
    expect(
      within(lina).getByText('Recherche de famille nécessaire et Fauteuil roulant (rampe)'),
    ).toBeTruthy();

    const travel = region('Voyage et arrivée');
    expect(within(travel).getByText('Attendue le 20 avril 2099')).toBeTruthy();
    expect(within(travel).getByText('France')).toBeTruthy();
    const flights = within(travel).getByRole('table', { name: 'Vols' });
    expect(
      within(flights)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Turkish Airlines TK827', 'Turkish Airlines TK1821']);

    const reception = region('L’accueil');
    expect(within(reception).getByText('CADA Villeurbanne')).toBeTruthy();
    expect(within(reception).getByText('Claire Martin, +33 4 78 00 00 00')).toBeTruthy();

    // Not arrived: nothing to confirm yet.
    const confirm = region('Confirmer l’accueil');
    expect(within(confirm).getByText(/Le ménage n’est pas encore arrivé/)).toBeTruthy();
    expect(within(confirm).queryByRole('button')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  }, 20_000);

  it('takes the confirmation once the household has arrived, then shows it', async () => {
    let confirmed = false;
    const { requests } = stubFetch({
      [`GET ${path}`]: () =>
        jsonResponse(
          200,
          confirmed
            ? {
                ...arrived(),
                confirmation: {
                  receivedOn: '2026-04-20',
                  confirmedByName: 'Claire Martin',
                  note: 'Famille accueillie au CADA, chambre 12',
                  confirmedAt: '2026-04-20T16:00:00.000Z',
                },
              }
            : arrived(),
        ),
      [`POST ${path}/confirm`]: () => {
        confirmed = true;
        return jsonResponse(200, { ok: true });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route });
    await screen.findByRole('heading', { level: 1 });
    const confirm = region('Confirmer l’accueil');
    expect(within(region('Voyage et arrivée')).getByText('Arrivé le 20 avril 2026')).toBeTruthy();
    expect((within(confirm).getByLabelText(/^Date de l’accueil/) as HTMLInputElement).value).toBe(
      '2026-04-20',
    );
    await user.click(within(confirm).getByRole('button', { name: 'Confirmer l’accueil' }));
    expect(await within(confirm).findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.type(
      within(confirm).getByLabelText(/^Nom de la personne qui a reçu le ménage/),
      'Claire Martin',
    );
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Confirmer l’accueil' }));
    expect(await within(confirm).findByText('Accueil confirmé')).toBeTruthy();
    expect(within(confirm).getByText(/^Reçu le 20 avril 2026 par Claire Martin/)).toBeTruthy();
    expect(within(confirm).getByText('Famille accueillie au CADA, chambre 12')).toBeTruthy();
    expect(within(confirm).queryByRole('button')).toBeNull();
    // The comment is optional: none typed, none sent.
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      receivedOn: '2026-04-20',
      confirmedBy: 'Claire Martin',
    });
  }, 20_000);

  it('shows the server’s refusal when someone confirmed meanwhile, and reads the page again', async () => {
    let gets = 0;
    stubFetch({
      [`GET ${path}`]: () => {
        gets += 1;
        return jsonResponse(
          200,
          gets === 1
            ? arrived()
            : {
                ...arrived(),
                confirmation: {
                  receivedOn: '2026-04-20',
                  confirmedByName: 'Marc Dubois',
                  note: null,
                  confirmedAt: '2026-04-20T15:00:00.000Z',
                },
              },
        );
      },
      [`POST ${path}/confirm`]: () =>
        problem(409, 'reception_already_confirmed', 'L’accueil a déjà été confirmé.'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route });
    await screen.findByRole('heading', { level: 1 });
    const confirm = region('Confirmer l’accueil');
    await user.type(within(confirm).getByLabelText(/^Nom de la personne/), 'Claire Martin');
    await user.click(within(confirm).getByRole('button', { name: 'Confirmer l’accueil' }));
    expect(await within(confirm).findByText(/^Reçu le 20 avril 2026 par Marc Dubois/)).toBeTruthy();
    await waitFor(() => expect(gets).toBe(2));
  }, 20_000);

  it('says clearly when the link is invalid', async () => {
    stubFetch({ [`GET ${path}`]: () => problem(404, 'partner_link_invalid', 'Lien invalide.') });
    renderWithProviders(<AppRoutes />, { route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lien invalide' })).toBeTruthy();
    expect(screen.getByText(/Vérifiez qu’il a été copié en entier/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  }, 20_000);

  it('says clearly when the link has expired or been revoked, in the language chosen', async () => {
    stubFetch({ [`GET ${path}`]: () => problem(410, 'partner_link_expired', 'Link expired.') });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lien expiré' })).toBeTruthy();
    expect(screen.getByText(/le dossier du ménage n’est plus suivi/)).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Langue' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Link expired' })).toBeTruthy();
    expect(screen.getByText(/Ask the office that sent it for a new link/)).toBeTruthy();
  }, 20_000);

  it('reads in English, dates and words included', async () => {
    stubFetch({ [`GET ${path}`]: () => jsonResponse(200, makeReceptionView()) });
    renderWithProviders(<AppRoutes />, { route, language: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Arrival of household PAR-C-000045' }),
    ).toBeTruthy();
    const members = screen.getByRole('table', { name: 'Household members' });
    const lina = within(members).getByRole('row', { name: /Lina Haddad/ });
    expect(within(lina).getByText('Child')).toBeTruthy();
    expect(within(lina).getByText('Female')).toBeTruthy();
    expect(within(lina).getByText('Family tracing required and Wheelchair (ramp)')).toBeTruthy();
    expect(screen.getByText('Expected on April 20, 2099')).toBeTruthy();
    expect(screen.getByText(/The household has not arrived yet/)).toBeTruthy();
  }, 20_000);
});
