/** Use cases of project budgets: lines with committed/delivered/remaining, the allowance, exchange rates. */
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { type ActorCtx, can, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { CURRENCIES, type Currency, type Money } from '../../platform/money';
import { findProject, setProjectAllowanceAt } from '../projects';
import type {
  CreateBudgetLineSchema,
  ProjectBudgetSchema,
  SetAllowanceSchema,
  UpdateBudgetLineSchema,
} from './contract';
import * as repo from './repository';

const money = (minor: number, currency: string): Money => ({ minor, currency: currency as Currency });

/** The budget of a project the actor may read budgets of; with `manage`, only its owning office's managers. */
async function projectFor(ctx: ActorCtx, projectId: string, manage: boolean) {
  const project = await findProject(ctx.db, scopeOf(ctx.actor, 'budgets.read'), projectId);
  const managed = manage
    ? await findProject(ctx.db, scopeOf(ctx.actor, 'projects.manage'), projectId)
    : project;
  if (!project && !managed) throw notFound();
  const found = (project ?? managed) as NonNullable<typeof project>;
  if (manage && !can(ctx.actor, 'projects.manage', found.owningOfficeId)) throw forbidden();
  return found;
}

export async function allowanceOf(db: Db, projectId: string): Promise<Money | null> {
  const row = await repo.projectAllowance(db, projectId);
  return row?.minor != null && row.currency ? money(row.minor, row.currency) : null;
}

export async function projectBudget(
  ctx: ActorCtx,
  projectId: string,
): Promise<z.infer<typeof ProjectBudgetSchema>> {
  const project = await projectFor(ctx, projectId, false);
  const lines = await repo.linesOf(ctx.db, projectId);
  const ids = lines.map((l) => l.id);
  const [committed, delivered, allowance] = await Promise.all([
    repo.committedByLine(ctx.db, ids),
    repo.deliveredByLine(ctx.db, ids),
    allowanceOf(ctx.db, projectId),
  ]);
  return {
    projectId,
    projectCode: project.code,
    allowance,
    projectVersion: project.version,
    canManage: can(ctx.actor, 'projects.manage', project.owningOfficeId),
    lines: lines.map((l) => {
      const c = committed.get(l.id) ?? 0;
      return {
        id: l.id,
        projectId,
        code: l.code,
        label: l.label,
        amount: money(l.amountMinor, l.currency),
        committed: money(c, l.currency),
        delivered: money(delivered.get(l.id) ?? 0, l.currency),
        remaining: money(l.amountMinor - c, l.currency),
        version: l.version,
      };
    }),
  };
}

export async function createBudgetLine(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof CreateBudgetLineSchema>,
): Promise<void> {
  const project = await projectFor(ctx, projectId, true);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const row = await repo.insertLine(tx, {
        projectId,
        code: input.code,
        label: input.label,
        currency: input.amount.currency,
        amountMinor: input.amount.minor,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'budget_line.created',
        officeId: project.owningOfficeId,
        recordType: 'budget_line',
        recordId: row.id,
        changes: { code: { new: row.code }, label: { new: row.label }, amount: { new: input.amount } },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('budget_line_code_taken');
    throw error;
  }
}

export async function updateBudgetLine(
  ctx: ActorCtx,
  lineId: string,
  input: z.infer<typeof UpdateBudgetLineSchema>,
): Promise<string> {
  const before = await repo.findLine(ctx.db, lineId);
  if (!before) throw notFound();
  const project = await projectFor(ctx, before.projectId, true);
  if (input.amount && input.amount.currency !== before.currency)
    throw new AppError('validation_failed', {
      fields: [{ path: 'amount.currency', code: 'currency_mismatch', message: before.currency }],
    });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateLineAt(
      tx,
      lineId,
      input.version,
      { label: input.label ?? before.label, amountMinor: input.amount?.minor ?? before.amountMinor },
      now,
    );
    if (!after) throw versionConflict(await projectBudget({ ...ctx, db: tx }, before.projectId));
    await recordAudit(tx, ctx, {
      action: 'budget_line.updated',
      officeId: project.owningOfficeId,
      recordType: 'budget_line',
      recordId: lineId,
      changes: {
        ...(after.label !== before.label ? { label: { old: before.label, new: after.label } } : {}),
        ...(after.amountMinor !== before.amountMinor
          ? { amountMinor: { old: before.amountMinor, new: after.amountMinor } }
          : {}),
      },
    });
  });
  return before.projectId;
}

