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

/**
 * Counts of persons by up to two dimensions, with margins (what SQL GROUPING SETS ((),(a),(b),(a,b)) give).
 * A table with one dimension has `total` and `rows` (or `cols`) only; a table with no breakdown, `total` only.
 */
export type CrossTab = {
  total: number;
  /** Margin of the first dimension: value -> count. Absent for a table with no breakdown. */
  rows?: Record<string, number>;
  /** Margin of the second dimension. */
  cols?: Record<string, number>;
  /** Inner cells [rowValue][colValue]; absent values mean 0. */
  cells?: Record<string, Record<string, number>>;
  /**
   * True when a person can fall in several values of a dimension (e.g. vulnerability groups), so margins are
   * not sums. Suppression stays as strict: every relation is treated as if it were a sum.
   */
  multiValued?: boolean;
};

/** A {@link CrossTab} as it may be published: the same keys, hidden counts as null. */
export type SuppressedCrossTab = {
  total: number | null;
  rows?: Record<string, number | null>;
  cols?: Record<string, number | null>;
  /** The input's cells; an absent (zero) cell hidden to protect another one appears as null. */
  cells?: Record<string, Record<string, number | null>>;
  /** How many cells were hidden because they were small (primary) and to protect them (secondary). */
  primary: number;
  secondary: number;
  /** primary + secondary > 0. */
  suppressed: boolean;
};

const own = (record: object | undefined, key: string): boolean =>
  record !== undefined && Object.hasOwn(record, key);

/** An absent count is 0 (own keys only: a value named "constructor" is no inherited property). */
const countAt = (record: Record<string, number> | undefined, key: string): number =>
  record && own(record, key) ? (record[key] ?? 0) : 0;

/** Code-unit order: independent of the locale and of the order the keys were inserted in. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sortedKeys = (...records: (object | undefined)[]): string[] =>
  [...new Set(records.flatMap((r) => (r === undefined ? [] : Object.keys(r))))].sort(byCodeUnit);

/**
 * Primary and secondary small-cell suppression of a table with up to two dimensions and its margins, for
 * reports that leave the office. A count from 1 to `threshold - 1` could identify someone; zero stays zero.
 *
 * Algorithm:
 * 1. Primary: every count (total, row and column margins, inner cells) with 1 <= n < threshold is hidden.
 * 2. Secondary, repeated until nothing changes: the additive relations are each row a (cells[a][*] sum to
 *    rows[a]), each column b (cells[*][b] sum to cols[b]), the row margins summing to the total and the
 *    column margins summing to the total, those whose parts exist (a relation needs `cells` and the margin,
 *    or the margin and the total; one with no part at all is skipped). The row keys are those of `rows` and
 *    `cells`, the column keys those of `cols` and of every row of `cells`; an absent count is a published 0.
 *    The relations are scanned in a fixed order (rows, columns, rows to total, columns to total, keys in
 *    code-unit order); the first with exactly one hidden member (its whole side counts as a member) gets one
 *    more published member hidden: the smallest non-zero one, an inner cell before a margin before the total
 *    at equal counts, then the first in key order. When no published member is non-zero, a published zero
 *    is hidden in the same order, so the hidden one cannot be solved. Then the scan starts again from the
 *    first relation, which tends to close a rectangle of four cells rather than spread along the table.
 *    Each step hides one more cell, so it ends after at most as many steps as there are cells.
 * 3. The hidden cells are counted as primary and secondary.
 *
 * The result depends on the counts only: equal tables hide the same cells whatever the order of their keys
 * (two different patterns of the same figures, laid over each other, could reveal a cell).
 *
 * Known limit: it guarantees that no hidden cell can be recomputed by subtraction along any single published
 * relation (every relation has 0 or at least 2 hidden members). It does not protect against combining
 * several relations (rare patterns, such as one hidden cell bridging two otherwise closed groups), nor
 * against interval or linear-programming attacks that bound a hidden cell (e.g. to 1..4) from the others;
 * such a guarantee needs an optimising suppression (e.g. tau-argus, sdcTable). With `multiValued` the
 * relations are inequalities rather than sums, and they are applied as strictly as sums.
 */
