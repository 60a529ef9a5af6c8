/**
 * What a referral or transfer may carry. The sender chooses sections; the receiver sees exactly those.
 * Browser-safe: the web app offers the same list with the same default.
 */
export const REFERRAL_SECTIONS = [
  /** Names (all scripts), sex, birth date, nationalities, languages, place of origin, contact. */
  'identity',
  /** Identity documents: type, issuing country, expiry and the masked number. */
  'documents',
  /** Specific needs other than trafficking and medical codes. */
  'needs_summary',
  /** The sender's account of the person's reintegration needs, written on the referral. */
  'reintegration_needs',
  /** Fitness to travel and medical specific needs (special category: health data). */
  'medical_fitness',
  /** Household members and their relationship to the person. */
  'household',
  /** The case's steps so far and its non-confidential notes. */
  'case_history',
  /** Files attached to the case (names and types; downloads by the owner only). */
  'attachments',
  /** That the person is a victim of trafficking, and the trafficking specific-needs codes (TR-*). */
  'trafficking_details',
  /** Confidential notes. */
  'confidential_notes',
] as const;
export type ReferralSection = (typeof REFERRAL_SECTIONS)[number];

/** Special categories: never in the default, always a deliberate choice. */
export const SENSITIVE_SECTIONS: readonly ReferralSection[] = ['trafficking_details', 'confidential_notes'];

/** The safe default: what the receiver needs to assist, without trafficking details or confidential notes. */
export const DEFAULT_SECTIONS: readonly ReferralSection[] = [
  'identity',
  'needs_summary',
  'reintegration_needs',
  'case_history',
];

export const REFERRAL_KINDS = ['referral', 'transfer'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Consent purposes that cover sharing a case with another office or a partner. */
export const REFERRAL_CONSENT_PURPOSES = ['referral', 'data_sharing'] as const;

/** Specific-needs codes carried by the medical section (mental illness, disability, serious medical condition). */
export function isMedicalNeed(code: string): boolean {
  return /^(SM|DS)(-|$)/.test(code);
}

export function isTraffickingNeed(code: string): boolean {
  return /^TR(-|$)/.test(code);
}

/** Which section a specific-needs code travels in. */
export function sectionOfNeed(code: string): ReferralSection {
  if (isTraffickingNeed(code)) return 'trafficking_details';
  if (isMedicalNeed(code)) return 'medical_fitness';
  return 'needs_summary';
}

/** Sections in their canonical order, without duplicates; identity always travels with a transfer. */
export function normaliseSections(
  sections: readonly ReferralSection[],
  kind: ReferralKind,
): ReferralSection[] {
  const chosen = new Set(sections);
  if (kind === 'transfer') chosen.add('identity');
  return REFERRAL_SECTIONS.filter((s) => chosen.has(s));
}

/** Sections withheld from the new owner after a transfer: every section the sender did not share. */
export function withheldSections(shared: readonly ReferralSection[]): ReferralSection[] {
  return REFERRAL_SECTIONS.filter((s) => !shared.includes(s));
}
