/** The only place that queries activity and campaign tables. Office scoping is part of every query. */
import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { offices } from '../identity/tables';
import { projects } from '../projects/tables';
import type {
  Activity,
  ActivityListQuery,
  ActivitySummary,
  Campaign,
  CampaignListQuery,
  ParticipantGroup,
} from './contract';
import { activityParticipants, campaigns, capacityActivities } from './tables';

export type ActivityRow = typeof capacityActivities.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;

/** What the indicators are computed over: the offices in scope, optionally one project and a period of start dates. */
export type IndicatorFilter = { projectId?: string; from?: string; to?: string };

// ---- paging ---------------------------------------------------------------------------------------

type Cursor = [string, string];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** A cursor is opaque to clients but not trusted: anything we did not write is refused as invalid input. */
function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    DATE.test(parsed[0]) &&
    !Number.isNaN(Date.parse(parsed[0])) &&
    typeof parsed[1] === 'string' &&
    UUID.test(parsed[1])
  ) {
    return parsed as Cursor;
  }
  throw new AppError('validation_failed', {
    fields: [{ path: 'cursor', code: 'invalid_cursor', message: 'cursor' }],
  });
}

type Table = typeof capacityActivities | typeof campaigns;

/** Filters shared by lists and indicators: scope, project, period (by start date). */
function commonFilters(table: Table, scope: OfficeScope, filter: IndicatorFilter & { officeId?: string }) {
  const filters: SQL[] = [inScope(table.officeId, scope)];
  if (filter.officeId) filters.push(eq(table.officeId, filter.officeId));
  if (filter.projectId) filters.push(eq(table.projectId, filter.projectId));
  if (filter.from) filters.push(gte(table.startDate, filter.from));
  if (filter.to) filters.push(lte(table.startDate, filter.to));
  return filters;
}

/** Newest first by start date, keyset-paginated on (start date, id). */
async function page<T extends { id: string; startDate: string }>(
  rows: (limit: number, after: SQL | undefined) => Promise<T[]>,
  table: Table,
  query: { cursor?: string; limit: number },
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const cursor = decodeCursor(query.cursor);
  const after = cursor
    ? sql`(${table.startDate}, ${table.id}) < (${cursor[0]}::date, ${cursor[1]}::uuid)`
    : undefined;
  const found = await rows(query.limit + 1, after);
  const last = found.length > query.limit ? found[query.limit - 1] : undefined;
  return {
    rows: found.slice(0, query.limit),
    nextCursor: last ? encodeCursor([last.startDate, last.id]) : null,
  };
}