export function suppressCrossTab(
  table: CrossTab,
  threshold = SMALL_CELL_THRESHOLD,
  /** Counts already hidden elsewhere (the same figure hidden in another published table): hidden here too. */
  hide: { total?: boolean; rows?: readonly string[] } = {},
): SuppressedCrossTab {
  const { rows, cols, cells } = table;
  const rowKeys = sortedKeys(rows, cells);
  const colKeys = sortedKeys(cols, ...Object.values(cells ?? {}));
  // Every count, created in the order of preference for secondary suppression at equal values: inner cells
  // (row-major, in key order), row margins, column margins, the total.
  const counts: Count[] = [];
  const count = (value: number): Count => {
    const c = { value, hidden: isSmall(value, threshold), rank: counts.length };
    counts.push(c);
    return c;
  };
  const inner =
    cells && rowKeys.map((a) => colKeys.map((b) => count(countAt(own(cells, a) ? cells[a] : undefined, b))));
  const rowMargin = rows && rowKeys.map((a) => count(countAt(rows, a)));
  const colMargin = cols && colKeys.map((b) => count(countAt(cols, b)));
  const total = count(table.total);
  const primary = counts.filter((c) => c.hidden).length;
  let secondary = 0;
  const force = (c: Count | undefined) => {
    if (c && !c.hidden) {
      c.hidden = true;
      secondary++;
    }
  };
  if (hide.total) force(total);
  for (const key of hide.rows ?? []) force(rowMargin?.[rowKeys.indexOf(key)]);

  const relations: Count[][] = [
    ...(inner && rowMargin ? inner.map((row, i) => [...row, ...rowMargin.slice(i, i + 1)]) : []),
    ...(inner && colMargin ? colMargin.map((m, j) => [...inner.flatMap((r) => r.slice(j, j + 1)), m]) : []),
    ...(rowMargin ? [[...rowMargin, total]] : []),
    ...(colMargin ? [[...colMargin, total]] : []),
  ];
  const withParts = relations.filter((members) => members.length >= 2);

  // Non-zero before zero, then the smallest, then the rank.
  const better = (c: Count, d: Count) =>
    Number(c.value === 0) - Number(d.value === 0) || c.value - d.value || c.rank - d.rank;
  for (let step = 0; step < counts.length; step++) {
    const open = withParts.find((members) => members.filter((c) => c.hidden).length === 1);
    if (!open) break;
    const [pick] = open.filter((c) => !c.hidden).sort(better);
    if (!pick) break; // not reached: an open relation has at least two members and one hidden
    pick.hidden = true;
    secondary++;
  }

  const out: SuppressedCrossTab = {
    total: show(total),
    primary,
    secondary,
    suppressed: primary + secondary > 0,
  };
  if (rows && rowMargin) out.rows = publish(rows, rowKeys, rowMargin);
  if (cols && colMargin) out.cols = publish(cols, colKeys, colMargin);
  if (cells && inner) {
    const present = Object.keys(cells);
    const added = rowKeys.filter((a, i) => !own(cells, a) && inner[i]?.some((c) => c.hidden));
    out.cells = Object.fromEntries(
      [...present, ...added].map((a) => {
        const row = inner[rowKeys.indexOf(a)] ?? [];
        return [a, publish((own(cells, a) && cells[a]) || {}, colKeys, row)];
      }),
    );
  }
  return out;
}

type Count = { value: number; hidden: boolean; rank: number };

const show = (c: Count | undefined): number | null => (!c || c.hidden ? null : c.value);

/** The input's keys in the input's order, then the absent (zero) ones that had to be hidden. */
function publish(input: Record<string, number>, keys: string[], at: Count[]): Record<string, number | null> {
  const position = new Map(keys.map((k, i) => [k, i]));
  const added = keys.filter((k, i) => !own(input, k) && at[i]?.hidden);
  return Object.fromEntries([
    ...Object.keys(input).map((k) => [k, show(at[position.get(k) ?? -1])] as const),
    ...added.map((k) => [k, null] as const),
  ]);
}
