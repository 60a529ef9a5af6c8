/**
 * The donor report of a project for a period: every indicator of the results framework with its value in
 * the period, its cumulative figure, targets and progress, its breakdowns and its series over the periods of
 * the same kind. A closed period's figures come from its signed snapshot (what was submitted); the figures
 * computed now are compared with it and the differences listed. Reports that leave the office, and every
 * report the reader may only see suppressed, hide small cells of persons (primary and secondary).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { parallelismOf } from '../../db/client';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import { SMALL_CELL_THRESHOLD, suppressCrossTab } from '../../platform/suppression';
import { definitionView as definitionOf, findDefinition } from './catalogue';
import { type Breakdown, type CrossTabView, type Report, type ReportIndicator, splitSpec } from './contract';
import { refreshFacts } from './facts-repository';
import { type BudgetLine, figureKey } from './figure-cache';
import { cachedFigures, keepFigures } from './figure-cache-repository';
import { budgetSpent, type ComputedFigure, computeFigure } from './figures-repository';
import { type ReportAccess, reportAccess } from './policy';
import * as repo from './repository';
import type { SnapshotFigures, SnapshotTable } from './tables';

export type ReportOptions = {
  periodId?: string;
  breakdowns: string[];
  officeId?: string;
  shared: boolean;
  language?: 'fr' | 'en';
  /** Totals, cumulative figures and series only, no breakdowns (portfolio). */
  totalsOnly?: boolean;
};

/** Figures computed side by side at most (each is one statement on a connection of the pool). */
const MAX_PARALLEL_FIGURES = 3;

type Framework = Awaited<ReturnType<typeof repo.frameworkOf>>;
type PeriodRow = repo.PeriodRow;

/** The digest of a snapshot's figures: SHA-256 of their canonical JSON (RFC 8785). */
export function figuresDigest(figures: SnapshotFigures): string {
  return createHash('sha256')
    .update(canonicalize(figures) ?? '')
    .digest('hex');
}

/** The period a report is about: the one asked for, else the open one that started last, else the last. */
export function choosePeriod(periods: PeriodRow[], periodId: string | undefined, today: string): PeriodRow {
  if (periodId) {
    const found = periods.find((p) => p.id === periodId);
    if (!found) throw new AppError('not_found');
    return found;
  }
  const current = periods.filter((p) => p.startDate <= today && p.endDate >= today);
  const open = periods.filter((p) => p.status === 'open' && p.startDate <= today);
  const pick = (current.length ? current : open.length ? open : periods).at(-1);
  if (!pick) throw new AppError('no_reporting_period');
  return pick;
}

/** The periods of the series of `period`: the same kind, up to its end. */
export function seriesPeriods(periods: PeriodRow[], period: PeriodRow): PeriodRow[] {
  return periods.filter((p) => p.kind === period.kind && p.startDate <= period.startDate);
}

/** Specs a definition can answer (the indicator's own and the asked extras it supports). */
export function specsFor(supported: readonly Breakdown[], specs: string[]): string[] {
  return [...new Set(specs)].filter((s) => splitSpec(s).every((d) => supported.includes(d)));
}

