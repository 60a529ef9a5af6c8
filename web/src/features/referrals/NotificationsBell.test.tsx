import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, stubFetch } from '../../test-utils/fetch';
import { makeSupervisor } from '../../test-utils/fixtures-cases';
import {
  makeReferralDetail,
  makeTiranaSupervisor,
  NOTIFICATION_ID,
  REFERRAL_ID,
} from '../../test-utils/fixtures-referrals';
import { renderWithProviders } from '../../test-utils/render';
import { relativeTime } from './relativeTime';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

function notifications(read: boolean) {
  return {
    unread: read ? 1 : 2,
    items: [
      {
        id: NOTIFICATION_ID,
        kind: 'referral.received',
        referralId: REFERRAL_ID,
        referralReference: 'REF-2025-00012',
        officeCode: 'PARIS',
        createdAt: minutesAgo(5),
        read,
      },
      {
        id: 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1',
        kind: 'referral.overdue',
        referralId: REFERRAL_ID,
        referralReference: 'REF-2025-00012',
        officeCode: 'PARIS',
        createdAt: minutesAgo(60 * 26),
        read: false,
      },
    ],
  };
}

describe('the notifications bell', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('is shown only to those who follow referrals', async () => {
    const { requests } = stubFetch({});
    renderWithProviders(<AppRoutes />, { me: makeSupervisor() });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: /Notifications/ })).toBeNull();
    expect(requests.some((r) => r.url.startsWith('/api/notifications'))).toBe(false);
  });

  it('shows the unread count, lists notifications and marks one read when it is opened', async () => {
    let read = false;
    const { requests } = stubFetch({
      'GET /api/notifications': () => jsonResponse(200, notifications(read)),
      'POST /api/notifications/read': () => {
        read = true;
        return jsonResponse(200, { marked: 1 });
      },
      [`GET /api/referrals/${REFERRAL_ID}`]: () => jsonResponse(200, makeReferralDetail()),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor() });
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 non lue(s)' });
    // The header's only menu stays the user menu (browser journeys find it by aria-haspopup="menu").
    expect(bell.getAttribute('aria-haspopup')).not.toBe('menu');
    await user.click(bell);
    const popover = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = within(popover).getAllByRole('link');
    expect(items.map((i) => i.textContent)).toEqual([
      'Nouvelle demande reçue · REF-2025-00012PARIS · il y a 5 minutes · non lue',
      'Réponse en retard · REF-2025-00012PARIS · hier · non lue',
    ]);
    expect(items[0]?.getAttribute('href')).toBe(`/referrals/${REFERRAL_ID}`);
    expect(within(popover).getByRole('button', { name: 'Tout marquer comme lu' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(items[0] as HTMLElement);
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ id: NOTIFICATION_ID }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'REF-2025-00012' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Notifications, 1 non lue(s)' })).toBeTruthy();
  }, 15_000);

  it('marks all read at once', async () => {
    const { requests } = stubFetch({
      'GET /api/notifications': () => jsonResponse(200, notifications(false)),
      'POST /api/notifications/read': () => jsonResponse(200, { marked: 2 }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor() });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 non lue(s)' }));
    await user.click(await screen.findByRole('button', { name: 'Tout marquer comme lu' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({}));
  }, 15_000);

  it('asks the server again every minute', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { requests } = stubFetch({
        'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }),
      });
      renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor() });
      await screen.findByRole('button', { name: 'Notifications' });
      const polls = () => requests.filter((r) => r.url.startsWith('/api/notifications')).length;
      expect(polls()).toBe(1);
      await vi.advanceTimersByTimeAsync(60_000);
      await waitFor(() => expect(polls()).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('relative times', () => {
  it('says how long ago in the UI language', () => {
    const now = Date.parse('2025-03-10T12:00:00.000Z');
    expect(relativeTime('2025-03-10T11:55:00.000Z', 'fr', now)).toBe('il y a 5 minutes');
    expect(relativeTime('2025-03-10T11:59:40.000Z', 'en', now)).toBe('this minute');
    expect(relativeTime('2025-03-08T12:00:00.000Z', 'en', now)).toBe('2 days ago');
  });
});
