import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { OFFICES } from '../../test-utils/fixtures';
import {
  CARE_ID,
  makeCareProject,
  makeFramework,
  makeManualValue,
  makeMeAndEOfficer,
  makeProjectManager,
  Q3_ID,
  SAT_ID,
} from '../../test-utils/fixtures-reporting';
import { renderWithProviders } from '../../test-utils/render';

const VALUES_ROUTE = `/projects/${CARE_ID}/reporting/values`;
const VALUE_PATH = `/api/report-indicators/${SAT_ID}/values/${Q3_ID}`;

function stubValues(
  framework: ReturnType<typeof makeFramework>,
  extra: Parameters<typeof stubFetch>[0] = {},
) {
  return stubFetch({
    [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, framework),
    [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
    'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
    ...extra,
  });
}

describe('manual values', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets the M&E officer correct a returned value and attach its evidence, but not validate it', async () => {
    const returned = makeManualValue({
      status: 'returned',
      decidedByName: 'Thomas Petit',
      decidedAt: '2015-09-25T10:00:00.000Z',
      decisionComment: 'Il manque la feuille de présence de Shkodër.',
      evidence: null,
    });
    const { requests } = stubValues(
      makeFramework({ manualValues: [returned], can: { manage: false, enter: true, export: true } }),
      {
        [`PUT ${VALUE_PATH}`]: () =>
          jsonResponse(200, { ...returned, value: 5, status: 'submitted', version: 3 }),
        [`POST ${VALUE_PATH}/evidence`]: () =>
          jsonResponse(
            200,
            makeManualValue({
              value: 5,
              version: 4,
              evidence: { fileName: 'presences.pdf', contentType: 'application/pdf', sizeBytes: 4 },
            }),
          ),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMeAndEOfficer(), route: VALUES_ROUTE });
    const table = await screen.findByRole('region', { name: 'Valeurs de P1.1 par période' });
    const q3 = within(table).getByRole('row', { name: /T3 2015/ });
    expect(within(q3).getByText('Renvoyée')).toBeTruthy();
    expect(within(q3).getByText('Il manque la feuille de présence de Shkodër.')).toBeTruthy();
    // Closed periods are read-only; nobody but the manager validates.
    const q1 = within(table).getByRole('row', { name: /T1 2015/ });
    expect(within(q1).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Valider/ })).toBeNull();

    await user.click(within(q3).getByRole('button', { name: 'Modifier la valeur : P1.1 T3 2015' }));
    const dialog = await screen.findByRole('dialog', { name: 'Valeur de P1.1 pour T3 2015' });
    expect(dialog.textContent).toContain('Renvoyée : Il manque la feuille de présence de Shkodër.');
    const value = within(dialog).getByLabelText(/^Valeur/);
    await user.clear(value);
    await user.type(value, 'cinq');
    await user.click(within(dialog).getByRole('button', { name: 'Soumettre' }));
    expect(await within(dialog).findByText('Valeur invalide.')).toBeTruthy();
    await user.clear(value);
    await user.type(value, '5');
    await user.clear(within(dialog).getByLabelText(/^Commentaire/));
    await user.type(within(dialog).getByLabelText(/^Commentaire/), 'Ateliers de Tirana et de Shkodër');
    await user.upload(
      within(dialog).getByLabelText(/^Pièce justificative/),
      new File(['%PDF'], 'presences.pdf', { type: 'application/pdf' }),
    );
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Soumettre' }));

    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/evidence'))).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      value: 5,
      comment: 'Ateliers de Tirana et de Shkodër',
      version: 2,
    });
    const upload = requests.find((r) => r.url.endsWith('/evidence'));
    expect(upload?.body).toBeInstanceOf(FormData);
    expect(((upload?.body as FormData | undefined)?.get('file') as File | undefined)?.name).toBe(
      'presences.pdf',
    );
    // The value first, then its evidence.
    expect(requests.findIndex((r) => r.method === 'PUT')).toBeLessThan(
      requests.findIndex((r) => r.url.endsWith('/evidence')),
    );
  });

  it('lets the project manager validate a submitted value, or return it with a reason', async () => {
    const { requests } = stubValues(makeFramework(), {
      [`POST ${VALUE_PATH}/decision`]: (r) =>
        jsonResponse(
          200,
          makeManualValue({ status: (r.body as { decision: 'validated' | 'returned' }).decision }),
        ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: VALUES_ROUTE });
    const table = await screen.findByRole('region', { name: 'Valeurs de P1.1 par période' });
    const q3 = within(table).getByRole('row', { name: /T3 2015/ });
    expect(within(q3).getByText('Soumise')).toBeTruthy();
    expect(
      within(q3)
        .getByRole('link', { name: /presence\.pdf/ })
        .getAttribute('href'),
    ).toBe(`${VALUE_PATH}/evidence`);

    await user.click(within(q3).getByRole('button', { name: 'Renvoyer la valeur : P1.1 T3 2015' }));
    const back = await screen.findByRole('dialog', { name: 'Renvoyer la valeur de P1.1 pour T3 2015' });
    expect(back.textContent).toContain('Valeur : 4, saisie par Claire Dubois ; justificatif : presence.pdf.');
    await user.click(within(back).getByRole('button', { name: 'Renvoyer' }));
    expect(await within(back).findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.type(within(back).getByLabelText(/^Ce qu’il faut corriger/), 'Joindre la feuille signée.');
    await user.click(within(back).getByRole('button', { name: 'Renvoyer' }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/decision'))).toBe(true));
    expect(requests.find((r) => r.url.endsWith('/decision'))?.body).toEqual({
      version: 2,
      decision: 'returned',
      comment: 'Joindre la feuille signée.',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(within(q3).getByRole('button', { name: 'Valider la valeur : P1.1 T3 2015' }));
    const validate = await screen.findByRole('dialog', { name: 'Valider la valeur de P1.1 pour T3 2015' });
    await user.click(within(validate).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(requests.filter((r) => r.url.endsWith('/decision'))).toHaveLength(2));
    expect(requests.filter((r) => r.url.endsWith('/decision'))[1]?.body).toEqual({
      version: 2,
      decision: 'validated',
      comment: '',
    });
  });
});
