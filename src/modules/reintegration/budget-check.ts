/**
 * Whether a plan fits its project's money: each budget line (what other plans' approved versions commit,
 * plus this plan) and the per-person allowance (converted with the day's exchange rates). The plan editor
 * shows these as warnings; approval refuses on the first one.
 */
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { type Currency, formatMinor } from '../../platform/money';
import { allowanceOf, committedByLine, convertOn, linesOf } from '../finance';
import type { PlanWarningSchema } from './contract';
import type { ItemRow } from './repository';

export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export async function budgetWarnings(
  db: Db,
  planId: string | null,
  items: readonly ItemRow[],
  projectId: string | null,
  day: string,
): Promise<PlanWarning[]> {
  if (!projectId) return [];
  const active = items.filter((i) => !i.removed);
  const warnings: PlanWarning[] = [];
  const lines = await linesOf(db, projectId);
  const need = new Map<string, number>();
  for (const item of active)
    if (item.budgetLineId)
      need.set(item.budgetLineId, (need.get(item.budgetLineId) ?? 0) + item.plannedMinor);
  const others = await committedByLine(db, [...need.keys()], planId ?? undefined);
  for (const line of lines) {
    const needed = need.get(line.id);
    if (!needed) continue;
    const committed = others.get(line.id) ?? 0;
    if (committed + needed > line.amountMinor) {
      const currency = line.currency as Currency;
      warnings.push({
        code: 'budget_line_exceeded',
        params: {
          line: line.code,
          remaining: formatMinor(line.amountMinor - committed, currency),
          needed: formatMinor(needed, currency),
          currency,
        },
      });
    }
  }
  const allowance = await allowanceOf(db, projectId);
  if (allowance) {
    let total = 0;
    try {
      for (const item of active)
        total += (
          await convertOn(
            db,
            { minor: item.plannedMinor, currency: item.currency as Currency },
            allowance.currency,
            day,
          )
        ).minor;
      if (total > allowance.minor)
        warnings.push({
          code: 'allowance_exceeded',
          params: {
            total: formatMinor(total, allowance.currency),
            limit: formatMinor(allowance.minor, allowance.currency),
            currency: allowance.currency,
          },
        });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'exchange_rate_missing') throw error;
      warnings.push({ code: 'exchange_rate_missing', params: { ...(error.options.params ?? {}) } });
    }
  }
  return warnings;
}

/** Approval's form of the check: the first problem refuses, with the same message the editor showed. */
export function refuseOn(warnings: readonly PlanWarning[]): void {
  const first = warnings[0];
  if (first) throw new AppError(first.code, { params: first.params });
}
