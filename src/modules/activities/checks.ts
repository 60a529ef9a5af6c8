/** Checks shared by the activity and campaign use cases. */
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { errorMessage, fieldErrors } from '../../platform/i18n';
import { findProject } from '../projects';
import { dateOrderIssue } from './contract';

/**
 * A project may be named only if the actor can see it and the record's office runs it (as owner or
 * participating office); otherwise it is a field error, as if it did not exist.
 */
export async function assertProjectUsable(
  ctx: ActorCtx,
  officeId: string,
  projectId: string | null | undefined,
): Promise<void> {
  if (!projectId) return;
  const project = await findProject(ctx.db, scopeOf(ctx.actor, 'projects.read'), projectId);
  if (project && (project.owningOfficeId === officeId || project.participatingOfficeIds.includes(officeId)))
    return;
  throw new AppError('validation_failed', {
    fields: [{ path: 'projectId', code: 'not_found', message: errorMessage(ctx.lang, 'not_found') }],
  });
}

/** The end may not precede the start: the same field error as the schemas give for a whole body. */
export function assertDateOrder(ctx: ActorCtx, startDate: string, endDate: string): void {
  const issue = dateOrderIssue(startDate, endDate);
  if (issue) throw new AppError('validation_failed', { fields: fieldErrors(ctx.lang, [issue]) });
}

/** Lists of codes keep their first occurrence only. */
export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
