/** When the "still employed?" follow-ups of a placement fall due, and where each one stands. Pure. */
import { FOLLOW_UP_MONTHS, type FollowUp } from './contract';

/** A follow-up not recorded this many days after its due date is overdue. */
export const OVERDUE_AFTER_DAYS = 30;

/** `YYYY-MM-DD` plus whole months; the day is clamped to the month's end (31 August + 6 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const followUpDue = (startDate: string, month: number) => addMonths(startDate, month);

/** Whether a follow-up due on `dueDate` is to be made: the placement started and had not ended by then. */
export function followUpApplies(
  placement: { outcome: 'employed' | 'ended' | 'did_not_start'; endedOn: string | null },
  dueDate: string,
): boolean {
  if (placement.outcome === 'did_not_start') return false;
  return !(placement.outcome === 'ended' && placement.endedOn !== null && placement.endedOn < dueDate);
}

type Recorded = {
  month: number;
  stillEmployed: boolean;
  checkedOn: string;
  note: string | null;
  recordedByName: string;
};

/**
 * The 3- and 6-month follow-ups of a placement as of `today`. There is none to make for a placement that
 * did not start, nor for one that ended before the follow-up's due date (the answer is known).
 */
export function followUpsOf(
  placement: {
    startDate: string;
    outcome: 'employed' | 'ended' | 'did_not_start';
    endedOn: string | null;
  },
  recorded: readonly Recorded[],
  today: string,
): FollowUp[] {
  return FOLLOW_UP_MONTHS.map((month) => {
    const dueDate = followUpDue(placement.startDate, month);
    const done = recorded.find((r) => r.month === month);
    if (done)
      return {
        month,
        dueDate,
        status: 'done',
        stillEmployed: done.stillEmployed,
        checkedOn: done.checkedOn,
        note: done.note,
        recordedByName: done.recordedByName,
      };
    const status = !followUpApplies(placement, dueDate)
      ? 'not_applicable'
      : today < dueDate
        ? 'upcoming'
        : today > addDays(dueDate, OVERDUE_AFTER_DAYS)
          ? 'overdue'
          : 'due';
    return { month, dueDate, status, stillEmployed: null, checkedOn: null, note: null, recordedByName: null };
  });
}
