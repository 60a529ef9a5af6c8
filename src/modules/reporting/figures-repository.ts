/**
 * The aggregation of a definition's units (catalogue.ts) into figures: one query per indicator (two when a
 * breakdown holds a multi-valued dimension) gives, with GROUPING SETS, the value of every period of a series,
 * the cumulative figure up to the reported period's end, and every requested breakdown with its margins.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { CatalogueEntry, UnitParams } from './catalogue';
import { type Breakdown, splitSpec } from './contract';
import type { SnapshotTable } from './tables';

export type PeriodSpan = { id: string; startDate: string; endDate: string };

export type ComputedFigure = {
  /** Value per period of the series (periods must not overlap), by period id. */
  values: Record<string, number>;
  /** Up to `cumulativeTo` (inclusive), from the beginning. */
  cumulative: number;
  /** Breakdowns of the period `tablesOf` (in-period counts), by spec. */
  tables: SnapshotTable[];
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Computes `entry` for `periods` (non-overlapping), the cumulative figure up to `cumulativeTo`, and the
 * breakdowns `specs` of the period `tablesOf` (one of `periods`).
 */
export async function computeFigure(
  db: Db,
  entry: CatalogueEntry,
  params: UnitParams,
  q: { periods: PeriodSpan[]; cumulativeTo: string; tablesOf: string | null; specs: string[] },
): Promise<ComputedFigure> {
  if (!entry.units) throw new Error(`definition ${entry.id} is not available`);
  const out: ComputedFigure = { values: {}, cumulative: 0, tables: [] };
  for (const p of q.periods) out.values[p.id] = 0;
  // Specs grouped by the multi-valued dimensions they unnest: each group is one query.
  const groups = new Map<string, string[]>();
  groups.set('', []);
  for (const spec of q.specs) {
    const multi = splitSpec(spec).filter((d) => entry.multi.includes(d));
    const key = multi.sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), spec]);
  }
  const periodList = q.periods.length
    ? sql.join(
        q.periods.map((p) => sql`(${p.id}::uuid, ${p.startDate}::date, ${p.endDate}::date)`),
        sql`, `,
      )
    : sql`(null::uuid, null::date, null::date)`;
  const tablesByspec = new Map<string, SnapshotTable>();

  for (const [multiKey, specs] of groups) {
    const multi = (multiKey ? multiKey.split(',') : []) as Breakdown[];
    const dims = [...new Set(specs.flatMap(splitSpec))];
    const column = (d: Breakdown): SQL =>
      multi.includes(d) ? sql`${sql.identifier(`${d}_v`)}` : sql`b.${sql.identifier(d)}`;
    const unnest = multi.map(
      (d) =>
        sql`cross join lateral unnest(case when cardinality(b.${sql.identifier(d)}) = 0 then array['none'] else b.${sql.identifier(d)} end) as ${sql.identifier(`${d}_v`)}`,
    );
    // Grouping sets: per period (the series), the cumulative flag, and each spec's cells and margins within
    // the reported period.
    const sets: SQL[] = [];
    const seen = new Set<string>();
    const addSet = (cols: SQL[], key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      sets.push(sql`(${sql.join(cols, sql`, `)})`);
    };
    addSet([sql`bucket`], 'bucket');
    addSet([sql`in_cum`], 'in_cum');
    for (const spec of specs) {
      const parts = splitSpec(spec);
      for (const subset of parts.length === 2 ? [[parts[0]], [parts[1]], parts] : [parts])
        addSet(
          [sql`bucket`, ...(subset as Breakdown[]).map((d) => sql`${sql.identifier(`k_${d}`)}`)],
          `bucket,${subset.join(',')}`,
        );
    }
    const dimSelect = dims.map(
      (d) => sql`, coalesce((${column(d)})::text, 'unknown') as ${sql.identifier(`k_${d}`)}`,
    );
    const groupingCols = dims.map(
      (d) => sql`, grouping(${sql.identifier(`k_${d}`)}) as ${sql.identifier(`g_${d}`)}`,
    );
    const dimOut = dims.map((d) => sql`, ${sql.identifier(`k_${d}`)}`);
    const query: SQL = sql`
      with u as (${entry.units(params)}),
      per(id, s, e) as (values ${periodList}),
      b as (
        select u.*, per.id as bucket, (u.d <= ${q.cumulativeTo}::date) as in_cum
        from u left join per on u.d between per.s and per.e
        where u.d <= ${q.cumulativeTo}::date or per.id is not null
      ),
      x as (select b.*${sql.join(dimSelect, sql``)} from b ${sql.join(unnest, sql` `)})
      select grouping(bucket) as g_bucket, grouping(in_cum) as g_in_cum, bucket::text as bucket, in_cum
        ${sql.join(groupingCols, sql``)} ${sql.join(dimOut, sql``)},
        ${entry.aggregate === 'distinct' ? sql`count(distinct x.unit)::float8` : sql`coalesce(sum(x.w), 0)::float8`} as n
      from x
      group by grouping sets (${sql.join(sets, sql`, `)})`;
    const rows: Record<string, unknown>[] = rowsOf<Record<string, unknown>>(await db.execute(query));
    for (const row of rows) {
      const n = Number(row.n);
      const grouped = dims.filter((d) => Number(row[`g_${d}`]) === 0);
      if (Number(row.g_in_cum) === 0) {
        if (row.in_cum === true && multiKey === '') out.cumulative = n;
        continue;
      }
      if (Number(row.g_bucket) !== 0 || row.bucket === null) continue;
      const bucket = String(row.bucket);
      if (grouped.length === 0) {
        if (multiKey === '') out.values[bucket] = n;
        continue;
      }
      if (bucket !== q.tablesOf) continue;
      for (const spec of specs) {
        const parts = splitSpec(spec);
        if (!grouped.every((g) => parts.includes(g))) continue;
        const table = tablesByspec.get(spec) ?? { spec, total: 0 };
        tablesByspec.set(spec, table);
        const key = (d: Breakdown) => String(row[`k_${d}`]);
        const [a, b] = parts as [Breakdown, Breakdown | undefined];
        if (grouped.length === 2 && b) {
          table.cells ??= {};
          table.cells[key(a)] ??= {};
          (table.cells[key(a)] as Record<string, number>)[key(b)] = n;
        } else if (grouped[0] === a) {
          table.rows ??= {};
          table.rows[key(a)] = n;
        } else if (b && grouped[0] === b) {
          table.cols ??= {};
          table.cols[key(b)] = n;
        }
      }
    }
  }
  for (const spec of q.specs) {
    const table = tablesByspec.get(spec) ?? { spec, total: 0 };
    table.total = q.tablesOf ? (out.values[q.tablesOf] ?? 0) : 0;
    const parts = splitSpec(spec);
    table.rows ??= {};
    if (parts.length === 2) {
      table.cols ??= {};
      table.cells ??= {};
    }
    out.tables.push(table);
  }
  return out;
}

/** Money delivered per budget line up to a day (minor units, in the line's currency). */
export async function budgetSpent(db: Db, projectId: string, to: string) {
  return rowsOf<{ code: string; label: string; currency: string; budgetMinor: number; spentMinor: number }>(
    await db.execute(sql`
      select bl.code, bl.label, bl.currency, bl.amount_minor::float8 as "budgetMinor",
        coalesce((select sum(d.amount_minor) from deliveries d join plan_items i on i.id = d.plan_item_id
          where i.budget_line_id = bl.id and d.currency = bl.currency and d.delivered_on <= ${to}::date), 0)::float8 as "spentMinor"
      from budget_lines bl where bl.project_id = ${projectId} order by bl.code`),
  );
}
