import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { OFFICES } from '../../test-utils/fixtures';
import {
  CARE_ID,
  DONOR_USER_ID,
  makeCareProject,
  makeFramework,
  makeProjectManager,
  VIEWERS,
} from '../../test-utils/fixtures-reporting';
import { renderWithProviders } from '../../test-utils/render';

describe('donor access', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists the donor accounts granted, grants a candidate and revokes one after confirming', async () => {
    const candidate = VIEWERS.candidates[0] as (typeof VIEWERS.candidates)[number];
    const { requests } = stubFetch({
      [`GET /api/projects/${CARE_ID}/framework`]: () => jsonResponse(200, makeFramework()),
      [`GET /api/projects/${CARE_ID}`]: () => jsonResponse(200, makeCareProject()),
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      [`GET /api/projects/${CARE_ID}/report-viewers`]: () => jsonResponse(200, VIEWERS),
      [`POST /api/projects/${CARE_ID}/report-viewers`]: () =>
        jsonResponse(200, {
          viewers: [...VIEWERS.viewers, { ...candidate, createdAt: '2015-10-02T08:00:00.000Z' }],
          candidates: [],
        }),
      [`DELETE /api/projects/${CARE_ID}/report-viewers/${DONOR_USER_ID}`]: () => jsonResponse(204, null),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      me: makeProjectManager(),
      route: `/projects/${CARE_ID}/reporting/access`,
    });
    const table = await screen.findByRole('region', { name: 'Comptes de bailleurs ayant accès' });
    expect(within(table).getByRole('row', { name: /Ingrid Larsen/ }).textContent).toContain(
      'donor@eu.example',
    );
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Donner l’accès' }));
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Compte de bailleur/), candidate.userId);
    await user.click(screen.getByRole('button', { name: 'Donner l’accès' }));
    await waitFor(() => expect(within(table).getByRole('row', { name: /Pierre Roux/ })).toBeTruthy());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ userId: candidate.userId });

    await user.click(within(table).getByRole('button', { name: 'Retirer l’accès de Ingrid Larsen' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retirer l’accès ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Retirer l’accès' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE')).toBe(true));
  });
});
