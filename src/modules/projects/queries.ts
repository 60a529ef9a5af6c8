/** Reading projects within the actor's scope. */
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import * as repo from './repository';

/** The projects run by the offices the actor may read projects of. */
export async function projectsInScope(ctx: ActorCtx) {
  return { items: await repo.listProjects(ctx.db, scopeOf(ctx.actor, 'projects.read')) };
}

/** One project (a project outside scope does not exist). */
export async function getProject(ctx: ActorCtx, id: string) {
  const project = await repo.findProject(ctx.db, scopeOf(ctx.actor, 'projects.read'), id);
  if (!project) throw notFound();
  return project;
}
