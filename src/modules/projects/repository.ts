import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import { offices } from '../identity/tables';
import type { Project } from './contract';
import { projectOffices, projects } from './tables';

type ProjectRow = typeof projects.$inferSelect;

/** A project is visible to its owning office and to the offices that run it with it. */
function projectVisible(scope: OfficeScope): SQL {
  if (scope === 'all') return sql`true`;
  return or(
    inScope(projects.owningOfficeId, scope),
    sql`exists (select 1 from ${projectOffices} po where po.project_id = ${projects.id} and ${inScope(sql`po.office_id`, scope)})`,
  ) as SQL;
}

async function withOffices(
  db: Db,
  rows: { project: ProjectRow; owningOfficeCode: string }[],
): Promise<Project[]> {
  const ids = rows.map((r) => r.project.id);
  const links = ids.length
    ? await db.select().from(projectOffices).where(inArray(projectOffices.projectId, ids))
    : [];
  return rows.map(({ project, owningOfficeCode }) => ({
    id: project.id,
    code: project.code,
    name: project.name,
    summary: project.summary,
    kind: project.kind,
    donor: project.donor,
    cofunding: project.cofunding,
    startDate: project.startDate,
    endDate: project.endDate,
    hostCountries: project.hostCountries,
    originCountries: project.originCountries,
    targetPersons: project.targetPersons,
    owningOfficeId: project.owningOfficeId,
    owningOfficeCode,
    participatingOfficeIds: links.filter((l) => l.projectId === project.id).map((l) => l.officeId),
    version: project.version,
  }));
}

export async function listProjects(db: Db, scope: OfficeScope): Promise<Project[]> {
  const rows = await db
    .select({ project: projects, owningOfficeCode: offices.code })
    .from(projects)
    .innerJoin(offices, eq(offices.id, projects.owningOfficeId))
    .where(projectVisible(scope))
    .orderBy(asc(projects.startDate), asc(projects.code));
  return withOffices(db, rows);
}

export async function findProject(db: Db, scope: OfficeScope, id: string): Promise<Project | undefined> {
  const rows = await db
    .select({ project: projects, owningOfficeCode: offices.code })
    .from(projects)
    .innerJoin(offices, eq(offices.id, projects.owningOfficeId))
    .where(and(eq(projects.id, id), projectVisible(scope)));
  const [project] = await withOffices(db, rows);
  return project;
}

export async function insertProject(
  db: Db,
  values: typeof projects.$inferInsert,
  participatingOfficeIds: string[],
): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  if (participatingOfficeIds.length > 0) {
    await db
      .insert(projectOffices)
      .values(participatingOfficeIds.map((officeId) => ({ projectId: row.id, officeId })));
  }
  return row;
}

/** Sets the per-person reintegration allowance if the project is still at `version`; undefined if it moved. */
export async function setProjectAllowanceAt(
  db: Db,
  projectId: string,
  version: number,
  allowance: { minor: number; currency: string } | null,
  now: Date,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(projects)
    .set({
      allowanceMinor: allowance?.minor ?? null,
      allowanceCurrency: allowance?.currency ?? null,
      version: sql`${projects.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(projects.id, projectId), eq(projects.version, version)))
    .returning({ id: projects.id });
  return row;
}
