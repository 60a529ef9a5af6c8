import { describe, expect, it } from 'vitest';
import { catalogue, findDefinition } from './catalogue';
import { BREAKDOWNS, BreakdownSpecSchema, IndicatorInputSchema, PeriodInputSchema } from './contract';
import { onTrack, timeElapsed } from './portfolio';
import { choosePeriod, figuresDigest, seriesPeriods, specsFor } from './report';
import type { PeriodRow } from './repository';

const period = (
  id: string,
  kind: PeriodRow['kind'],
  startDate: string,
  endDate: string,
  status: 'open' | 'closed' = 'open',
) =>
  ({
    id,
    kind,
    label: id,
    startDate,
    endDate,
    status,
    projectId: 'p',
    closedAt: null,
    closedBy: null,
    closedByName: null,
    version: 1,
    createdAt: new Date(0),
  }) as PeriodRow;

const Q1 = period('q1', 'quarterly', '2015-01-01', '2015-03-31', 'closed');
const Q2 = period('q2', 'quarterly', '2015-04-01', '2015-06-30', 'closed');
const Q3 = period('q3', 'quarterly', '2015-07-01', '2015-09-30');
const INTERIM = period('i1', 'interim', '2015-01-01', '2015-06-30', 'closed');
const ALL = [Q1, INTERIM, Q2, Q3];

describe('the period of a report', () => {
  it('is the one asked for', () => {
    expect(choosePeriod(ALL, 'q2', '2026-12-07').id).toBe('q2');
  });
  it('is the one containing today, else the open one that started last, else the last', () => {
    expect(choosePeriod(ALL, undefined, '2015-05-10').id).toBe('q2');
    expect(choosePeriod(ALL, undefined, '2026-12-07').id).toBe('q3');
    expect(choosePeriod([Q1, Q2], undefined, '2026-12-07').id).toBe('q2');
  });
  it('refuses an unknown period and a project without periods', () => {
    expect(() => choosePeriod(ALL, 'nope', '2015-05-10')).toThrow('not_found');
    expect(() => choosePeriod([], undefined, '2015-05-10')).toThrow('no_reporting_period');
  });
  it('draws its series from the periods of the same kind up to it', () => {
    expect(seriesPeriods(ALL, Q2).map((p) => p.id)).toEqual(['q1', 'q2']);
    expect(seriesPeriods(ALL, INTERIM).map((p) => p.id)).toEqual(['i1']);
  });
});

describe('breakdowns', () => {
  it('accept one dimension or two different ones', () => {
    expect(BreakdownSpecSchema.safeParse('sex').success).toBe(true);
    expect(BreakdownSpecSchema.safeParse('sex*age_band').success).toBe(true);
    for (const bad of ['sex*sex', 'sex*age_band*office', 'foo', 'sex*', '', 'SEX'])
      expect(BreakdownSpecSchema.safeParse(bad).success, bad).toBe(false);
  });
  it('keep only what a definition supports', () => {
    const spent = findDefinition('budget_spent', 1);
    expect(
      specsFor(spent?.breakdowns ?? [], ['budget_line', 'sex', 'office*budget_line', 'budget_line']),
    ).toEqual(['budget_line', 'office*budget_line']);
  });
});

describe('the catalogue', () => {
  it('says what each definition counts, in French and English, with breakdowns it knows', () => {
    const defs = catalogue();
    expect(new Set(defs.map((d) => `${d.id}@${d.version}`)).size).toBe(defs.length);
    for (const d of defs) {
      expect(d.counts.fr.length, d.id).toBeGreaterThan(40);
      expect(d.counts.en.length, d.id).toBeGreaterThan(40);
      for (const b of d.breakdowns) expect(BREAKDOWNS).toContain(b);
    }
    expect(defs.filter((d) => !d.available).map((d) => d.id)).toEqual(['sustainability_score']);
  });
});

describe('inputs', () => {
  it('refuse a period ending before it starts', () => {
    const r = PeriodInputSchema.safeParse({
      kind: 'quarterly',
      label: 'Q',
      startDate: '2015-04-01',
      endDate: '2015-03-31',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['endDate']);
    expect(r.error?.issues[0]?.message).toBe('period_ends_before_start');
  });
  it('want a definition for a computed indicator and none for a manual one, and numbers for targets', () => {
    const base = {
      nodeId: '00000000-0000-4000-8000-000000000000',
      code: 'A',
      title: { fr: 'a', en: 'a' },
      unit: 'persons',
    };
    expect(IndicatorInputSchema.safeParse({ ...base, kind: 'computed' }).success).toBe(false);
    expect(
      IndicatorInputSchema.safeParse({
        ...base,
        kind: 'manual',
        definition: { id: 'persons_assisted', version: 1 },
      }).success,
    ).toBe(false);
    expect(IndicatorInputSchema.safeParse({ ...base, kind: 'manual', target: '130' }).success).toBe(false);
    expect(IndicatorInputSchema.safeParse({ ...base, kind: 'manual', target: 130 }).success).toBe(true);
  });
});

describe('the portfolio', () => {
  it('measures the time elapsed of a project', () => {
    expect(timeElapsed('2015-01-01', '2015-12-31', '2014-06-01')).toBe(0);
    expect(timeElapsed('2015-01-01', '2015-12-31', '2015-07-02')).toBeCloseTo(0.5, 1);
    expect(timeElapsed('2015-01-01', '2015-12-31', '2026-01-01')).toBe(1);
    expect(timeElapsed('2015-01-01', null, '2015-07-02')).toBeNull();
  });
  it('calls an indicator on track when its progress keeps up with time, within ten points', () => {
    expect(onTrack(0.45, 0.5)).toBe(true);
    expect(onTrack(0.39, 0.5)).toBe(false);
    expect(onTrack(null, 0.5)).toBeNull();
  });
});

describe('snapshot digests', () => {
  it('do not depend on key order and change with any figure', () => {
    const a = {
      period: { id: 'q1', startDate: '2015-01-01', endDate: '2015-03-31' },
      indicators: { x: { code: 'A', definition: null, value: 3, cumulative: 3, tables: [] } },
    };
    const b = {
      indicators: { x: { tables: [], cumulative: 3, value: 3, definition: null, code: 'A' } },
      period: { endDate: '2015-03-31', startDate: '2015-01-01', id: 'q1' },
    };
    expect(figuresDigest(a)).toBe(figuresDigest(b));
    expect(figuresDigest({ ...a, indicators: { x: { ...a.indicators.x, value: 4 } } })).not.toBe(
      figuresDigest(a),
    );
  });
});
