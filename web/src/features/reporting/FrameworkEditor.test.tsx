import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { OFFICES } from '../../test-utils/fixtures';
import {
  CARE_ID,
  CATALOGUE,
  makeCareProject,
  makeFramework,
  makeIndicator,
  makePeriod,
  makeProjectManager,
  OUTCOME_ID,
  PA_ID,
  Q3_ID,
} from '../../test-utils/fixtures-reporting';
import { renderWithProviders } from '../../test-utils/render';

const FRAMEWORK_ROUTE = `/projects/${CARE_ID}/reporting/framework`;

function stubFramework(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, makeFramework()),
    [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
    'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
    'GET /api/reporting/catalogue': () => jsonResponse(200, CATALOGUE),
    ...extra,
  });
}

/** The error message a field is described by (Mantine links it with aria-describedby). */
function fieldError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function openAddIndicator(user: ReturnType<typeof userEvent.setup>) {
  const outcome = await screen.findByRole('region', { name: 'R1 Les victimes sont assistées' });
  await user.click(within(outcome).getAllByRole('button', { name: /^Actions : R1/ })[0] as HTMLElement);
  await user.click(await screen.findByRole('menuitem', { name: 'Ajouter un indicateur' }));
  return screen.findByRole('dialog', { name: 'Ajouter un indicateur' });
}

