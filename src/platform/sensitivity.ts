/**
 * The trafficking rule, once. Trafficking cases and trafficking needs codes are special-category data:
 * they exist only for someone who holds `cases.sensitive` in the office concerned. Every query that reads
 * cases, referrals or persons, and every view that shows needs codes, uses these and nothing else.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, can, inScope, scopeOf } from './actor';

/** Trafficking needs codes (TR-*) are the sensitive ones. */
export const isSensitiveNeed = (code: string): boolean => code.startsWith('TR-');

/** May the actor see trafficking content of this office? */
export const seesSensitive = (actor: Actor, officeId: string): boolean =>
  can(actor, 'cases.sensitive', officeId);

/**
 * Where-builder: a row flagged sensitive is kept only where the actor holds `cases.sensitive` in the row's
 * office. `sensitive` and `officeId` are the columns (or SQL expressions) of the row being filtered.
 */
export function sensitiveVisible(
  actor: Actor,
  sensitive: AnyPgColumn | SQL,
  officeId: AnyPgColumn | SQL,
): SQL {
  return sql`(not ${sensitive} or ${inScope(officeId, scopeOf(actor, 'cases.sensitive'))})`;
}

/** The needs codes a reader may see of a record owned by an office where they may or may not see sensitive content. */
export function visibleNeeds(codes: readonly string[], seeSensitive: boolean): string[] {
  return seeSensitive ? [...codes] : codes.filter((c) => !isSensitiveNeed(c));
}

/**
 * Cases (by their office and sensitivity columns) the actor may see under `permission`: in an office where
 * they hold it, and, for trafficking cases, only where they also hold `cases.sensitive`. The cases module
 * applies it to its table; modules below it in the graph (the registry's case counts) to an alias of it.
 */
export function casesVisible(
  actor: Actor,
  columns: { officeId: AnyPgColumn | SQL; sensitive: AnyPgColumn | SQL },
  permission: 'cases.read' | 'cases.write' = 'cases.read',
): SQL {
  return sql`(${inScope(columns.officeId, scopeOf(actor, permission))} and ${sensitiveVisible(actor, columns.sensitive, columns.officeId)})`;
}
