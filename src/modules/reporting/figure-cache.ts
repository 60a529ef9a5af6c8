/**
 * Figures kept for the project's data version they were computed at (facts-repository.ts): asking for the same report
 * again before the project's data changes reads them instead of computing them again. The key names
 * everything a figure depends on besides the data: the definition and its version, the periods, the
 * cumulative date, the breakdowns and the reader's office scope. The request is kept with the figure, so
 * that a refresh can bring it up to date by the contributions of the persons changed (`adjusted`).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { OfficeScope } from '../../platform/actor';
import type { BudgetLine, ComputedFigure, PeriodSpan } from './figures-repository';

export type { BudgetLine };

import type { SnapshotTable } from './tables';

/** Bumped when the way figures are computed changes, so that figures kept by an older release are not read. */
const EPOCH = 1;

export type FigureRequest = {
  definition: { id: string; version: number };
  scope: OfficeScope;
  periods: PeriodSpan[];
  cumulativeTo: string;
  tablesOf: string | null;
  specs: string[];
};

/** The money spent per budget line up to a day (the project's, whatever the reader's scope). */
export type BudgetRequest = { budgetTo: string };

export type KeptRequest = FigureRequest | BudgetRequest;
export const isBudget = (r: KeptRequest): r is BudgetRequest => 'budgetTo' in r;

export function figureKey(r: KeptRequest): string {
  const normal = isBudget(r) ? r : { ...r, scope: r.scope === 'all' ? 'all' : [...r.scope].sort() };
  return createHash('sha256')
    .update(canonicalize({ ...normal, epoch: EPOCH }) ?? '')
    .digest('hex');
}

export type Kept<T> = { key: string; request: KeptRequest; figure: T };

/** Counts stay whole; sums (of euros) stay to the cent, as computed (figures-repository.ts). */
const settle = (n: number) => Math.round(n * 100) / 100;

/**
 * A kept figure brought up to date: minus the changed persons' contribution before the change, plus their
 * contribution after it (every figure is a sum over persons: counts of persons, of persons per period, of
 * deliveries, sums of euros). Null when the persons bring a category the kept figure does not list: its place
 * among the categories is the database's order, so the figure is computed again rather than guessed.
 */
export function adjusted(
  kept: ComputedFigure,
  before: ComputedFigure,
  after: ComputedFigure,
): ComputedFigure | null {
  const out: ComputedFigure = structuredClone(kept);
  for (const id of Object.keys(out.values))
    out.values[id] = settle((out.values[id] ?? 0) - (before.values[id] ?? 0) + (after.values[id] ?? 0));
  out.cumulative = settle(out.cumulative - before.cumulative + after.cumulative);
  for (const table of out.tables) {
    const old = before.tables.find((t) => t.spec === table.spec);
    const now = after.tables.find((t) => t.spec === table.spec);
    if (!old || !now) return null;
    table.total = settle(table.total - old.total + now.total);
    for (const part of ['rows', 'cols'] as const) {
      const merged = combine(table[part], old[part], now[part]);
      if (merged === null) return null;
      if (merged) table[part] = merged;
    }
    if (table.cells) {
      for (const [a, row] of Object.entries(now.cells ?? {}))
        if (!table.cells[a] && Object.values(row).some((n) => n !== 0)) return null;
      const cells: NonNullable<SnapshotTable['cells']> = {};
      for (const [a, row] of Object.entries(table.cells)) {
        const merged = combine(row, old.cells?.[a], now.cells?.[a]);
        if (merged === null) return null;
        if (merged && Object.keys(merged).length > 0) cells[a] = merged;
      }
      table.cells = cells;
    }
  }
  return out;
}

/** `kept − before + after` per category, categories at zero left out; null when `after` brings a new one. */
function combine(
  kept: Record<string, number> | undefined,
  before: Record<string, number> | undefined,
  after: Record<string, number> | undefined,
): Record<string, number> | null | undefined {
  if (!kept) return undefined;
  for (const [k, n] of Object.entries(after ?? {})) if (!(k in kept) && n !== 0) return null;
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(kept)) {
    const v = settle(n - (before?.[k] ?? 0) + (after?.[k] ?? 0));
    if (v !== 0) out[k] = v;
  }
  return out;
}

/** The budget burn brought up to date the same way (its lines change only with a change of every figure). */
export function adjustedBudget(kept: BudgetLine[], before: BudgetLine[], after: BudgetLine[]): BudgetLine[] {
  const spent = (lines: BudgetLine[], code: string) => lines.find((l) => l.code === code)?.spentMinor ?? 0;
  return kept.map((l) => ({
    ...l,
    spentMinor: l.spentMinor - spent(before, l.code) + spent(after, l.code),
  }));
}
