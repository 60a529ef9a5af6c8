const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A local date-time as ISO 8601 with the local UTC offset, e.g. 2025-03-01T00:00:00.000+01:00. */
export function toOffsetIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * The start (or end) of a calendar day (YYYY-MM-DD) in the user's time zone, so that
 * "from 1 March to 31 March" includes all of 31 March where the user is.
 */
export function localDayBoundary(day: string, boundary: 'start' | 'end'): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const local =
    boundary === 'start'
      ? new Date(year, month - 1, date, 0, 0, 0, 0)
      : new Date(year, month - 1, date, 23, 59, 59, 999);
  return toOffsetIso(local);
}
