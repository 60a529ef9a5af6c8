import { type ActorCtx, scopeOf } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { errorMessage } from '../../platform/i18n';
import { findProject } from './repository';

/**
 * A record (a case, an activity, a campaign) may name a project only if the actor can see the project
 * and, when `inOffice` is given, the record's office runs it (as owner or participating office).
 * Otherwise it is a field error on `projectId`, as if the project did not exist.
 */
export async function assertProjectUsable(
  ctx: ActorCtx,
  projectId: string | null | undefined,
  options: { inOffice?: string } = {},
): Promise<void> {
  if (!projectId) return;
  const project = await findProject(ctx.db, scopeOf(ctx.actor, 'projects.read'), projectId);
  const { inOffice } = options;
  if (
    project &&
    (inOffice === undefined ||
      project.owningOfficeId === inOffice ||
      project.participatingOfficeIds.includes(inOffice))
  )
    return;
  throw new AppError('validation_failed', {
    fields: [{ path: 'projectId', code: 'not_found', message: errorMessage(ctx.lang, 'not_found') }],
  });
}