describe('results framework editor', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('adds a computed indicator from the catalogue, with only its breakdowns, and sends the right body', async () => {
    const { requests } = stubFramework({
      [`POST /api/projects/${CARE_ID}/framework/indicators`]: () =>
        jsonResponse(201, makeIndicator({ id: '1d1d1d1d-1d1d-41d1-81d1-1d1d1d1d1d1d', code: 'I1.2' })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: FRAMEWORK_ROUTE });
    const dialog = await openAddIndicator(user);

    // Unavailable definitions are there, disabled, with their reason.
    const definition = within(dialog).getByLabelText(/^Définition du catalogue/) as HTMLSelectElement;
    const resettled = [...definition.options].find((o) => o.value === 'persons_resettled@1');
    expect(resettled?.disabled).toBe(true);
    expect(resettled?.textContent).toBe('Personnes réinstallées, par étape (indisponible)');
    expect(dialog.textContent).toContain(
      'Personnes réinstallées, par étape : Disponible quand le module de réinstallation (ménages, mouvements) existera.',
    );

    await user.selectOptions(definition, 'persons_returned@1');
    // What it counts, and its wording as a start for the titles.
    expect(within(dialog).getByText(/Personnes dont un dossier du projet a atteint le départ/)).toBeTruthy();
    expect((within(dialog).getByLabelText(/^Intitulé en français/) as HTMLInputElement).value).toBe(
      'Personnes retournées',
    );
    expect((within(dialog).getByLabelText(/^Intitulé en anglais/) as HTMLInputElement).value).toBe(
      'Persons returned',
    );

    const breakdowns = within(dialog).getByRole('group', { name: 'Ventilations' });
    const first = within(breakdowns).getByLabelText('Par') as HTMLSelectElement;
    const offered = [...first.options].map((o) => o.value).filter(Boolean);
    expect(offered).toEqual([
      'sex',
      'age_band',
      'nationality',
      'host_country',
      'return_country',
      'vulnerability',
      'office',
    ]);
    await user.selectOptions(first, 'sex');
    await user.click(within(breakdowns).getByRole('button', { name: 'Ajouter la ventilation' }));
    await user.selectOptions(first, 'sex');
    await user.selectOptions(within(breakdowns).getByLabelText('croisé avec (facultatif)'), 'age_band');
    await user.click(within(breakdowns).getByRole('button', { name: 'Ajouter la ventilation' }));

    await user.type(within(dialog).getByLabelText(/^Code/), 'I1.2');
    await user.type(within(dialog).getByLabelText(/^Valeur de référence/), '0');
    await user.type(within(dialog).getByLabelText(/^Cible du projet/), '1 20');
    await user.type(
      within(dialog).getByLabelText(/^Moyens de vérification \(français\)/),
      'Registre des départs',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      nodeId: OUTCOME_ID,
      code: 'I1.2',
      title: { fr: 'Personnes retournées', en: 'Persons returned' },
      unit: 'persons',
      kind: 'computed',
      definition: { id: 'persons_returned', version: 1 },
      baseline: 0,
      target: 120,
      meansOfVerification: { fr: 'Registre des départs', en: '' },
      breakdowns: ['sex', 'sex*age_band'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ajouter un indicateur' })).toBeNull());
  });

  it('asks for a definition, and shows the server’s refusals next to their fields', async () => {
    let answer = 0;
    const { requests } = stubFramework({
      [`POST /api/projects/${CARE_ID}/framework/indicators`]: () =>
        ++answer === 1
          ? problem(
              409,
              'framework_code_taken',
              'Ce code est déjà utilisé dans le cadre de résultats du projet.',
            )
          : problem(400, 'validation_failed', 'Certains champs ne sont pas valides.', {
              errors: [{ path: 'title.en', code: 'too_big', message: 'Au plus 500 caractères.' }],
            }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: FRAMEWORK_ROUTE });
    const dialog = await openAddIndicator(user);
    await user.type(within(dialog).getByLabelText(/^Code/), 'I1.1');
    await user.type(within(dialog).getByLabelText(/^Intitulé en français/), 'Personnes assistées');
    await user.type(within(dialog).getByLabelText(/^Intitulé en anglais/), 'Persons assisted');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const definition = within(dialog).getByLabelText(/^Définition du catalogue/);
    await waitFor(() => expect(fieldError(definition)).toContain('Choisissez une définition du catalogue.'));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.selectOptions(definition, 'persons_assisted@1');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const code = within(dialog).getByLabelText(/^Code/);
    await waitFor(() =>
      expect(fieldError(code)).toContain('Ce code est déjà utilisé dans le cadre de résultats du projet.'),
    );
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations()).toEqual([]);

    await user.clear(code);
    await user.type(code, 'I1.9');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const english = within(dialog).getByLabelText(/^Intitulé en anglais/);
    await waitFor(() => expect(fieldError(english)).toContain('Au plus 500 caractères.'));
  });

  it('edits an indicator’s targets per open period, sending only what changed', async () => {
    const { requests } = stubFramework({
      [`PATCH /api/report-indicators/${PA_ID}`]: () => jsonResponse(200, makeIndicator()),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: FRAMEWORK_ROUTE });
    await user.click(await screen.findByRole('button', { name: 'Modifier l’indicateur I1.1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier l’indicateur I1.1' });
    expect(dialog.textContent).toContain('Indicateur calculé (Personnes assistées, unité : Personnes)');
    const q3 = within(dialog).getByLabelText('Cible de T3 2015') as HTMLInputElement;
    expect(q3.value).toBe('20');
    await user.clear(q3);
    await user.type(q3, '22');
    const target = within(dialog).getByLabelText(/^Cible du projet/);
    await user.clear(target);
    await user.type(target, '140');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      version: 3,
      code: 'I1.1',
      title: { fr: 'Personnes assistées', en: 'Persons assisted' },
      baseline: 0,
      target: 140,
      meansOfVerification: { fr: 'Registre des dossiers', en: 'Case register' },
      breakdowns: ['sex', 'age_band', 'sex*age_band'],
      periodTargets: { [Q3_ID]: 22 },
    });
  });

  it('adds a period, showing an overlap on its dates, and closes one after saying what closing freezes', async () => {
    const { requests } = stubFramework({
      [`POST /api/projects/${CARE_ID}/reporting-periods`]: () =>
        problem(
          409,
          'period_overlap',
          'Cette période chevauche une autre période trimestrielle du projet (T3 2015).',
        ),
      [`POST /api/reporting-periods/${Q3_ID}/close`]: () =>
        jsonResponse(200, makePeriod({ status: 'closed', closedAt: '2015-10-05T10:00:00.000Z', version: 2 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: FRAMEWORK_ROUTE });
    const periods = await screen.findByRole('region', { name: 'Tableau des périodes de rapport' });
    expect(within(periods).getAllByText('Instantané signé')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Ajouter une période' }));
    const add = await screen.findByRole('dialog', { name: 'Ajouter une période de rapport' });
    await user.type(within(add).getByLabelText(/^Libellé/), 'T3 bis');
    await user.type(within(add).getByLabelText(/^Date de début/), '2015-09-01');
    await user.type(within(add).getByLabelText(/^Date de fin/), '2015-09-30');
    await user.click(within(add).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(fieldError(within(add).getByLabelText(/^Date de début/))).toContain('chevauche'),
    );
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'quarterly',
      label: 'T3 bis',
      startDate: '2015-09-01',
      endDate: '2015-09-30',
    });
    await user.click(within(add).getByRole('button', { name: 'Annuler' }));

    await user.click(screen.getByRole('button', { name: 'Clôturer la période T3 2015' }));
    const close = await screen.findByRole('dialog', { name: 'Clôturer la période T3 2015' });
    expect(close.textContent).toContain('vont être figés dans un instantané signé');
    expect(close.textContent).toContain('La clôture est définitive.');
    await user.type(within(close).getByLabelText('Commentaire (facultatif)'), 'Rapport intermédiaire envoyé');
    await user.click(within(close).getByRole('button', { name: 'Clôturer et signer' }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/close'))).toBe(true));
    expect(requests.find((r) => r.url.endsWith('/close'))?.body).toEqual({
      version: 1,
      comment: 'Rapport intermédiaire envoyé',
    });
  });

  it('is read-only for those who do not manage the project', async () => {
    stubFramework({
      [`GET /api/projects/${CARE_ID}/framework`]: () =>
        jsonResponse(200, makeFramework({ can: { manage: false, enter: true, export: true } })),
    });
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: FRAMEWORK_ROUTE });
    expect(await screen.findByText('Seul le chef de projet modifie le cadre de résultats.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Actions/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ajouter une période' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Accès des bailleurs' })).toBeNull();
  });
});
