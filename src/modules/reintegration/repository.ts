/** The only place that queries reintegration tables. Callers have found the case within the actor's access. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseAttachments } from '../cases/tables';
import { deliveries, needsAssessments, planItems, planVersions, reintegrationPlans } from './tables';

export type PlanRow = typeof reintegrationPlans.$inferSelect;
export type ItemRow = typeof planItems.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;

export async function latestAssessment(db: Db, caseId: string) {
  const [row] = await db
    .select()
    .from(needsAssessments)
    .where(eq(needsAssessments.caseId, caseId))
    .orderBy(desc(needsAssessments.createdAt))
    .limit(1);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(needsAssessments)
    .where(eq(needsAssessments.caseId, caseId));
  return { row, count: n?.n ?? 0 };
}

export async function insertAssessment(db: Db, values: typeof needsAssessments.$inferInsert) {
  const [row] = await db.insert(needsAssessments).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function planOfCase(db: Db, caseId: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(reintegrationPlans).where(eq(reintegrationPlans.caseId, caseId));
  return row;
}

export async function insertPlan(db: Db, caseId: string, now: Date): Promise<PlanRow> {
  const [row] = await db
    .insert(reintegrationPlans)
    .values({ caseId, status: 'draft', createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Conditional on the version the client saw: a stale write changes nothing. */
export async function updatePlanAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof reintegrationPlans.$inferInsert>,
  now: Date,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(reintegrationPlans)
    .set({ ...patch, version: sql`${reintegrationPlans.version} + 1`, updatedAt: now })
    .where(and(eq(reintegrationPlans.id, id), eq(reintegrationPlans.version, version)))
    .returning();
  return row;
}

export async function itemsOf(db: Db, planId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(planItems)
    .where(eq(planItems.planId, planId))
    .orderBy(asc(planItems.createdAt), asc(planItems.id));
}

export async function findItem(db: Db, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(planItems).where(eq(planItems.id, id));
  return row;
}

export async function insertItem(db: Db, values: typeof planItems.$inferInsert): Promise<ItemRow> {
  const [row] = await db.insert(planItems).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateItem(
  db: Db,
  id: string,
  patch: Partial<typeof planItems.$inferInsert>,
): Promise<void> {
  await db.update(planItems).set(patch).where(eq(planItems.id, id));
}

export async function deleteItem(db: Db, id: string): Promise<void> {
  await db.delete(planItems).where(eq(planItems.id, id));
}

export async function versionsOf(db: Db, planId: string) {
  return db
    .select()
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.number));
}

export async function insertVersion(db: Db, values: typeof planVersions.$inferInsert): Promise<void> {
  await db.insert(planVersions).values(values);
}

export async function deliveriesOf(db: Db, caseId: string) {
  return db
    .select({ row: deliveries, receiptName: caseAttachments.fileName })
    .from(deliveries)
    .leftJoin(caseAttachments, eq(caseAttachments.id, deliveries.receiptAttachmentId))
    .where(eq(deliveries.caseId, caseId))
    .orderBy(asc(deliveries.deliveredOn), asc(deliveries.createdAt));
}

export async function deliveredOfItems(db: Db, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ id: deliveries.planItemId, total: sql<number>`sum(${deliveries.amountMinor})::float8` })
    .from(deliveries)
    .where(inArray(deliveries.planItemId, itemIds))
    .groupBy(deliveries.planItemId);
  return new Map(rows.map((r) => [r.id, Number(r.total)]));
}

export async function insertDelivery(db: Db, values: typeof deliveries.$inferInsert): Promise<DeliveryRow> {
  const [row] = await db.insert(deliveries).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function attachmentOfCase(db: Db, caseId: string, id: string) {
  const [row] = await db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, id), eq(caseAttachments.caseId, caseId)));
  return row;
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(reintegrationPlans).where(eq(reintegrationPlans.id, id));
  return row;
}

/** Row lock on the plan: serialises deliveries against it. */
export async function lockPlan(db: Db, id: string): Promise<void> {
  await db
    .select({ id: reintegrationPlans.id })
    .from(reintegrationPlans)
    .where(eq(reintegrationPlans.id, id))
    .for('update');
}

// One lock per project serialises approvals, so two plans cannot both take a line's last euros.
const PROJECT_LOCK = 7_243_101;

/** Serialises approvals against one project's budget, until the transaction ends. */
export async function lockProjectBudget(tx: Db, projectId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PROJECT_LOCK}, hashtext(${projectId}))`);
}
