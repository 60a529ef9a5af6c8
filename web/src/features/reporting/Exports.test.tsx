import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { OFFICES } from '../../test-utils/fixtures';
import {
  CARE_ID,
  EXPORT_ID,
  makeCareProject,
  makeExport,
  makeFramework,
  makeProjectManager,
  makeReport,
  Q2_ID,
} from '../../test-utils/fixtures-reporting';
import { renderWithProviders } from '../../test-utils/render';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('report exports', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for an export of the period shown, follows its progress, then offers the file', async () => {
    const done = makeExport({
      status: 'done',
      progress: 100,
      fileName: 'CARE-T2-2015.pdf',
      sizeBytes: 48_128,
      finishedAt: '2015-10-02T08:05:03.000Z',
      parameters: { periodId: Q2_ID, language: 'en', shared: true, breakdowns: [] },
    });
    const progress = [
      makeExport({ status: 'running', progress: 40 }),
      makeExport({ status: 'running', progress: 80 }),
      done,
    ];
    let polls = 0;
    let requested = false;
    const { requests } = stubFetch({
      [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, makeFramework()),
      [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`GET /api/projects/${CARE_ID}/report`]: () => jsonResponse(200, makeReport()),
      [`GET /api/projects/${CARE_ID}/report-exports`]: () =>
        jsonResponse(200, requested && polls >= progress.length ? [done] : []),
      [`POST /api/projects/${CARE_ID}/report-exports`]: () => {
        requested = true;
        return jsonResponse(202, makeExport());
      },
      [`GET /api/report-exports/${EXPORT_ID}`]: () =>
        jsonResponse(200, progress[Math.min(polls++, progress.length - 1)]),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: `/projects/${CARE_ID}/reporting` });
    const exports = await screen.findByRole('region', { name: 'Exports' });
    expect(await within(exports).findByText('Aucun export pour l’instant.')).toBeTruthy();
    expect(within(exports).getByText('L’export reprend la période affichée (T2 2015).')).toBeTruthy();

    await user.click(within(exports).getByRole('radio', { name: /^PDF/ }));
    await user.selectOptions(within(exports).getByLabelText('Langue du fichier'), 'en');
    await user.click(within(exports).getByRole('button', { name: 'Exporter' }));

    const current = await within(exports).findByRole('region', { name: 'Dernier export demandé (PDF)' });
    await within(current).findByText('Préparation : 40 %');
    expect(within(current).getByRole('progressbar', { name: 'Progression de l’export' })).toBeTruthy();
    const link = await within(current).findByRole(
      'link',
      { name: 'Télécharger CARE-T2-2015.pdf' },
      { timeout: 8000 },
    );
    expect(link.getAttribute('href')).toBe(`/api/report-exports/${EXPORT_ID}/file`);
    expect(link.getAttribute('download')).toBe('CARE-T2-2015.pdf');
    expect(within(current).getByRole('status').textContent).toBe('Prêt à télécharger.');
    expect(within(current).queryByRole('progressbar')).toBeNull();
    expect(plain(current.textContent)).toContain('47 ko');

    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      format: 'pdf',
      language: 'en',
      periodId: Q2_ID,
      breakdowns: [],
      shared: true,
    });
    // Asked about about every second, then no more once done.
    const asked = requests.filter((r) => r.url === `/api/report-exports/${EXPORT_ID}`).length;
    expect(asked).toBeGreaterThanOrEqual(3);

    // The recent list shows it with its expiry.
    const recent = await within(exports).findByRole('region', { name: 'Exports récents' });
    await waitFor(() => expect(within(recent).getByRole('link', { name: /CARE-T2-2015\.pdf/ })).toBeTruthy());
    const row = within(recent).getAllByRole('row')[1] as HTMLElement;
    expect(plain(row.textContent)).toContain('T2 2015');
    expect(plain(row.textContent)).toContain('English');
    expect(plain(row.textContent)).toContain('2099');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(requests.filter((r) => r.url === `/api/report-exports/${EXPORT_ID}`).length).toBe(asked);
  });

  it('says why an export failed', async () => {
    stubFetch({
      [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, makeFramework()),
      [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`GET /api/projects/${CARE_ID}/report`]: () => jsonResponse(200, makeReport()),
      [`GET /api/projects/${CARE_ID}/report-exports`]: () => jsonResponse(200, []),
      [`POST /api/projects/${CARE_ID}/report-exports`]: () =>
        jsonResponse(202, makeExport({ format: 'xlsx' })),
      [`GET /api/report-exports/${EXPORT_ID}`]: () =>
        jsonResponse(200, makeExport({ format: 'xlsx', status: 'failed', error: 'not_found' })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeProjectManager(), route: `/projects/${CARE_ID}/reporting` });
    const exports = await screen.findByRole('region', { name: 'Exports' });
    await user.click(within(exports).getByRole('button', { name: 'Exporter' }));
    expect(await within(exports).findByText('Vous n’avez plus accès à ce projet.')).toBeTruthy();
    expect(within(exports).getByText('L’export a échoué.')).toBeTruthy();
  });
});
