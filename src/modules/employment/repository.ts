/** The only place that queries employment tables. Office scoping is part of every query. */
import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { cases } from '../cases/tables';
import { offices } from '../identity/tables';
import { persons } from '../registry/tables';
import { FOLLOW_UP_MONTHS, type Sector } from './contract';
import { OVERDUE_AFTER_DAYS } from './schedule';
import { employers, jobOpenings, placementFollowUps, placements, skillsProfiles } from './tables';

export type EmployerRow = typeof employers.$inferSelect;
export type OpeningRow = typeof jobOpenings.$inferSelect;
export type ProfileRow = typeof skillsProfiles.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;
export type FollowUpRow = typeof placementFollowUps.$inferSelect;

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Outcomes of placements that started: they take one of the opening's posts. */
export const STARTED = ['employed', 'ended'] as const;

// ---- employers -----------------------------------------------------------------------------------

const openOpenings = sql<number>`(select count(*)::int from ${jobOpenings} o
  where o.employer_id = ${employers.id} and o.status = 'open')`;

export type EmployerJoined = { row: EmployerRow; officeCode: string; openOpenings: number };

function employerSelect(db: Db) {
  return db
    .select({ row: employers, officeCode: offices.code, openOpenings })
    .from(employers)
    .innerJoin(offices, eq(offices.id, employers.officeId));
}

export async function listEmployers(
  db: Db,
  scope: OfficeScope,
  filter: { officeId?: string; sector?: Sector; q?: string; limit: number },
): Promise<EmployerJoined[]> {
  const conditions: SQL[] = [inScope(employers.officeId, scope)];
  if (filter.officeId) conditions.push(eq(employers.officeId, filter.officeId));
  if (filter.sector) conditions.push(eq(employers.sector, filter.sector));
  if (filter.q) conditions.push(ilike(employers.name, like(filter.q)));
  return employerSelect(db)
    .where(and(...conditions))
    .orderBy(asc(employers.name), asc(employers.id))
    .limit(filter.limit);
}

export async function findEmployer(
  db: Db,
  scope: OfficeScope,
  id: string,
): Promise<EmployerJoined | undefined> {
  const [row] = await employerSelect(db).where(and(eq(employers.id, id), inScope(employers.officeId, scope)));
  return row;
}

export async function insertEmployer(db: Db, values: typeof employers.$inferInsert): Promise<EmployerRow> {
  const [row] = await db.insert(employers).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateEmployerAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof employers.$inferInsert>,
  now: Date,
): Promise<EmployerRow | undefined> {
  const [row] = await db
    .update(employers)
    .set({ ...patch, version: sql`${employers.version} + 1`, updatedAt: now })
    .where(and(eq(employers.id, id), eq(employers.version, version)))
    .returning();
  return row;
}

// ---- job openings --------------------------------------------------------------------------------

const filled = sql<number>`(select count(*)::int from ${placements} p
  where p.opening_id = ${jobOpenings.id} and p.outcome in ('employed', 'ended'))`;

export type OpeningJoined = { row: OpeningRow; employerName: string; officeCode: string; filled: number };

function openingSelect(db: Db) {
  return db
    .select({ row: jobOpenings, employerName: employers.name, officeCode: offices.code, filled })
    .from(jobOpenings)
    .innerJoin(employers, eq(employers.id, jobOpenings.employerId))
    .innerJoin(offices, eq(offices.id, jobOpenings.officeId));
}
const openingOrder = [desc(jobOpenings.openedOn), desc(jobOpenings.createdAt), asc(jobOpenings.id)];

