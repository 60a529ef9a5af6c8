import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './field-crypto';

const key = Buffer.alloc(32, 7);

describe('field cipher', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const c = createFieldCipher(key);
    const a = c.encrypt('AB1234567');
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain('AB1234567');
    expect(c.encrypt('AB1234567')).not.toBe(a);
    expect(c.decrypt(a)).toBe('AB1234567');
  });

  it('detects tampering and a wrong key', () => {
    const c = createFieldCipher(key);
    const sealed = c.encrypt('secret');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => c.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
    expect(() => createFieldCipher(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
  });

  it('gives a stable, key-dependent blind index', () => {
    const c = createFieldCipher(key);
    expect(c.blindIndex('AB123')).toBe(c.blindIndex('AB123'));
    expect(c.blindIndex('AB123')).not.toBe(createFieldCipher(Buffer.alloc(32, 9)).blindIndex('AB123'));
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createFieldCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
