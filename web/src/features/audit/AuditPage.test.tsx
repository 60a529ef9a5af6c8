import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { makeMe, OFFICES } from '../../test-utils/fixtures';
import { makeAuditEvent } from '../../test-utils/fixtures-more';
import { renderWithProviders } from '../../test-utils/render';
import { localDayBoundary } from './dates';

describe('audit log', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says when what a beneficiary’s event changed is withheld from the reader', async () => {
    stubFetch({
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      'GET /api/audit': () =>
        jsonResponse(200, {
          items: [
            makeAuditEvent(12, {
              action: 'person.updated',
              recordType: 'person',
              changes: null,
              withheld: true,
            }),
          ],
          nextBefore: null,
        }),
    });
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/audit' });
    expect(
      await screen.findByText(
        'Concerne un bénéficiaire : le détail n’est montré qu’aux personnes autorisées à lire sa fiche.',
      ),
    ).toBeTruthy();
  });

  it('shows changes as old → new and pages to older events with before=nextBefore', async () => {
    const { requests } = stubFetch({
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      'GET /api/audit': (request) =>
        request.url.includes('before=10')
          ? jsonResponse(200, {
              items: [makeAuditEvent(9, { action: 'office.created', changes: null })],
              nextBefore: null,
            })
          : jsonResponse(200, { items: [makeAuditEvent(10)], nextBefore: 10 }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/audit' });

    expect(await screen.findByText('user.updated')).toBeTruthy();
    expect(screen.getByText('Compte modifié')).toBeTruthy();
    expect(screen.getByText('Utilisateur')).toBeTruthy();
    expect(screen.getByText('user')).toBeTruthy();
    expect(screen.getByText('displayName')).toBeTruthy();
    expect(screen.getByText('Bob')).toBeTruthy();
    expect(screen.getByText('Bob Diallo')).toBeTruthy();
    expect(screen.getAllByText('Paris').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Afficher les événements plus anciens' }));
    expect(await screen.findByText('office.created')).toBeTruthy();
    expect(screen.getByText('Bureau créé')).toBeTruthy();
    expect(requests.some((r) => r.url === '/api/audit?before=10&limit=50')).toBe(true);
    expect(screen.getByText('Tous les événements correspondants sont affichés.')).toBeTruthy();
  });

  it('sends the filters, dates as local day boundaries', async () => {
    const { requests } = stubFetch({
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      'GET /api/audit': () => jsonResponse(200, { items: [], nextBefore: null }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/audit' });
    await screen.findByText('Aucun événement ne correspond à ces critères.');

    await user.type(screen.getByLabelText('E-mail de l’auteur'), 'bob@');
    await user.type(screen.getByLabelText('Du'), '2025-03-01');
    await user.type(screen.getByLabelText('Au'), '2025-03-31');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));

    await waitFor(() => expect(requests.filter((r) => r.url.startsWith('/api/audit'))).toHaveLength(2));
    const url = new URL(requests.at(-1)?.url ?? '', 'http://localhost');
    expect(url.searchParams.get('actor')).toBe('bob@');
    expect(url.searchParams.get('from')).toBe(localDayBoundary('2025-03-01', 'start'));
    expect(url.searchParams.get('to')).toBe(localDayBoundary('2025-03-31', 'end'));
  });

  it('rejects an end date before the start date', async () => {
    stubFetch({
      'GET /api/offices': () => jsonResponse(200, { items: OFFICES }),
      'GET /api/audit': () => jsonResponse(200, { items: [], nextBefore: null }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/audit' });
    await user.type(await screen.findByLabelText('Du'), '2025-03-31');
    await user.type(screen.getByLabelText('Au'), '2025-03-01');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByText('La date de fin doit être postérieure à la date de début.')).toBeTruthy();
  });
});

describe('localDayBoundary', () => {
  it('covers the whole local day', () => {
    const start = new Date(localDayBoundary('2025-03-01', 'start'));
    const end = new Date(localDayBoundary('2025-03-01', 'end'));
    expect(start.getHours()).toBe(0);
    expect(start.getDate()).toBe(1);
    expect(end.getHours()).toBe(23);
    expect(end.getDate()).toBe(1);
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(localDayBoundary('2025-03-01', 'start')).toMatch(/^2025-03-01T00:00:00\.000[+-]\d{2}:\d{2}$/);
  });
});
