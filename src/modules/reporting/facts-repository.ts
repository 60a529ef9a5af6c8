/**
 * Reporting facts (ADR 0016): what the heavy definitions read instead of every case of a project.
 *
 * - `report_person_facts`: for each person definition (catalogue.ts `personFirst`), the first qualifying
 *   event of each person in each office holding one of their cases;
 * - `report_delivery_facts`: each reintegration delivery with the case columns its definitions read.
 *
 * They are derived data. Database triggers on the source tables (migration 0011) append to `report_changes`
 * the project and person of every change, in the writer's transaction. Before a report is computed,
 * `refreshFacts` consumes the project's changes (delete ... returning: a change committed later is consumed
 * by a later refresh) and recomputes the facts of the persons they name with the definitions' own SQL, then
 * bumps the project's data version, the key of the figures kept in `report_figure_cache`. A project's facts
 * are built in full the first time a report reads them. Refreshes of one project are serialized by an
 * advisory lock; the whole refresh is one transaction, so a reader sees the facts before or after it.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deliveryFactRows, findDefinition, personFactSources } from './catalogue';
import { adjusted, adjustedBudget, type BudgetLine, isBudget, type Kept } from './figure-cache';
import { keepFigures, keptAt } from './figure-cache-repository';
import { budgetSpent, type ComputedFigure, computeFigure } from './figures-repository';

/** Beyond this many changed persons (a bulk import), the project's facts are rebuilt in full. */
const FULL_REBUILD_PERSONS = 50_000;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export type FactsRefresh = {
  /** The project's data version after the refresh (figures cached at another version are stale). */
  dataVersion: number;
  /** The offices holding the project's facts (a reader whose scope covers them counts first rows in the project). */
  offices: string[];
  /** What was done: nothing changed, changes applied for some persons, or a full build. */
  kind: 'current' | 'incremental' | 'built';
  persons: number;
};

/** Writes the facts of `projectId` (of the persons `persons` selects, or all). */
async function writeFacts(tx: Db, projectId: string, persons: SQL | null): Promise<void> {
  for (const source of personFactSources())
    await tx.execute(sql`insert into report_person_facts (project_id, definition, person_id, office_id, case_id,
        day, case_created_at, host_country, return_country, sex, birth_date, nationality, specific_needs, sole,
        first_in_project)
      select ${projectId}, ${source.key}, x.person_id, x.office_id, x.case_id, x.day, x.case_created_at,
        x.host_country, x.return_country, x.sex, x.birth_date, x.nationality, x.specific_needs,
        (count(*) over (partition by x.person_id) = 1)::int,
        (row_number() over (partition by x.person_id order by x.day, x.case_id) = 1)::int
      from (${source.rows(projectId, persons)}) x
      order by x.day`);
  await tx.execute(sql`insert into report_delivery_facts (delivery_id, project_id, person_id, office_id, day,
      plan_item_id, amount_minor, currency, departure_date, case_created_at, host_country, return_country, sex,
      birth_date, nationality, specific_needs, dimension, delivery_mode, budget_line_id)
    select x.delivery_id, ${projectId}, x.person_id, x.office_id, x.day, x.plan_item_id, x.amount_minor,
      x.currency, x.departure_date, x.case_created_at, x.host_country, x.return_country, x.sex, x.birth_date,
      x.nationality, x.specific_needs, x.dimension, x.delivery_mode, x.budget_line_id
    from (${deliveryFactRows(projectId, persons)}) x
    order by x.day`);
}

/** The offices holding facts of the project now, added to those recorded (a list that only grows). */
const factOffices = (projectId: string) =>
  sql`array(select distinct o from (
      select office_id as o from report_person_facts where project_id = ${projectId}
      union all select office_id from report_delivery_facts where project_id = ${projectId}) x order by o)`;

/** Kept figures brought up to date by a refresh at most (the most recent; the others are computed again). */
const MAX_ADJUSTED = 40;

