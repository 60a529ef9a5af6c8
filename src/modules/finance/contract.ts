/** Project budgets, the per-person allowance and exchange rates. Browser-safe. */
import { z } from 'zod';
import { textLine, UuidSchema, VersionSchema } from '../../platform/contract';
import { CurrencySchema, MoneyInputSchema, MoneySchema } from '../../platform/money';

export const BudgetLineSchema = z.object({
  id: UuidSchema,
  projectId: UuidSchema,
  code: z.string(),
  label: z.string(),
  amount: MoneySchema,
  /** Approved in reintegration plans (the latest approved version of each plan). */
  committed: MoneySchema,
  delivered: MoneySchema,
  /** Amount − committed. */
  remaining: MoneySchema,
  version: z.number().int(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const ProjectBudgetSchema = z.object({
  projectId: UuidSchema,
  projectCode: z.string(),
  allowance: MoneySchema.nullable(),
  projectVersion: z.number().int(),
  lines: z.array(BudgetLineSchema),
  canManage: z.boolean(),
});

export const CreateBudgetLineSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9._-]+$/, 'budget_line_code'),
  label: textLine(200),
  amount: MoneyInputSchema,
});
export const UpdateBudgetLineSchema = z.strictObject({
  label: textLine(200).optional(),
  amount: MoneyInputSchema.optional(),
  version: VersionSchema,
});
export const SetAllowanceSchema = z.strictObject({
  allowance: MoneyInputSchema.nullable(),
  version: VersionSchema,
});

export const ExchangeRateSchema = z.object({
  currency: CurrencySchema,
  rateDate: z.string(),
  eurPerUnit: z.number(),
});
export const SetExchangeRateSchema = z.strictObject({
  currency: CurrencySchema,
  rateDate: z.iso.date(),
  eurPerUnit: z.number().positive().max(1_000_000),
});
