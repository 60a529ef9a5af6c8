/**
 * The aggregation of a definition's units (catalogue.ts) into figures: one query per indicator gives the value
 * of every period of a series, the cumulative figure up to the reported period's end, and every requested
 * breakdown with its margins (GROUPING SETS).
 *
 * What makes it fast on a large project (see bench/reporting.ts):
 * - the units' base rows (one per counted unit, with the columns breakdowns read) are computed once per
 *   indicator (a materialized CTE) and feed both the totals and the breakdowns;
 * - totals need only each unit's date and value; the breakdown columns (and the joins to persons, offices,
 *   plan items they need) are computed only for the units of the reported period, the only ones reported
 *   by breakdown;
 * - where a definition has at most one row per unit (a person's first qualifying case), counting rows
 *   counts distinct units, so plain counts replace count(distinct) and grouping sets aggregate by hashing
 *   in one pass; a breakdown by a multi-valued dimension (vulnerability) unnests only for the grouping sets
 *   that group by it;
 * - the statement runs with more working memory (SET LOCAL in its own transaction) so that sorts and the
 *   materialized units stay in memory, and without JIT compilation (which cost more than it saved here);
 * - the persons definitions whose events are few (placements, follow-ups, referrals) look their cases up by
 *   key instead of reading all the project's cases (catalogue.ts).
 * The figures are the same as those of the documented units query aggregated directly (count of distinct
 * units, or sum of values, per period, cumulative, breakdown cell and margin).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type CatalogueEntry, dimensionsOf, type UnitParams } from './catalogue';
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

/** Working memory of one figure's statement: its sorts, hash tables and materialized units. */
const WORK_MEM = '256MB';

const overlap = (periods: PeriodSpan[]) =>
  periods.some((a, i) =>
    periods.some((b, j) => i !== j && a.startDate <= b.endDate && b.startDate <= a.endDate),
  );

