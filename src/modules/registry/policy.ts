/**
 * Who may see and change people's records: the registry's access rules in one place. Queries take the
 * where-builders; use cases and views take the predicates.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, inScope, type OfficeScope, scopeOf } from '../../platform/actor';
import { casesVisible, seesSensitive } from '../../platform/sensitivity';
import { persons } from './tables';

export { seesSensitive };

/** People the actor may read (or, with `persons.write`/`persons.merge`, change): those of their offices. */
export function personScope(
  actor: Actor,
  permission: 'persons.read' | 'persons.write' | 'persons.merge' = 'persons.read',
): OfficeScope {
  return scopeOf(actor, permission);
}

/** Where-builder over `persons`: records owned by an office in scope. */
export function visiblePersons(
  actor: Actor,
  permission: Parameters<typeof personScope>[1] = 'persons.read',
): SQL {
  return inScope(persons.owningOfficeId, personScope(actor, permission));
}

/** The cases of a person the reader may count (the cases table seen as `c`), by the cases module's rule. */
export function countableCases(actor: Actor): SQL {
  return casesVisible(actor, { officeId: sql`c.owning_office_id`, sensitive: sql`c.sensitive` });
}

/** May the actor edit this office's people? */
export const mayEditPerson = (actor: Actor, officeId: string): boolean =>
  can(actor, 'persons.write', officeId);
