/**
 * Small-cell suppression for reports that leave the office (DOMAIN.md, donor reporting): a count of fewer
 * than `threshold` persons could identify someone, so it is replaced by null. Zero stays zero. Browser-safe.
 */
export const SMALL_CELL_THRESHOLD = 5;

export type Suppressed<K extends string> = {
  counts: Record<K, number | null>;
  /** At least one count was replaced by null. */
  suppressed: boolean;
};

const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

/** Replaces the counts from 1 to threshold - 1 by null. */
export function suppressSmallCells<K extends string>(
  counts: Record<K, number>,
  threshold = SMALL_CELL_THRESHOLD,
): Suppressed<K> {
  let suppressed = false;
  const out = {} as Record<K, number | null>;
  for (const key of Object.keys(counts) as K[]) {
    const n = counts[key];
    if (isSmall(n, threshold)) {
      out[key] = null;
      suppressed = true;
    } else out[key] = n;
  }
  return { counts: out, suppressed };
}

/**
 * Suppression of one breakdown whose total is published: small cells first, then, when exactly one cell
 * was hidden, the next smallest non-zero cell too, so the hidden one cannot be recovered by subtracting
 * the others from the total.
 */
export function suppressBreakdown<K extends string>(
  counts: Record<K, number>,
  threshold = SMALL_CELL_THRESHOLD,
): Suppressed<K> {
  const primary = suppressSmallCells(counts, threshold);
  const hidden = (Object.keys(counts) as K[]).filter((k) => primary.counts[k] === null);
  if (hidden.length !== 1) return primary;
  const [next] = (Object.keys(counts) as K[])
    .filter((k) => primary.counts[k] !== null && counts[k] > 0)
    .sort((a, b) => counts[a] - counts[b] || a.localeCompare(b));
  if (next !== undefined) primary.counts[next] = null;
  return primary;
}