/** Computes every computed indicator's unsuppressed figures for `periods`, tables of `tablesOf`. */
export async function computeIndicators(
  ctx: ActorCtx,
  access: Pick<ReportAccess, 'scope' | 'project'>,
  indicators: Framework['indicators'],
  q: {
    periods: PeriodRow[];
    cumulativeTo: string;
    tablesOf: string | null;
    extraSpecs: string[];
    /** Skip the breakdowns (portfolio figures). */
    totalsOnly?: boolean;
  },
): Promise<Map<string, ComputedFigure>> {
  const out = new Map<string, ComputedFigure>();
  const projectId = access.project.id;
  const periods = q.periods.map((p) => ({ id: p.id, startDate: p.startDate, endDate: p.endDate }));
  const wanted = indicators.flatMap((indicator) => {
    if (indicator.kind !== 'computed' || !indicator.definitionId || !indicator.definitionVersion) return [];
    const entry = findDefinition(indicator.definitionId, indicator.definitionVersion);
    if (!entry?.units) return [];
    const request = {
      definition: { id: entry.id, version: entry.version },
      scope: access.scope,
      periods,
      cumulativeTo: q.cumulativeTo,
      tablesOf: q.tablesOf,
      specs: q.totalsOnly ? [] : specsFor(entry.breakdowns, [...indicator.breakdowns, ...q.extraSpecs]),
    };
    return [{ indicator, entry, request, key: figureKey(request) }];
  });
  if (wanted.length === 0) return out;
  // The facts brought up to date with every change committed so far; figures kept at that data version are
  // read back rather than computed again.
  const facts = await refreshFacts(ctx.db, projectId, ctx.clock.now());
  const { dataVersion } = facts;
  const scope = access.scope;
  // A scope covering every office holding facts counts each person's first row in the project.
  const factsCovered = scope === 'all' || facts.offices.every((o) => scope.includes(o));
  const kept = await cachedFigures(
    ctx.db,
    projectId,
    dataVersion,
    wanted.map((w) => w.key),
  );
  // The figures not kept, one query each: on PostgreSQL outside a transaction, a few side by side on the
  // pool; in a transaction (closing a period) or on the embedded database, one after the other. Two
  // indicators asking the same figure share it.
  const missing = [...new Map(wanted.filter((w) => !kept.has(w.key)).map((w) => [w.key, w])).values()];
  const fresh = new Map<string, ComputedFigure>();
  let next = 0;
  const worker = async () => {
    for (let item = missing[next++]; item; item = missing[next++])
      fresh.set(
        item.key,
        await computeFigure(
          ctx.db,
          item.entry,
          { projectId, scope, factsCovered },
          { periods, cumulativeTo: q.cumulativeTo, tablesOf: q.tablesOf, specs: item.request.specs },
        ),
      );
  };
  const lanes = Math.min(parallelismOf(ctx.db), MAX_PARALLEL_FIGURES, missing.length);
  await Promise.all(Array.from({ length: lanes }, worker));
  for (const { indicator, key } of wanted) {
    const figure = kept.get(key) ?? fresh.get(key);
    // Each indicator its own copy: the report reads and shapes figures per indicator.
    if (figure) out.set(indicator.id, structuredClone(figure));
  }
  await keepFigures(
    ctx.db,
    projectId,
    dataVersion,
    missing.flatMap(({ key, request }) => {
      const figure = fresh.get(key);
      return figure ? [{ key, request, figure }] : [];
    }),
    ctx.clock.now(),
  );
  return out;
}

/** The figures a closed period freezes: every computed indicator over the whole project, unsuppressed. */
export async function snapshotFigures(
  ctx: ActorCtx,
  access: Pick<ReportAccess, 'scope' | 'project'>,
  framework: Framework,
  period: PeriodRow,
): Promise<SnapshotFigures> {
  const computed = await computeIndicators(ctx, access, framework.indicators, {
    periods: [period],
    cumulativeTo: period.endDate,
    tablesOf: period.id,
    extraSpecs: [],
  });
  const figures: SnapshotFigures = {
    period: { id: period.id, startDate: period.startDate, endDate: period.endDate },
    indicators: {},
  };
  for (const indicator of framework.indicators) {
    const manual = framework.values.find((v) => v.indicatorId === indicator.id && v.periodId === period.id);
    const c = computed.get(indicator.id);
    figures.indicators[indicator.id] = {
      code: indicator.code,
      definition:
        indicator.definitionId && indicator.definitionVersion
          ? { id: indicator.definitionId, version: indicator.definitionVersion }
          : null,
      value: c ? (c.values[period.id] ?? 0) : manual?.status === 'validated' ? manual.value : null,
      cumulative: c ? c.cumulative : null,
      tables: c?.tables ?? [],
    };
  }
  return figures;
}

