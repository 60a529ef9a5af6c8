import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { makeMe, PARIS_ID } from '../../test-utils/fixtures';
import { makeProject } from '../../test-utils/fixtures-more';
import { makeBudget, makeIndicators } from '../../test-utils/fixtures-projects';
import { LINE_ID, PROJECT_ID } from '../../test-utils/fixtures-reintegration';
import { renderWithProviders } from '../../test-utils/render';

const route = `/projects/${PROJECT_ID}`;
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const manager = makeMe({
  memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'project_manager' }],
  permissions: ['offices.read', 'projects.read', 'projects.manage', 'budgets.read', 'reports.read'],
});

function stubProject(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET /api/projects/${PROJECT_ID}`]: () => jsonResponse(200, makeProject()),
    [`GET /api/projects/${PROJECT_ID}/budget`]: () => jsonResponse(200, makeBudget()),
    [`GET /api/projects/${PROJECT_ID}/indicators`]: (request) =>
      jsonResponse(200, makeIndicators(request.url.includes('suppress=true'))),
    'GET /api/exchange-rates': () =>
      jsonResponse(200, { items: [{ currency: 'IQD', rateDate: '2025-03-01', eurPerUnit: 0.00068 }] }),
    ...extra,
  });
}

describe('project page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each budget line with committed, delivered, remaining and its use', async () => {
    stubProject();
    renderWithProviders(<AppRoutes />, { me: manager, route });
    const budget = await screen.findByRole('region', { name: 'Budget' }, { timeout: 5000 });
    const table = await within(budget).findByRole('table', { name: 'Lignes budgétaires du projet' });
    const r1 = within(table).getByRole('row', { name: /R1/ });
    expect(
      within(r1)
        .getAllByRole('cell')
        .slice(0, 4)
        .map((c) => plain(c.textContent)),
    ).toEqual(['100 000,00 €', '60 000,00 €', '25 000,00 €', '40 000,00 €']);
    expect(within(r1).getByRole('progressbar', { name: 'R1 : remis 25 %' })).toBeTruthy();
    expect(within(r1).getByRole('progressbar', { name: 'R1 : engagé non remis 35 %' })).toBeTruthy();
    // Iraqi dinars have three decimals; an over-committed line shows a negative remainder.
    const iq = within(table).getByRole('row', { name: /R2-IQ/ });
    expect(plain(within(iq).getAllByRole('cell')[3]?.textContent)).toMatch(/^-2 000 000,000\sIQD$/);
    expect(plain(within(budget).getByText(/^Enveloppe de réintégration par personne/).textContent)).toBe(
      'Enveloppe de réintégration par personne : 2 000,00 €.',
    );
    expect(await screen.findByRole('table', { name: 'Taux de change enregistrés' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('edits a line with its version and the amount as typed', async () => {
    const { requests } = stubProject({
      [`PATCH /api/budget-lines/${LINE_ID}`]: () => jsonResponse(200, makeBudget()),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: manager, route });
    await user.click(await screen.findByRole('button', { name: 'Modifier la ligne R1' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier la ligne budgétaire R1' });
    const amount = within(dialog).getByLabelText(/^Montant/) as HTMLInputElement;
    expect(amount.value).toBe('100000,00');
    await user.clear(amount);
    await user.type(amount, '120 000');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      label: 'Aides à la réintégration',
      amount: { amount: '120 000', currency: 'EUR' },
      version: 2,
    });
  });

  it('hides small cells as “< 5” when the report leaves the office', async () => {
    const { requests } = stubProject();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: manager, route });
    const section = await screen.findByRole('region', { name: 'Indicateurs' }, { timeout: 5000 });
    expect(await within(section).findByText('sur une cible de 130', { exact: false })).toBeTruthy();
    expect(
      within(section).getByRole('progressbar', { name: 'Part de la cible atteinte : 40 %' }),
    ).toBeTruthy();
    const bySexBefore = within(section).getByRole('table', { name: 'Personnes par sexe' });
    expect(within(bySexBefore).getByRole('row', { name: /Homme/ }).textContent).toContain('6');

    await user.click(within(section).getByRole('switch', { name: /masquer les petits effectifs/ }));
    await waitFor(() => expect(requests.some((r) => r.url.includes('suppress=true'))).toBe(true));
    const nationality = await within(section).findByRole('table', { name: 'Personnes par nationalité' });
    await waitFor(() =>
      expect(within(nationality).getByRole('row', { name: /Ukraine/ }).textContent).toContain('< 5'),
    );
    expect(within(nationality).getByRole('row', { name: /Albanie/ }).textContent).toContain('30');
    const byAge = within(section).getByRole('table', { name: 'Personnes par tranche d’âge' });
    expect(within(byAge).getByRole('row', { name: /Mineur/ }).textContent).toContain('< 5');
    expect(within(section).getByText(/effectif masqué parce qu’il compte moins de 5 personnes/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows neither budget nor indicators without their permissions', async () => {
    stubProject();
    renderWithProviders(<AppRoutes />, {
      me: makeMe({ permissions: ['projects.read'] }),
      route,
    });
    expect(await screen.findByRole('region', { name: 'Le projet' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Budget' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Indicateurs' })).toBeNull();
  });
});
