/** Queries of the results framework, periods, manual values, snapshots, donor viewers and exports. */
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  frameworkNodes,
  indicatorTargets,
  manualValues,
  reportExports,
  reportIndicators,
  reportingPeriods,
  reportSnapshots,
  reportViewers,
} from './tables';

export type NodeRow = typeof frameworkNodes.$inferSelect;
export type IndicatorRow = typeof reportIndicators.$inferSelect;
export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type ManualValueRow = typeof manualValues.$inferSelect;
export type SnapshotRow = typeof reportSnapshots.$inferSelect;
export type ExportRow = typeof reportExports.$inferSelect;

export async function frameworkOf(db: Db, projectId: string) {
  const [nodes, indicators, periods, targets, values] = await Promise.all([
    db
      .select()
      .from(frameworkNodes)
      .where(eq(frameworkNodes.projectId, projectId))
      .orderBy(asc(frameworkNodes.code)),
    db
      .select()
      .from(reportIndicators)
      .where(eq(reportIndicators.projectId, projectId))
      .orderBy(asc(reportIndicators.code)),
    db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.projectId, projectId))
      .orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.kind)),
    db
      .select({
        indicatorId: indicatorTargets.indicatorId,
        periodId: indicatorTargets.periodId,
        target: indicatorTargets.target,
      })
      .from(indicatorTargets)
      .innerJoin(reportIndicators, eq(reportIndicators.id, indicatorTargets.indicatorId))
      .where(eq(reportIndicators.projectId, projectId)),
    db
      .select({ value: manualValues })
      .from(manualValues)
      .innerJoin(reportIndicators, eq(reportIndicators.id, manualValues.indicatorId))
      .where(eq(reportIndicators.projectId, projectId)),
  ]);
  return { nodes, indicators, periods, targets, values: values.map((v) => v.value) };
}

export async function snapshotsOf(db: Db, periodIds: string[]): Promise<SnapshotRow[]> {
  if (periodIds.length === 0) return [];
  return db.select().from(reportSnapshots).where(inArray(reportSnapshots.periodId, periodIds));
}

export async function findNode(db: Db, id: string) {
  const [row] = await db.select().from(frameworkNodes).where(eq(frameworkNodes.id, id));
  return row;
}
export async function insertNode(db: Db, values: typeof frameworkNodes.$inferInsert) {
  const [row] = await db.insert(frameworkNodes).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function updateNodeAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof frameworkNodes.$inferInsert>,
) {
  const [row] = await db
    .update(frameworkNodes)
    .set({ ...patch, version: sql`${frameworkNodes.version} + 1` })
    .where(and(eq(frameworkNodes.id, id), eq(frameworkNodes.version, version)))
    .returning();
  return row;
}
export async function nodeInUse(db: Db, id: string): Promise<boolean> {
  const [child] = await db
    .select({ id: frameworkNodes.id })
    .from(frameworkNodes)
    .where(eq(frameworkNodes.parentId, id))
    .limit(1);
  const [indicator] = await db
    .select({ id: reportIndicators.id })
    .from(reportIndicators)
    .where(eq(reportIndicators.nodeId, id))
    .limit(1);
  return Boolean(child || indicator);
}
export async function deleteNode(db: Db, id: string) {
  await db.delete(frameworkNodes).where(eq(frameworkNodes.id, id));
}

export async function findIndicator(db: Db, id: string) {
  const [row] = await db.select().from(reportIndicators).where(eq(reportIndicators.id, id));
  return row;
}
export async function insertIndicator(db: Db, values: typeof reportIndicators.$inferInsert) {
  const [row] = await db.insert(reportIndicators).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function updateIndicatorAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof reportIndicators.$inferInsert>,
) {
  const [row] = await db
    .update(reportIndicators)
    .set({ ...patch, version: sql`${reportIndicators.version} + 1` })
    .where(and(eq(reportIndicators.id, id), eq(reportIndicators.version, version)))
    .returning();
  return row;
}
export async function setTarget(db: Db, indicatorId: string, periodId: string, target: number | null) {
  if (target === null) {
    await db
      .delete(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.periodId, periodId)));
    return;
  }
  await db
    .insert(indicatorTargets)
    .values({ indicatorId, periodId, target })
    .onConflictDoUpdate({
      target: [indicatorTargets.indicatorId, indicatorTargets.periodId],
      set: { target },
    });
}