export async function listOpenings(
  db: Db,
  scope: OfficeScope,
  filter: {
    status?: 'open' | 'closed';
    sector?: Sector;
    location?: string;
    employerId?: string;
    officeId?: string;
    limit: number;
  },
): Promise<OpeningJoined[]> {
  const conditions: SQL[] = [inScope(jobOpenings.officeId, scope)];
  if (filter.status) conditions.push(eq(jobOpenings.status, filter.status));
  if (filter.sector) conditions.push(eq(jobOpenings.sector, filter.sector));
  if (filter.location) conditions.push(sql`lower(${jobOpenings.location}) = lower(${filter.location}::text)`);
  if (filter.employerId) conditions.push(eq(jobOpenings.employerId, filter.employerId));
  if (filter.officeId) conditions.push(eq(jobOpenings.officeId, filter.officeId));
  return openingSelect(db)
    .where(and(...conditions))
    .orderBy(...openingOrder)
    .limit(filter.limit);
}

/** Open openings with a post left: what matching may propose. */
export async function availableOpenings(db: Db, scope: OfficeScope, limit: number): Promise<OpeningJoined[]> {
  return openingSelect(db)
    .where(
      and(
        inScope(jobOpenings.officeId, scope),
        eq(jobOpenings.status, 'open'),
        sql`${filled} < ${jobOpenings.posts}`,
      ),
    )
    .orderBy(...openingOrder)
    .limit(limit);
}

export async function findOpening(
  db: Db,
  scope: OfficeScope,
  id: string,
): Promise<OpeningJoined | undefined> {
  const [row] = await openingSelect(db).where(
    and(eq(jobOpenings.id, id), inScope(jobOpenings.officeId, scope)),
  );
  return row;
}

/**
 * The opening's row, locked until the end of the transaction: placements into one opening are recorded
 * one at a time, so two of them cannot both take its last post.
 */
export async function lockOpening(tx: Db, id: string): Promise<OpeningRow | undefined> {
  const [row] = await tx.select().from(jobOpenings).where(eq(jobOpenings.id, id)).for('update');
  return row;
}

/** Posts taken: placements that started. */
export async function filledCount(db: Db, openingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(placements)
    .where(and(eq(placements.openingId, openingId), inArray(placements.outcome, [...STARTED])));
  return Number(row?.n ?? 0);
}

export async function insertOpening(db: Db, values: typeof jobOpenings.$inferInsert): Promise<OpeningRow> {
  const [row] = await db.insert(jobOpenings).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateOpeningAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof jobOpenings.$inferInsert>,
  now: Date,
): Promise<OpeningRow | undefined> {
  const [row] = await db
    .update(jobOpenings)
    .set({ ...patch, version: sql`${jobOpenings.version} + 1`, updatedAt: now })
    .where(and(eq(jobOpenings.id, id), eq(jobOpenings.version, version)))
    .returning();
  return row;
}

// ---- skills profiles -----------------------------------------------------------------------------

export async function findProfile(db: Db, personId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(skillsProfiles).where(eq(skillsProfiles.personId, personId));
  return row;
}

