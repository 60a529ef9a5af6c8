/**
 * Who may do what with resettlement: the rules in one place. A household is a resettlement case: it exists
 * for whoever may see the case (404 otherwise). Changing it needs the case to be editable and
 * resettlement.write in its office; health findings need health.read there; full numbers on a manifest
 * need manifests.reveal in the movement's office.
 */
import { type Actor, can, scopeOf } from '../../platform/actor';
import { mayEditCase, maySeeCase } from '../cases';

type CaseFacts = { owningOfficeId: string; sensitive: boolean };

/** Offices whose batches, sessions and movements the actor may read or change. */
export const resettlementScope = (actor: Actor, access: 'read' | 'write') =>
  scopeOf(actor, access === 'read' ? 'resettlement.read' : 'resettlement.write');

export const mayReadHousehold = (actor: Actor, c: CaseFacts): boolean => maySeeCase(actor, c);

/** Records of the household (members, submissions, clearances, bookings...). */
export const mayWorkOnHousehold = (actor: Actor, c: CaseFacts): boolean =>
  mayEditCase(actor, c) && can(actor, 'resettlement.write', c.owningOfficeId);

/** Health findings are health data: medical and protection roles of the owning office only. */
export const maySeeFindings = (actor: Actor, c: CaseFacts): boolean =>
  maySeeCase(actor, c) && can(actor, 'health.read', c.owningOfficeId);

export const mayRecordHealth = (actor: Actor, c: CaseFacts): boolean =>
  maySeeCase(actor, c) && can(actor, 'health.write', c.owningOfficeId);

/** Full document numbers, only on a printed manifest. */
export const mayRevealNumbers = (actor: Actor, officeId: string): boolean =>
  can(actor, 'manifests.reveal', officeId);

export const mayReadMovements = (actor: Actor, officeId: string): boolean =>
  can(actor, 'resettlement.read', officeId);
export const mayWriteMovements = (actor: Actor, officeId: string): boolean =>
  can(actor, 'resettlement.write', officeId);
