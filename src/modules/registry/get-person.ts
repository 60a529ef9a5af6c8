/** Reading one person as the actor may see them. */
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { personDetail } from './person-views';
import * as repo from './repository';

/** The person, if the actor may read them (a person outside scope does not exist). */
export async function readablePerson(ctx: ActorCtx, personId: string) {
  const found = await repo.findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), personId);
  if (!found) throw notFound();
  return found;
}

/** The person with documents (masked), consents and household. */
export async function getPerson(ctx: ActorCtx, personId: string) {
  return personDetail(ctx.db, ctx.actor, await readablePerson(ctx, personId));
}
