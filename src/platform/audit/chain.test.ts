import { describe, expect, it } from 'vitest';
import { type ChainedFields, eventHash, GENESIS_HASH } from './chain';
import { diffFields } from './record';

const event: ChainedFields = {
  occurredAt: new Date('2026-03-02T09:00:00.000Z'),
  actorUserId: '7d1f0f7e-1111-4c4c-8888-000000000001',
  actorEmail: 'admin@passerelle.test',
  officeId: null,
  action: 'user.updated',
  recordType: 'user',
  recordId: 'u1',
  changes: { displayName: { old: 'A', new: 'B' }, locale: { old: 'fr', new: 'en' } },
  metadata: null,
  requestId: 'r1',
  ip: '127.0.0.1',
};

describe('eventHash', () => {
  it('is a sha-256 hex digest chained on the previous hash', () => {
    const h = eventHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(h, event)).not.toBe(h);
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    const reordered = {
      ...event,
      changes: { locale: { new: 'en', old: 'fr' }, displayName: { new: 'B', old: 'A' } },
    };
    expect(eventHash(GENESIS_HASH, reordered)).toBe(eventHash(GENESIS_HASH, event));
  });

  it('changes with any field', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(eventHash(GENESIS_HASH, { ...event, action: 'user.created' })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, occurredAt: new Date('2026-03-02T09:00:00.001Z') })).not.toBe(
      base,
    );
    expect(eventHash(GENESIS_HASH, { ...event, changes: { displayName: { old: 'A', new: 'C' } } })).not.toBe(
      base,
    );
  });
});

describe('diffFields', () => {
  it('lists only changed fields with old and new values', () => {
    expect(diffFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: 'z' }, ['a', 'b', 'c'])).toEqual({
      b: { old: 'x', new: 'y' },
      c: { old: null, new: 'z' },
    });
  });

  it('omits old values on creation', () => {
    expect(diffFields(null, { a: 1 }, ['a'])).toEqual({ a: { new: 1 } });
  });

  it('never records the value of a secret field', () => {
    expect(
      diffFields({ passwordHash: 'h1' }, { passwordHash: 'h2' }, ['passwordHash'], ['passwordHash']),
    ).toEqual({
      passwordHash: { new: '[changed]' },
    });
  });
});
