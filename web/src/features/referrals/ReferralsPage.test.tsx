import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { PARIS_ID } from '../../test-utils/fixtures';
import { makeReferralSummary, makeTiranaSupervisor, TIRANA_ID } from '../../test-utils/fixtures-referrals';
import { renderWithProviders } from '../../test-utils/render';

describe('the referrals pages', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('has a navigation entry for those who follow referrals', async () => {
    stubFetch({ 'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }) });
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor() });
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Orientations' }).getAttribute('href')).toBe('/referrals');
  });

  it('lists incoming and outgoing referrals, filtered by status and overdue answers', async () => {
    const { requests } = stubFetch({
      'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }),
      'GET /api/referrals': (request) =>
        jsonResponse(200, {
          items: request.url.includes('direction=outgoing')
            ? []
            : [makeReferralSummary({ overdue: true, consentOverride: true })],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route: '/referrals' });
    const table = await screen.findByRole('table', { name: 'Orientations et transferts reçus' });
    expect(requests.find((r) => r.url.startsWith('/api/referrals'))?.url).toBe(
      '/api/referrals?direction=incoming',
    );
    const row = within(table)
      .getByRole('rowheader', { name: /REF-2025-00012/ })
      .closest('tr') as HTMLElement;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'Transfert',
      'Retour volontaire et réintégration',
      'A. H. · Femme · âge : 34 · Albanie',
      'PARIS →vers TIRANA',
      '1 mars 2025',
      '8 mars 2025En retard',
      'En attenteSans consentement',
    ]);
    expect(within(row).getByText('Sans consentement')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Statut' }), 'pending');
    await user.click(
      screen.getByRole('checkbox', { name: 'Seulement celles dont la réponse est en retard' }),
    );
    await waitFor(() =>
      expect(
        requests.some((r) => r.url === '/api/referrals?direction=incoming&status=pending&overdue=true'),
      ).toBe(true),
    );
    await user.click(screen.getByRole('tab', { name: 'Envoyées' }));
    expect(await screen.findByText('Aucune orientation ne correspond.')).toBeTruthy();
    expect(
      requests.some((r) => r.url === '/api/referrals?direction=outgoing&status=pending&overdue=true'),
    ).toBe(true);
  }, 15_000);

  it('shows the dashboard per office', async () => {
    stubFetch({
      'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }),
      'GET /api/referrals/dashboard': () =>
        jsonResponse(200, {
          offices: [
            {
              office: { id: TIRANA_ID, code: 'TIRANA', name: 'Tirana' },
              incoming: { pending: 2, overdue: 1, accepted: 5, declined: 1 },
              outgoing: { pending: 0, overdue: 0, accepted: 0, declined: 0 },
              medianResponseHours: 30.5,
              consentOverrides: 0,
            },
            {
              office: { id: PARIS_ID, code: 'PARIS', name: 'Paris' },
              incoming: { pending: 0, overdue: 0, accepted: 0, declined: 0 },
              outgoing: { pending: 2, overdue: 1, accepted: 5, declined: 1 },
              medianResponseHours: null,
              consentOverrides: 1,
            },
          ],
        }),
    });
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route: '/referrals/dashboard' });
    const table = await screen.findByRole('table', { name: 'Orientations et transferts par bureau' });
    const rows = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.closest('tr') as HTMLElement);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['0', '0', '0', '0', '2', '1', '5', '1', '—', '1'],
      ['2', '1', '5', '1', '0', '0', '0', '0', '30,5 h', '0'],
    ]);
    expect(await seriousViolations()).toEqual([]);
  }, 15_000);
});
