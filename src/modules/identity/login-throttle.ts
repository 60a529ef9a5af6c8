/**
 * Growing delays after failed sign-ins, without lockouts (ADR 0012). Failures are counted per key:
 *
 * - `pair`: one client address on one account. A few free tries, then delays that double. This is what
 *   slows a guesser, and it touches no one else: the owner signing in from another address is not slowed.
 * - `address`: one address on any account (a credential-stuffing client), with a higher threshold, since
 *   an office behind one NAT address has many honest users.
 * - `account`: one account from every address (a spread-out attack), with a much higher threshold; a
 *   browser that has signed in to the account before (a known device) is not slowed by it.
 *
 * Every key is derived from what the client typed, never from whether the account exists, so an unknown
 * address and a real one answer exactly alike. A delayed attempt is answered before the password is
 * looked at: delays give no password oracle either.
 */
import { createHash } from 'node:crypto';

export type ThrottleScope = 'pair' | 'address' | 'account';

export type ThrottlePolicy = {
  /** Failures of one address on one account before delays begin. */
  maxFailures: number;
  /** The longest delay, in minutes. */
  maxDelayMinutes: number;
};

/** The first delay; each further failure doubles it, up to the policy's longest. */
export const FIRST_DELAY_MS = 30_000;
/** Failures are forgotten after a day without any. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/** Failures allowed per key before delays begin, from the per-account-and-address setting. */
export function thresholdOf(scope: ThrottleScope, maxFailures: number): number {
  switch (scope) {
    case 'pair':
      return maxFailures;
    case 'address':
      return maxFailures * 10;
    case 'account':
      return maxFailures * 10;
  }
}

/** How long a key is delayed after its `failures`-th failure: 0 below the threshold, then doubling. */
export function delayAfter(failures: number, threshold: number, maxDelayMs: number): number {
  if (failures < threshold) return 0;
  return Math.min(maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(failures - threshold, 30));
}

export const accountHash = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export type ThrottleKey = { key: string; scope: ThrottleScope; accountHash: string | null };

/** The three keys of an attempt. */
export function throttleKeys(email: string, address: string): ThrottleKey[] {
  const account = accountHash(email);
  return [
    { key: `pair:${account}:${address}`, scope: 'pair', accountHash: account },
    { key: `address:${address}`, scope: 'address', accountHash: null },
    { key: `account:${account}`, scope: 'account', accountHash: account },
  ];
}

/**
 * How long the attempt must still wait (0: go ahead), given the keys' current state. A known device of the
 * account is not held back by the account-wide key.
 */
export function waitFor(
  rows: readonly { key: string; blockedUntil: Date | null }[],
  keys: readonly ThrottleKey[],
  now: Date,
  knownDevice: boolean,
): number {
  let wait = 0;
  for (const key of keys) {
    if (key.scope === 'account' && knownDevice) continue;
    const until = rows.find((r) => r.key === key.key)?.blockedUntil;
    if (until) wait = Math.max(wait, until.getTime() - now.getTime());
  }
  return Math.max(0, wait);
}
