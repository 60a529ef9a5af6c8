import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { CASE_ID } from '../../test-utils/fixtures-cases';
import {
  ASSESSMENT_ID,
  BOOKING_ID,
  LETTER_ID,
  LINA_ID,
  MOVEMENT_ID,
  makeHousehold,
  makeMedicalOfficer,
  makeResettlementCase,
  makeResettlementCaseworker,
  SAMIR_ID,
} from '../../test-utils/fixtures-resettlement';
import { renderWithProviders } from '../../test-utils/render';
import type { HouseholdView } from './api';

const route = `/cases/${CASE_ID}?tab=resettlement`;
const household = `/api/cases/${CASE_ID}/resettlement`;

function stub(
  view: HouseholdView,
  detail = makeResettlementCase(),
  extra: Parameters<typeof stubFetch>[0] = {},
) {
  return stubFetch({
    [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, detail),
    [`GET ${household}`]: () => jsonResponse(200, view),
    ...extra,
  });
}

const region = (name: string) => screen.findByRole('region', { name }, { timeout: 5000 });

describe('the household tab of a resettlement case', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the household to the caseworker: blockers with dates, health restricted, papers by their last characters', async () => {
    stub(makeHousehold());
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const tabs = await screen.findByRole('tablist', { name: 'Parties du dossier' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Dossier', 'Ménage']);

    const blockers = await screen.findByRole('alert');
    expect(within(blockers).getByText('Lina Haddad — visa : expirée le 28 février 2026')).toBeTruthy();

    const steps = await region('Étape et actions');
    expect(within(steps).getByText('Enregistrer la décision du pays de réinstallation')).toBeTruthy();
    expect(within(steps).getByRole('button', { name: 'Enregistrer la décision' })).toBeTruthy();

    const health = await region('Santé et aptitude au voyage');
    const samir = within(health).getByRole('row', { name: /Samir Haddad/ });
    expect(within(samir).getByText('Apte sous conditions')).toBeTruthy();
    expect(within(samir).getByText('Fauteuil roulant (rampe)')).toBeTruthy();
    expect(within(samir).getByText('Restreint')).toBeTruthy();
    expect(within(health).getByText(/Constats médicaux restreints/)).toBeTruthy();
    // Recording assessments is the medical officer's.
    expect(within(health).queryByRole('button', { name: /bilan de santé/ })).toBeNull();

    const papers = await region('Autorisations de sortie et visas');
    expect(within(papers).getByText('••••8870, délivré par : France')).toBeTruthy();
    expect(within(papers).getAllByText('Aucun')).toHaveLength(2);
    expect(await seriousViolations()).toEqual([]);
  });

  it('sends the workflow’s action steps to the household tab from the case tab', async () => {
    stub(makeHousehold());
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route: `/cases/${CASE_ID}` });
    const progress = await region('Parcours');
    const link = within(progress).getByRole('link', { name: 'Enregistrer la décision' });
    expect(link.getAttribute('href')).toBe(`/cases/${CASE_ID}?tab=resettlement#rst-steps`);
    expect(within(progress).queryByRole('button', { name: /^Passer à/ })).toBeNull();
  });

  it('records the decision with the letter already attached, with the household’s version', async () => {
    const { requests } = stub(makeHousehold(), makeResettlementCase(), {
      [`POST ${household}/decision`]: () =>
        jsonResponse(200, makeHousehold({ status: 'health_assessment', version: 10, blockers: [] })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Étape et actions')).getByRole('button', { name: 'Enregistrer la décision' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Décision pour PAR-C-000045' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Accepté' }));
    await user.selectOptions(within(dialog).getByLabelText(/déjà jointe au dossier/), LETTER_ID);
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      version: 9,
      outcome: 'accepted',
      decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      decisionDocumentId: LETTER_ID,
    });
  });

  it('sends a booked household’s steps to its movement, once', async () => {
    stub(
      makeHousehold({
        status: 'booked',
        booking: {
          bookingId: BOOKING_ID,
          movementId: MOVEMENT_ID,
          movementReference: 'MOV-2026-0001',
          departureDate: '2099-04-20',
          status: 'booked',
        },
      }),
      makeResettlementCase('booked', [
        { to: 'exit_permits', action: 'unbook' },
        { to: 'movement', action: 'board' },
      ]),
    );
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const steps = await region('Étape et actions');
    const links = within(steps).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Ouvrir le mouvement réservé', `/resettlement/movements/${MOVEMENT_ID}`],
    ]);
    const travel = await region('Voyage et accueil');
    expect(
      within(travel).getByRole('link', { name: 'MOV-2026-0001 du 20 avril 2099 (Réservé)' }),
    ).toBeTruthy();
  });

  it('asks for the registration form at the interview, uploaded classified', async () => {
    const { requests } = stub(
      makeHousehold({ status: 'interview', submissions: [] }),
      { ...makeResettlementCase('interview', []), attachments: [] },
      {
        [`POST /api/cases/${CASE_ID}/attachments`]: () =>
          jsonResponse(201, {
            id: LETTER_ID,
            fileName: 'formulaire.pdf',
            contentType: 'application/pdf',
            sizeBytes: 8,
            documentKind: 'resettlement_registration_form',
            uploadedByName: 'Alice Martin',
            createdAt: '2026-03-02T10:00:00.000Z',
          }),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const steps = await region('Étape et actions');
    await user.click(within(steps).getByRole('button', { name: 'Joindre le formulaire d’enregistrement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Formulaire d’enregistrement' });
    await user.upload(
      within(dialog).getByLabelText(/^Fichier : Formulaire d’enregistrement/),
      new File(['%PDF-1.4'], 'formulaire.pdf', { type: 'application/pdf' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Joindre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.url).toBe(
      `/api/cases/${CASE_ID}/attachments?documentKind=resettlement_registration_form`,
    );
  });

  it('names the members a stage gate refuses', async () => {
    stub(
      makeHousehold({ status: 'pre_departure_orientation' }),
      makeResettlementCase('pre_departure_orientation', [
        { to: 'exit_permits', action: 'complete_orientation' },
      ]),
      {
        [`POST ${household}/complete-orientation`]: () =>
          problem(422, 'transition_requirements', 'Des informations sont nécessaires avant cette étape.', {
            errors: [
              {
                path: 'members.1.orientation',
                code: 'not_at_orientation',
                message: 'N’a pas assisté à une session d’orientation avant le départ.',
              },
            ],
          }),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    await user.click(
      within(await region('Étape et actions')).getByRole('button', { name: 'Valider l’orientation' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Valider l’orientation avant le départ' });
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(
      await within(dialog).findByText(
        'Lina Haddad : N’a pas assisté à une session d’orientation avant le départ.',
      ),
    ).toBeTruthy();
  });

  it('reloads the household on a version conflict and keeps what was typed, saving again with the new version', async () => {
    let calls = 0;
    const { requests } = stub(
      makeHousehold({ status: 'exit_permits' }),
      makeResettlementCase('exit_permits', []),
      {
        [`POST ${household}/clearances`]: () => {
          calls += 1;
          return calls === 1
            ? problem(409, 'version_conflict', 'Quelqu’un d’autre a modifié cet enregistrement.', {
                current: makeHousehold({ status: 'exit_permits', version: 12 }),
              })
            : jsonResponse(201, makeHousehold({ status: 'exit_permits', version: 13 }));
        },
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route });
    const papers = await region('Autorisations de sortie et visas');
    await user.click(within(papers).getByRole('button', { name: 'Enregistrer le visa de Lina Haddad' }));
    const dialog = await screen.findByRole('dialog', { name: 'Visa de Lina Haddad' });
    await user.type(within(dialog).getByLabelText(/^Numéro/), 'FRV99887');
    await user.selectOptions(within(dialog).getByLabelText(/^Pays de délivrance/), 'FR');
    await user.type(within(dialog).getByLabelText(/^Valable jusqu’au/), '2030-09-30');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    // Reloaded (the notification says so): the dialog stays open with what was typed.
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(screen.getByRole('dialog', { name: 'Visa de Lina Haddad' })).toBe(dialog);
    expect((within(dialog).getByLabelText(/^Numéro/) as HTMLInputElement).value).toBe('FRV99887');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = requests
      .filter((r) => r.method === 'POST')
      .map((r) => r.body as { version: number; personId: string });
    expect(posts.map((b) => b.version)).toEqual([9, 12]);
    expect(posts[1]).toMatchObject({
      personId: LINA_ID,
      kind: 'visa',
      number: 'FRV99887',
      issuingCountry: 'FR',
    });
  });
});

describe('health on the household tab', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets the medical officer read the findings on request and record an assessment (validity required when fit)', async () => {
    const { requests } = stub(
      makeHousehold({ canSeeFindings: true }),
      makeResettlementCase('health_assessment', []),
      {
        [`GET ${household}/health/${ASSESSMENT_ID}/findings`]: () =>
          jsonResponse(200, {
            assessmentId: ASSESSMENT_ID,
            personId: SAMIR_ID,
            findings: 'Diabète de type 2',
          }),
        [`POST ${household}/health`]: () =>
          jsonResponse(201, makeHousehold({ canSeeFindings: true, version: 10 })),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMedicalOfficer(), route });
    const health = await region('Santé et aptitude au voyage');
    expect(
      within(health).getByText(/Chaque consultation des constats médicaux est enregistrée/),
    ).toBeTruthy();
    // Nothing is read until asked for.
    expect(requests.some((r) => r.url.includes('/findings'))).toBe(false);
    await user.click(
      within(health).getByRole('button', { name: 'Afficher les constats médicaux de Samir Haddad' }),
    );
    expect(await within(health).findByText('Diabète de type 2')).toBeTruthy();

    await user.click(
      within(health).getByRole('button', { name: 'Enregistrer un bilan de santé pour Lina Haddad' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Bilan de santé de Lina Haddad' });
    await user.selectOptions(within(dialog).getByLabelText(/^Résultat/), 'fit');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(
      await within(dialog).findByText('Un résultat apte au voyage a besoin d’une date de fin de validité.'),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    await user.type(within(dialog).getByLabelText(/^Valable jusqu’au/), '2030-09-30');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Oxygène à bord' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      version: 9,
      personId: LINA_ID,
      assessedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      outcome: 'fit',
      validUntil: '2030-09-30',
      travelConditions: ['OXYG'],
    });
  });

  it('says the same in English', async () => {
    stub(makeHousehold());
    renderWithProviders(<AppRoutes />, { me: makeResettlementCaseworker(), route, language: 'en' });
    const health = await region('Health and fitness to travel');
    expect(within(health).getByText('Restricted')).toBeTruthy();
    expect(within(health).getByText('Fit with conditions')).toBeTruthy();
    expect(screen.getByText('Lina Haddad — visa: expired on February 28, 2026')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Household' })).toBeTruthy();
  });
});
