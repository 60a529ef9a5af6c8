/** Human labels for referrals: kinds, statuses, sections, notification kinds, people without names. */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NOTIFICATION_KINDS } from '../../../../src/modules/referrals/contract';
import {
  REFERRAL_STATUSES,
  type ReferralKind,
  type ReferralSection,
  type ReferralStatus,
  SENSITIVE_SECTIONS,
} from '../../../../src/modules/referrals/sections';
import { useCountryList } from '../registry/labels';

export function isReferralStatus(value: string): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly string[]).includes(value);
}

export function isSensitiveSection(section: ReferralSection): boolean {
  return SENSITIVE_SECTIONS.includes(section);
}

export function kindLabel(kind: ReferralKind, t: TFunction): string {
  return t(`referrals.kinds.${kind}`);
}

export function referralStatusLabel(status: ReferralStatus, t: TFunction): string {
  return t(`referrals.statuses.${status}`);
}

/** Pending orange, accepted green, declined red, revoked grey. */
export function referralStatusColor(status: ReferralStatus): string {
  switch (status) {
    case 'pending':
      return 'orange';
    case 'accepted':
      return 'green';
    case 'declined':
      return 'red';
    default:
      return 'gray';
  }
}

export function sectionLabel(section: ReferralSection, t: TFunction): string {
  return t(`referrals.sections.${section}`);
}

export function sectionHint(section: ReferralSection, t: TFunction): string {
  return t(`referrals.sectionHints.${section}`);
}

type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function notificationKindLabel(kind: NotificationKind | string, t: TFunction): string {
  switch (kind) {
    case 'referral.received':
      return t('notifications.kinds.received');
    case 'referral.accepted':
      return t('notifications.kinds.accepted');
    case 'referral.declined':
      return t('notifications.kinds.declined');
    case 'referral.revoked':
      return t('notifications.kinds.revoked');
    case 'referral.message':
      return t('notifications.kinds.message');
    case 'referral.overdue':
      return t('notifications.kinds.overdue');
    default:
      return kind;
  }
}

const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export function sexLabel(sex: string, t: TFunction): string {
  return (SEXES as readonly string[]).includes(sex)
    ? t(`registry.sexes.${sex as (typeof SEXES)[number]}`)
    : sex;
}

/** The person as a referral summary shows them: "A. H. · Femme · âge : 34 · Syrie", never their name. */
export function usePersonFacts(): (p: {
  personInitials: string;
  personSex: string;
  personAgeYears: number | null;
  nationalities: string[];
}) => string {
  const { t } = useTranslation();
  const countries = useCountryList();
  return useCallback(
    (p) =>
      [
        p.personInitials,
        sexLabel(p.personSex, t),
        p.personAgeYears === null ? null : t('referrals.person.age', { age: p.personAgeYears }),
        p.nationalities.length > 0 ? countries(p.nationalities) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    [t, countries],
  );
}

/** Why the system revoked a referral (a code), or the reason a person wrote, as is. */
export function revokedReasonLabel(reason: string, t: TFunction): string {
  switch (reason) {
    case 'consent_withdrawn':
      return t('referrals.detail.consentWithdrawn');
    case 'case_transferred':
      return t('referrals.detail.caseTransferred');
    default:
      return reason;
  }
}

/** Who receives it: the office (code and name) or the partner organisation. */
export function recipientLabel(
  r: { toOffice: { code: string; name: string } | null; partnerName: string | null },
  t: TFunction,
): string {
  if (r.toOffice) return `${r.toOffice.name} (${r.toOffice.code})`;
  return t('referrals.partnerNamed', { name: r.partnerName ?? '' });
}
