/**
 * The queries of a project's indicators (project-indicators.ts): facts read across the cases, registry and
 * reintegration tables, within the reader's offices and the reporting period. Counts are made by the caller.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';

export type IndicatorFilter = { projectId: string; from?: string; to?: string };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

function caseFilter(scope: OfficeScope, f: IndicatorFilter) {
  return sql`c.project_id = ${f.projectId} and ${inScope(sql`c.owning_office_id`, scope)}
    ${f.from ? sql`and c.created_at >= ${f.from}::date` : sql``}
    ${f.to ? sql`and c.created_at < (${f.to}::date + 1)` : sql``}`;
}

/** One row per person of the project's cases, with what the disaggregations need. */
export async function personFacts(db: Db, scope: OfficeScope, f: IndicatorFilter) {
  return rowsOf<{
    sex: string;
    minor: boolean | null;
    nationality: string | null;
    needs: string[];
    returned: boolean;
    approved: boolean;
  }>(
    await db.execute(sql`
      select p.sex, p.nationalities[1] as nationality, p.specific_needs as needs,
        bool_or(p.birth_date is not null and c.created_at < p.birth_date + interval '18 years')
          filter (where p.birth_date is not null) as minor,
        bool_or(exists (select 1 from case_events e where e.case_id = c.id and e.to_status in ('departed', 'movement'))) as returned,
        bool_or(exists (select 1 from reintegration_plans rp where rp.case_id = c.id and rp.approved_version is not null)) as approved
      from cases c join persons p on p.id = c.person_id
      where ${caseFilter(scope, f)}
      group by p.id, p.sex, p.nationalities, p.specific_needs`),
  );
}

/** One row per delivery of the project's cases: the person, the plan item's dimension and mode, the amount. */
export async function deliveryFacts(db: Db, scope: OfficeScope, f: IndicatorFilter) {
  return rowsOf<{ personId: string; dimension: string; mode: string; currency: string; minor: number }>(
    await db.execute(sql`
      select c.person_id as "personId", i.dimension, i.delivery_mode as mode, d.currency, d.amount_minor::float8 as minor
      from deliveries d join plan_items i on i.id = d.plan_item_id join cases c on c.id = d.case_id
      where ${caseFilter(scope, f)}`),
  );
}
