/**
 * Who may see, change, assign and approve cases: the cases module's access rules in one place. Queries
 * take `visibleCases`; use cases and views take the predicates. The trafficking rule itself is
 * platform/sensitivity's, shared with referrals and the registry.
 */
import type { SQL } from 'drizzle-orm';
import { type Actor, can } from '../../platform/actor';
import { type Membership, officesGranting, type Permission } from '../../platform/permissions';
import { casesVisible, seesSensitive } from '../../platform/sensitivity';
import { cases } from './tables';

/**
 * Cases the actor may see: in an office where they hold `permission`, and, for trafficking cases, only
 * where they also hold cases.sensitive. Out of this set a case does not exist for them (404).
 */
export function visibleCases(actor: Actor, permission: 'cases.read' | 'cases.write' = 'cases.read'): SQL {
  return casesVisible(actor, { officeId: cases.owningOfficeId, sensitive: cases.sensitive }, permission);
}

/** A case as the rules see it: its office and whether it is a trafficking case. */
export type CaseFactsForAccess = { owningOfficeId: string; sensitive: boolean };

const holds = (memberships: readonly Membership[], permission: Permission, officeId: string) => {
  const scope = officesGranting(memberships, permission);
  return scope === 'all' || scope.includes(officeId);
};

/** May the actor see this case at all (the same rule as `visibleCases`, for a row in hand)? */
export const maySeeCase = (actor: Actor, c: CaseFactsForAccess): boolean =>
  can(actor, 'cases.read', c.owningOfficeId) && (!c.sensitive || seesSensitive(actor, c.owningOfficeId));

/** May the actor change this case (transitions, notes, tasks)? */
export const mayEditCase = (actor: Actor, c: CaseFactsForAccess): boolean =>
  can(actor, 'cases.write', c.owningOfficeId) && (!c.sensitive || seesSensitive(actor, c.owningOfficeId));

/** May the actor open a case of this kind in the office? A trafficking case needs cases.sensitive there. */
export const mayOpenCase = (actor: Actor, officeId: string, sensitive: boolean): boolean =>
  can(actor, 'cases.write', officeId) && (!sensitive || seesSensitive(actor, officeId));

/** May the actor (re)assign this office's cases and tasks? */
export const mayAssign = (actor: Actor, officeId: string): boolean => can(actor, 'cases.assign', officeId);

/** May the actor approve the steps of this office's cases that need a supervisor? */
export const mayApprove = (actor: Actor, officeId: string): boolean => can(actor, 'cases.approve', officeId);

/** May the actor write or read confidential notes in the office (the trafficking rule)? */
export const mayUseConfidentialNotes = (actor: Actor, officeId: string): boolean =>
  seesSensitive(actor, officeId);

/**
 * May someone holding these memberships be given a case in the office? They must be able to work on it;
 * a trafficking case goes only to someone who may open it.
 */
export const mayBeAssigned = (
  memberships: readonly Membership[],
  officeId: string,
  sensitive: boolean,
): boolean =>
  holds(memberships, 'cases.write', officeId) &&
  (!sensitive || holds(memberships, 'cases.sensitive', officeId));