export async function findPeriod(db: Db, id: string) {
  const [row] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  return row;
}
/** Periods of the same kind in the project that overlap [start, end]. */
export async function overlappingPeriods(
  db: Db,
  projectId: string,
  kind: string,
  start: string,
  end: string,
) {
  return db
    .select({ id: reportingPeriods.id, label: reportingPeriods.label })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.projectId, projectId),
        sql`${reportingPeriods.kind} = ${kind}`,
        sql`${reportingPeriods.startDate} <= ${end}::date and ${reportingPeriods.endDate} >= ${start}::date`,
      ),
    );
}
export async function insertPeriod(db: Db, values: typeof reportingPeriods.$inferInsert) {
  const [row] = await db.insert(reportingPeriods).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
/** Closes an open period at `version`; undefined if it moved or is closed already. */
export async function closePeriodAt(
  db: Db,
  id: string,
  version: number,
  by: { userId: string; name: string; at: Date },
) {
  const [row] = await db
    .update(reportingPeriods)
    .set({
      status: 'closed',
      closedAt: by.at,
      closedBy: by.userId,
      closedByName: by.name,
      version: sql`${reportingPeriods.version} + 1`,
    })
    .where(
      and(
        eq(reportingPeriods.id, id),
        eq(reportingPeriods.version, version),
        eq(reportingPeriods.status, 'open'),
      ),
    )
    .returning();
  return row;
}
export async function insertSnapshot(db: Db, values: typeof reportSnapshots.$inferInsert) {
  const [row] = await db.insert(reportSnapshots).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function findSnapshotOfPeriod(db: Db, periodId: string) {
  const [row] = await db.select().from(reportSnapshots).where(eq(reportSnapshots.periodId, periodId));
  return row;
}

export async function findManualValue(db: Db, indicatorId: string, periodId: string) {
  const [row] = await db
    .select()
    .from(manualValues)
    .where(and(eq(manualValues.indicatorId, indicatorId), eq(manualValues.periodId, periodId)));
  return row;
}
export async function insertManualValue(db: Db, values: typeof manualValues.$inferInsert) {
  const [row] = await db.insert(manualValues).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function updateManualValueAt(
  db: Db,
  key: { indicatorId: string; periodId: string },
  version: number,
  patch: Partial<typeof manualValues.$inferInsert>,
) {
  const [row] = await db
    .update(manualValues)
    .set({ ...patch, version: sql`${manualValues.version} + 1` })
    .where(
      and(
        eq(manualValues.indicatorId, key.indicatorId),
        eq(manualValues.periodId, key.periodId),
        eq(manualValues.version, version),
      ),
    )
    .returning();
  return row;
}

export async function isReportViewer(db: Db, projectId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: reportViewers.userId })
    .from(reportViewers)
    .where(and(eq(reportViewers.projectId, projectId), eq(reportViewers.userId, userId)));
  return Boolean(row);
}
export async function projectsViewedBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ projectId: reportViewers.projectId })
    .from(reportViewers)
    .where(eq(reportViewers.userId, userId));
  return rows.map((r) => r.projectId);
}
type Account = { userId: string; displayName: string; email: string };
export async function viewersOf(db: Db, projectId: string) {
  const result =
    await db.execute(sql`select v.user_id as "userId", u.display_name as "displayName", u.email, v.created_at as "createdAt"
    from report_viewers v join users u on u.id = v.user_id where v.project_id = ${projectId} order by u.display_name`);
  return (result as unknown as { rows: (Account & { createdAt: Date | string })[] }).rows;
}
/** Active accounts holding the donor role in one of these offices. */
export async function donorAccountsIn(db: Db, officeIds: string[]): Promise<Account[]> {
  if (officeIds.length === 0) return [];
  const result =
    await db.execute(sql`select distinct u.id as "userId", u.display_name as "displayName", u.email
    from users u join memberships m on m.user_id = u.id
    where m.role = 'donor' and u.status = 'active' and m.office_id = any(${sql.param(officeIds)}::uuid[])
    order by u.display_name`);
  return (result as unknown as { rows: Account[] }).rows;
}
export async function insertViewer(db: Db, values: typeof reportViewers.$inferInsert) {
  await db.insert(reportViewers).values(values).onConflictDoNothing();
}
export async function deleteViewer(db: Db, projectId: string, userId: string) {
  const rows = await db
    .delete(reportViewers)
    .where(and(eq(reportViewers.projectId, projectId), eq(reportViewers.userId, userId)))
    .returning({ userId: reportViewers.userId });
  return rows.length > 0;
}

