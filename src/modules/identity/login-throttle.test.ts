import { describe, expect, it } from 'vitest';
import {
  accountHash,
  delayAfter,
  FIRST_DELAY_MS,
  thresholdOf,
  throttleKeys,
  waitFor,
} from './login-throttle';

const MAX = 15 * 60_000;

describe('delayAfter', () => {
  it('lets the first failures through, then doubles the delay up to the longest', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n, 5, MAX))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(n, 5, MAX))).toEqual([
      FIRST_DELAY_MS,
      2 * FIRST_DELAY_MS,
      4 * FIRST_DELAY_MS,
      8 * FIRST_DELAY_MS,
      16 * FIRST_DELAY_MS,
    ]);
    expect(delayAfter(10, 5, MAX)).toBe(MAX);
    expect(delayAfter(10_000, 5, MAX)).toBe(MAX);
  });
});

describe('thresholdOf', () => {
  it('is lowest for one address on one account and highest for an account from everywhere', () => {
    expect(['pair', 'address', 'account'].map((s) => thresholdOf(s as 'pair', 5))).toEqual([5, 50, 50]);
  });
});

describe('throttleKeys', () => {
  it('derives the same keys for the same email however it is typed, never holding it in clear', () => {
    const keys = throttleKeys(' Amina@Example.org ', '10.0.0.7');
    expect(keys.map((k) => k.scope)).toEqual(['pair', 'address', 'account']);
    expect(keys).toEqual(throttleKeys('amina@example.org', '10.0.0.7'));
    expect(JSON.stringify(keys)).not.toContain('amina');
    expect(keys[0]?.accountHash).toBe(accountHash('amina@example.org'));
    expect(keys[1]).toEqual({ key: 'address:10.0.0.7', scope: 'address', accountHash: null });
  });
});

describe('waitFor', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const keys = throttleKeys('a@x.test', '10.0.0.7');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('waits for the longest delay among the keys, and not for delays already over', () => {
    const rows = [
      { key: keys[0]?.key ?? '', blockedUntil: later(30_000) },
      { key: keys[1]?.key ?? '', blockedUntil: later(90_000) },
      { key: keys[2]?.key ?? '', blockedUntil: later(-5_000) },
    ];
    expect(waitFor(rows, keys, now, false)).toBe(90_000);
    expect(waitFor([], keys, now, false)).toBe(0);
  });

  it('does not hold a known device back for failures made on the account from elsewhere', () => {
    const rows = [{ key: keys[2]?.key ?? '', blockedUntil: later(600_000) }];
    expect(waitFor(rows, keys, now, false)).toBe(600_000);
    expect(waitFor(rows, keys, now, true)).toBe(0);
  });
});
