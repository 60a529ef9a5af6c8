import { describe, expect, it } from 'vitest';
import { suppressBreakdown, suppressSmallCells } from './suppression';

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