async function countWhere(db: Db, table: Table, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Participants in one stable order, so that views and audit diffs do not depend on the order typed. */
export function canonicalParticipants<T extends ParticipantGroup>(groups: readonly T[]): ParticipantGroup[] {
  return groups
    .map(({ institution, country, sex, role, count }) => ({ institution, country, sex, role, count }))
    .sort(
      (a, b) =>
        byText(a.institution, b.institution) ||
        byText(a.country, b.country) ||
        byText(a.role, b.role) ||
        byText(a.sex, b.sex) ||
        a.count - b.count,
    );
}

// ---- activities ------------------------------------------------------------------------------------

const activityColumns = {
  row: capacityActivities,
  officeCode: offices.code,
  projectCode: projects.code,
  participantCount: sql<number>`(select coalesce(sum(ap.count), 0)::int from ${activityParticipants} ap where ap.activity_id = ${capacityActivities.id})`,
};
type ActivitySelect = {
  row: ActivityRow;
  officeCode: string;
  projectCode: string | null;
  participantCount: number;
};

function activitySelect(db: Db) {
  return db
    .select(activityColumns)
    .from(capacityActivities)
    .innerJoin(offices, eq(offices.id, capacityActivities.officeId))
    .leftJoin(projects, eq(projects.id, capacityActivities.projectId));
}

export function toActivitySummary(r: ActivitySelect): ActivitySummary {
  return {
    id: r.row.id,
    officeId: r.row.officeId,
    officeCode: r.officeCode,
    projectId: r.row.projectId,
    projectCode: r.projectCode,
    kind: r.row.kind,
    title: r.row.title,
    topic: r.row.topic,
    startDate: r.row.startDate,
    endDate: r.row.endDate,
    place: r.row.place,
    country: r.row.country,
    participantCount: r.participantCount,
    version: r.row.version,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

/** The activity with its participants, if it is in scope. */
export async function findActivity(db: Db, scope: OfficeScope, id: string): Promise<Activity | undefined> {
  const [row] = await activitySelect(db).where(
    and(eq(capacityActivities.id, id), inScope(capacityActivities.officeId, scope)),
  );
  if (!row) return undefined;
  const participants = await db
    .select({
      institution: activityParticipants.institution,
      country: activityParticipants.country,
      sex: activityParticipants.sex,
      role: activityParticipants.role,
      count: activityParticipants.count,
    })
    .from(activityParticipants)
    .where(eq(activityParticipants.activityId, id));
  return {
    ...toActivitySummary(row),
    participants: canonicalParticipants(
      participants.map((p) => ({ ...p, role: p.role as ParticipantGroup['role'] })),
    ),
  };
}

export async function listActivities(
  db: Db,
  scope: OfficeScope,
  query: ActivityListQuery,
): Promise<{ items: ActivitySummary[]; nextCursor: string | null; total: number }> {
  const filters = commonFilters(capacityActivities, scope, query);
  if (query.country) filters.push(eq(capacityActivities.country, query.country));
  if (query.kind) filters.push(eq(capacityActivities.kind, query.kind));
  const total = await countWhere(db, capacityActivities, and(...filters));
  const result = await page(
    async (limit, after) =>
      (
        await activitySelect(db)
          .where(and(...filters, ...(after ? [after] : [])))
          .orderBy(desc(capacityActivities.startDate), desc(capacityActivities.id))
          .limit(limit)
      ).map(toActivitySummary),
    capacityActivities,
    query,
  );
  return { items: result.rows, nextCursor: result.nextCursor, total };
}

export async function insertActivity(
  db: Db,
  values: typeof capacityActivities.$inferInsert,
  participants: ParticipantGroup[],
): Promise<ActivityRow> {
  const [row] = await db.insert(capacityActivities).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  await insertParticipants(db, row.id, participants);
  return row;
}

async function insertParticipants(db: Db, activityId: string, participants: ParticipantGroup[]) {
  if (participants.length === 0) return;
  await db.insert(activityParticipants).values(participants.map((p) => ({ ...p, activityId })));
}

/** Conditional on the version; participants, when given, replace the previous ones as a whole. */
export async function updateActivityAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof capacityActivities.$inferInsert>,
  participants: ParticipantGroup[] | undefined,
  now: Date,
): Promise<ActivityRow | undefined> {
  const [row] = await db
    .update(capacityActivities)
    .set({ ...patch, version: sql`${capacityActivities.version} + 1`, updatedAt: now })
    .where(and(eq(capacityActivities.id, id), eq(capacityActivities.version, version)))
    .returning();
  if (!row) return undefined;
  if (participants) {
    await db.delete(activityParticipants).where(eq(activityParticipants.activityId, id));
    await insertParticipants(db, id, participants);
  }
  return row;
}

// ---- campaigns -------------------------------------------------------------------------------------

type CampaignSelect = { row: CampaignRow; officeCode: string; projectCode: string | null };

function campaignSelect(db: Db) {
  return db
    .select({ row: campaigns, officeCode: offices.code, projectCode: projects.code })
    .from(campaigns)
    .innerJoin(offices, eq(offices.id, campaigns.officeId))
    .leftJoin(projects, eq(projects.id, campaigns.projectId));
}

export function toCampaign(r: CampaignSelect): Campaign {
  return {
    id: r.row.id,
    officeId: r.row.officeId,
    officeCode: r.officeCode,
    projectId: r.row.projectId,
    projectCode: r.projectCode,
    title: r.row.title,
    channel: r.row.channel,
    countries: r.row.countries,
    languages: r.row.languages,
    startDate: r.row.startDate,
    endDate: r.row.endDate,
    reach: r.row.reach,
    version: r.row.version,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

export async function findCampaign(db: Db, scope: OfficeScope, id: string): Promise<Campaign | undefined> {
  const [row] = await campaignSelect(db).where(and(eq(campaigns.id, id), inScope(campaigns.officeId, scope)));
  return row ? toCampaign(row) : undefined;
}

export async function listCampaigns(
  db: Db,
  scope: OfficeScope,
  query: CampaignListQuery,
): Promise<{ items: Campaign[]; nextCursor: string | null; total: number }> {
  const filters = commonFilters(campaigns, scope, query);
  if (query.country) filters.push(sql`${query.country} = any(${campaigns.countries})`);
  if (query.channel) filters.push(eq(campaigns.channel, query.channel));
  const total = await countWhere(db, campaigns, and(...filters));
  const result = await page(
    async (limit, after) =>
      (
        await campaignSelect(db)
          .where(and(...filters, ...(after ? [after] : [])))
          .orderBy(desc(campaigns.startDate), desc(campaigns.id))
          .limit(limit)
      ).map(toCampaign),
    campaigns,
    query,
  );
  return { items: result.rows, nextCursor: result.nextCursor, total };
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateCampaignAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof campaigns.$inferInsert>,
  now: Date,
): Promise<CampaignRow | undefined> {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, version: sql`${campaigns.version} + 1`, updatedAt: now })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row;
}

// ---- indicators ------------------------------------------------------------------------------------

/** Activities per kind. */
export async function activityCounts(db: Db, scope: OfficeScope, filter: IndicatorFilter) {
  return db
    .select({ kind: capacityActivities.kind, n: sql<number>`count(*)::int` })
    .from(capacityActivities)
    .where(and(...commonFilters(capacityActivities, scope, filter)))
    .groupBy(capacityActivities.kind);
}

/** Participant counts summed per institution, country, sex and role. */
export async function participantTotals(db: Db, scope: OfficeScope, filter: IndicatorFilter) {
  return db
    .select({
      institution: activityParticipants.institution,
      country: activityParticipants.country,
      sex: activityParticipants.sex,
      role: activityParticipants.role,
      n: sql`sum(${activityParticipants.count})`.mapWith(Number),
    })
    .from(activityParticipants)
    .innerJoin(capacityActivities, eq(capacityActivities.id, activityParticipants.activityId))
    .where(and(...commonFilters(capacityActivities, scope, filter)))
    .groupBy(
      activityParticipants.institution,
      activityParticipants.country,
      activityParticipants.sex,
      activityParticipants.role,
    );
}

/** Campaigns and reach per channel. */
export async function campaignTotals(db: Db, scope: OfficeScope, filter: IndicatorFilter) {
  return db
    .select({
      channel: campaigns.channel,
      campaigns: sql<number>`count(*)::int`,
      reach: sql`sum(${campaigns.reach})`.mapWith(Number),
    })
    .from(campaigns)
    .where(and(...commonFilters(campaigns, scope, filter)))
    .groupBy(campaigns.channel);
}

/** Reach per country: a campaign in several countries counts its whole reach in each. */
export async function reachByCountry(
  db: Db,
  scope: OfficeScope,
  filter: IndicatorFilter,
): Promise<{ country: string; reach: number }[]> {
  const result = await db.execute(
    sql`select u.country as country, sum(${campaigns.reach})::text as reach
        from ${campaigns} cross join lateral unnest(${campaigns.countries}) as u(country)
        where ${and(...commonFilters(campaigns, scope, filter))}
        group by u.country`,
  );
  const rows = (result as unknown as { rows: { country: string; reach: string }[] }).rows;
  return rows.map((r) => ({ country: r.country, reach: Number(r.reach) }));
}
