/** Budget lines and exchange rates; commitments are read from approved reintegration plans. */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Currency } from '../../platform/money';
import { projects } from '../projects/tables';
import { budgetLines, exchangeRates } from './tables';

export type BudgetLineRow = typeof budgetLines.$inferSelect;

export async function linesOf(db: Db, projectId: string): Promise<BudgetLineRow[]> {
  return db
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.projectId, projectId))
    .orderBy(asc(budgetLines.code));
}

export async function findLine(db: Db, id: string): Promise<BudgetLineRow | undefined> {
  const [row] = await db.select().from(budgetLines).where(eq(budgetLines.id, id));
  return row;
}

export async function insertLine(db: Db, values: typeof budgetLines.$inferInsert): Promise<BudgetLineRow> {
  const [row] = await db.insert(budgetLines).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateLineAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof budgetLines.$inferInsert>,
  now: Date,
): Promise<BudgetLineRow | undefined> {
  const [row] = await db
    .update(budgetLines)
    .set({ ...patch, version: sql`${budgetLines.version} + 1`, updatedAt: now })
    .where(and(eq(budgetLines.id, id), eq(budgetLines.version, version)))
    .returning();
  return row;
}

/**
 * Per budget line: what the latest approved version of every plan commits, optionally leaving one plan out
 * (the plan being approved, whose new version replaces its old commitment).
 */
export async function committedByLine(
  db: Db,
  lineIds: string[],
  exceptPlanId?: string,
): Promise<Map<string, number>> {
  if (lineIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select item->>'budgetLineId' as line, sum((item->>'plannedMinor')::bigint)::float8 as total
    from reintegration_plans p
    join plan_versions v on v.plan_id = p.id and v.number = p.approved_version
    cross join lateral jsonb_array_elements(v.items) as item
    where item->>'budgetLineId' = any(${sql.param(lineIds)}::text[])
      ${exceptPlanId ? sql`and p.id <> ${exceptPlanId}` : sql``}
    group by 1`);
  const rows = (result as unknown as { rows: { line: string; total: number }[] }).rows;
  return new Map(rows.map((r) => [r.line, Number(r.total)]));
}

export async function deliveredByLine(db: Db, lineIds: string[]): Promise<Map<string, number>> {
  if (lineIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select i.budget_line_id::text as line, sum(d.amount_minor)::float8 as total
    from deliveries d join plan_items i on i.id = d.plan_item_id
    where i.budget_line_id = any(${sql.param(lineIds)}::uuid[])
    group by 1`);
  const rows = (result as unknown as { rows: { line: string; total: number }[] }).rows;
  return new Map(rows.map((r) => [r.line, Number(r.total)]));
}

/** The rate in force on a day: the latest on or before it. */
export async function rateOn(db: Db, currency: Currency, day: string): Promise<number | undefined> {
  const [row] = await db
    .select({ eurPerUnit: exchangeRates.eurPerUnit })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, currency), lte(exchangeRates.rateDate, day)))
    .orderBy(desc(exchangeRates.rateDate))
    .limit(1);
  return row?.eurPerUnit;
}

export async function listRates(db: Db, currencies?: string[]) {
  return db
    .select()
    .from(exchangeRates)
    .where(currencies ? inArray(exchangeRates.currency, currencies) : sql`true`)
    .orderBy(asc(exchangeRates.currency), desc(exchangeRates.rateDate))
    .limit(500);
}

export async function upsertRate(db: Db, values: { currency: string; rateDate: string; eurPerUnit: number }) {
  const [before] = await db
    .select()
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, values.currency), eq(exchangeRates.rateDate, values.rateDate)));
  await db
    .insert(exchangeRates)
    .values(values)
    .onConflictDoUpdate({
      target: [exchangeRates.currency, exchangeRates.rateDate],
      set: { eurPerUnit: values.eurPerUnit },
    });
  return before;
}

// ---- the project's allowance (a column of the projects table, kept by this module) ---------------

/** The project's allowance per person, if one is set. */
export async function allowanceRow(
  db: Db,
  projectId: string,
): Promise<{ minor: number | null; currency: string | null; version: number } | undefined> {
  const [row] = await db
    .select({
      minor: projects.allowanceMinor,
      currency: projects.allowanceCurrency,
      version: projects.version,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
  return row;
}

/** Sets the allowance if the project is still at `version`; undefined when it changed meanwhile. */
export async function setAllowanceAt(
  db: Db,
  projectId: string,
  version: number,
  allowance: { minor: number; currency: string } | null | undefined,
  now: Date,
): Promise<{ id: string } | undefined> {
  const [after] = await db
    .update(projects)
    .set({
      allowanceMinor: allowance?.minor ?? null,
      allowanceCurrency: allowance?.currency ?? null,
      version: sql`${projects.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(projects.id, projectId), eq(projects.version, version)))
    .returning({ id: projects.id });
  return after;
}