type Suppressor = {
  applied: boolean;
  primary: number;
  secondary: number;
  /**
   * The published figures of one indicator: its series (one value per period), its cumulative figure, the
   * reported period's value and its breakdown tables, suppressed together. For persons, the periods and
   * what came before them add up to the cumulative figure, and every table's total is the period's value:
   * a figure hidden in one place is hidden in all, and each of those relations keeps 0 or at least 2
   * hidden members.
   */
  indicator(input: {
    personal: boolean;
    series: { id: string; value: number | null }[];
    periodId: string;
    cumulative: number | null;
    tables: SnapshotTable[];
  }): {
    series: Map<string, number | null>;
    cumulative: number | null;
    tables: CrossTabView[];
  };
  cell(n: number | null, personal: boolean): number | null;
};

const BEFORE = '\u0000before';

function suppressor(applied: boolean, seesSensitive: boolean): Suppressor {
  const s: Suppressor = {
    applied,
    primary: 0,
    secondary: 0,
    indicator({ personal, series, periodId, cumulative, tables }) {
      const view = (t: SnapshotTable): CrossTabView => ({ ...t, dimensions: splitSpec(t.spec) });
      const sensitive = (t: SnapshotTable) => splitSpec(t.spec).includes('vulnerability') && !seesSensitive;
      if (!personal || (!applied && !tables.some(sensitive)))
        return { series: new Map(series.map((p) => [p.id, p.value])), cumulative, tables: tables.map(view) };
      // The series with what came before it adds up to the cumulative figure (person definitions).
      const known = series.filter((p): p is { id: string; value: number } => p.value !== null);
      const before = cumulative === null ? null : cumulative - known.reduce((sum, p) => sum + p.value, 0);
      let hideValue = false;
      for (let round = 0; round < 3; round++) {
        let outSeries = new Map(series.map((p) => [p.id, p.value]));
        let outCumulative = cumulative;
        let primary = 0;
        let secondary = 0;
        if (applied) {
          const rows: Record<string, number> = Object.fromEntries(known.map((p) => [p.id, p.value]));
          if (before !== null && before >= 0) rows[BEFORE] = before;
          const out = suppressCrossTab({ total: cumulative ?? 0, rows }, SMALL_CELL_THRESHOLD, {
            rows: hideValue ? [periodId] : [],
          });
          outSeries = new Map(
            series.map((p) => [p.id, p.value === null ? null : (out.rows?.[p.id] ?? null)]),
          );
          outCumulative = cumulative === null ? null : out.total;
          primary += out.primary;
          secondary += out.secondary;
        }
        const valueHidden =
          outSeries.get(periodId) === null && series.some((p) => p.id === periodId && p.value !== null);
        const outTables: CrossTabView[] = [];
        let tableHidesTotal = false;
        for (const t of tables) {
          if (!applied && !sensitive(t)) {
            outTables.push(view(t));
            continue;
          }
          const out = suppressCrossTab(t, SMALL_CELL_THRESHOLD, { total: valueHidden });
          primary += out.primary;
          secondary += out.secondary;
          if (out.total === null && !valueHidden && applied) tableHidesTotal = true;
          outTables.push({
            spec: t.spec,
            dimensions: splitSpec(t.spec),
            total: out.total,
            rows: out.rows,
            cols: out.cols,
            cells: out.cells,
          });
        }
        if (tableHidesTotal && !hideValue) {
          // A table had to hide its total, the period's value: hide it in the series too, and start again.
          hideValue = true;
          continue;
        }
        s.primary += primary;
        s.secondary += secondary;
        if (primary + secondary > 0) s.applied = true;
        return { series: outSeries, cumulative: outCumulative, tables: outTables };
      }
      throw new Error('suppression did not settle');
    },
    cell(n, personal) {
      if (!applied || !personal || n === null || n <= 0 || n >= SMALL_CELL_THRESHOLD) return n;
      s.primary += 1;
      return null;
    },
  };
  return s;
}

