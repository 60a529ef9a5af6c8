import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { i18n } from '../../i18n';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { PARIS_ID } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import type { PartnerView } from './api';

const TOKEN = 'tok_0123456789abcdef';
const route = `/partner/${TOKEN}`;
const path = `/api/partner/${TOKEN}`;

function makeView(overrides: Partial<PartnerView> = {}): PartnerView {
  return {
    reference: 'REF-2025-00013',
    status: 'pending',
    fromOffice: { id: PARIS_ID, code: 'PARIS', name: 'Paris' },
    partnerName: 'Shelter Different and Equal',
    summary: 'Hébergement d’urgence pour deux semaines.',
    sections: ['identity', 'reintegration_needs'],
    personInitials: 'A. H.',
    expiresAt: '2099-04-01T10:00:00.000Z',
    shared: null,
    messages: [],
    ...overrides,
  };
}

describe('the partner page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  it('needs no sign-in and shows no app navigation', async () => {
    const { requests } = stubFetch({ [`GET ${path}`]: () => jsonResponse(200, makeView()) });
    // No session seeded: the app would ask /api/auth/me (and redirect) if this page needed one.
    renderWithProviders(<AppRoutes />, { route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Demande REF-2025-00013' })).toBeTruthy();
    expect(requests.map((r) => r.url)).toEqual([path]);
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('button', { name: /Menu de/ })).toBeNull();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
    expect(screen.getByText('Hébergement d’urgence pour deux semaines.')).toBeTruthy();
    expect(screen.getByText('A. H.')).toBeTruthy();
    expect(screen.getByText('Identité, Besoins de réintégration')).toBeTruthy();
    expect(
      screen.getByText('Les informations partagées s’afficheront ici une fois la demande acceptée.'),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  }, 15_000);

  it('says clearly when the link is invalid', async () => {
    stubFetch({ [`GET ${path}`]: () => problem(404, 'partner_link_invalid', 'Lien invalide.') });
    renderWithProviders(<AppRoutes />, { route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lien invalide' })).toBeTruthy();
    expect(screen.getByText(/Vérifiez qu’il a été copié en entier/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  }, 15_000);

  it('says clearly when the link has expired, in the language chosen', async () => {
    stubFetch({ [`GET ${path}`]: () => problem(410, 'partner_link_expired', 'Link expired.') });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lien expiré' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Langue' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Link expired' })).toBeTruthy();
    expect(screen.getByText(/Ask the office that sent it for a new link/)).toBeTruthy();
    await i18n.changeLanguage('fr');
  }, 15_000);

  it('accepts, then shows the shared sections and takes feedback', async () => {
    let accepted = false;
    const { requests } = stubFetch({
      [`GET ${path}`]: () =>
        jsonResponse(
          200,
          accepted
            ? makeView({
                status: 'accepted',
                shared: { reintegrationNeeds: 'Formation en couture.' },
                messages: [
                  {
                    id: 'afafafaf-afaf-4afa-8afa-afafafafafaf',
                    authorName: 'Alice Martin',
                    side: 'sender',
                    body: 'Merci !',
                    createdAt: '2025-03-02T10:00:00.000Z',
                  },
                ],
              })
            : makeView(),
        ),
      [`POST ${path}/accept`]: () => {
        accepted = true;
        return jsonResponse(200, { ok: true });
      },
      [`POST ${path}/messages`]: () => jsonResponse(201, { ok: true }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route });
    await user.click(await screen.findByRole('button', { name: 'Accepter la demande' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accepter la demande' });
    await user.click(within(dialog).getByRole('button', { name: 'Accepter la demande' }));
    const shared = await screen.findByRole('region', { name: 'Informations partagées' });
    expect(within(shared).getByText('Formation en couture.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accepter la demande' })).toBeNull();

    const thread = screen.getByRole('region', { name: 'Échanges avec PARIS' });
    expect(within(thread).getByText('Merci !')).toBeTruthy();
    await user.type(
      within(thread).getByRole('textbox', { name: /Votre message ou retour/ }),
      'Arrivée prévue lundi.',
    );
    await user.click(within(thread).getByRole('button', { name: 'Envoyer' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url === `${path}/messages`)?.body).toEqual({
        body: 'Arrivée prévue lundi.',
      }),
    );
  }, 15_000);

  it('declines with a reason, then says the link no longer works', async () => {
    const { requests } = stubFetch({
      [`GET ${path}`]: () => jsonResponse(200, makeView()),
      [`POST ${path}/decline`]: () => jsonResponse(200, { ok: true }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route });
    await user.click(await screen.findByRole('button', { name: 'Refuser la demande' }));
    const dialog = await screen.findByRole('dialog', { name: 'Refuser la demande REF-2025-00013' });
    await user.type(within(dialog).getByRole('textbox', { name: /Motif du refus/ }), 'Complet.');
    await user.click(within(dialog).getByRole('button', { name: 'Refuser la demande' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Demande refusée' })).toBeTruthy();
    expect(requests.find((r) => r.url === `${path}/decline`)?.body).toEqual({ reason: 'Complet.' });
  }, 15_000);
});
