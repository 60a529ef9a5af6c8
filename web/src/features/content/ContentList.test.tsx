import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { makeMe } from '../../test-utils/fixtures';
import {
  makeCommunications,
  makeContentItem,
  makeContentReviewer,
  makeSummary,
} from '../../test-utils/fixtures-content';
import { renderWithProviders } from '../../test-utils/render';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const ITEMS = [
  makeSummary(makeContentItem()),
  makeSummary(
    makeContentItem({
      id: '81818181-8181-4181-8181-818181818181',
      kind: 'news',
      status: 'scheduled',
      publishAt: '2026-04-01T08:00:00.000Z',
      translations: {
        fr: {
          slug: 'care-prolonge',
          title: 'CARE prolongé jusqu’en décembre 2015',
          summary: '',
          bodyHtml: '',
        },
      },
    }),
  ),
  makeSummary(
    makeContentItem({
      id: '82828282-8282-4282-8282-828282828282',
      kind: 'publication',
      status: 'in_review',
      revision: 6,
      publishedRevision: 4,
      translations: {
        fr: { slug: 'cop21', title: 'COP21 : migrations et climat', summary: '', bodyHtml: '' },
      },
    }),
  ),
];

function rows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => plain(cell.textContent)));
}

describe('public site content list', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('is in the navigation of those who read content only', async () => {
    stubFetch({ 'GET /api/content': () => jsonResponse(200, { items: [], total: 0 }) });
    renderWithProviders(<AppRoutes />, { me: makeMe(), route: '/content' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Navigation principale' })).queryByRole('link', {
        name: 'Site public',
      }),
    ).toBeNull();
    cleanup();
    renderWithProviders(<AppRoutes />, { me: makeContentReviewer(), route: '/' });
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Site public' }).getAttribute('href')).toBe('/content');
  });

  it('lists items with their kind, status (scheduled time, changes pending) and last change', async () => {
    stubFetch({ 'GET /api/content': () => jsonResponse(200, { items: ITEMS, total: 3 }) });
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: '/content' });
    const table = await screen.findByRole('table', { name: 'Contenus du site public' });
    const [first, second, third] = rows(table);
    expect(first?.slice(0, 3)).toEqual(['Situation à Calaiscalais', 'Communiqué de presse', 'Brouillon']);
    expect(first?.[3]).toContain('Léa Fontaine');
    expect(second?.[2]).toMatch(/^Programméle 1 avr\. 2026/);
    expect(third?.[2]).toBe('Publié — modifications en attenteNouvelle version : En relecture');
    expect(within(table).getByRole('link', { name: 'Situation à Calais' }).getAttribute('href')).toBe(
      `/content/${ITEMS[0]?.id}`,
    );
    expect(screen.getByRole('status').textContent).toBe('3 contenus');
    expect(screen.getByRole('link', { name: 'Nouveau contenu' }).getAttribute('href')).toBe('/content/new');
    expect(await seriousViolations()).toEqual([]);
  });

  it('filters by status, kind and words, and pages through the total', async () => {
    const { requests } = stubFetch({
      'GET /api/content': (request) =>
        jsonResponse(200, {
          items: request.url.includes('offset=25') ? [ITEMS[2]] : [ITEMS[0], ITEMS[1]],
          total: 26,
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeContentReviewer(), route: '/content' });
    await screen.findByRole('table', { name: 'Contenus du site public' });
    // A reader who does not write has no "New" button.
    expect(screen.queryByRole('link', { name: 'Nouveau contenu' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('26 contenus');

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(requests.some((r) => r.url === '/api/content?offset=25&limit=25')).toBe(true));
    expect(await screen.findByRole('link', { name: 'COP21 : migrations et climat' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Statut'), 'in_review');
    await user.selectOptions(screen.getByLabelText('Type de contenu'), 'publication');
    await user.type(screen.getByLabelText('Rechercher (titre, texte)'), 'climat');
    await waitFor(() =>
      expect(requests.at(-1)?.url).toBe(
        '/api/content?status=in_review&kind=publication&q=climat&offset=0&limit=25',
      ),
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it('speaks English', async () => {
    stubFetch({ 'GET /api/content': () => jsonResponse(200, { items: ITEMS, total: 3 }) });
    renderWithProviders(<AppRoutes />, { me: makeCommunications(), route: '/content', language: 'en' });
    const table = await screen.findByRole('table', { name: 'Public site content' });
    expect(rows(table)[2]?.[2]).toBe('Published — changes pendingNew version: In review');
    expect(screen.getByRole('heading', { level: 1, name: 'Public site' })).toBeTruthy();
  });
});
