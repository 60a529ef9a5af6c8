const pad = (n: number) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in the user's time zone (for date inputs and calendar dates). */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