const progressOf = (value: number | null, target: number | null) =>
  value === null || target === null || target === 0 ? null : Math.round((value / target) * 1000) / 1000;

function manualCumulative(
  indicator: Framework['indicators'][number],
  values: Framework['values'],
  series: PeriodRow[],
  validatedOnly: boolean,
): number | null {
  const own = series
    .map((p) => values.find((v) => v.indicatorId === indicator.id && v.periodId === p.id))
    .filter((v) => v && (!validatedOnly || v.status === 'validated'));
  if (own.length === 0) return null;
  // Percentages and scores do not add up: the cumulative figure of a rate is its latest value.
  if (indicator.unit === 'percent') return own.at(-1)?.value ?? null;
  return own.reduce((sum, v) => sum + (v?.value ?? 0), 0);
}

/** The report as a reader sees it on screen (audited: figures of persons, read by whom, with what). */
export async function buildReport(
  ctx: ActorCtx,
  cipher: FieldCipher,
  projectId: string,
  options: ReportOptions,
  via: 'staff' | 'donor' = 'staff',
) {
  const access = await reportAccess(ctx, projectId, { officeId: options.officeId, via });
  const report = await buildReportFor(ctx, cipher, access, options);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'report.viewed',
      officeId: access.project.owningOfficeId,
      recordType: 'project',
      recordId: projectId,
      metadata: {
        periodId: report.period.id,
        breakdowns: options.breakdowns,
        officeId: options.officeId ?? null,
        shared: report.suppression.applied,
        via,
      },
    }),
  );
  return report;
}

