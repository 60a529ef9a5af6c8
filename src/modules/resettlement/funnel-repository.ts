/**
 * The funnel of a project's households, in two statements designed for 100k households on PostgreSQL: where
 * households are now (grouped by status), and one pass over the milestone dates for how many reached each
 * stage, their persons, and the median days between consecutive stages (ordered-set aggregates ignore the
 * households that did not reach them). Served by the primary-key join and the project filter. A household
 * whose referral is not recorded yet has no household row: it counts at identification (from the day its
 * case was opened), as its principal alone.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { cases } from '../cases/tables';
import { MILESTONE_COLUMNS } from './repository';
import { resettlementHouseholds } from './tables';

export const FUNNEL_STAGES = Object.keys(MILESTONE_COLUMNS) as (keyof typeof MILESTONE_COLUMNS)[];

/** Travelling members; a household not referred yet is its principal. */
const persons = sql`coalesce(${resettlementHouseholds.activeMembers}, 1)`;

/** The first day at a stage; identification is the case's opening day until the referral is recorded. */
const milestone = (stage: (typeof FUNNEL_STAGES)[number]): SQL =>
  stage === 'identification'
    ? sql`coalesce(${MILESTONE_COLUMNS.identification}, (${cases.createdAt} at time zone 'UTC')::date)`
    : sql`${MILESTONE_COLUMNS[stage]}`;

export async function funnelFigures(
  db: Db,
  filter: { projectId: string; officeId?: string; scope: OfficeScope },
) {
  const where: SQL[] = [
    eq(cases.caseType, 'resettlement'),
    eq(cases.projectId, filter.projectId),
    inScope(cases.owningOfficeId, filter.scope),
  ];
  if (filter.officeId) where.push(eq(cases.owningOfficeId, filter.officeId));
  return db.transaction(async (tx) => {
    const current = await tx
      .select({
        stage: cases.status,
        households: sql<number>`count(*)::int`,
        persons: sql<number>`coalesce(sum(${persons}), 0)::int`,
        rejected: sql<number>`count(*) filter (where ${cases.closureReason} = 'not_eligible')::int`,
        merged: sql<number>`count(*) filter (where ${cases.closureReason} = 'merged')::int`,
      })
      .from(cases)
      .leftJoin(resettlementHouseholds, eq(resettlementHouseholds.caseId, cases.id))
      .where(and(...where))
      .groupBy(cases.status);
    const columns: Record<string, SQL> = {};
    FUNNEL_STAGES.forEach((stage, i) => {
      const col = milestone(stage);
      columns[`reached_${i}`] = sql<number>`count(${col})::int`;
      columns[`persons_${i}`] =
        sql<number>`coalesce(sum(${persons}) filter (where ${col} is not null), 0)::int`;
      const previous = i > 0 ? milestone(FUNNEL_STAGES[i - 1] as (typeof FUNNEL_STAGES)[number]) : null;
      if (previous)
        columns[`median_${i}`] = sql<
          number | null
        >`percentile_cont(0.5) within group (order by ${col} - ${previous})`;
    });
    const [reached] = await tx
      .select(columns)
      .from(cases)
      .leftJoin(resettlementHouseholds, eq(resettlementHouseholds.caseId, cases.id))
      .where(and(...where));
    return { current, reached: (reached ?? {}) as Record<string, unknown> };
  });
}
