/**
 * Who may see a referral, from which side, what they read of it and who writes in its thread: the
 * referrals module's access rules in one place. The trafficking rule is platform/sensitivity's.
 */
import { or, type SQL, sql } from 'drizzle-orm';
import { type Actor, can, inScope, scopeOf } from '../../platform/actor';
import { ROLE_DEFINITIONS } from '../../platform/permissions';
import { seesSensitive, sensitiveVisible } from '../../platform/sensitivity';
import { cases } from '../cases/tables';
import { referrals } from './tables';

/** A referral as the rules see it: its two offices and whether its case is a trafficking case. */
export type ReferralFacts = { fromOfficeId: string; toOfficeId: string | null; caseSensitive: boolean };

/**
 * Referrals the actor may see (the referral joined with its case): as sender (referrals.read in the sending
 * office, and cases.sensitive there for a trafficking case) or as receiver (referrals.read in the receiving
 * office; what the receiver then reads is limited to the shared sections).
 */
export function visibleReferrals(actor: Actor): SQL {
  const read = scopeOf(actor, 'referrals.read');
  return or(sensitiveVisibleFromSender(actor, read), inScope(referrals.toOfficeId, read)) as SQL;
}

function sensitiveVisibleFromSender(actor: Actor, read: ReturnType<typeof scopeOf>): SQL {
  return sql`(${inScope(referrals.fromOfficeId, read)} and ${sensitiveVisible(actor, cases.sensitive, referrals.fromOfficeId)})`;
}

/** The same rule for a referral in hand. */
export const maySeeReferral = (actor: Actor, r: ReferralFacts): boolean =>
  (can(actor, 'referrals.read', r.fromOfficeId) &&
    (!r.caseSensitive || seesSensitive(actor, r.fromOfficeId))) ||
  (r.toOfficeId !== null && can(actor, 'referrals.read', r.toOfficeId));

/** May the actor answer (accept, decline) a referral addressed to their office? */
export const mayRespond = (actor: Actor, r: ReferralFacts): boolean =>
  r.toOfficeId !== null && can(actor, 'referrals.respond', r.toOfficeId);

export type Side = 'sender' | 'receiver';

/** The actor's side: the sender when they read referrals in the sending office. */
export function sideOf(actor: Actor, r: { row: { fromOfficeId: string } }): Side {
  return can(actor, 'referrals.read', r.row.fromOfficeId) ? 'sender' : 'receiver';
}

/** Whether the reader sees the sensitive sections: cases.sensitive in the office they read from. */
export function readerSeesSensitive(
  actor: Actor,
  r: { row: { fromOfficeId: string; toOfficeId: string | null } },
  side: Side,
): boolean {
  const office = side === 'sender' ? r.row.fromOfficeId : r.row.toOfficeId;
  return office !== null && seesSensitive(actor, office);
}

/**
 * Whether the actor writes in threads for the office: staff reading referrals there through an office role.
 * Oversight roles (DPO) read every office's referrals but do not write in their threads, even when their
 * global role is recorded as a membership of that office.
 */
export function writesThread(actor: Actor, officeId: string): boolean {
  return actor.memberships.some((m) => {
    const role: { scope: string; permissions: readonly string[] } = ROLE_DEFINITIONS[m.role];
    return m.officeId === officeId && role.scope === 'office' && role.permissions.includes('referrals.read');
  });
}
