/** Human labels of activities and campaigns: kinds, participant roles, channels. */
import type { TFunction } from 'i18next';
import {
  ACTIVITY_KINDS,
  CAMPAIGN_CHANNELS,
  PARTICIPANT_ROLES,
} from '../../../../src/modules/activities/contract';

export { ACTIVITY_KINDS, CAMPAIGN_CHANNELS, PARTICIPANT_ROLES };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function activityKindLabel(value: string, t: TFunction): string {
  return isOneOf(ACTIVITY_KINDS, value) ? t(`activities.kinds.${value}`) : value;
}

export function roleLabel(value: string, t: TFunction): string {
  return isOneOf(PARTICIPANT_ROLES, value) ? t(`activities.roles.${value}`) : value;
}

export function channelLabel(value: string, t: TFunction): string {
  return isOneOf(CAMPAIGN_CHANNELS, value) ? t(`activities.channels.${value}`) : value;
}
