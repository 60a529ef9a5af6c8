/** Human labels for the audit log's closed vocabularies: actions and record types. */
import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../src/platform/audit/actions';

/** The record types the server writes to the audit log (`recordType`). */
export const AUDIT_RECORD_TYPES = [
  'user',
  'office',
  'project',
  'person',
  'case',
  'referral',
  'budget_line',
  'exchange_rate',
  'employer',
  'job_opening',
  'placement',
  'activity',
  'campaign',
  'content',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function isAuditRecordType(value: string): value is AuditRecordType {
  return (AUDIT_RECORD_TYPES as readonly string[]).includes(value);
}

/** E.g. `user.created` → "Compte créé"; an action this version does not know keeps its code. */
export function auditActionLabel(action: string, t: TFunction): string {
  return isAuditAction(action) ? t(`audit.actions.${action}`) : action;
}

/** E.g. `office` → "Bureau"; an unknown record type keeps its code. */
export function auditRecordTypeLabel(recordType: string, t: TFunction): string {
  return isAuditRecordType(recordType) ? t(`audit.recordTypes.${recordType}`) : recordType;
}
