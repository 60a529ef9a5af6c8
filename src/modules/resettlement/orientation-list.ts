/** The orientation sessions of a project, for marking who attended one (the household page lists them). */
import type { ActorCtx } from '../../platform/actor';
import { sessionView } from './orientation';
import { listSessions } from './orientation-repository';
import { resettlementScope } from './policy';

export async function listOrientationSessions(ctx: ActorCtx, projectId: string) {
  const rows = await listSessions(ctx.db, resettlementScope(ctx.actor, 'read'), projectId);
  return { items: await Promise.all(rows.map((session) => sessionView(ctx, session))) };
}