export async function buildReportFor(
  ctx: ActorCtx,
  cipher: FieldCipher,
  access: ReportAccess,
  options: ReportOptions,
): Promise<Report> {
  const lang = options.language ?? ctx.lang;
  const project = access.project;
  const framework = await repo.frameworkOf(ctx.db, project.id);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const period = choosePeriod(framework.periods, options.periodId, today);
  const series = seriesPeriods(framework.periods, period);
  const snapshots = new Map(
    (
      await repo.snapshotsOf(
        ctx.db,
        series.map((p) => p.id),
      )
    ).map((s) => [s.periodId, s]),
  );
  // Snapshots hold the whole project's figures: they answer only a report over the whole project.
  const wholeProject = access.coverage === 'project' && !options.officeId;
  const periodSnapshot = wholeProject ? snapshots.get(period.id) : undefined;
  const live = await computeIndicators(ctx, access, framework.indicators, {
    periods: series,
    cumulativeTo: period.endDate,
    tablesOf: period.id,
    extraSpecs: options.breakdowns,
    totalsOnly: options.totalsOnly,
  });
  const shared = options.shared || access.forceSuppression;
  const sup = suppressor(shared, access.seesSensitive);
  const validatedOnly = shared;

  const indicators: ReportIndicator[] = framework.indicators.map((indicator) => {
    const entry =
      indicator.definitionId && indicator.definitionVersion
        ? findDefinition(indicator.definitionId, indicator.definitionVersion)
        : undefined;
    // Counts of persons by the definition (whatever unit was typed), or a manual indicator of persons.
    const personal = entry ? entry.personal : indicator.unit === 'persons';
    const targetOf = (periodId: string) =>
      framework.targets.find((t) => t.indicatorId === indicator.id && t.periodId === periodId)?.target ??
      null;
    const c = live.get(indicator.id);
    const frozen = periodSnapshot?.figures.indicators[indicator.id];
    let value: number | null;
    let cumulative: number | null;
    let tables: SnapshotTable[] = [];
    let manualStatus: ReportIndicator['manualStatus'] = null;
    let comment: string | null = null;
    if (indicator.kind === 'manual') {
      const v = framework.values.find((x) => x.indicatorId === indicator.id && x.periodId === period.id);
      manualStatus = v ? v.status : 'missing';
      // A shared report shows validated values only, and the comments that go with them.
      comment = v && (!validatedOnly || v.status === 'validated') ? v.comment || null : null;
      value = frozen ? frozen.value : v && (!validatedOnly || v.status === 'validated') ? v.value : null;
      cumulative = manualCumulative(indicator, framework.values, series, validatedOnly);
    } else if (frozen) {
      value = frozen.value;
      cumulative = frozen.cumulative;
      const frozenSpecs = new Set(frozen.tables.map((t) => t.spec));
      tables = [...frozen.tables, ...(c?.tables ?? []).filter((t) => !frozenSpecs.has(t.spec))];
    } else {
      value = c ? (c.values[period.id] ?? 0) : null;
      cumulative = c ? c.cumulative : null;
      tables = c?.tables ?? [];
    }
    const rawSeries = series.map((p) => {
      const snap = wholeProject ? snapshots.get(p.id)?.figures.indicators[indicator.id] : undefined;
      const manual = framework.values.find((x) => x.indicatorId === indicator.id && x.periodId === p.id);
      const raw =
        p.id === period.id
          ? value
          : snap
            ? snap.value
            : indicator.kind === 'manual'
              ? manual && (!validatedOnly || manual.status === 'validated')
                ? manual.value
                : null
              : c
                ? (c.values[p.id] ?? 0)
                : null;
      return { period: p, value: raw, source: snap ? ('snapshot' as const) : ('live' as const) };
    });
    const shown = sup.indicator({
      personal,
      series: rawSeries.map((x) => ({ id: x.period.id, value: x.value })),
      periodId: period.id,
      cumulative,
      tables,
    });
    return {
      id: indicator.id,
      code: indicator.code,
      nodeId: indicator.nodeId,
      title: indicator.title[lang],
      unit: indicator.unit,
      kind: indicator.kind,
      definition: entry ? definitionOf(entry) : null,
      meansOfVerification: indicator.meansOfVerification[lang],
      baseline: indicator.baseline,
      target: indicator.target,
      periodTarget: targetOf(period.id),
      value: shown.series.get(period.id) ?? null,
      cumulative: shown.cumulative,
      progress: progressOf(shown.cumulative, indicator.target),
      manualStatus,
      comment,
      breakdowns: shown.tables,
      series: rawSeries.map((x) => ({
        periodId: x.period.id,
        label: x.period.label,
        startDate: x.period.startDate,
        endDate: x.period.endDate,
        value: shown.series.get(x.period.id) ?? null,
        target: targetOf(x.period.id),
        source: x.source,
      })),
    };
  });

  // What changed since each closed period was submitted (totals; and every cell of the reported period).
  const changes: Report['changes'] = [];
  if (wholeProject) {
    for (const p of series) {
      const snap = snapshots.get(p.id);
      if (!snap) continue;
      for (const indicator of framework.indicators) {
        const c = live.get(indicator.id);
        const frozen = snap.figures.indicators[indicator.id];
        if (!c || !frozen) continue;
        const entry =
          indicator.definitionId && indicator.definitionVersion
            ? findDefinition(indicator.definitionId, indicator.definitionVersion)
            : undefined;
        const personal = entry ? entry.personal : indicator.unit === 'persons';
        const add = (cell: string, submitted: number | null, now: number | null) => {
          if (submitted === now) return;
          // A small difference is itself a small count (people added late to a closed period).
          const smallDifference =
            shared &&
            personal &&
            submitted !== null &&
            now !== null &&
            Math.abs(now - submitted) < SMALL_CELL_THRESHOLD;
          changes.push({
            periodId: p.id,
            periodLabel: p.label,
            indicatorCode: indicator.code,
            cell,
            submitted: smallDifference ? null : sup.cell(submitted, personal),
            now: smallDifference ? null : sup.cell(now, personal),
          });
        };
        add('', frozen.value, c.values[p.id] ?? 0);
        if (p.id !== period.id || shared) continue;
        for (const t of frozen.tables) {
          // Cells of a table the reader sees suppressed are not listed one by one.
          if (personal && splitSpec(t.spec).includes('vulnerability') && !access.seesSensitive) continue;
          const nowTable = c.tables.find((x) => x.spec === t.spec);
          if (!nowTable) continue;
          for (const k of new Set([...Object.keys(t.rows ?? {}), ...Object.keys(nowTable.rows ?? {})]))
            add(`${t.spec}:${k}`, t.rows?.[k] ?? 0, nowTable.rows?.[k] ?? 0);
        }
      }
    }
  }

  const snapshotView = periodSnapshot
    ? {
        id: periodSnapshot.id,
        closedAt: periodSnapshot.createdAt.toISOString(),
        closedByName: periodSnapshot.closedByName,
        signature: periodSnapshot.signature,
        valid:
          figuresDigest(periodSnapshot.figures) === periodSnapshot.sha256 &&
          cipher.sign(periodSnapshot.sha256) === periodSnapshot.signature,
      }
    : null;

  return {
    generatedAt: ctx.clock.now().toISOString(),
    language: lang,
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      summary: project.summary[lang],
      donor: project.donor,
      cofunding: project.cofunding,
      startDate: project.startDate,
      endDate: project.endDate,
      hostCountries: project.hostCountries,
      originCountries: project.originCountries,
      owningOfficeCode: project.owningOfficeCode,
    },
    period: periodView(period, snapshots.get(period.id)?.id ?? null),
    coverage: access.coverage,
    offices: await officeCodes(ctx, access.officeIds),
    officeFilter: !access.donor && !access.forceSuppression,
    source: periodSnapshot ? 'snapshot' : 'live',
    snapshot: snapshotView,
    suppression: {
      applied: sup.applied,
      threshold: SMALL_CELL_THRESHOLD,
      primary: sup.primary,
      secondary: sup.secondary,
    },
    nodes: framework.nodes.map((n) => ({ ...nodeView(n), title: n.title[lang] })),
    indicators,
    changes,
    // The budget is the project's: shown when the figures cover every office of it.
    budget: coversProject(access) ? await budgetOf(ctx, project.id, period.endDate) : [],
  };
}

