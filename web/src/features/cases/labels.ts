/** Human labels for the case vocabularies: statuses of every workflow, types, closure reasons, events. */
import type { TFunction } from 'i18next';
import {
  ALL_STATUSES,
  CASE_TYPE_CODES,
  type CaseType,
  CLOSURE_REASONS,
  type ClosureReason,
  DOCUMENT_KINDS,
  type DocumentKind,
  type RequiredField,
} from '../../../../src/modules/cases/workflow';

export type CaseStatus = (typeof ALL_STATUSES)[number];
export type CaseEventKind =
  | 'opened'
  | 'transition'
  | 'approval_requested'
  | 'approved'
  | 'rejected'
  | 'assigned'
  | 'reopened'
  | 'updated'
  | 'referred'
  | 'referral_answered'
  | 'transferred';

export function isCaseStatus(value: string): value is CaseStatus {
  return (ALL_STATUSES as readonly string[]).includes(value);
}

export function isCaseType(value: string): value is CaseType {
  return (CASE_TYPE_CODES as readonly string[]).includes(value);
}

export function isClosureReason(value: string): value is ClosureReason {
  return (CLOSURE_REASONS as readonly string[]).includes(value);
}

/** E.g. `travel_preparation` → "Préparation du voyage"; a status this version does not know keeps its code. */
export function statusLabel(status: string, t: TFunction): string {
  return isCaseStatus(status) ? t(`caseStatus.${status}`) : status;
}

export function caseTypeLabel(caseType: string, t: TFunction): string {
  return isCaseType(caseType) ? t(`caseTypes.${caseType}`) : caseType;
}

export function closureReasonLabel(reason: string, t: TFunction): string {
  return isClosureReason(reason) ? t(`closureReasons.${reason}`) : reason;
}

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** What an attachment is, e.g. `decision_letter` → "Lettre de décision". */
export function documentKindLabel(kind: string, t: TFunction): string {
  return isDocumentKind(kind) ? t(`documentKinds.${kind}`) : kind;
}

export function requiredFieldLabel(field: RequiredField | string, t: TFunction): string {
  // A required document is named `document:<kind>` (ADR 0017 D4).
  if (field.startsWith('document:'))
    return t('cases.transition.requiredDocument', { kind: documentKindLabel(field.slice(9), t) });
  switch (field) {
    case 'travelDocumentReady':
      return t('cases.fields.travelDocumentReady');
    case 'medicalFitness':
      return t('cases.fields.medicalFitness');
    case 'declarationSignedOn':
      return t('cases.fields.declarationSignedOn');
    case 'departureDate':
      return t('cases.fields.departureDate');
    case 'closureReason':
      return t('cases.fields.closureReason');
    default:
      return field;
  }
}

/** Closed and withdrawn cases are grey, cases waiting for approval orange, the rest blue. */
export function statusColor(status: string, pending = false): string {
  if (pending) return 'orange';
  return status === 'closed' || status === 'withdrawn' ? 'gray' : 'blue';
}
