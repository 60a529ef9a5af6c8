import { describe, expect, it } from 'vitest';
import { hashPassword, randomToken, sha256Hex, temporaryPassword, verifyPassword } from './crypto';

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'wrong')).toBe(false);
  });

  it('never match a malformed hash', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('temporary passwords are long, readable and distinct', () => {
    const a = temporaryPassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(a).not.toMatch(/[01lIoO]/);
    expect(temporaryPassword()).not.toBe(a);
  });
});

describe('tokens', () => {
  it('are 256-bit url-safe strings', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sha256Hex('x')).toHaveLength(64);
  });
});