/** The project's money spent per budget line up to `to`, kept per data version as figures are. */
async function budgetOf(ctx: ActorCtx, projectId: string, to: string) {
  const { dataVersion } = await refreshFacts(ctx.db, projectId, ctx.clock.now());
  const request = { budgetTo: to };
  const key = figureKey(request);
  const kept = (await cachedFigures<BudgetLine[]>(ctx.db, projectId, dataVersion, [key])).get(key);
  if (kept) return kept;
  const lines = await budgetSpent(ctx.db, projectId, to);
  await keepFigures(ctx.db, projectId, dataVersion, [{ key, request, figure: lines }], ctx.clock.now());
  return lines;
}

const coversProject = (access: ReportAccess) =>
  [access.project.owningOfficeId, ...access.project.participatingOfficeIds].every((o) =>
    access.officeIds.includes(o),
  );

export function periodView(p: PeriodRow, snapshotId: string | null) {
  return {
    id: p.id,
    kind: p.kind,
    label: p.label,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    closedAt: p.closedAt?.toISOString() ?? null,
    closedByName: p.closedByName,
    snapshotId,
    version: p.version,
  };
}

export function nodeView(n: repo.NodeRow) {
  return { id: n.id, kind: n.kind, parentId: n.parentId, code: n.code, title: n.title, version: n.version };
}

const officeCodes = (ctx: ActorCtx, ids: string[]) => repo.officeCodesOf(ctx.db, ids);

export type { ComputedFigure };
