/**
 * Figures kept for the project's data version they were computed at (facts.ts): asking for the same report
 * again before the project's data changes reads them instead of computing them again. The key names
 * everything a figure depends on besides the data: the definition and its version, the periods, the
 * cumulative date, the breakdowns and the reader's office scope.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import type { ComputedFigure, PeriodSpan } from './figures-repository';

/** The key of the money spent per budget line up to a day (the project's, whatever the reader's scope). */
export const budgetKey = (to: string) => `budget:${to}:${EPOCH}`;

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

export function figureKey(r: FigureRequest): string {
  const scope = r.scope === 'all' ? 'all' : [...r.scope].sort();
  return createHash('sha256')
    .update(canonicalize({ ...r, scope, epoch: EPOCH }) ?? '')
    .digest('hex');
}

export async function cachedFigures<T = ComputedFigure>(
  db: Db,
  projectId: string,
  dataVersion: number,
  keys: string[],
): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  const rows = (
    (await db.execute(sql`select key, figure from report_figure_cache
      where project_id = ${projectId} and data_version = ${dataVersion}
        and key = any(${sql.param(keys)}::text[])`)) as unknown as {
      rows: { key: string; figure: T }[];
    }
  ).rows;
  return new Map(rows.map((r) => [r.key, r.figure]));
}

export async function keepFigures<T = ComputedFigure>(
  db: Db,
  projectId: string,
  dataVersion: number,
  figures: Map<string, T>,
  now: Date,
): Promise<void> {
  if (figures.size === 0) return;
  await db.execute(sql`insert into report_figure_cache (project_id, key, data_version, figure, created_at)
    select ${projectId}, x.key, ${dataVersion}, x.figure, ${now}
    from jsonb_to_recordset(${JSON.stringify([...figures].map(([key, figure]) => ({ key, figure })))}::jsonb)
      as x(key text, figure jsonb)
    on conflict (project_id, key) do update set data_version = excluded.data_version,
      figure = excluded.figure, created_at = excluded.created_at`);
}
