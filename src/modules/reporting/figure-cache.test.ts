import { describe, expect, it } from 'vitest';
import { adjusted, adjustedBudget, figureKey } from './figure-cache';
import type { ComputedFigure } from './figures-repository';

const figure = (over: Partial<ComputedFigure> = {}): ComputedFigure => ({
  values: { q1: 10, q2: 5 },
  cumulative: 15,
  tables: [
    {
      spec: 'sex*age_band',
      total: 5,
      rows: { female: 3, male: 2 },
      cols: { adult: 4, minor: 1 },
      cells: { female: { adult: 2, minor: 1 }, male: { adult: 2 } },
    },
  ],
  ...over,
});
const none = (): ComputedFigure => ({
  values: { q1: 0, q2: 0 },
  cumulative: 0,
  tables: [{ spec: 'sex*age_band', total: 0, rows: {}, cols: {}, cells: {} }],
});

describe('a kept figure brought up to date by the persons changed', () => {
  it('removes their contribution before and adds the one after, categories at zero left out', () => {
    // A female minor counted in q2 is now counted... nowhere (her case left the project).
    const before = none();
    before.values.q2 = 1;
    before.cumulative = 1;
    before.tables = [
      {
        spec: 'sex*age_band',
        total: 1,
        rows: { female: 1 },
        cols: { minor: 1 },
        cells: { female: { minor: 1 } },
      },
    ];
    const out = adjusted(figure(), before, none());
    expect(out).toEqual({
      values: { q1: 10, q2: 4 },
      cumulative: 14,
      tables: [
        {
          spec: 'sex*age_band',
          total: 4,
          rows: { female: 2, male: 2 },
          cols: { adult: 4 },
          cells: { female: { adult: 2 }, male: { adult: 2 } },
        },
      ],
    });
  });

  it('gives up when the persons bring a category the figure does not list (its place is the database’s)', () => {
    const after = none();
    after.tables = [
      {
        spec: 'sex*age_band',
        total: 1,
        rows: { other: 1 },
        cols: { adult: 1 },
        cells: { other: { adult: 1 } },
      },
    ];
    expect(adjusted(figure(), none(), after)).toBeNull();
    const cell = none();
    cell.tables = [
      {
        spec: 'sex*age_band',
        total: 1,
        rows: { male: 1 },
        cols: { minor: 1 },
        cells: { male: { minor: 1 } },
      },
    ];
    expect(adjusted(figure(), none(), cell)).toBeNull();
  });

  it('keeps sums to the cent, and budget lines by code', () => {
    const euros = figure({ values: { q1: 0.1, q2: 0.2 }, cumulative: 0.3, tables: [] });
    const add = figure({ values: { q1: 0.7, q2: 0 }, cumulative: 0.7, tables: [] });
    expect(adjusted(euros, { ...none(), tables: [] }, add)).toMatchObject({
      values: { q1: 0.8, q2: 0.2 },
      cumulative: 1,
    });
    const line = (code: string, spentMinor: number) => ({
      code,
      label: code,
      currency: 'EUR',
      budgetMinor: 1000,
      spentMinor,
    });
    expect(
      adjustedBudget([line('A', 500), line('B', 0)], [line('A', 100)], [line('A', 250), line('B', 40)]),
    ).toEqual([line('A', 650), line('B', 40)]);
  });

  it('keys a request whatever the order of the reader’s offices', () => {
    const r = {
      definition: { id: 'x', version: 1 },
      periods: [],
      cumulativeTo: '2025-12-31',
      tablesOf: null,
      specs: [],
    };
    expect(figureKey({ ...r, scope: ['b', 'a'] })).toBe(figureKey({ ...r, scope: ['a', 'b'] }));
    expect(figureKey({ ...r, scope: ['a'] })).not.toBe(figureKey({ ...r, scope: 'all' }));
    expect(figureKey({ budgetTo: '2025-12-31' })).not.toBe(figureKey({ budgetTo: '2025-09-30' }));
  });
});
