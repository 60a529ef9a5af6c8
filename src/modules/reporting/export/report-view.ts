/**
 * The reading of a Report that every export shares: indicators grouped under the results framework, the
 * cells of a breakdown table in a fixed order, the periods of the series, and what a null figure means.
 */
import { CURRENCIES, type Currency } from '../../../platform/money';
import type { Breakdown, CrossTabView, Report, ReportIndicator } from '../contract';

export type Unit = ReportIndicator['unit'];
export type ReportNode = Report['nodes'][number];
export type SeriesPoint = ReportIndicator['series'][number];

export const isMoneyUnit = (unit: Unit) => unit === 'eur';

/** ISO 4217 minor-unit exponent (2 when the currency is not one the agency uses). */
export const moneyDigits = (currency: string): number =>
  currency in CURRENCIES ? CURRENCIES[currency as Currency] : 2;

/** A figure in the unit people read: `eur` indicators hold euros (targets are entered in euros too). */
export const inDisplayUnit = (_unit: Unit, n: number) => n;

/** Counts of persons: the figures that suppression hides when the report leaves the office. */
export const countsPersons = (indicator: ReportIndicator) =>
  indicator.unit === 'persons' || indicator.definition?.personal === true;

/**
 * Whether a null figure of an indicator was hidden by suppression, rather than not entered yet (a manual
 * value still missing) or not computable (no target). Only counts of persons are ever hidden.
 */
export function isHidden(report: Report, indicator: ReportIndicator, value: number | null): boolean {
  if (value !== null || !report.suppression.applied || !countsPersons(indicator)) return false;
  if (indicator.kind === 'manual')
    return indicator.manualStatus !== null && indicator.manualStatus !== 'missing';
  return true;
}

export type FrameworkSection = {
  /** null: indicators whose node is not in the report. */
  node: ReportNode | null;
  depth: number;
  indicators: ReportIndicator[];
};

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code.localeCompare(b.code, 'en', { numeric: true });

/** The framework depth-first (impact, its outcomes, each outcome's outputs), each node with its indicators. */
export function frameworkSections(report: Report): FrameworkSection[] {
  const ids = new Set(report.nodes.map((n) => n.id));
  const children = new Map<string | null, ReportNode[]>();
  for (const node of report.nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const indicatorsOf = new Map<string, ReportIndicator[]>();
  for (const indicator of report.indicators)
    indicatorsOf.set(indicator.nodeId, [...(indicatorsOf.get(indicator.nodeId) ?? []), indicator]);

  const sections: FrameworkSection[] = [];
  const seen = new Set<string>();
  const visit = (node: ReportNode, depth: number) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    sections.push({ node, depth, indicators: indicatorsOf.get(node.id) ?? [] });
    for (const child of [...(children.get(node.id) ?? [])].sort(byCode)) visit(child, depth + 1);
  };
  for (const root of [...(children.get(null) ?? [])].sort(byCode)) visit(root, 0);
  // A parent cycle leaves nodes unreachable from the roots: still list them rather than drop figures.
  for (const node of report.nodes) visit(node, 0);
  const orphans = report.indicators.filter((i) => !ids.has(i.nodeId));
  if (orphans.length) sections.push({ node: null, depth: 0, indicators: orphans });
  return sections;
}

export type TabEntry = {
  /** Category of the first dimension; null for the total or a margin of the second dimension. */
  row: string | null;
  /** Category of the second dimension (two-dimensional tables only). */
  col: string | null;
  /** null: a hidden cell. */
  value: number | null;
  kind: 'total' | 'margin' | 'cell';
};

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** The categories of a table's rows and columns, in the order the report gives them. */
export function tabKeys(tab: CrossTabView): { rows: string[]; cols: string[] } {
  const cells = tab.cells ?? {};
  return {
    rows: union(Object.keys(tab.rows ?? {}), Object.keys(cells)),
    cols: union(Object.keys(tab.cols ?? {}), ...Object.values(cells).map((r) => Object.keys(r))),
  };
}

/**
 * Every figure of a table: the total, the margins (rows, then columns) and the inner cells. A category
 * the table does not list (a sparse record) has no entry: it is not claimed to be zero.
 */
export function tabEntries(tab: CrossTabView): TabEntry[] {
  const entries: TabEntry[] = [{ row: null, col: null, value: tab.total, kind: 'total' }];
  const { rows, cols } = tabKeys(tab);
  const twoDimensional = tab.dimensions.length === 2;
  for (const row of rows) {
    const value = tab.rows?.[row];
    if (value !== undefined)
      entries.push({ row, col: null, value, kind: twoDimensional ? 'margin' : 'cell' });
  }
  if (!twoDimensional) return entries;
  for (const col of cols) {
    const value = tab.cols?.[col];
    if (value !== undefined) entries.push({ row: null, col, value, kind: 'margin' });
  }
  for (const row of rows)
    for (const col of cols) {
      const value = tab.cells?.[row]?.[col];
      if (value !== undefined) entries.push({ row, col, value, kind: 'cell' });
    }
  return entries;
}

export type SeriesPeriod = Pick<SeriesPoint, 'periodId' | 'label' | 'startDate' | 'endDate' | 'source'>;

/** The periods any indicator's series covers, oldest first. */
export function seriesPeriods(report: Report): SeriesPeriod[] {
  const periods = new Map<string, SeriesPeriod>();
  for (const indicator of report.indicators)
    for (const p of indicator.series)
      if (!periods.has(p.periodId))
        periods.set(p.periodId, {
          periodId: p.periodId,
          label: p.label,
          startDate: p.startDate,
          endDate: p.endDate,
          source: p.source,
        });
  return [...periods.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** A change's cell reference: '' (the total), `spec:row` or `spec:row:col`. */
export function parseChangeCell(
  cell: string,
): { dimensions: Breakdown[]; row: string; col: string | null } | null {
  if (cell === '') return null;
  const [spec = '', row = '', col] = cell.split(':');
  return { dimensions: spec.split('*') as Breakdown[], row, col: col ?? null };
}

/** The node's kind and code as a group heading: "Output OP1.1 — Migrants receive…". */
export const nodeHeading = (
  labels: { nodeKinds: Record<ReportNode['kind'], string>; otherIndicators: string },
  node: ReportNode | null,
) => (node ? `${labels.nodeKinds[node.kind]} ${node.code} — ${node.title}` : labels.otherIndicators);
