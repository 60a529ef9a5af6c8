import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { CASE_ID, makeCaseDetail, makeCaseworker, makeSupervisor } from '../../test-utils/fixtures-cases';
import {
  ITEM_GRANT_ID,
  LINE_ID,
  makePlan,
  makeReintegrationView,
  RECEIPT_ID,
} from '../../test-utils/fixtures-reintegration';
import { renderWithProviders } from '../../test-utils/render';
import type { ReintegrationView } from './api';

const route = `/cases/${CASE_ID}?tab=reintegration`;
const DETAIL = makeCaseDetail({ status: 'reintegration_assistance', availableTransitions: [] });
/** Intl puts narrow and normal no-break spaces in French amounts: compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function stubReintegration(view: ReintegrationView, extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, DETAIL),
    [`GET /api/cases/${CASE_ID}/reintegration`]: () => jsonResponse(200, view),
    ...extra,
  });
}

async function planRegion() {
  return screen.findByRole('region', { name: 'Plan de réintégration' }, { timeout: 5000 });
}

describe('reintegration tab', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the plan with running totals per currency, the allowance warning and items changed since approval', async () => {
    stubReintegration(makeReintegrationView());
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    const plan = await planRegion();
    expect(
      within(screen.getByRole('tablist', { name: 'Parties du dossier' })).getByRole('tab', { selected: true })
        .textContent,
    ).toBe('Réintégration');

    const totals = within(plan).getByRole('table', { name: 'Totaux du plan par devise' });
    const eur = within(totals).getByRole('row', { name: /EUR/ });
    expect(
      within(eur)
        .getAllByRole('cell')
        .map((c) => plain(c.textContent)),
    ).toEqual(['2 800,00 €', '2 000,00 €', '500,00 €']);
    expect(
      plain(within(plan).getByText(/^Enveloppe de réintégration par personne du projet/).textContent),
    ).toContain('2 000,00 €');

    const warning = within(plan).getByText(/dépasse l’enveloppe de réintégration par personne/);
    expect(plain(warning.textContent)).toBe(
      'Le plan dépasse l’enveloppe de réintégration par personne : 2 800,00 € prévus, 2 000,00 € au plus.',
    );

    const items = within(plan).getByRole('table', { name: 'Lignes du plan' });
    const grant = within(items).getByRole('row', { name: /Aide à la création d’entreprise/ });
    expect(within(grant).getByText('Modifiée depuis l’approbation : à approuver de nouveau')).toBeTruthy();
    expect(within(grant).getByText('Partenaire : Caritas Tirana')).toBeTruthy();
    expect(within(plan).getByText(/Modifié depuis l’approbation de la version 1/)).toBeTruthy();

    // A caseworker submits; approving is a supervisor's.
    expect(within(plan).getByRole('button', { name: 'Soumettre pour approbation' })).toBeTruthy();
    expect(within(plan).queryByRole('button', { name: 'Approuver le plan' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('says the same in English, amounts in English format', async () => {
    stubReintegration(makeReintegrationView());
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route, language: 'en' });
    const plan = await screen.findByRole('region', { name: 'Reintegration plan' }, { timeout: 5000 });
    expect(plain(within(plan).getByText(/exceeds the per-person reintegration allowance/).textContent)).toBe(
      'The plan exceeds the per-person reintegration allowance: €2,800.00 planned, up to €2,000.00 allowed.',
    );
    expect(within(plan).getAllByText('Changed since approval: needs approval again')).toHaveLength(2);
    expect(within(plan).getByRole('button', { name: 'Submit for approval' })).toBeTruthy();
  });

  it('offers approve and send back, not submit nor editing, on a submitted plan to a supervisor; shows a refusal', async () => {
    const view = makeReintegrationView({
      plan: makePlan({ status: 'submitted', submittedAt: '2025-03-21T09:00:00.000Z' }),
      canApprove: true,
    });
    const { requests } = stubReintegration(view, {
      [`POST /api/cases/${CASE_ID}/reintegration-plan/approve`]: () =>
        problem(
          422,
          'allowance_exceeded',
          'Le plan dépasse l’enveloppe de réintégration par personne du projet : 2800.00 EUR prévus, 2000.00 EUR au plus.',
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const plan = await planRegion();
    expect(within(plan).getByText('Soumis pour approbation')).toBeTruthy();
    expect(within(plan).queryByRole('button', { name: 'Soumettre pour approbation' })).toBeNull();
    expect(within(plan).queryByRole('button', { name: 'Ajouter une ligne' })).toBeNull();
    expect(within(plan).queryByRole('button', { name: /^Modifier la ligne/ })).toBeNull();
    expect(within(plan).getByRole('button', { name: 'Renvoyer avec un commentaire' })).toBeTruthy();

    await user.click(within(plan).getByRole('button', { name: 'Approuver le plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approuver le plan de réintégration' });
    await user.click(within(dialog).getByRole('button', { name: 'Approuver le plan' }));
    expect(await within(dialog).findByText(/dépasse l’enveloppe de réintégration/)).toBeTruthy();
    expect(requests.find((r) => r.url.endsWith('/approve'))?.body).toEqual({ planVersion: 4, comment: null });
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows no decision buttons to a caseworker on a submitted plan', async () => {
    stubReintegration(makeReintegrationView({ plan: makePlan({ status: 'submitted' }) }));
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    const plan = await planRegion();
    expect(within(plan).queryByRole('button', { name: 'Soumettre pour approbation' })).toBeNull();
    expect(within(plan).queryByRole('button', { name: 'Approuver le plan' })).toBeNull();
    expect(within(plan).getByText(/attend la décision d’un superviseur/)).toBeTruthy();
  });

  it('sends an item’s amount as typed, with the plan version, and shows a currency mismatch on the field', async () => {
    const { requests } = stubReintegration(makeReintegrationView(), {
      [`POST /api/cases/${CASE_ID}/reintegration-plan/items`]: () =>
        problem(400, 'validation_failed', 'Certains champs ne sont pas valides.', {
          errors: [{ path: 'planned.currency', code: 'currency_mismatch', message: 'EUR' }],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    const plan = await planRegion();
    await user.click(within(plan).getByRole('button', { name: 'Ajouter une ligne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter une ligne au plan' });
    await user.selectOptions(within(dialog).getByLabelText(/^Dimension/), 'psychosocial');
    await user.selectOptions(within(dialog).getByLabelText(/^Type de service/), 'psychosocial_counselling');
    await user.selectOptions(within(dialog).getByLabelText(/^Modalité/), 'referral');
    await user.type(within(dialog).getByLabelText(/^Montant prévu/), '1 500,50');
    await user.selectOptions(within(dialog).getByLabelText(/^Ligne budgétaire/), LINE_ID);
    await user.selectOptions(within(dialog).getByLabelText(/^Devise/), 'USD');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('La devise doit être EUR.')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      dimension: 'psychosocial',
      serviceType: 'psychosocial_counselling',
      description: null,
      providerKind: 'in_house',
      providerName: null,
      deliveryMode: 'referral',
      planned: { amount: '1 500,50', currency: 'USD' },
      plannedDate: null,
      budgetLineId: LINE_ID,
      planVersion: 4,
    });
  });

  it('refuses a negative amount before asking the server', async () => {
    const { requests } = stubReintegration(makeReintegrationView());
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    await user.click(within(await planRegion()).getByRole('button', { name: 'Ajouter une ligne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter une ligne au plan' });
    await user.type(within(dialog).getByLabelText(/^Montant prévu/), '-20');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText(/Saisissez un montant positif/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('records a delivery against an approved item and shows the server’s refusal', async () => {
    const { requests } = stubReintegration(makeReintegrationView(), {
      [`POST /api/cases/${CASE_ID}/deliveries`]: () =>
        problem(
          422,
          'delivery_exceeds_approved',
          'Cette remise dépasserait le montant approuvé pour la ligne du plan : il reste 1500.00 EUR à remettre.',
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    const deliveries = await screen.findByRole('region', { name: 'Remises' });
    const byItem = within(deliveries).getByRole('table', {
      name: 'Prévu, approuvé et remis par ligne du plan',
    });
    const grant = within(byItem).getByRole('row', { name: /Aide à la création d’entreprise/ });
    expect(
      within(grant)
        .getAllByRole('cell')
        .map((c) => plain(c.textContent)),
    ).toEqual(['2 300,00 €', '2 000,00 €', '500,00 €', '1 500,00 €']);
    expect(
      within(deliveries).getByRole('link', { name: 'Télécharger le reçu declaration.pdf' }),
    ).toBeTruthy();

    await user.click(within(deliveries).getByRole('button', { name: 'Enregistrer une remise' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une remise' });
    // Only the approved item can take a delivery: it is chosen already.
    expect((within(dialog).getByLabelText(/^Ligne du plan/) as HTMLSelectElement).value).toBe(ITEM_GRANT_ID);
    await user.type(within(dialog).getByLabelText(/^Montant remis/), '1 600');
    await user.type(within(dialog).getByLabelText(/^Fournisseur/), 'Tekstil');
    await user.selectOptions(within(dialog).getByLabelText(/^Reçu/), RECEIPT_ID);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la remise' }));
    expect(await within(dialog).findByText(/dépasserait le montant approuvé/)).toBeTruthy();
    const body = requests.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      planItemId: ITEM_GRANT_ID,
      amount: { amount: '1 600', currency: 'EUR' },
      vendor: 'Tekstil',
      receiptAttachmentId: RECEIPT_ID,
      receiptConfirmedBy: null,
    });
    expect(await seriousViolations()).toEqual([]);
  });

  it('says a case not yet in reintegration cannot be planned, and offers no editing', async () => {
    stubReintegration(
      makeReintegrationView({
        caseStatus: 'travel_preparation',
        inReintegration: false,
        canEdit: false,
        plan: null,
        assessment: null,
        assessments: 0,
      }),
    );
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    expect(
      await screen.findByText(/n’est pas en réintégration \(étape actuelle : Préparation du voyage\)/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer l’évaluation' })).toBeNull();
    expect(screen.getByText('Aucun plan de réintégration.')).toBeTruthy();
  });

  it('records a needs assessment in the three dimensions', async () => {
    const { requests } = stubReintegration(
      makeReintegrationView({ assessment: null, assessments: 0, plan: null }),
      {
        [`POST /api/cases/${CASE_ID}/needs-assessments`]: () => jsonResponse(201, makeReintegrationView()),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    const section = await screen.findByRole('region', { name: 'Évaluation des besoins' });
    const economic = within(section).getByRole('group', { name: 'Économique' });
    await user.selectOptions(within(economic).getByLabelText(/Niveau de besoin/), 'high');
    await user.type(within(economic).getByLabelText('Observations'), 'Pas de revenu.');
    await user.selectOptions(
      within(within(section).getByRole('group', { name: 'Sociale' })).getByLabelText(/Niveau/),
      'medium',
    );
    await user.click(within(section).getByRole('button', { name: 'Enregistrer l’évaluation' }));
    expect(await within(section).findAllByText('Ce champ est obligatoire.')).toHaveLength(1);
    await user.selectOptions(
      within(within(section).getByRole('group', { name: 'Psychosociale' })).getByLabelText(/Niveau/),
      'low',
    );
    await user.click(within(section).getByRole('button', { name: 'Enregistrer l’évaluation' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      economic: { level: 'high', notes: 'Pas de revenu.' },
      social: { level: 'medium', notes: null },
      psychosocial: { level: 'low', notes: null },
    });
    expect(await within(section).findByText(/Dernière évaluation/)).toBeTruthy();
  });
});