export async function insertExport(db: Db, values: typeof reportExports.$inferInsert) {
  const [row] = await db.insert(reportExports).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function findExport(db: Db, id: string) {
  const [row] = await db.select().from(reportExports).where(eq(reportExports.id, id));
  return row;
}
export async function exportsOf(db: Db, projectId: string, requestedBy?: string) {
  return db
    .select()
    .from(reportExports)
    .where(
      and(
        eq(reportExports.projectId, projectId),
        requestedBy ? eq(reportExports.requestedBy, requestedBy) : sql`true`,
      ),
    )
    .orderBy(desc(reportExports.createdAt))
    .limit(50);
}
export async function updateExport(db: Db, id: string, patch: Partial<typeof reportExports.$inferInsert>) {
  await db.update(reportExports).set(patch).where(eq(reportExports.id, id));
}
/** Takes the oldest queued export (skip locked: two servers never run the same one). */
export async function claimQueuedExport(db: Db) {
  const result = await db.execute(sql`update report_exports set status = 'running'
    where id = (select id from report_exports where status = 'queued' order by created_at limit 1 for update skip locked)
    returning id`);
  const [row] = (result as unknown as { rows: { id: string }[] }).rows;
  return row?.id;
}
/** Exports left running by a server that stopped are queued again. */
export async function requeueStaleExports(db: Db, before: Date) {
  await db
    .update(reportExports)
    .set({ status: 'queued', progress: 0 })
    .where(and(eq(reportExports.status, 'running'), lt(reportExports.createdAt, before)));
}
export async function expiredExports(db: Db, now: Date) {
  return db
    .select({ id: reportExports.id, storageKey: reportExports.storageKey })
    .from(reportExports)
    .where(lt(reportExports.expiresAt, now));
}
export async function deleteExports(db: Db, ids: string[]) {
  if (ids.length) await db.delete(reportExports).where(inArray(reportExports.id, ids));
}

export async function officeCodesOf(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(
    sql`select code from offices where id = any(${sql.param(ids)}::uuid[]) order by code`,
  );
  return (result as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
}

/** The period's status, read under a share lock: a period being closed is waited for, then seen closed. */
export async function periodStatusLocked(db: Db, id: string): Promise<'open' | 'closed' | undefined> {
  const result = await db.execute(sql`select status from reporting_periods where id = ${id} for share`);
  return (result as unknown as { rows: { status: 'open' | 'closed' }[] }).rows[0]?.status;
}

/** Codes of the indicators whose value for the period was submitted and awaits a decision. */
export async function pendingValuesOf(db: Db, periodId: string): Promise<string[]> {
  const rows = await db
    .select({ code: reportIndicators.code })
    .from(manualValues)
    .innerJoin(reportIndicators, eq(reportIndicators.id, manualValues.indicatorId))
    .where(and(eq(manualValues.periodId, periodId), eq(manualValues.status, 'submitted')))
    .orderBy(asc(reportIndicators.code));
  return rows.map((r) => r.code);
}
