import { describe, expect, it } from 'vitest';
import {
  type CrossTab,
  type SuppressedCrossTab,
  suppressBreakdown,
  suppressCrossTab,
  suppressSmallCells,
} from './suppression';

describe('suppressSmallCells', () => {
  it('replaces 1 to 4 by null, keeps 0 and 5 and more, and says so', () => {
    expect(suppressSmallCells({ a: 0, b: 1, c: 4, d: 5, e: 23 })).toEqual({
      counts: { a: 0, b: null, c: null, d: 5, e: 23 },
      suppressed: true,
    });
  });

  it('flags nothing when no cell is small', () => {
    expect(suppressSmallCells({ a: 0, b: 12 })).toEqual({ counts: { a: 0, b: 12 }, suppressed: false });
    expect(suppressSmallCells({})).toEqual({ counts: {}, suppressed: false });
  });

  it('takes another threshold', () => {
    expect(suppressSmallCells({ a: 9, b: 10 }, 10)).toEqual({ counts: { a: null, b: 10 }, suppressed: true });
  });
});

describe('suppressBreakdown', () => {
  it('also hides the next smallest cell when a single one is hidden, so the total does not give it away', () => {
    expect(suppressBreakdown({ female: 20, male: 3, other: 0, unknown: 0 })).toEqual({
      counts: { female: null, male: null, other: 0, unknown: 0 },
      suppressed: true,
    });
    expect(suppressBreakdown({ AL: 40, MA: 12, UA: 2 }).counts).toEqual({ AL: 40, MA: null, UA: null });
  });

  it('leaves two or more hidden cells as they are', () => {
    expect(suppressBreakdown({ a: 1, b: 2, c: 30 }).counts).toEqual({ a: null, b: null, c: 30 });
  });

  it('changes nothing without small cells', () => {
    expect(suppressBreakdown({ a: 5, b: 0 })).toEqual({ counts: { a: 5, b: 0 }, suppressed: false });
  });
});

/**
 * Written apart from the implementation: every additive relation of a published table (each row to its
 * margin, each column to its margin, each margin to the total, those whose parts exist; an absent count is a
 * published 0). True when one of them has exactly one hidden member, which subtraction would give away.
 */
function recoverable(table: SuppressedCrossTab): boolean {
  type Value = number | null;
  // Own keys only; a hidden count is null, an absent one 0.
  const at = (record: Record<string, Value> | undefined, key: string): Value =>
    record && Object.hasOwn(record, key) ? (record[key] as Value) : 0;
  const cell = (a: string, b: string): Value =>
    table.cells && Object.hasOwn(table.cells, a) ? at(table.cells[a], b) : 0;
  const rowKeys = [...new Set([...Object.keys(table.rows ?? {}), ...Object.keys(table.cells ?? {})])];
  const colKeys = [
    ...new Set([...Object.keys(table.cols ?? {}), ...Object.values(table.cells ?? {}).flatMap(Object.keys)]),
  ];
  const { rows, cols } = table;
  const relations: Value[][] = [];
  if (table.cells && rows)
    for (const a of rowKeys) relations.push([at(rows, a), ...colKeys.map((b) => cell(a, b))]);
  if (table.cells && cols)
    for (const b of colKeys) relations.push([at(cols, b), ...rowKeys.map((a) => cell(a, b))]);
  if (rows) relations.push([table.total, ...rowKeys.map((a) => at(rows, a))]);
  if (cols) relations.push([table.total, ...colKeys.map((b) => at(cols, b))]);
  return relations.some((members) => members.length >= 2 && members.filter((v) => v === null).length === 1);
}

/** Every count a table holds (not the absent cells), by a label: T (the total), R:a, C:b, X:a:b. */
function countsOf(table: CrossTab | SuppressedCrossTab): Map<string, number | null> {
  const out = new Map<string, number | null>([['T', table.total]]);
  for (const [a, n] of Object.entries(table.rows ?? {})) out.set(`R:${a}`, n);
  for (const [b, n] of Object.entries(table.cols ?? {})) out.set(`C:${b}`, n);
  for (const [a, row] of Object.entries(table.cells ?? {}))
    for (const [b, n] of Object.entries(row)) out.set(`X:${a}:${b}`, n);
  return out;
}

