import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { CASE_ID } from '../../test-utils/fixtures-cases';
import {
  makeBookedHousehold,
  makeHousehold,
  makeMedicalOfficer,
  makeReceptionLink,
  makeResettlementCase,
  makeResettlementCaseworker,
  OLD_RECEPTION_LINK_ID,
  RECEPTION_LINK_ID,
  RECEPTION_TOKEN,
} from '../../test-utils/fixtures-resettlement';
import { renderWithProviders } from '../../test-utils/render';
import type { HouseholdView } from './api';

const route = `/cases/${CASE_ID}?tab=resettlement`;
const household = `/api/cases/${CASE_ID}/resettlement`;
const links = `${household}/reception-links`;

const confirmedOld = makeReceptionLink({
  id: OLD_RECEPTION_LINK_ID,
  partnerName: 'Coallia',
  receptionPlace: 'CPH Lyon',
  createdAt: '2099-03-20T08:00:00.000Z',
  expiresAt: '2099-04-20T08:00:00.000Z',
  revokedAt: '2099-04-01T08:00:00.000Z',
  status: 'revoked',
  lastVisitAt: null,
});

function stub(view: HouseholdView, detail = makeResettlementCase('booked', []), extra = {}) {
  return stubFetch({
    [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, detail),
    [`GET ${household}`]: () => jsonResponse(200, view),
    ...extra,
  });
}

const region = (name: string) => screen.findByRole('region', { name }, { timeout: 5000 });

