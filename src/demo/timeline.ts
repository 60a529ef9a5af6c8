/** Dates and moments of the demo's timeline, shared by the generators of what follows the case histories. */
import { DEMO_STAFF, DEMO_TODAY, type DemoCase, type Rng, type StaffRef } from './people';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
/** The end of the demo's today: nothing happens later. */
export const CUTOFF = Date.parse(`${DEMO_TODAY}T16:30:00Z`);
export const TODAY_DAY = Math.floor(CUTOFF / DAY);

export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
export const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const isoTime = (ms: number) => new Date(ms).toISOString();
export const dayOfTime = (ms: number) => Math.floor(ms / DAY);

/** When the case first reached one of the statuses, or null. */
export function reachedAt(c: DemoCase, statuses: readonly string[]): number | null {
  const e = c.events.find(
    (e) =>
      (e.kind === 'opened' || e.kind === 'transition' || e.kind === 'approved') &&
      statuses.includes(e.toStatus ?? ''),
  );
  return e ? Date.parse(e.at) : null;
}

/** When the case was closed or withdrawn, or null while it is open. */
export const closedAt = (c: DemoCase) => reachedAt(c, ['closed', 'withdrawn']);

/** A moment between 09:00 and 18:00 in Paris on `day`, or on the next working day after a weekend. */
export function workingMoment(rng: Rng, day: number): number {
  const weekday = new Date(day * DAY).getUTCDay();
  const d = weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
  return d * DAY + 7 * 60 * MINUTE + rng.int(0, 9 * 60) * MINUTE;
}

/**
 * A working moment strictly between `from` and `to`, about `days` after `from`: that day or the next week's
 * days, else the days before; failing all, shortly after `from`. Null when the window is under an hour.
 */
export function momentAfter(rng: Rng, from: number, to: number, days: number): number | null {
  if (to - from < 60 * MINUTE) return null;
  const first = Math.floor(from / DAY);
  const last = Math.floor(to / DAY);
  const target = Math.min(first + days, last);
  const order: number[] = [];
  for (let d = target; d <= Math.min(last, target + 7); d++) order.push(d);
  for (let d = target - 1; d >= first; d--) order.push(d);
  for (const d of order) {
    const at = workingMoment(rng, d);
    if (at > from && at < to) return at;
  }
  return from + Math.min(Math.floor((to - from) / 2), rng.int(30, 180) * MINUTE);
}

/** The staff who handle and approve the case in its owning office. */
export function staffOfCase(c: DemoCase): { handler: StaffRef; supervisor: StaffRef; lang: 'fr' | 'en' } {
  const staff = DEMO_STAFF[c.office];
  if (!staff) throw new Error(`no demo staff for ${c.office}`);
  return {
    handler: c.sensitive ? staff.protection : staff.caseworker,
    supervisor: staff.supervisor,
    lang: staff.lang,
  };
}

/** `YYYY-MM-DD` plus whole months, the day clamped to the month's end (as the follow-up schedule counts). */
export function addMonthsTo(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