/** The grouping sets of the breakdowns `specs`: each spec's cells and, for two dimensions, its margins. */
function subsetsOf(spec: string): Breakdown[][] {
  const parts = splitSpec(spec);
  return parts.length === 2 ? [[parts[0] as Breakdown], [parts[1] as Breakdown], parts] : [parts];
}
const setKey = (dims: readonly Breakdown[]) => [...dims].sort().join(',');

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
  if (!entry.query) throw new Error(`definition ${entry.id} is not available`);
  const uq = entry.query(params);
  const out: ComputedFigure = { values: {}, cumulative: 0, tables: [] };
  for (const p of q.periods) out.values[p.id] = 0;
  const distinct = entry.aggregate === 'distinct';
  // Counting rows counts units where each unit has one row (in a period: periods must not overlap).
  const rowsAreUnits = distinct && uq.oneRowPerUnit && !overlap(q.periods);
  const tab = q.periods.find((p) => p.id === q.tablesOf);

  // The breakdowns' grouping sets, each computed once, in a group per multi-valued dimensions it unnests. A
  // count of distinct units unnests only for the sets grouped by a multi-valued dimension (the margins of the
  // other dimension count each unit once either way); a sum unnests for every set of a spec that has one.
  const groupOf = (spec: string, subset: Breakdown[]) =>
    setKey((distinct ? subset : splitSpec(spec)).filter((d) => entry.multi.includes(d)));
  const groups = new Map<string, Map<string, Breakdown[]>>();
  if (tab)
    for (const spec of q.specs)
      for (const subset of subsetsOf(spec)) {
        const g = groupOf(spec, subset);
        const sets = groups.get(g) ?? new Map<string, Breakdown[]>();
        groups.set(g, sets);
        sets.set(setKey(subset), subset);
      }
  const allDims = [...new Set([...groups.values()].flatMap((sets) => [...sets.values()].flat()))];
  // Categories are listed in the database's order of their values, by the spec's first dimension then its
  // second (as a sorted aggregation gives them): the order the report, its exports and suppression read them.
  const sortOrder = new Map<string, Breakdown[]>();
  for (const spec of q.specs)
    for (const subset of subsetsOf(spec))
      if (!sortOrder.has(setKey(subset))) sortOrder.set(setKey(subset), subset);

  const periodList = q.periods.length
    ? sql.join(
        q.periods.map((p) => sql`(${p.id}::uuid, ${p.startDate}::date, ${p.endDate}::date)`),
        sql`, `,
      )
    : sql`(null::uuid, null::date, null::date)`;
  const key = (d: Breakdown) => sql.identifier(`k_${d}`);
  const flag = (d: Breakdown) => sql.identifier(`g_${d}`);
  const count = (unitsAreRows: boolean): SQL =>
    !distinct
      ? sql`coalesce(sum(x.w), 0)::float8`
      : unitsAreRows
        ? sql`count(*)::float8`
        : sql`count(distinct x.unit)::float8`;

  // Totals: per period and cumulative, from each unit's date and value only.
  const noDims = sql`${sql.join(
    allDims.map((d) => sql`, 1 as ${flag(d)}, null::text as ${key(d)}`),
    sql``,
  )}, 0 as gid, null::text as o1, null::text as o2`;
  const totals = (n: SQL, from: SQL) =>
    sql`select 0 as part, grouping(x.bucket) as g_bucket, grouping(x.in_cum) as g_in_cum, x.bucket::text as bucket, x.in_cum
        ${noDims}, ${n} as n from (${from}) x group by grouping sets ((x.bucket), (x.in_cum))`;
  const cum = sql`${q.cumulativeTo}::date`;
  // The period of a date, periods not overlapping (each date in one period at most).
  const bucketOf = (d: SQL) =>
    q.periods.length
      ? sql`case ${sql.join(
          q.periods.map(
            (p) => sql`when ${d} between ${p.startDate}::date and ${p.endDate}::date then ${p.id}::text`,
          ),
          sql` `,
        )} end`
      : sql`null::text`;
  const parts: SQL[] = [];
  if (overlap(q.periods))
    // Overlapping periods (not made by the application): a unit counts in each of its periods.
    parts.push(
      totals(
        count(false),
        sql`select u.unit, u.w, per.id::text as bucket, (u.d <= ${cum}) as in_cum
          from u left join per on u.d between per.s and per.e
          where u.d <= ${cum} or per.id is not null`,
      ),
    );
  else if (rowsAreUnits)
    // One row per unit: the units of each day, then of each period.
    parts.push(
      totals(
        sql`sum(x.n)::float8`,
        sql`select ${bucketOf(sql`y.d`)} as bucket, (y.d <= ${cum}) as in_cum, y.n
          from (select u.d, count(*) as n from u group by u.d) y
          where y.d <= ${cum} or ${bucketOf(sql`y.d`)} is not null`,
      ),
    );
  else if (distinct)
    // Several rows per unit: the distinct units of each period, and up to the cumulative date.
    parts.push(sql`select 0 as part, 1 as g_bucket, 0 as g_in_cum, null::text as bucket, true as in_cum ${noDims},
          count(*)::float8 as n from (select distinct u.unit from u where u.d <= ${cum}) x
        union all
        select 0 as part, 0 as g_bucket, 1 as g_in_cum, x.bucket, null::boolean as in_cum ${noDims},
          count(*)::float8 as n
        from (select distinct ${bucketOf(sql`u.d`)} as bucket, u.unit from u where ${bucketOf(sql`u.d`)} is not null) x
        group by x.bucket`);
  else
    parts.push(
      totals(
        count(false),
        sql`select u.unit, u.w, ${bucketOf(sql`u.d`)} as bucket, (u.d <= ${cum}) as in_cum
          from u where u.d <= ${cum} or ${bucketOf(sql`u.d`)} is not null`,
      ),
    );
  // Breakdowns: the units of the reported period with the breakdown columns they need.
  const groupList = [...groups];
  for (const [i, [g, sets]] of groupList.entries()) {
    const multi = (g ? g.split(',') : []) as Breakdown[];
    const dims = [...new Set([...sets.values()].flat())];
    const { columns, joins } = dimensionsOf(uq, dims);
    const column = (d: Breakdown): SQL =>
      multi.includes(d) ? sql`${sql.identifier(`${d}_v`)}` : sql`b.${sql.identifier(d)}`;
    // Which set a row belongs to (grouping() of the group's dimensions), and its categories in sort order.
    const gid = sql`grouping(${sql.join(dims.map(key), sql`, `)})`;
    const maskOf = (set: Breakdown[]) =>
      dims.reduce((m, d, i) => (set.includes(d) ? m : m | (1 << (dims.length - 1 - i))), 0);
    const orderBy = (position: number) =>
      sql`case ${gid} ${sql.join(
        [...sets.values()].map((set) => {
          const d = (sortOrder.get(setKey(set)) ?? set)[position];
          return sql`when ${sql.raw(String(maskOf(set)))} then ${d ? key(d) : sql`null`}`;
        }),
        sql` `,
      )} end`;
    const unnest = multi.map(
      (d) =>
        sql`cross join lateral unnest(case when cardinality(b.${sql.identifier(d)}) = 0 then array['none'] else b.${sql.identifier(d)} end) as ${sql.identifier(`${d}_v`)}`,
    );
    parts.push(sql`select ${sql.raw(String(i + 1))} as part, 1 as g_bucket, 1 as g_in_cum, null::text as bucket, null::boolean as in_cum
        ${sql.join(
          allDims.map((d) =>
            dims.includes(d)
              ? sql`, grouping(${key(d)}) as ${flag(d)}, ${key(d)}`
              : sql`, 1 as ${flag(d)}, null::text as ${key(d)}`,
          ),
          sql``,
        )}, ${gid} as gid, ${orderBy(0)} as o1, ${orderBy(1)} as o2, ${count(uq.oneRowPerUnit)} as n
      from (
        select b.unit, b.w${sql.join(
          dims.map((d) => sql`, coalesce((${column(d)})::text, 'unknown') as ${key(d)}`),
          sql``,
        )}
        from (
          select u.unit, u.w, ${sql.join(columns, sql`, `)}
          from u ${joins}
          where u.d between ${tab?.startDate}::date and ${tab?.endDate}::date
        ) b ${sql.join(unnest, sql` `)}
      ) x
      group by grouping sets (${sql.join(
        [...sets.values()].map((s) => sql`(${sql.join(s.map(key), sql`, `)})`),
        sql`, `,
      )})`);
  }
  const query = sql`
    with u as ${parts.length > 1 ? (uq.fromFacts ? sql`not materialized` : sql`materialized`) : sql``} (${uq.base}),
    per(id, s, e) as (values ${periodList})
    ${sql.join(
      parts.map((p) => sql`(${p})`),
      sql` union all `,
    )}
    order by part, gid, o1, o2`;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = ${sql.raw(`'${WORK_MEM}'`)}`);
    // Compiling the statement's expressions (JIT) costs more than it saves on these plans.
    await tx.execute(sql`set local jit = off`);
    // A sum of floating-point values depends on the order its rows are added in: a serial plan adds them in
    // the same order from one run to the next (parallel workers would interleave them differently).
    if (!distinct) await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return rowsOf<Record<string, unknown>>(await tx.execute(query));
  });

  const tablesBySpec = new Map<string, SnapshotTable>();
  for (const row of rows) {
    const n = Number(row.n);
    if (Number(row.part) === 0) {
      if (Number(row.g_in_cum) === 0) {
        if (row.in_cum === true) out.cumulative = n;
      } else if (row.bucket !== null) out.values[String(row.bucket)] = n;
      continue;
    }
    const grouped = allDims.filter((d) => Number(row[`g_${d}`]) === 0);
    const g = groupList[Number(row.part) - 1]?.[0];
    for (const spec of q.specs) {
      const parts = splitSpec(spec);
      if (!subsetsOf(spec).some((s) => setKey(s) === setKey(grouped))) continue;
      // A set of a spec is read from the group it was computed in (a sum unnests per spec).
      if (groupOf(spec, grouped) !== g) continue;
      const table = tablesBySpec.get(spec) ?? { spec, total: 0 };
      tablesBySpec.set(spec, table);
      const keyOf = (d: Breakdown) => String(row[`k_${d}`]);
      const [a, b] = parts as [Breakdown, Breakdown | undefined];
      if (grouped.length === 2 && b) {
        table.cells ??= {};
        table.cells[keyOf(a)] ??= {};
        (table.cells[keyOf(a)] as Record<string, number>)[keyOf(b)] = n;
      } else if (grouped[0] === a) {
        table.rows ??= {};
        table.rows[keyOf(a)] = n;
      } else if (b && grouped[0] === b) {
        table.cols ??= {};
        table.cols[keyOf(b)] = n;
      }
    }
  }
  for (const spec of q.specs) {
    const table = tablesBySpec.get(spec) ?? { spec, total: 0 };
    table.total = q.tablesOf ? (out.values[q.tablesOf] ?? 0) : 0;
    const parts = splitSpec(spec);
    table.rows ??= {};
    if (parts.length === 2) {
      table.cols ??= {};
      table.cells ??= {};
    }
    out.tables.push(table);
  }
  // Sums (of euros) to the cent: the same figure whatever order its rows were added in, and whether it was
  // computed whole or brought up to date by the persons changed (figure-cache.ts).
  return distinct ? out : toCents(out);
}

export const cents = (n: number) => Math.round(n * 100) / 100;

function toCents(figure: ComputedFigure): ComputedFigure {
  return JSON.parse(JSON.stringify(figure, (_k, v) => (typeof v === 'number' ? cents(v) : v)));
}
/**
 * Money delivered per budget line up to a day (minor units, in the line's currency), for the project's cases
 * (of `persons` only, when given): read from the delivery facts (refreshed first).
 */
export type BudgetLine = {
  code: string;
  label: string;
  currency: string;
  budgetMinor: number;
  spentMinor: number;
};

export async function budgetSpent(db: Db, projectId: string, to: string, persons?: SQL) {
  return rowsOf<BudgetLine>(
    await db.execute(sql`
      select bl.code, bl.label, bl.currency, bl.amount_minor::float8 as "budgetMinor",
        coalesce(s.spent, 0)::float8 as "spentMinor"
      from budget_lines bl
      left join (
        select f.budget_line_id, f.currency, sum(f.amount_minor) as spent
        from report_delivery_facts f
        where f.project_id = ${projectId} and f.budget_line_id is not null and f.day <= ${to}::date
          ${persons ? sql`and f.person_id in (${persons})` : sql``}
        group by f.budget_line_id, f.currency
      ) s on s.budget_line_id = bl.id and s.currency = bl.currency
      where bl.project_id = ${projectId} order by bl.code`),
  );
}
