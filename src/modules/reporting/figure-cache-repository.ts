/** Figures kept per data version (figure-cache.ts): reading, listing and writing them. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Kept } from './figure-cache';
import type { ComputedFigure } from './figures-repository';

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

/** Every figure kept for the project at `dataVersion`, most recent first (at most `limit`). */
export async function keptAt(
  db: Db,
  projectId: string,
  dataVersion: number,
  limit: number,
): Promise<Kept<unknown>[]> {
  return (
    (await db.execute(sql`select key, request, figure from report_figure_cache
      where project_id = ${projectId} and data_version = ${dataVersion} and request is not null
      order by created_at desc limit ${limit}`)) as unknown as { rows: Kept<unknown>[] }
  ).rows;
}

export async function keepFigures(
  db: Db,
  projectId: string,
  dataVersion: number,
  figures: Kept<unknown>[],
  now: Date,
): Promise<void> {
  if (figures.length === 0) return;
  await db.execute(sql`insert into report_figure_cache (project_id, key, data_version, request, figure, created_at)
    select ${projectId}, x.key, ${dataVersion}, x.request, x.figure, ${now}
    from jsonb_to_recordset(${JSON.stringify(figures)}::jsonb) as x(key text, request jsonb, figure jsonb)
    on conflict (project_id, key) do update set data_version = excluded.data_version,
      request = excluded.request, figure = excluded.figure, created_at = excluded.created_at`);
}
