/** Checks shared by the activity and campaign use cases. */
import type { ActorCtx } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { fieldErrors } from '../../platform/i18n';
import { dateOrderIssue } from './contract';

/** The end may not precede the start: the same field error as the schemas give for a whole body. */
export function assertDateOrder(ctx: ActorCtx, startDate: string, endDate: string): void {
  const issue = dateOrderIssue(startDate, endDate);
  if (issue) throw new AppError('validation_failed', { fields: fieldErrors(ctx.lang, [issue]) });
}

/** Lists of codes keep their first occurrence only. */
export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
