/**
 * Who may work on which content: an item belongs to an office, and the content permissions are held per
 * office (communications writes, reviews and publishes; a project manager reads and reviews). An item
 * outside the actor's scope is not found (404), never forbidden.
 */
import type { SQL } from 'drizzle-orm';
import { inScope, type OfficeScope } from '../../platform/actor';
import { contentItems } from './tables';

/** The where-clause of the items in `scope` (the offices granting the permission the action needs). */
export const itemInScope = (scope: OfficeScope): SQL => inScope(contentItems.officeId, scope);

/**
 * The office a new item belongs to: the one asked for, which must grant the writer `content.write`, or,
 * when none is asked for, the only office that does. Null when it cannot be told (several offices, or a
 * global scope) or when the office asked for is not one of the writer's.
 */
export function owningOfficeFor(scope: OfficeScope, asked: string | undefined): string | null | 'forbidden' {
  if (asked) return scope === 'all' || scope.includes(asked) ? asked : 'forbidden';
  if (scope !== 'all' && scope.length === 1) return scope[0] ?? null;
  return null;
}
