import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { makeMe, PARIS_ID } from '../../test-utils/fixtures';
import { CARE_ID, makePortfolio, makeProjectManager } from '../../test-utils/fixtures-reporting';
import { renderWithProviders } from '../../test-utils/render';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('portfolio', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each project’s headline against target and time, its tracking and burn, with links to its dashboard', async () => {
    const { requests } = stubFetch({
      'GET /api/reporting/portfolio': (r) =>
        jsonResponse(
          200,
          r.url.includes('officeId=')
            ? makePortfolio({
                scope: 'office',
                officeCode: 'PARIS',
                projects: makePortfolio().projects.slice(0, 1),
              })
            : makePortfolio(),
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: '/' });
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).queryByRole('link', { name: 'Projets financés' })).toBeNull();
    await user.click(within(nav).getByRole('link', { name: 'Rapports' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rapports' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Rapports' }).getAttribute('aria-current')).toBe('page');

    const table = await screen.findByRole('table', { name: /Chaque projet, son indicateur phare/ });
    const care = within(table).getByRole('row', { name: /CARE : tableau de bord/ });
    expect(within(care).getByRole('link', { name: 'CARE : tableau de bord' }).getAttribute('href')).toBe(
      `/projects/${CARE_ID}/reporting`,
    );
    const text = plain(care.textContent);
    expect(text).toContain('96 sur une cible de 130');
    expect(text).toContain('74 %');
    expect(text).toContain('83 %');
    expect(text).toContain('1 dans les temps');
    expect(text).toContain('1 en retard');
    expect(text).toContain('300 000,00 € sur 400 000,00 € (75 %)');
    expect(
      within(care).getByRole('progressbar', { name: /CARE I1\.1 : 74\s% de la cible du projet/ }),
    ).toBeTruthy();

    // A headline hidden in the portfolio (small cell) reads "hidden", never 0.
    const magnet = within(table).getByRole('row', { name: /MAGNET2 : tableau de bord/ });
    expect(plain(magnet.textContent)).toContain('masqué (moins de 5 personnes');
    expect(plain(magnet.textContent)).toContain('Sans date de fin');
    expect(plain(magnet.textContent)).toContain('Aucun budget');

    expect(
      screen.getByRole('img', { name: /^Graphique : Temps écoulé, avancement de l’indicateur phare/ }),
    ).toBeTruthy();
    expect(plain(screen.getByText(/Indicateurs dans les temps/).nextElementSibling?.textContent)).toBe(
      '1 sur 3',
    );
    expect(await seriousViolations()).toEqual([]);

    await user.selectOptions(screen.getByLabelText('Périmètre'), PARIS_ID);
    await waitFor(() => expect(requests.at(-1)?.url).toBe(`/api/reporting/portfolio?officeId=${PARIS_ID}`));
    expect(await screen.findByText(/Pour le bureau PARIS, établi le/)).toBeTruthy();
  });

  it('is neither in the navigation nor open to those who do not read reports', async () => {
    stubFetch({});
    renderWithProviders(<AppRoutes />, {
      me: makeMe({
        memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' }],
        permissions: ['offices.read', 'projects.read', 'persons.read', 'cases.read'],
      }),
      route: '/reporting',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).queryByRole('link', { name: 'Rapports' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Projets financés' })).toBeNull();
  });
});
