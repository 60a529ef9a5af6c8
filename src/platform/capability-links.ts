/**
 * Links for people without accounts (a referral's partner, a reception service): the link is the
 * credential. The token is random (256 bits) and only its SHA-256 is stored, like session tokens, so a
 * tampered or guessed link matches nothing and a copy of the database opens nothing. A link expires and can
 * be revoked; the owning module keeps the row (which record it opens) and decides what it shows.
 */
import { randomToken, sha256Hex } from './crypto';
import { AppError } from './errors';

const DAY_MS = 86_400_000;

export type NewCapability = { token: string; tokenHash: string; expiresAt: Date };

/** A new link's token (given once, to the person who passes it on), its stored hash and its expiry. */
export function newCapability(now: Date, validDays: number): NewCapability {
  const token = randomToken(32);
  return { token, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + validDays * DAY_MS) };
}

/** The stored hash a presented token is looked up by. */
export const capabilityHash = (token: string): string => sha256Hex(token);

/**
 * The link a token opens, or the refusal: no link (tampered, unknown) is 404 `partner_link_invalid`; an
 * expired or revoked one, or one whose record no longer allows it (`ended`), is 410 `partner_link_expired`.
 */
export function liveCapability<L extends { expiresAt: Date; revokedAt: Date | null }>(
  link: L | undefined,
  now: Date,
  ended = false,
): L {
  if (!link) throw new AppError('partner_link_invalid');
  if (link.revokedAt || link.expiresAt <= now || ended) throw new AppError('partner_link_expired');
  return link;
}
