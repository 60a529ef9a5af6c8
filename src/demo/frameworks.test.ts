/**
 * The demo's results frameworks hold together before they reach the database: every indicator sits on a node
 * of its project, a computed one names a catalogue definition that can be computed and answers its breakdowns,
 * each project has two quarters to submit (figures entered, then validated, then closed) and one open, and
 * nothing happens after the demo's today.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../modules/reporting';
import {
  ClosePeriodSchema,
  FrameworkNodeInputSchema,
  IndicatorInputSchema,
  ManualValueDecisionSchema,
  ManualValueInputSchema,
  PeriodInputSchema,
} from '../modules/reporting/contract';
import {
  DEMO_CORRECTION,
  DEMO_DONOR,
  DEMO_FRAMEWORKS,
  indicatorInput,
  nodeInput,
  periodInput,
} from './frameworks';
import { DEMO_TODAY, generateDemoData } from './people';
import { DEMO_ACCOUNTS, DEMO_PROJECTS } from './seed';

const definitions = new Map(catalogue().map((d) => [d.id, d]));
const day = (iso: string) => iso.slice(0, 10);

describe('the demo results frameworks', () => {
  it('cover the projects of the news page, each with 3 to 6 indicators, computed and entered by hand', () => {
    expect(DEMO_FRAMEWORKS.map((f) => f.project).sort()).toEqual(DEMO_PROJECTS.map((p) => p.code).sort());
    for (const f of DEMO_FRAMEWORKS) {
      expect(f.indicators.length, f.project).toBeGreaterThanOrEqual(3);
      expect(f.indicators.length, f.project).toBeLessThanOrEqual(6);
      expect(
        f.indicators.some((i) => i.definition === null),
        f.project,
      ).toBe(true);
      expect(
        f.indicators.some((i) => i.definition !== null),
        f.project,
      ).toBe(true);
      expect(f.nodes.some((n) => n.kind === 'outcome') && f.nodes.some((n) => n.kind === 'output')).toBe(
        true,
      );
    }
  });

  it('keeps the targets of the news page: CARE 130 persons assisted, MAGNET II 300', () => {
    const headline = (project: string) =>
      DEMO_FRAMEWORKS.find((f) => f.project === project)?.indicators.find(
        (i) => i.definition === 'persons_assisted',
      )?.target;
    expect(headline('CARE')).toBe(130);
    expect(headline('MAGNET2')).toBe(300);
    expect(DEMO_PROJECTS.find((p) => p.code === 'CARE')?.targetPersons).toBe(130);
    expect(DEMO_PROJECTS.find((p) => p.code === 'MAGNET2')?.targetPersons).toBe(300);
  });

  it('enters what the routes would accept, as is', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const f of DEMO_FRAMEWORKS) {
      for (const n of f.nodes) {
        const input = nodeInput(n, n.parent ? id : null);
        expect(FrameworkNodeInputSchema.parse(input), n.code).toEqual(input);
      }
      for (const i of f.indicators) {
        const input = indicatorInput(i, id);
        expect(IndicatorInputSchema.parse(input), i.code).toEqual(input);
      }
      for (const p of f.periods) {
        expect(PeriodInputSchema.parse(periodInput(p))).toEqual(periodInput(p));
        if (p.reported) ClosePeriodSchema.parse({ version: 1, comment: p.reported.comment });
      }
      for (const v of f.values) {
        ManualValueInputSchema.parse({ value: v.value, comment: v.comment });
        if (v.returned) {
          ManualValueInputSchema.parse({ value: v.returned.value, comment: v.returned.comment });
          ManualValueDecisionSchema.parse({ version: 1, decision: 'returned', comment: v.returned.decision });
        }
      }
    }
  });

  it('places each indicator on a node of its project, with a definition that answers its breakdowns', () => {
    for (const f of DEMO_FRAMEWORKS) {
      const nodes = new Map(f.nodes.map((n) => [n.code, n]));
      for (const n of f.nodes) if (n.parent) expect(nodes.get(n.parent)?.kind, n.code).toBe('outcome');
      expect(new Set(f.indicators.map((i) => i.code)).size).toBe(f.indicators.length);
      for (const i of f.indicators) {
        expect(nodes.has(i.node), i.code).toBe(true);
        expect(i.code.length, i.code).toBeLessThanOrEqual(20);
        expect(i.periodTargets, i.code).toHaveLength(f.periods.length);
        expect(i.meansOfVerification.fr && i.meansOfVerification.en, i.code).toBeTruthy();
        if (i.definition === null) {
          expect(i.breakdowns, i.code).toEqual([]);
          continue;
        }
        const d = definitions.get(i.definition);
        expect(d?.available, i.code).toBe(true);
        expect(d?.unit, i.code).toBe(i.unit);
        for (const spec of i.breakdowns)
          for (const b of spec.split('*')) expect(d?.breakdowns, `${i.code} ${spec}`).toContain(b);
      }
    }
  });

  it('submits two quarters per project (entered, validated, closed in that order) and leaves one open', () => {
    for (const f of DEMO_FRAMEWORKS) {
      const closed = f.periods.filter((p) => p.reported);
      expect(closed, f.project).toHaveLength(2);
      expect(
        f.periods.filter((p) => !p.reported),
        f.project,
      ).toHaveLength(1);
      expect(f.setUpAt < f.periodsAt, f.project).toBe(true);
      // The quarters are entered before they start, with their targets.
      for (const p of f.periods) expect(day(f.periodsAt) < p.startDate, p.label).toBe(true);
      for (const p of closed) {
        const r = p.reported as NonNullable<typeof p.reported>;
        expect(day(r.entered) > p.endDate, p.label).toBe(true);
        expect(r.entered < r.validated && r.validated < r.closed, p.label).toBe(true);
      }
      for (const v of f.values) {
        const indicator = f.indicators.find((i) => i.code === v.indicator);
        const period = f.periods.find((p) => p.label === v.period);
        expect(indicator?.definition, v.indicator).toBeNull();
        expect(period, v.period).toBeDefined();
        // Figures of a submitted quarter are entered with it; those of the open one are waiting.
        expect(v.submittedAt === undefined, `${v.indicator} ${v.period}`).toBe(Boolean(period?.reported));
        if (v.returned && period?.reported) {
          expect(v.returned.at > period.reported.entered && v.returned.at < period.reported.validated).toBe(
            true,
          );
        }
      }
      const open = f.periods.find((p) => !p.reported);
      expect(
        f.values.filter((v) => v.period === open?.label && v.submittedAt),
        f.project,
      ).toHaveLength(1);
      for (const p of closed)
        for (const i of f.indicators.filter((x) => x.definition === null))
          expect(
            f.values.some((v) => v.indicator === i.code && v.period === p.label),
            `${i.code} ${p.label}`,
          ).toBe(true);
    }
  });

  it('happens within the demo’s story, which ends on its today', () => {
    const moments = DEMO_FRAMEWORKS.flatMap((f) => [
      f.setUpAt,
      f.periodsAt,
      ...f.periods.flatMap((p) =>
        p.reported ? [p.reported.entered, p.reported.validated, p.reported.closed] : [],
      ),
      ...f.values.flatMap((v) => [v.submittedAt ?? '', v.returned?.at ?? '']).filter(Boolean),
    ]);
    for (const at of [...moments, DEMO_DONOR.grantedAt, DEMO_CORRECTION.at])
      expect(day(at) <= DEMO_TODAY).toBe(true);
    // The open quarter holds the demo's today (CARE's, the project's last, is kept open for its final report).
    for (const f of DEMO_FRAMEWORKS.filter((x) => x.project !== 'CARE')) {
      const open = f.periods.find((p) => !p.reported);
      expect(open && open.startDate <= DEMO_TODAY && DEMO_TODAY <= open.endDate, f.project).toBe(true);
    }
  });

  it('corrects, after its quarter was closed, a departure date the demo records', () => {
    const c = generateDemoData().cases.find((x) => x.reference === DEMO_CORRECTION.reference);
    expect(c?.project).toBe(DEMO_CORRECTION.project);
    expect(c?.departureDate).toBe(DEMO_CORRECTION.departureDate.recorded);
    expect(c && c.updatedAt < DEMO_CORRECTION.at).toBe(true);
    const tact = DEMO_FRAMEWORKS.find((f) => f.project === DEMO_CORRECTION.project);
    const quarter = tact?.periods.find(
      (p) =>
        p.startDate <= DEMO_CORRECTION.departureDate.actual &&
        DEMO_CORRECTION.departureDate.actual <= p.endDate,
    );
    expect(quarter?.reported && quarter.reported.closed < DEMO_CORRECTION.at).toBe(true);
    expect(DEMO_ACCOUNTS.some((a) => a.email === DEMO_CORRECTION.by && a.role === 'protection_officer')).toBe(
      true,
    );
  });

  it('gives the EU a donor account', () => {
    expect(DEMO_ACCOUNTS.find((a) => a.email === DEMO_DONOR.email)).toMatchObject({
      role: 'donor',
      office: 'PAR',
    });
  });
});