const hiddenOf = (table: SuppressedCrossTab) =>
  [...countsOf(table)]
    .filter(([, n]) => n === null)
    .map(([label]) => label)
    .sort();

/** A 2-D table from its inner cells, with margins and total as sums. */
function crossTab(cells: Record<string, Record<string, number>>): CrossTab {
  const rows: Record<string, number> = {};
  const cols: Record<string, number> = {};
  let total = 0;
  for (const [a, row] of Object.entries(cells))
    for (const [b, n] of Object.entries(row)) {
      rows[a] = (rows[a] ?? 0) + n;
      cols[b] = (cols[b] ?? 0) + n;
      total += n;
    }
  return { total, rows, cols, cells };
}

describe('suppressCrossTab', () => {
  it('gives a single small cell of one dimension one complement, the smallest other count', () => {
    // UA (3) is small; the row margins sum to the total, so the next smallest, MA (12), goes too.
    expect(suppressCrossTab({ total: 35, rows: { AL: 20, MA: 12, UA: 3 } })).toEqual({
      total: 35,
      rows: { AL: 20, MA: null, UA: null },
      primary: 1,
      secondary: 1,
      suppressed: true,
    });
    // The same with the dimension given as columns; the total (23) is larger than female (20).
    expect(suppressCrossTab({ total: 23, cols: { female: 20, male: 3, other: 0 } })).toEqual({
      total: 23,
      cols: { female: null, male: null, other: 0 },
      primary: 1,
      secondary: 1,
      suppressed: true,
    });
  });

  it("closes a rectangle in a 2x2 table, where the small cell's row and column each need a complement", () => {
    //        x   y | rows
    //   a    2  10 |  12
    //   b    7   9 |  16
    //   cols 9  19 |  28
    // a.x is small; row a takes a.y (10), column x takes b.x (7), then row b takes b.y (9). The margins stay.
    const result = suppressCrossTab(crossTab({ a: { x: 2, y: 10 }, b: { x: 7, y: 9 } }));
    expect(result).toEqual({
      total: 28,
      rows: { a: 12, b: 16 },
      cols: { x: 9, y: 19 },
      cells: { a: { x: null, y: null }, b: { x: null, y: null } },
      primary: 1,
      secondary: 3,
      suppressed: true,
    });
    expect(recoverable(result)).toBe(false);
  });

  it('hides four cells of a 3x3 table, and no hidden cell can be recovered along any relation', () => {
    //        c1  c2  c3 | rows
    //   r1    3  10  12 |  25
    //   r2    8  15  20 |  43
    //   r3    9  11  30 |  50
    //   cols 20  36  62 | 118
    // r1.c1 is small. Row r1 takes r1.c2 (10); column c1 takes r2.c1 (8); row r2 then takes r2.c2 (15),
    // which closes column c2 too. Scanning from the first relation after each step keeps it to a rectangle.
    const table = crossTab({
      r1: { c1: 3, c2: 10, c3: 12 },
      r2: { c1: 8, c2: 15, c3: 20 },
      r3: { c1: 9, c2: 11, c3: 30 },
    });
    const result = suppressCrossTab(table);
    expect(hiddenOf(result)).toEqual(['X:r1:c1', 'X:r1:c2', 'X:r2:c1', 'X:r2:c2']);
    expect(result).toMatchObject({ total: 118, primary: 1, secondary: 3, suppressed: true });
    expect(result.cells?.r3).toEqual({ c1: 9, c2: 11, c3: 30 });
    expect(recoverable(result)).toBe(false);
    // The helper does catch what primary suppression alone would publish: 25 - 10 - 12 gives r1.c1.
    const primaryOnly = { ...result, cells: { ...table.cells, r1: { c1: null, c2: 10, c3: 12 } } };
    expect(recoverable(primaryOnly)).toBe(true);
  });

  it('protects a small row margin with another row margin, against the total', () => {
    //        x   y | rows
    //   a    2   2 |   4
    //   b   10  12 |  22
    //   c    7   6 |  13
    //   cols 19 20 |  39
    // Primary: a.x, a.y and the margin a (4). Column x takes c.x (7), row c takes c.y (6), and the row
    // margins, summing to 39 with only a hidden, take c (13): the smaller of b (22), c (13) and the total.
    const result = suppressCrossTab(crossTab({ a: { x: 2, y: 2 }, b: { x: 10, y: 12 }, c: { x: 7, y: 6 } }));
    expect(hiddenOf(result)).toEqual(['R:a', 'R:c', 'X:a:x', 'X:a:y', 'X:c:x', 'X:c:y']);
    expect(result).toMatchObject({ total: 39, cols: { x: 19, y: 20 }, primary: 3, secondary: 3 });
    expect(recoverable(result)).toBe(false);
  });

  it('hides a small total, and a table with no breakdown', () => {
    expect(suppressCrossTab({ total: 4, rows: { a: 4, b: 0 } })).toEqual({
      total: null,
      rows: { a: null, b: 0 },
      primary: 2,
      secondary: 0,
      suppressed: true,
    });
    // All of 3 persons in row a; row b and its absent cells stay 0.
    const result = suppressCrossTab({
      total: 3,
      rows: { a: 3, b: 0 },
      cols: { x: 1, y: 2 },
      cells: { a: { x: 1, y: 2 } },
    });
    expect(result).toEqual({
      total: null,
      rows: { a: null, b: 0 },
      cols: { x: null, y: null },
      cells: { a: { x: null, y: null } },
      primary: 6,
      secondary: 0,
      suppressed: true,
    });
    expect(recoverable(result)).toBe(false);
    expect(suppressCrossTab({ total: 3 })).toEqual({
      total: null,
      primary: 1,
      secondary: 0,
      suppressed: true,
    });
    expect(suppressCrossTab({ total: 0 })).toEqual({ total: 0, primary: 0, secondary: 0, suppressed: false });
  });

  it('passes over zeros for the smallest non-zero complement', () => {
    //        x   y   z | rows
    //   a    2   0   9 |  11
    //   b    6   0   7 |  13
    //   c    0   8   5 |  13
    //   cols 8   8  21 |  37
    // Row a takes a.z (9), not a.y (0); column x takes b.x (6), not c.x (0); row b takes b.z (7).
    const result = suppressCrossTab(
      crossTab({ a: { x: 2, y: 0, z: 9 }, b: { x: 6, y: 0, z: 7 }, c: { x: 0, y: 8, z: 5 } }),
    );
    expect(hiddenOf(result)).toEqual(['X:a:x', 'X:a:z', 'X:b:x', 'X:b:z']);
    expect(result.cells).toEqual({
      a: { x: null, y: 0, z: null },
      b: { x: null, y: 0, z: null },
      c: { x: 0, y: 8, z: 5 },
    });
    expect(result).toMatchObject({ primary: 1, secondary: 3 });
  });

  it('hides a zero only when the other members of the relation are all zero', () => {
    // 3 persons, none with a value of this dimension (not tallied as unknown). The total is small, and the
    // only other members of its relation are zeros: one of them is hidden beside it, a (first in key order;
    // a margin comes before the total at equal counts), so the total is not the relation's one unknown.
    expect(suppressCrossTab({ total: 3, rows: { b: 0, a: 0 } })).toEqual({
      total: null,
      rows: { b: 0, a: null },
      primary: 1,
      secondary: 1,
      suppressed: true,
    });
    // Row a's 3 persons have no value in the second dimension, so row a has only an absent (zero) cell.
    // Row a takes a.x (absent, now null); column x takes b.x (10, an inner cell before the margin x at
    // equal counts); row b takes its margin (10); the row margins then have two hidden members.
    const result = suppressCrossTab({
      total: 13,
      rows: { a: 3, b: 10 },
      cols: { x: 10 },
      cells: { b: { x: 10 } },
    });
    expect(result).toEqual({
      total: 13,
      rows: { a: null, b: null },
      cols: { x: 10 },
      cells: { b: { x: null }, a: { x: null } },
      primary: 1,
      secondary: 3,
      suppressed: true,
    });
    expect(recoverable(result)).toBe(false);
  });

  it('breaks ties by code-unit key order, a margin before the total, whatever the insertion order', () => {
    expect(suppressCrossTab({ total: 23, rows: { b: 10, a: 10, c: 3 } }).rows).toEqual({
      b: 10,
      a: null,
      c: null,
    });
    // Vulnerability groups: a person may be in several, so SC (9) equals the total (9); the margin goes.
    expect(suppressCrossTab({ total: 9, rows: { CR: 3, SC: 9 }, multiValued: true })).toEqual({
      total: 9,
      rows: { CR: null, SC: null },
      primary: 1,
      secondary: 1,
      suppressed: true,
    });
  });

  it('leaves a table with no small cell unchanged', () => {
    const table = crossTab({ a: { x: 12, y: 0 }, b: { x: 5, y: 40 } });
    expect(suppressCrossTab(table)).toEqual({ ...table, primary: 0, secondary: 0, suppressed: false });
  });

  it('takes another threshold', () => {
    expect(suppressCrossTab({ total: 30, rows: { a: 9, b: 21 } }, 10)).toEqual({
      total: 30,
      rows: { a: null, b: null },
      primary: 1,
      secondary: 1,
      suppressed: true,
    });
  });

  it('is deterministic, and the same counts give the same result whatever the order of their keys', () => {
    const table = crossTab({ r2: { c2: 4, c1: 11 }, r1: { c1: 7, c2: 3 }, r3: { c2: 6, c1: 8 } });
    const reversed: CrossTab = {
      total: table.total,
      rows: Object.fromEntries(Object.entries(table.rows ?? {}).reverse()),
      cols: Object.fromEntries(Object.entries(table.cols ?? {}).reverse()),
      cells: Object.fromEntries(
        Object.entries(table.cells ?? {})
          .reverse()
          .map(([a, row]) => [a, Object.fromEntries(Object.entries(row).reverse())]),
      ),
    };
    const result = suppressCrossTab(table);
    expect(suppressCrossTab(table)).toEqual(result);
    expect(suppressCrossTab(reversed)).toEqual(result);
    expect(Object.keys(result.rows ?? {})).toEqual(['r2', 'r1', 'r3']); // the input's order is kept
    expect(recoverable(result)).toBe(false);
  });

  it('over 200 random tables, publishes no small count, nothing recoverable by one relation, no zero hidden', () => {
    // mulberry32: a seeded PRNG, so a failure can be replayed.
    let seed = 0x5eed;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    let withSecondary = 0;
    for (let k = 0; k < 200; k++) {
      const cells: Record<string, Record<string, number>> = {};
      const rowCount = int(2, 5);
      const colCount = int(2, 4);
      for (let i = 0; i < rowCount; i++) {
        const row: Record<string, number> = {};
        // Counts from 0 to 30, one in three drawn from 0 to 5 so that small cells are common.
        for (let j = 0; j < colCount; j++) row[`c${j}`] = random() < 1 / 3 ? int(0, 5) : int(0, 30);
        cells[`r${i}`] = row;
      }
      const table = crossTab(cells);
      const result = suppressCrossTab(table);
      const before = countsOf(table);
      const after = countsOf(result);
      const context = JSON.stringify(table);
      expect([...after.keys()].sort(), context).toEqual([...before.keys()].sort());
      for (const [label, n] of after) {
        const original = before.get(label) ?? 0;
        // Margins that are sums never leave a lone hidden member among published zeros, so no zero is hidden.
        if (n === null) expect(original, `${label} of ${context}`).toBeGreaterThan(0);
        else {
          expect(n, `${label} of ${context}`).toBe(original);
          expect(n > 0 && n < 5, `${label} of ${context}`).toBe(false);
        }
      }
      expect(recoverable(result), context).toBe(false);
      const small = [...before.values()].filter((n) => n !== null && n > 0 && n < 5).length;
      expect(result.primary, context).toBe(small);
      expect(hiddenOf(result).length, context).toBe(result.primary + result.secondary);
      expect(result.suppressed).toBe(result.primary > 0);
      if (result.secondary > 0) withSecondary++;
    }
    expect(withSecondary).toBeGreaterThan(100); // the draw does exercise secondary suppression
  });
});
