import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { CASE_ID, makeSupervisor, makeTask, TASK_ID } from '../../test-utils/fixtures-cases';
import { renderWithProviders } from '../../test-utils/render';

const LATER = makeTask({
  id: '9a9a9a9a-9a9a-49a9-89a9-9a9a9a9a9a9a',
  title: 'Appeler la famille',
  dueDate: '2099-01-01',
  overdue: false,
});
const OVERDUE = makeTask();

describe('my tasks', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists open tasks with the overdue ones first and marked, filters overdue only and marks done', async () => {
    let done = false;
    const { requests } = stubFetch({
      'GET /api/tasks': (request) =>
        jsonResponse(200, {
          items: request.url.includes('overdue=true') ? [OVERDUE] : done ? [LATER] : [LATER, OVERDUE],
        }),
      [`PATCH /api/tasks/${TASK_ID}`]: () => {
        done = true;
        return jsonResponse(200, { ...OVERDUE, done: true, version: 2 });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/tasks' });
    const table = await screen.findByRole('table', { name: 'Mes tâches à faire' });
    expect(requests[0]?.url).toBe('/api/tasks?includeDone=false');
    const titles = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(titles).toEqual(['Réserver le billet', 'Appeler la famille']);
    const overdueRow = within(table)
      .getByRole('rowheader', { name: 'Réserver le billet' })
      .closest('tr') as HTMLElement;
    expect(within(overdueRow).getByText('En retard')).toBeTruthy();
    expect(within(overdueRow).getByRole('link', { name: 'PAR-C-000045' }).getAttribute('href')).toBe(
      `/cases/${CASE_ID}`,
    );

    await user.click(screen.getByRole('checkbox', { name: 'Seulement les tâches en retard' }));
    await waitFor(() =>
      expect(requests.some((r) => r.url === '/api/tasks?overdue=true&includeDone=false')).toBe(true),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Seulement les tâches en retard' }));

    await user.click(
      await screen.findByRole('checkbox', { name: 'Marquer comme faite : Réserver le billet' }),
    );
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 1, done: true }),
    );
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Réserver le billet' })).toBeNull());
  });
});
