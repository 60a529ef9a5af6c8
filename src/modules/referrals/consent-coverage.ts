/**
 * Whether a recorded consent covers sharing with a recipient. Consent recipients are written by people
 * ("Bureau de Tirana", "Tirana office and partner NGO", "Shelter Different and Equal"): a consent covers an
 * office when it names the office's code, name or city, and a partner when it names the partner.
 */

import { normaliseName } from '../registry';
import { REFERRAL_CONSENT_PURPOSES } from './sections';

export type ConsentFacts = { purpose: string; recipient: string; withdrawnOn: string | null };
export type Recipient = { names: readonly string[] };

function words(value: string): string[] {
  return normaliseName(value).split(' ').filter(Boolean);
}

/** True when every word of `needle` appears, in order and contiguously, among the words of `haystack`. */
function containsPhrase(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function namesRecipient(consentRecipient: string, recipient: Recipient): boolean {
  const hay = words(consentRecipient);
  return recipient.names.some((name) => containsPhrase(hay, words(name)));
}

export type Coverage = 'covers' | 'withdrawn' | 'wrong_purpose' | 'wrong_recipient';

export function consentCoverage(consent: ConsentFacts, recipient: Recipient): Coverage {
  if (consent.withdrawnOn) return 'withdrawn';
  if (!(REFERRAL_CONSENT_PURPOSES as readonly string[]).includes(consent.purpose)) return 'wrong_purpose';
  if (!namesRecipient(consent.recipient, recipient)) return 'wrong_recipient';
  return 'covers';
}

/** The names an office answers to in a consent: code, name (each part of a bilingual name) and city. */
export function officeNames(office: { code: string; name: string; city: string }): string[] {
  return [office.code, office.city, ...office.name.split('/').map((s) => s.trim())].filter(Boolean);
}