/**
 * The contribution of the persons `selected` to each kept figure whose units are persons' (definitions read
 * from facts, and the budget burn), read from the facts as they are now.
 */
async function contributions(
  tx: Db,
  projectId: string,
  kept: Kept<unknown>[],
  selected: SQL,
): Promise<Map<string, ComputedFigure | BudgetLine[]>> {
  const out = new Map<string, ComputedFigure | BudgetLine[]>();
  for (const k of kept) {
    const r = k.request;
    if (isBudget(r)) {
      out.set(k.key, await budgetSpent(tx, projectId, r.budgetTo, selected));
      continue;
    }
    const entry = findDefinition(r.definition.id, r.definition.version);
    if (!entry?.live) continue;
    out.set(
      k.key,
      await computeFigure(
        tx,
        entry,
        { projectId, scope: r.scope, persons: selected },
        { periods: r.periods, cumulativeTo: r.cumulativeTo, tablesOf: r.tablesOf, specs: r.specs },
      ),
    );
  }
  return out;
}

/** Serializes the refreshes of one project (until the end of the transaction). */
const lockProject = (tx: Db, projectId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`report_facts:${projectId}`}, 0))`);

/**
 * Brings the facts of `projectId` up to date with every change committed so far, and returns its data
 * version. Inside a transaction (closing a period), it runs in it.
 */
export async function refreshFacts(db: Db, projectId: string, now: Date): Promise<FactsRefresh> {
  return db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const [state] = rowsOf<{ version: number; offices: string[] }>(
      await tx.execute(
        sql`select data_version::int as version, offices::text[] as offices from report_fact_state
          where project_id = ${projectId}`,
      ),
    );
    // The changes consumed now: those committed before this statement (later ones stay for the next
    // refresh), and the persons they name, kept for this transaction in a temporary table.
    await tx.execute(sql`create temporary table if not exists report_refresh_persons (person_id uuid primary key)
      on commit delete rows`);
    await tx.execute(sql`delete from report_refresh_persons`);
    const [consumed] = rowsOf<{ changes: number; persons: number; activities: boolean; all: boolean }>(
      await tx.execute(sql`with consumed as (delete from report_changes where project_id = ${projectId}
            returning person_id, kind),
          kept as (insert into report_refresh_persons select distinct person_id from consumed
            where person_id is not null returning 1)
        select (select count(*) from consumed)::int as changes, (select count(*) from kept)::int as persons,
          coalesce((select bool_or(kind = 'activities') from consumed), false) as activities,
          coalesce((select bool_or(kind = 'all') from consumed), false) as "all"`),
    );
    const changes = consumed?.changes ?? 0;
    const persons = consumed?.persons ?? 0;
    if (!state || persons > FULL_REBUILD_PERSONS) {
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(sql`delete from report_person_facts where project_id = ${projectId}`);
      await tx.execute(sql`delete from report_delivery_facts where project_id = ${projectId}`);
      await writeFacts(tx, projectId, null);
      await tx.execute(sql`analyze report_person_facts`);
      await tx.execute(sql`analyze report_delivery_facts`);
      const version = (state?.version ?? 0) + 1;
      const [built] = rowsOf<{ offices: string[] }>(
        await tx.execute(sql`insert into report_fact_state (project_id, data_version, offices, built_at, refreshed_at)
        values (${projectId}, ${version}, ${factOffices(projectId)}, ${now}, ${now})
        on conflict (project_id) do update set data_version = excluded.data_version, offices = excluded.offices,
          built_at = excluded.built_at, refreshed_at = excluded.refreshed_at
        returning offices::text[] as offices`),
      );
      await tx.execute(sql`delete from report_figure_cache where project_id = ${projectId}`);
      return { dataVersion: version, offices: built?.offices ?? [], kind: 'built', persons: 0 };
    }
    if (changes === 0)
      return { dataVersion: state.version, offices: state.offices, kind: 'current', persons: 0 };
    const selected = sql`select person_id from report_refresh_persons`;
    if (persons > 0) await tx.execute(sql`analyze report_refresh_persons`);
    // The figures kept at the version left behind, and the changed persons' contribution to them before the
    // change (a change of what every figure reads drops them all).
    const kept = consumed?.all ? [] : await keptAt(tx, projectId, state.version, MAX_ADJUSTED);
    const before = persons > 0 ? await contributions(tx, projectId, kept, selected) : new Map();
    if (persons > 0) {
      await tx.execute(
        sql`delete from report_person_facts where project_id = ${projectId} and person_id in (${selected})`,
      );
      await tx.execute(
        sql`delete from report_delivery_facts where project_id = ${projectId} and person_id in (${selected})`,
      );
      await writeFacts(tx, projectId, selected);
    }
    const after = persons > 0 ? await contributions(tx, projectId, kept, selected) : new Map();
    const version = state.version + 1;
    // The offices of the facts written now join those recorded.
    const [updated] = rowsOf<{ offices: string[] }>(
      await tx.execute(sql`update report_fact_state set data_version = ${version}, refreshed_at = ${now},
        offices = array(select distinct o from unnest(offices || array(
          select distinct office_id from report_person_facts
          where project_id = ${projectId} and person_id in (select person_id from report_refresh_persons)
          union select distinct office_id from report_delivery_facts
          where project_id = ${projectId} and person_id in (select person_id from report_refresh_persons))) o order by o)
      where project_id = ${projectId}
      returning offices::text[] as offices`),
    );
    // Kept figures brought to the new version: those the changes do not touch as they are, the others by
    // the persons' contributions; what cannot be (a new category, an activity changed) is dropped.
    const carried = kept.flatMap((k) => {
      const entry = isBudget(k.request)
        ? null
        : findDefinition(k.request.definition.id, k.request.definition.version);
      const personal = isBudget(k.request) || entry?.live !== undefined;
      if (!personal) return consumed?.activities ? [] : [k];
      if (persons === 0) return [k];
      const b = before.get(k.key);
      const a = after.get(k.key);
      if (!b || !a) return [];
      const figure = isBudget(k.request)
        ? adjustedBudget(k.figure as BudgetLine[], b as BudgetLine[], a as BudgetLine[])
        : adjusted(k.figure as ComputedFigure, b as ComputedFigure, a as ComputedFigure);
      return figure ? [{ ...k, figure }] : [];
    });
    await tx.execute(sql`delete from report_figure_cache where project_id = ${projectId}`);
    await keepFigures(tx, projectId, version, carried, now);
    return { dataVersion: version, offices: updated?.offices ?? state.offices, kind: 'incremental', persons };
  });
}

/**
 * The periodic refresh (server/jobs.ts): the facts of every project with computed indicators are built or
 * brought up to date, so that a dashboard after a quiet period or a bulk change does not pay for it; changes
 * of projects whose facts were never built are dropped (a build reads everything anyway). Returns the
 * projects refreshed.
 */
export async function refreshAllFacts(db: Db, now: Date): Promise<number> {
  const unbuilt = rowsOf<{ id: string }>(
    await db.execute(sql`select distinct c.project_id as id from report_changes c
      where not exists (select 1 from report_fact_state s where s.project_id = c.project_id)`),
  );
  // Under the project's lock: a build in progress keeps the changes it has not read.
  for (const p of unbuilt)
    await db.transaction(async (tx) => {
      await lockProject(tx, p.id);
      await tx.execute(sql`delete from report_changes c where c.project_id = ${p.id}
        and not exists (select 1 from report_fact_state s where s.project_id = c.project_id)`);
    });
  const projects = rowsOf<{ id: string }>(
    await db.execute(sql`select distinct project_id as id from report_indicators where kind = 'computed'
      union select project_id from report_fact_state order by 1`),
  );
  let refreshed = 0;
  for (const p of projects) {
    const result = await refreshFacts(db, p.id, now);
    if (result.kind !== 'current') refreshed += 1;
  }
  return refreshed;
}
