/**
 * The audit log records the old and new values of every change, names and trafficking codes included. Its
 * readers are administrators (who run the system and read no beneficiary's record) and the data protection
 * officer: an administrator sees that a person or case was changed, by whom and when, never what it said.
 */
import { type Actor, can } from '../../platform/actor';
import type { AuditEvent } from './contract';

/** Actions about beneficiaries: the person, their case and what hangs from it. */
const BENEFICIARY_ACTIONS =
  /^(person|case|referral|reintegration|placement|skills_profile|resettlement|movement)\./;

export function aboutBeneficiary(event: Pick<AuditEvent, 'action' | 'recordType'>): boolean {
  return (
    BENEFICIARY_ACTIONS.test(event.action) ||
    [
      'person',
      'case',
      'referral',
      'placement',
      'movement',
      'submission_batch',
      'orientation_session',
    ].includes(event.recordType ?? '')
  );
}

/** Withholds the changes and details of beneficiary events from readers who may not read such data there. */
export function withholdBeneficiaryData(actor: Actor, events: AuditEvent[]): AuditEvent[] {
  return events.map((event) => {
    if (!aboutBeneficiary(event)) return event;
    const office = event.officeId ?? undefined;
    const mayRead = office
      ? can(actor, 'persons.read', office) || can(actor, 'cases.read', office)
      : can(actor, 'persons.read');
    return mayRead ? event : { ...event, changes: null, metadata: null, withheld: true };
  });
}