describe('the reception partner’s links on the household tab', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('is not offered before the household is booked', async () => {
    stub(makeHousehold(), makeResettlementCase());
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await region('Voyage et accueil');
    expect(screen.queryByRole('region', { name: 'Partenaire d’accueil' })).toBeNull();
  });

  it('issues a link, shows it once with a copy button, then lists it', async () => {
    let issued = false;
    const live = makeReceptionLink({ lastVisitAt: null, createdAt: '2099-04-02T08:00:00.000Z' });
    const { requests } = stub(makeBookedHousehold(), makeResettlementCase('booked', []), {
      [`GET ${household}`]: () =>
        jsonResponse(200, makeBookedHousehold({ receptionLinks: issued ? [live] : [] })),
      [`POST ${links}`]: () => {
        issued = true;
        return jsonResponse(201, {
          link: live,
          partnerPath: `/reception/${RECEPTION_TOKEN}`,
          expiresAt: live.expiresAt,
        });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const panel = await region('Partenaire d’accueil');
    expect(within(panel).getByText('Aucun lien n’a été émis.')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Émettre un lien' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Lien pour le partenaire d’accueil de PAR-C-000045',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Émettre un lien' }));
    expect(await within(dialog).findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    await user.type(within(dialog).getByLabelText(/^Organisation d’accueil/), 'Forum Réfugiés');
    await user.type(within(dialog).getByLabelText(/^Contact sur place/), 'Claire Martin, +33 4 78 00 00 00');
    await user.type(within(dialog).getByLabelText(/^Lieu d’accueil/), 'CADA Villeurbanne');
    const days = within(dialog).getByLabelText(/^Validité du lien/);
    await user.clear(days);
    await user.type(days, '20');
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Émettre un lien' }));

    const shown = await screen.findByRole('dialog', { name: 'Lien pour le partenaire d’accueil' });
    expect((within(shown).getByLabelText('Lien d’accueil') as HTMLInputElement).value).toBe(
      `${window.location.origin}/reception/${RECEPTION_TOKEN}`,
    );
    expect(within(shown).getByText(/ne sera plus jamais affiché/)).toBeTruthy();
    expect(within(shown).getByText(/Transmettez ce lien à Forum Réfugiés par un moyen sûr/)).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copier le lien' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      partnerName: 'Forum Réfugiés',
      partnerContact: 'Claire Martin, +33 4 78 00 00 00',
      receptionPlace: 'CADA Villeurbanne',
      validDays: 20,
    });
    await user.click(within(shown).getByRole('button', { name: 'J’ai copié le lien' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Listed without its path: the full link is nowhere on the page any more.
    const card = await within(panel).findByRole('article', { name: 'Forum Réfugiés — CADA Villeurbanne' });
    expect(within(card).getByText('Actif')).toBeTruthy();
    expect(within(card).getByText('Jamais consulté')).toBeTruthy();
    expect(within(card).getByText('Pas encore confirmé.')).toBeTruthy();
    expect(document.body.textContent).not.toContain(RECEPTION_TOKEN);
    expect(within(panel).getByRole('button', { name: 'Émettre un nouveau lien' })).toBeTruthy();
  });

  it('shows each link’s state, last visit and the partner’s confirmation, and revokes the live one after confirming', async () => {
    const confirmed = makeReceptionLink({
      confirmation: {
        receivedOn: '2099-04-20',
        confirmedByName: 'Claire Martin',
        note: 'Famille accueillie au CADA, chambre 12',
        confirmedAt: '2099-04-20T16:00:00.000Z',
      },
    });
    const { requests } = stub(
      makeBookedHousehold({ receptionLinks: [confirmed, confirmedOld] }),
      makeResettlementCase('booked', []),
      {
        [`POST ${links}/${RECEPTION_LINK_ID}/revoke`]: () =>
          jsonResponse(
            200,
            makeBookedHousehold({
              version: 10,
              receptionLinks: [
                { ...confirmed, status: 'revoked', revokedAt: '2099-04-21T08:00:00.000Z' },
                confirmedOld,
              ],
            }),
          ),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const panel = await region('Partenaire d’accueil');
    const card = within(panel).getByRole('article', { name: 'Forum Réfugiés — CADA Villeurbanne' });
    expect(within(card).getByText('Actif')).toBeTruthy();
    expect(within(card).getByText('Claire Martin, +33 4 78 00 00 00')).toBeTruthy();
    expect(within(card).getByText(/^Reçu le 20 avril 2099 par Claire Martin \(confirmé le/)).toBeTruthy();
    expect(within(card).getByText('Famille accueillie au CADA, chambre 12')).toBeTruthy();
    expect(within(card).getByText(/^2 avr\. 2099/)).toBeTruthy(); // the last visit
    const old = within(panel).getByRole('article', { name: 'Coallia — CPH Lyon' });
    expect(within(old).getByText('Révoqué')).toBeTruthy();
    expect(within(old).getByText('Jamais consulté')).toBeTruthy();
    expect(within(old).queryByRole('button', { name: /Révoquer/ })).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Révoquer le lien de Forum Réfugiés' }));
    const dialog = await screen.findByRole('dialog', { name: 'Révoquer le lien' });
    expect(
      within(dialog).getByText(
        'Forum Réfugiés ne pourra plus voir l’arrivée du ménage avec ce lien. Révoquer le lien ?',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Révoquer le lien' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST').map((r) => [r.url, r.body])).toEqual([
      [`${links}/${RECEPTION_LINK_ID}/revoke`, {}],
    ]);
    expect(await within(card).findByText('Révoqué')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /Révoquer/ })).toBeNull();
  });

  it('lets readers see the links, without issuing or revoking', async () => {
    stub(makeBookedHousehold({ receptionLinks: [makeReceptionLink()] }));
    renderWithProviders(<AppRoutes />, { me: makeMedicalOfficer(), route });
    const panel = await region('Partenaire d’accueil');
    expect(within(panel).getByRole('article', { name: 'Forum Réfugiés — CADA Villeurbanne' })).toBeTruthy();
    expect(within(panel).queryByRole('button')).toBeNull();
  });

  it('says the server’s refusal in the form', async () => {
    stub(makeBookedHousehold(), makeResettlementCase('booked', []), {
      [`POST ${links}`]: () =>
        problem(409, 'reception_not_booked', 'Le ménage n’est réservé sur aucun mouvement.'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Partenaire d’accueil')).getByRole('button', { name: 'Émettre un lien' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Organisation d’accueil/), 'Forum Réfugiés');
    await user.type(within(dialog).getByLabelText(/^Contact sur place/), 'Claire Martin');
    await user.type(within(dialog).getByLabelText(/^Lieu d’accueil/), 'CADA Villeurbanne');
    await user.click(within(dialog).getByRole('button', { name: 'Émettre un lien' }));
    expect(await within(dialog).findByText('Le ménage n’est réservé sur aucun mouvement.')).toBeTruthy();
  });
});

describe('the handover with a reception link', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('issues the link with the handover when asked, and shows it once afterwards', async () => {
    const arrived = makeBookedHousehold({
      status: 'arrived',
      receptionLinks: [makeReceptionLink({ partnerName: 'Coallia', receptionPlace: 'CPH Lyon' })],
    });
    const issued = makeReceptionLink({ createdAt: '2099-04-20T15:00:00.000Z' });
    const { requests } = stub(
      arrived,
      makeResettlementCase('arrived', [{ to: 'closed', action: 'hand_over' }]),
      {
        [`POST ${household}/handover`]: () =>
          jsonResponse(200, {
            ...makeBookedHousehold({
              status: 'closed',
              version: 10,
              handedOverOn: '2099-04-20',
              handedOverTo: 'Forum Réfugiés, Lyon',
              receptionLinks: [issued],
            }),
            receptionLink: {
              link: issued,
              partnerPath: `/reception/${RECEPTION_TOKEN}`,
              expiresAt: issued.expiresAt,
            },
          }),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Étape et actions')).getByRole('button', {
        name: 'Enregistrer la remise aux services d’accueil',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Remise de PAR-C-000045 aux services d’accueil',
    });
    await user.type(within(dialog).getByLabelText(/^Reçu par/), 'Forum Réfugiés, Lyon');
    // Not asked for: no link fields.
    expect(within(dialog).queryByLabelText(/^Organisation d’accueil/)).toBeNull();
    await user.click(
      within(dialog).getByRole('checkbox', {
        name: 'Émettre en même temps un lien pour le partenaire d’accueil',
      }),
    );
    expect(
      within(dialog).getByText('Le lien actuel (Coallia) cessera aussitôt de fonctionner.'),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la remise' }));
    expect(await within(dialog).findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    await user.type(within(dialog).getByLabelText(/^Organisation d’accueil/), 'Forum Réfugiés');
    await user.type(within(dialog).getByLabelText(/^Contact sur place/), 'Claire Martin');
    await user.type(within(dialog).getByLabelText(/^Lieu d’accueil/), 'CADA Villeurbanne');
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la remise' }));

    const shown = await screen.findByRole('dialog', { name: 'Lien pour le partenaire d’accueil' });
    expect((within(shown).getByLabelText('Lien d’accueil') as HTMLInputElement).value).toBe(
      `${window.location.origin}/reception/${RECEPTION_TOKEN}`,
    );
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      version: 9,
      handedOverOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      receivedBy: 'Forum Réfugiés, Lyon',
      documentId: null,
      receptionLink: {
        partnerName: 'Forum Réfugiés',
        partnerContact: 'Claire Martin',
        receptionPlace: 'CADA Villeurbanne',
        validDays: 30,
      },
    });
    await user.click(within(shown).getByRole('button', { name: 'J’ai copié le lien' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const panel = await region('Partenaire d’accueil');
    expect(within(panel).getByRole('article', { name: 'Forum Réfugiés — CADA Villeurbanne' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(RECEPTION_TOKEN);
  });

  it('sends no link when it is not asked for', async () => {
    const { requests } = stub(
      makeBookedHousehold({ status: 'arrived' }),
      makeResettlementCase('arrived', [{ to: 'closed', action: 'hand_over' }]),
      {
        [`POST ${household}/handover`]: () =>
          jsonResponse(200, {
            ...makeBookedHousehold({ status: 'closed', version: 10 }),
            receptionLink: null,
          }),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Étape et actions')).getByRole('button', {
        name: 'Enregistrer la remise aux services d’accueil',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Reçu par/), 'Forum Réfugiés, Lyon');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la remise' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const body = requests.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('receptionLink');
  });
});
