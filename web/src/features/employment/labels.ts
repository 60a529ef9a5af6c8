/** Human labels of the employment vocabularies (sectors, education, outcomes, follow-up states). */
import type { TFunction } from 'i18next';
import {
  EDUCATION_LEVELS,
  FOLLOW_UP_STATUSES,
  PLACEMENT_OUTCOMES,
  SECTORS,
} from '../../../../src/modules/employment/contract';

export { EDUCATION_LEVELS, SECTORS };
export type Sector = (typeof SECTORS)[number];
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function sectorLabel(value: string, t: TFunction): string {
  return isOneOf(SECTORS, value) ? t(`employment.sectors.${value}`) : value;
}

export function educationLabel(value: string, t: TFunction): string {
  return isOneOf(EDUCATION_LEVELS, value) ? t(`employment.education.${value}`) : value;
}

export function outcomeLabel(value: string, t: TFunction): string {
  return isOneOf(PLACEMENT_OUTCOMES, value) ? t(`employment.outcomes.${value}`) : value;
}

export function followUpStatusLabel(value: string, t: TFunction): string {
  return isOneOf(FOLLOW_UP_STATUSES, value) ? t(`employment.followUp.statuses.${value}`) : value;
}

/** Overdue red, due orange, done green, upcoming blue, not applicable grey. */
export function followUpColor(status: string): string {
  switch (status) {
    case 'overdue':
      return 'red';
    case 'due':
      return 'orange';
    case 'done':
      return 'green';
    case 'upcoming':
      return 'blue';
    default:
      return 'gray';
  }
}

export function sectorOptions(t: TFunction) {
  return SECTORS.map((sector) => ({ value: sector, label: sectorLabel(sector, t) }));
}
