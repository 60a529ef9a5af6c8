/** Progress against time: the same rule as the portfolio's (src/modules/reporting/portfolio.ts). */

const DAY = 86_400_000;

/** Share of the project's duration elapsed at the end of `day` (0..1), null without an end date. */
export function elapsedAt(start: string, end: string | null, day: string): number | null {
  if (!end) return null;
  const total = Date.parse(end) - Date.parse(start) + DAY;
  const done = Math.min(Math.max(Date.parse(day) - Date.parse(start) + DAY, 0), total);
  return total > 0 ? Math.round((done / total) * 1000) / 1000 : null;
}

/** On track: cumulative progress at least the time elapsed minus a tolerance of 10 points. */
export function onTrack(progress: number | null, elapsed: number | null): boolean | null {
  if (progress === null || elapsed === null) return null;
  return progress >= elapsed - 0.1;
}

/** A share 0..n as a bar's value (0..100). */
export const barValue = (share: number) => Math.max(0, Math.min(100, Math.round(share * 100)));
