import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, type RecordedRequest, stubFetch } from '../../test-utils/fetch';
import { OFFICES } from '../../test-utils/fixtures';
import {
  CARE_ID,
  CATALOGUE,
  makeCareProject,
  makeDonor,
  makeExport,
  makeFramework,
  makeProjectManager,
  makeReport,
  Q1_ID,
} from '../../test-utils/fixtures-reporting';
import { renderWithProviders } from '../../test-utils/render';

/** Text as a reader sees it: the narrow and non-breaking spaces of French numbers made plain. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const reportUrls = (requests: RecordedRequest[]) =>
  requests
    .filter(
      (r) =>
        r.url.startsWith(`/api/projects/${CARE_ID}/report?`) || r.url === `/api/projects/${CARE_ID}/report`,
    )
    .map((r) => decodeURIComponent(r.url));

function stubReporting(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, makeFramework()),
    [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
    'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
    [`GET /api/projects/${CARE_ID}/report`]: (r) =>
      jsonResponse(200, makeReport({ shared: r.url.includes('shared=true') })),
    [`GET /api/projects/${CARE_ID}/report-exports`]: () => jsonResponse(200, []),
    'GET /api/reporting/catalogue': () => jsonResponse(200, CATALOGUE),
    ...extra,
  });
}

describe('project reporting dashboard', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each indicator under its outcome with what it counts, its figures against target and its trend table', async () => {
    stubReporting();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: `/projects/${CARE_ID}/reporting` });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'CARE · Rapports au bailleur' }),
    ).toBeTruthy();
    const card = await screen.findByRole('article', { name: 'I1.1 Personnes assistées' });

    // Grouped by the results framework: the outcome's section holds the indicator.
    const outcome = screen.getByRole('region', { name: 'R1 Les victimes sont assistées' });
    expect(within(outcome).getByRole('article', { name: 'I1.1 Personnes assistées' })).toBe(card);

    const text = plain(card.textContent);
    expect(text).toContain('Valeur sur T2 2015');
    expect(within(card).getByTestId('indicator-value').textContent).toBe('23');
    expect(text).toContain('96 sur une cible de 130');
    expect(text).toContain('Ce que ce chiffre compte');
    expect(text).toContain(
      'comptées une fois, dans la période où leur premier dossier du projet a été ouvert',
    );
    expect(text).toContain('Registre des dossiers');
    expect(text).toContain('Instantané signé');
    expect(
      within(card).getByRole('progressbar', { name: /I1\.1 : 74\s% de la cible du projet/ }),
    ).toBeTruthy();
    // 74 % of the target with 78 % of the project's time elapsed at the end of June 2015: within 10 points.
    expect(within(card).getByText('Dans les temps')).toBeTruthy();
    expect(text).toContain('temps écoulé à la fin de la période : 78 %');

    // The trend chart is named, and its figures are in a table behind a button.
    expect(
      within(card).getByRole('img', { name: /Graphique : I1\.1 · Personnes assistées : valeur et cible/ }),
    ).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Afficher le tableau' }));
    const trend = within(card).getByRole('table', { name: 'Valeur et cible de I1.1 par période' });
    const q2 = within(trend).getByRole('row', { name: /T2 2015/ });
    expect(plain(q2.textContent)).toBe('T2 20152325Instantané signé');

    // The manual indicator under the output: its state and comment.
    const manual = screen.getByRole('article', { name: 'P1.1 Partenaires formés au suivi' });
    expect(within(manual).getByText('Validée')).toBeTruthy();
    expect(plain(manual.textContent)).toContain('Deux ateliers');
    expect(plain(manual.textContent)).toContain(
      'saisie pour la période par le chargé de suivi et évaluation',
    );

    // The period, its signed snapshot and its signature.
    const period = screen.getByLabelText('Période') as HTMLSelectElement;
    expect(period.selectedOptions[0]?.textContent).toBe('T2 2015 — clôturée, instantané signé');
    expect(screen.getByText('Signature valide')).toBeTruthy();
    expect(screen.getByText(/Rapport interne : toutes les cellules sont affichées/)).toBeTruthy();

    // Changes since submission, and the budget burn (a line overspent).
    const changes = screen.getByRole('region', { name: 'Changements depuis la soumission' });
    expect(plain(within(changes).getByRole('row', { name: /T1 2015/ }).textContent)).toBe(
      'T1 2015I1.1Total3133+2',
    );
    const budget = screen.getByRole('table', { name: /Budget et dépenses \(prestations remises\)/ });
    expect(plain(within(budget).getByRole('row', { name: /CARE-08/ }).textContent)).toContain('dépassement');
    expect(screen.getByRole('img', { name: /Graphique : Part du budget dépensée par ligne/ })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('hides small cells in a report to share, says how many, and never shows them as 0', async () => {
    const { requests } = stubReporting();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: `/projects/${CARE_ID}/reporting` });
    await screen.findByRole('article', { name: 'I1.1 Personnes assistées' });
    await user.click(
      screen.getByRole('switch', { name: /Rapport à partager \(petites cellules masquées\)/ }),
    );
    const note = await screen.findByRole('note');
    expect(plain(note.textContent)).toContain(
      '3 cellule(s) de moins de 5 personnes (masquage primaire) et 1 autre(s)',
    );
    expect(plain(note.textContent)).toContain(
      'Une cellule masquée est marquée « masqué » : elle ne vaut pas zéro.',
    );
    expect(reportUrls(requests).at(-1)).toContain('shared=true');

    await user.click(
      screen.getByRole('button', { name: 'Détails et ventilations : I1.1 Personnes assistées' }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'I1.1 · Personnes assistées' });
    expect(plain(drawer.textContent)).toContain(
      'Personnes assistées (définition persons_assisted, version 1)',
    );
    expect(plain(drawer.textContent)).toContain('Registre des dossiers');
    const bySex = within(drawer).getByRole('table', { name: 'Personnes assistées par Sexe' });
    const male = within(bySex).getByRole('row', { name: /Homme/ });
    expect(plain(male.textContent)).toBe(
      'Hommemasqué (moins de 5 personnes, ou masqué pour en protéger un autre)',
    );
    expect(within(male).getByTitle(/Il ne vaut pas zéro/)).toBeTruthy();

    // The pair as a matrix with its margins.
    const matrix = within(drawer).getByRole('table', {
      name: 'Personnes assistées par Sexe × Tranche d’âge',
    });
    const header = within(matrix)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(header).toEqual(['Sexe \\ Tranche d’âge', 'Adulte', 'Mineur', 'Total']);
    const female = within(matrix).getByRole('row', { name: /^Femme/ });
    expect(
      within(female)
        .getAllByRole('cell')
        .map((c) => plain(c.textContent).split(' (')[0]),
    ).toEqual(['17', 'masqué', '20']);
    const total = within(matrix).getByRole('row', { name: /^Total/ });
    expect(
      within(total)
        .getAllByRole('cell')
        .map((c) => plain(c.textContent).split(' (')[0]),
    ).toEqual(['19', 'masqué', '23']);
    // The bar chart of a breakdown, named, with its table behind a button.
    expect(
      within(drawer).getByRole('img', { name: 'Graphique : Personnes assistées par Sexe' }),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('asks for another period, one office, and an extra pair of breakdowns', async () => {
    const { requests } = stubReporting();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: `/projects/${CARE_ID}/reporting` });
    await screen.findByRole('article', { name: 'I1.1 Personnes assistées' });
    const periods = (screen.getByLabelText('Période') as HTMLSelectElement).options;
    expect([...periods].map((o) => o.textContent)).toEqual([
      'T1 2015 — clôturée, instantané signé',
      'T2 2015 — clôturée, instantané signé',
      'T3 2015 — ouverte',
    ]);
    await user.selectOptions(screen.getByLabelText('Période'), Q1_ID);
    await waitFor(() => expect(reportUrls(requests).at(-1)).toContain(`periodId=${Q1_ID}`));

    const office = screen.getByLabelText(/^Bureau/) as HTMLSelectElement;
    expect([...office.options].map((o) => o.textContent)).toEqual([
      'Tous les bureaux du projet',
      'Paris (PARIS)',
      'Dakar (DAKAR)',
    ]);
    await user.selectOptions(office, OFFICES[1]?.id ?? '');
    await waitFor(() => expect(reportUrls(requests).at(-1)).toContain(`officeId=${OFFICES[1]?.id}`));

    const picker = screen.getByRole('group', { name: 'Ventilations supplémentaires' });
    await user.selectOptions(within(picker).getByLabelText('Par'), 'nationality');
    await user.selectOptions(within(picker).getByLabelText('croisé avec (facultatif)'), 'sex');
    await user.click(within(picker).getByRole('button', { name: 'Ajouter la ventilation' }));
    await waitFor(() => expect(reportUrls(requests).at(-1)).toContain('breakdowns=nationality*sex'));
    expect(
      within(picker).getByRole('button', { name: 'Retirer la ventilation Nationalité × Sexe' }),
    ).toBeTruthy();
  });

  it('is reached from the project page', async () => {
    stubReporting({
      [`GET /api/projects/${CARE_ID}/indicators`]: () => jsonResponse(404, {}),
      [`GET /api/projects/${CARE_ID}/budget`]: () => jsonResponse(404, {}),
      'GET /api/exchange-rates': () => jsonResponse(200, { items: [] }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: `/projects/${CARE_ID}` });
    await user.click(await screen.findByRole('link', { name: 'Rapports au bailleur' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'CARE · Rapports au bailleur' }),
    ).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Rapports du projet' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      'Tableau de bord',
      'Cadre de résultats et périodes',
      'Valeurs manuelles',
      'Accès des bailleurs',
    ]);
  });
});

describe('donor area', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a granted project read-only, always suppressed, and exports through the donor routes', async () => {
    const { requests } = stubFetch({
      'GET /api/donor/projects': () =>
        jsonResponse(200, [
          {
            id: CARE_ID,
            code: 'CARE',
            name: 'CARE – Tailored reintegration of victims of trafficking',
            donor: 'Union européenne',
            startDate: '2013-09-01',
            endDate: '2015-12-31',
          },
        ]),
      [`GET /api/donor/projects/${CARE_ID}/report`]: () => jsonResponse(200, makeReport({ shared: true })),
      [`GET /api/donor/projects/${CARE_ID}/exports`]: () => jsonResponse(200, []),
      [`POST /api/donor/projects/${CARE_ID}/exports`]: () =>
        jsonResponse(202, makeExport({ format: 'xlsx' })),
      [`GET /api/donor/exports/${makeExport().id}`]: () =>
        jsonResponse(
          200,
          makeExport({
            format: 'xlsx',
            status: 'done',
            progress: 100,
            fileName: 'CARE.xlsx',
            sizeBytes: 5000,
          }),
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeDonor(), route: '/donor' });
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Projets financés' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Rapports' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Projets' })).toBeNull();

    await user.click(await screen.findByRole('link', { name: /CARE – Tailored reintegration/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'CARE · Rapports au bailleur' }),
    ).toBeTruthy();
    await screen.findByRole('article', { name: 'I1.1 Personnes assistées' });
    expect(screen.queryByRole('switch', { name: /Rapport à partager/ })).toBeNull();
    expect(screen.queryByLabelText(/^Bureau/)).toBeNull();
    expect(plain((await screen.findByRole('note')).textContent)).toContain(
      'Les rapports des bailleurs sont toujours masqués.',
    );
    // The periods a donor may choose are those the report's series names.
    const periods = (screen.getByLabelText('Période') as HTMLSelectElement).options;
    expect([...periods].map((o) => o.textContent)).toEqual([
      'T1 2015 — clôturée, instantané signé',
      'T2 2015 — clôturée, instantané signé',
    ]);

    const exports = screen.getByRole('region', { name: 'Exports' });
    const hide = within(exports).getByRole('switch', {
      name: /^Masquer les petites cellules/,
    }) as HTMLInputElement;
    expect(hide.checked && hide.disabled).toBe(true);
    await user.click(within(exports).getByRole('button', { name: 'Exporter' }));
    const link = await within(exports).findByRole('link', { name: 'Télécharger CARE.xlsx' });
    expect(link.getAttribute('href')).toBe(`/api/donor/exports/${makeExport().id}/file`);
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ format: 'xlsx', shared: true });
    expect(requests.some((r) => r.url.startsWith('/api/projects/'))).toBe(false);
  });
});