export async function insertProfile(db: Db, values: typeof skillsProfiles.$inferInsert): Promise<ProfileRow> {
  const [row] = await db.insert(skillsProfiles).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateProfileAt(
  db: Db,
  personId: string,
  version: number,
  patch: Partial<typeof skillsProfiles.$inferInsert>,
  now: Date,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .update(skillsProfiles)
    .set({ ...patch, version: sql`${skillsProfiles.version} + 1`, updatedAt: now })
    .where(and(eq(skillsProfiles.personId, personId), eq(skillsProfiles.version, version)))
    .returning();
  return row;
}

export type CandidateRow = {
  profile: ProfileRow;
  person: {
    id: string;
    reference: string;
    givenName: string;
    familyName: string;
    sex: 'female' | 'male' | 'other' | 'unknown';
    placeOfOrigin: string | null;
    countryOfOrigin: string | null;
  };
  officeCode: string;
};

/**
 * Returnees with a profile whom the reader may see, not already placed in the opening. Those sharing a
 * skill, the sector or the town come first, so the bound keeps the likeliest ones; matching ranks them.
 */
export async function candidateProfiles(
  db: Db,
  personScope: OfficeScope,
  opening: { id: string; skills: string[]; sector: string; location: string },
  limit: number,
): Promise<CandidateRow[]> {
  const likely = sql`(case when ${skillsProfiles.skills} && ${sql.param(opening.skills)}::text[] then 2 else 0 end
    + case when ${opening.sector}::text = any(${skillsProfiles.preferredSectors}) then 1 else 0 end
    + case when exists (select 1 from unnest(${skillsProfiles.preferredLocations}) l
        where lower(l) = lower(${opening.location}::text)) then 1 else 0 end)`;
  return db
    .select({
      profile: skillsProfiles,
      person: {
        id: persons.id,
        reference: persons.reference,
        givenName: persons.givenName,
        familyName: persons.familyName,
        sex: persons.sex,
        placeOfOrigin: persons.placeOfOrigin,
        countryOfOrigin: persons.countryOfOrigin,
      },
      officeCode: offices.code,
    })
    .from(skillsProfiles)
    .innerJoin(persons, eq(persons.id, skillsProfiles.personId))
    .innerJoin(offices, eq(offices.id, persons.owningOfficeId))
    .where(
      and(
        inScope(persons.owningOfficeId, personScope),
        sql`not exists (select 1 from ${placements} p where p.person_id = ${persons.id}
          and p.opening_id = ${opening.id} and p.outcome in ('employed', 'ended'))`,
      ),
    )
    .orderBy(desc(likely), asc(persons.familyName), asc(persons.id))
    .limit(limit);
}

// ---- placements ----------------------------------------------------------------------------------

export type PlacementJoined = {
  row: PlacementRow;
  personName: string | null;
  openingTitle: string;
  openingLocation: string;
  employerId: string;
  employerName: string;
};

/** The person's name only where the reader may see the person's record. */
function placementSelect(db: Db, personScope: OfficeScope) {
  return db
    .select({
      row: placements,
      personName: sql<string | null>`case when ${inScope(persons.owningOfficeId, personScope)}
        then ${persons.givenName} || ' ' || ${persons.familyName} end`,
      openingTitle: jobOpenings.title,
      openingLocation: jobOpenings.location,
      employerId: employers.id,
      employerName: employers.name,
    })
    .from(placements)
    .innerJoin(persons, eq(persons.id, placements.personId))
    .innerJoin(jobOpenings, eq(jobOpenings.id, placements.openingId))
    .innerJoin(employers, eq(employers.id, jobOpenings.employerId));
}

/**
 * A follow-up of the placement still to make (see `schedule.ts`): not recorded, the placement started and
 * had not ended by the due date; `due` from the due date through the grace period, `overdue` after it.
 */
function pendingFollowUp(kind: 'due' | 'overdue', today: string): SQL {
  const grace = sql`(${today}::date - ${OVERDUE_AFTER_DAYS}::int)`;
  const clauses = FOLLOW_UP_MONTHS.map((month) => {
    const due = sql`(${placements.startDate} + interval ${sql.raw(`'${month} months'`)})::date`;
    const window =
      kind === 'due' ? sql`${due} <= ${today}::date and ${due} >= ${grace}` : sql`${due} < ${grace}`;
    return sql`(not exists (select 1 from ${placementFollowUps} f
        where f.placement_id = ${placements.id} and f.month = ${sql.raw(String(month))})
      and not (${placements.outcome} = 'ended' and ${placements.endedOn} < ${due})
      and ${window})`;
  });
  return sql`(${placements.outcome} <> 'did_not_start' and (${sql.join(clauses, sql` or `)}))`;
}

export async function listPlacements(
  db: Db,
  scope: OfficeScope,
  personScope: OfficeScope,
  filter: {
    openingId?: string;
    personId?: string;
    followUp?: 'due' | 'overdue';
    today: string;
    limit: number;
  },
): Promise<PlacementJoined[]> {
  const conditions: SQL[] = [inScope(placements.officeId, scope)];
  if (filter.openingId) conditions.push(eq(placements.openingId, filter.openingId));
  if (filter.personId) conditions.push(eq(placements.personId, filter.personId));
  if (filter.followUp) conditions.push(pendingFollowUp(filter.followUp, filter.today));
  return placementSelect(db, personScope)
    .where(and(...conditions))
    .orderBy(desc(placements.startDate), asc(placements.id))
    .limit(filter.limit);
}

export async function findPlacement(
  db: Db,
  scope: OfficeScope,
  personScope: OfficeScope,
  id: string,
): Promise<PlacementJoined | undefined> {
  const [row] = await placementSelect(db, personScope).where(
    and(eq(placements.id, id), inScope(placements.officeId, scope)),
  );
  return row;
}

export async function insertPlacement(db: Db, values: typeof placements.$inferInsert): Promise<PlacementRow> {
  const [row] = await db.insert(placements).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updatePlacementAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof placements.$inferInsert>,
): Promise<PlacementRow | undefined> {
  const [row] = await db
    .update(placements)
    .set({ ...patch, version: sql`${placements.version} + 1` })
    .where(and(eq(placements.id, id), eq(placements.version, version)))
    .returning();
  return row;
}

export async function followUpsOf(db: Db, placementIds: string[]): Promise<FollowUpRow[]> {
  if (placementIds.length === 0) return [];
  return db
    .select()
    .from(placementFollowUps)
    .where(inArray(placementFollowUps.placementId, placementIds))
    .orderBy(asc(placementFollowUps.month));
}

export async function insertFollowUp(db: Db, values: typeof placementFollowUps.$inferInsert): Promise<void> {
  await db.insert(placementFollowUps).values(values);
}

// ---- indicators ----------------------------------------------------------------------------------

export type IndicatorRow = {
  sex: 'female' | 'male' | 'other' | 'unknown';
  placements: number;
  persons: number;
  didNotStart: number;
  stillEmployed3: number;
  stillEmployed6: number;
};

/** Counts per sex of the placements started in the period (start date), in scope. */
export async function placementCountsBySex(
  db: Db,
  scope: OfficeScope,
  filter: { projectId?: string; officeIds?: string[]; from?: string; to?: string },
): Promise<IndicatorRow[]> {
  const started = sql`${placements.outcome} in ('employed', 'ended')`;
  const stillEmployedAt = (month: number) => sql`${started} and exists (select 1 from ${placementFollowUps} f
    where f.placement_id = ${placements.id} and f.month = ${sql.raw(String(month))} and f.still_employed)`;
  const conditions: SQL[] = [inScope(placements.officeId, scope)];
  if (filter.officeIds) conditions.push(inScope(placements.officeId, filter.officeIds));
  if (filter.projectId) conditions.push(eq(cases.projectId, filter.projectId));
  if (filter.from) conditions.push(sql`${placements.startDate} >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`${placements.startDate} <= ${filter.to}::date`);
  const base = db
    .select({
      sex: persons.sex,
      placements: sql<number>`(count(*) filter (where ${started}))::int`,
      persons: sql<number>`(count(distinct ${placements.personId}) filter (where ${started}))::int`,
      didNotStart: sql<number>`(count(*) filter (where ${placements.outcome} = 'did_not_start'))::int`,
      stillEmployed3: sql<number>`(count(distinct ${placements.personId}) filter (where ${stillEmployedAt(3)}))::int`,
      stillEmployed6: sql<number>`(count(distinct ${placements.personId}) filter (where ${stillEmployedAt(6)}))::int`,
    })
    .from(placements)
    .innerJoin(persons, eq(persons.id, placements.personId));
  // A placement counts for a project through the case it was recorded under.
  const joined = filter.projectId ? base.innerJoin(cases, eq(cases.id, placements.caseId)) : base;
  return joined.where(and(...conditions)).groupBy(persons.sex);
}
