/** Human labels for the resettlement vocabularies, and the small date rules the screens share. */
import type { TFunction } from 'i18next';
import type { DocumentKind } from '../../../../src/modules/cases/workflow';
import {
  DECISION_OUTCOMES,
  HEALTH_OUTCOMES,
  MEMBER_RELATIONSHIPS,
  TRAVEL_CONDITIONS,
} from '../../../../src/modules/resettlement/contract';
import type { Blocker } from './api';

export { DECISION_OUTCOMES, HEALTH_OUTCOMES, MEMBER_RELATIONSHIPS, TRAVEL_CONDITIONS };

export const BATCH_KINDS = ['selection_mission', 'dossier', 'individual'] as const;
export const BATCH_STATUSES = ['open', 'submitted', 'decided'] as const;
export const SUBMISSION_OUTCOMES = ['pending', ...DECISION_OUTCOMES] as const;
export const MOVEMENT_STATUSES = ['planned', 'departed', 'arrived', 'cancelled'] as const;
export const BOOKING_STATUSES = ['booked', 'boarded', 'no_show', 'cancelled'] as const;
export const BOARDING_STATUSES = ['pending', 'boarded', 'no_show'] as const;
export const ESCORT_KINDS = ['medical', 'operational'] as const;
export const RELATIONSHIPS = ['principal', ...MEMBER_RELATIONSHIPS] as const;
const WHATS = ['fitToTravel', 'exit_permit', 'visa'] as const;

/** The stages of a household, in order, as the pipeline filters and the funnel show them. */
export const STAGES = [
  'identification',
  'verification',
  'interview',
  'submission',
  'decision',
  'health_assessment',
  'pre_departure_orientation',
  'exit_permits',
  'booked',
  'movement',
  'arrived',
] as const;

/** The household's milestone dates (the first day at each stage), in order. */
export const MILESTONES = [
  'identificationOn',
  'verificationOn',
  'interviewOn',
  'submissionOn',
  'decisionOn',
  'acceptedOn',
  'healthAssessmentOn',
  'preDepartureOrientationOn',
  'exitPermitsOn',
  'bookedOn',
  'departedOn',
  'arrivedOn',
  'handedOverOn',
] as const;

/** The document kinds resettlement steps ask for. */
export type ResettlementDocumentKind = Extract<
  DocumentKind,
  | 'referral_document'
  | 'resettlement_registration_form'
  | 'decision_letter'
  | 'exit_permit'
  | 'visa'
  | 'handover_receipt'
>;

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export const batchKindLabel = (v: string, t: TFunction) =>
  oneOf(BATCH_KINDS, v) ? t(`resettlement.batchKinds.${v}`) : v;
export const batchStatusLabel = (v: string, t: TFunction) =>
  oneOf(BATCH_STATUSES, v) ? t(`resettlement.batchStatus.${v}`) : v;
export const outcomeLabel = (v: string, t: TFunction) =>
  oneOf(SUBMISSION_OUTCOMES, v) ? t(`resettlement.outcomes.${v}`) : v;
export const healthOutcomeLabel = (v: string, t: TFunction) =>
  oneOf(HEALTH_OUTCOMES, v) ? t(`resettlement.healthOutcomes.${v}`) : v;
export const movementStatusLabel = (v: string, t: TFunction) =>
  oneOf(MOVEMENT_STATUSES, v) ? t(`resettlement.movementStatus.${v}`) : v;
export const bookingStatusLabel = (v: string, t: TFunction) =>
  oneOf(BOOKING_STATUSES, v) ? t(`resettlement.bookingStatus.${v}`) : v;
export const boardingLabel = (v: string, t: TFunction) =>
  oneOf(BOARDING_STATUSES, v) ? t(`resettlement.boardingStatus.${v}`) : v;
export const escortKindLabel = (v: string, t: TFunction) =>
  oneOf(ESCORT_KINDS, v) ? t(`resettlement.escortKinds.${v}`) : v;
export const relationshipLabel = (v: string, t: TFunction) =>
  oneOf(RELATIONSHIPS, v) ? t(`resettlement.relationships.${v}`) : v;
export const conditionLabel = (v: string, t: TFunction) =>
  oneOf(TRAVEL_CONDITIONS, v) ? t(`resettlement.conditions.${v}`) : v;
export const whatLabel = (v: string, t: TFunction) => (oneOf(WHATS, v) ? t(`resettlement.what.${v}`) : v);
export const documentKindLabel = (v: ResettlementDocumentKind, t: TFunction) => t(`documentKinds.${v}`);

/** What to do next at a stage, e.g. "Record the decision". */
export function nextStepLabel(status: string, t: TFunction): string {
  return oneOf(STAGES, status) ? t(`resettlement.nextStep.${status}`) : t('resettlement.nextStep.none');
}

/** What keeps a member from travelling, with the date it concerns, e.g. "Visa: expired on 10 April 2026". */
export function coverageText(blocker: Pick<Blocker, 'coverage'>, t: TFunction, date: (d: string) => string) {
  const c = blocker.coverage;
  const on = c.date ? date(c.date) : '';
  switch (c.status) {
    case 'missing':
      return t('resettlement.coverage.missing');
    case 'expired':
      return t('resettlement.coverage.expired', { date: on });
    case 'expires_before_flight':
      return t('resettlement.coverage.expiresBeforeFlight', { date: on });
    case 'not_yet_valid':
      return t('resettlement.coverage.notYetValid', { date: on });
    default:
      return c.status;
  }
}

/** Days from `today` to `day` (both YYYY-MM-DD), negative when past. */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Validities within this many days of their end are flagged (the server's warning tasks use the same default). */
export const WARNING_DAYS = 14;

export type Validity = { state: 'expired' } | { state: 'soon'; days: number } | { state: 'ok' };

export function validityOf(validUntil: string | null, today: string): Validity {
  if (!validUntil) return { state: 'ok' };
  const days = daysUntil(validUntil, today);
  if (days < 0) return { state: 'expired' };
  if (days <= WARNING_DAYS) return { state: 'soon', days };
  return { state: 'ok' };
}

/** A document number shown by its last characters only (the full one is only ever printed on a manifest). */
export const maskedNumber = (tail: string) => `••••${tail}`;

/** The module actions of the resettlement workflow (RESETTLEMENT_ACTIONS), as buttons say them. */
const ACTIONS = [
  'record_referral',
  'submit_batch',
  'decide',
  'clear_health',
  'complete_orientation',
  'book',
  'unbook',
  'board',
  'arrive',
  'hand_over',
  'merge',
] as const;

export const moduleActionLabel = (action: string, t: TFunction) =>
  oneOf(ACTIONS, action) ? t(`resettlement.actions.${action}`) : t('resettlement.actions.other');