export async function setAllowance(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof SetAllowanceSchema>,
): Promise<void> {
  const project = await projectFor(ctx, projectId, true);
  const before = await allowanceOf(ctx.db, projectId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await setProjectAllowanceAt(tx, projectId, input.version, input.allowance ?? null, now);
    if (!after) throw versionConflict(await projectBudget({ ...ctx, db: tx }, projectId));
    await recordAudit(tx, ctx, {
      action: 'project.updated',
      officeId: project.owningOfficeId,
      recordType: 'project',
      recordId: projectId,
      changes: { allowance: { old: before, new: input.allowance } },
    });
  });
}

type ProjectBudget = z.infer<typeof ProjectBudgetSchema>;

/** Adds a budget line to a project (its owning office's managers); answers the project's budget after it. */
export async function addBudgetLine(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof CreateBudgetLineSchema>,
): Promise<ProjectBudget> {
  await createBudgetLine(ctx, projectId, input);
  return projectBudget(ctx, projectId);
}

/** Changes a budget line's label or amount; answers its project's budget after it. */
export async function changeBudgetLine(
  ctx: ActorCtx,
  lineId: string,
  input: z.infer<typeof UpdateBudgetLineSchema>,
): Promise<ProjectBudget> {
  const projectId = await updateBudgetLine(ctx, lineId, input);
  return projectBudget(ctx, projectId);
}

/** Sets (or clears) the per-person allowance of a project; answers the project's budget after it. */
export async function changeAllowance(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof SetAllowanceSchema>,
): Promise<ProjectBudget> {
  await setAllowance(ctx, projectId, input);
  return projectBudget(ctx, projectId);
}

/** Converts between currencies with the rates in force on a day (euros as the pivot). */
export async function convertOn(db: Db, amount: Money, to: Currency, day: string): Promise<Money> {
  if (amount.currency === to) return amount;
  const rate = async (c: Currency) => {
    if (c === 'EUR') return 1;
    const r = await repo.rateOn(db, c, day);
    if (r === undefined) throw new AppError('exchange_rate_missing', { params: { currency: c, date: day } });
    return r;
  };
  const eur = (amount.minor / 10 ** CURRENCIES[amount.currency]) * (await rate(amount.currency));
  const target = (eur / (await rate(to))) * 10 ** CURRENCIES[to];
  return { minor: Math.round(target), currency: to };
}

/** Dated exchange rates (euros per unit), of one currency or all, newest first per currency. */
export async function exchangeRatesOf(ctx: ActorCtx, currency: Currency | undefined) {
  const rows = await repo.listRates(ctx.db, currency ? [currency] : undefined);
  return {
    items: rows.map((row) => ({
      currency: row.currency as Currency,
      rateDate: row.rateDate,
      eurPerUnit: row.eurPerUnit,
    })),
  };
}

export async function setExchangeRate(
  ctx: ActorCtx,
  input: { currency: Currency; rateDate: string; eurPerUnit: number },
): Promise<void> {
  // Rates serve every project: any office's project manager maintains them.
  if (!can(ctx.actor, 'projects.manage')) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await repo.upsertRate(tx, input);
    await recordAudit(tx, ctx, {
      action: 'exchange_rate.set',
      recordType: 'exchange_rate',
      recordId: `${input.currency}:${input.rateDate}`,
      changes: { eurPerUnit: { old: before?.eurPerUnit ?? null, new: input.eurPerUnit } },
    });
  });
}
