import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMessage, fieldErrors, negotiateLanguage } from './index';
import { messages } from './messages';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('server messages', () => {
  it('are complete in French and English', () => {
    expect(keysOf(messages.fr).sort()).toEqual(keysOf(messages.en).sort());
    for (const lang of ['fr', 'en'] as const)
      for (const key of keysOf(messages[lang])) expect(key).not.toBe('');
  });

  it('interpolate parameters', () => {
    expect(errorMessage('en', 'office_inactive', { code: 'PAR' })).toContain('PAR');
    expect(errorMessage('fr', 'too_many_attempts', { when: 'dans 2 minutes' })).toContain('dans 2 minutes');
  });

  it('write numbers and dates in the reader’s language', () => {
    expect(errorMessage('en', 'body_too_large', { limit: 262144 })).toContain('262,144 bytes');
    expect(errorMessage('fr', 'body_too_large', { limit: 262144 })).toContain('262\u202f144 octets');
    expect(errorMessage('en', 'follow_up_not_due', { month: 3, due: '2026-06-02' })).toContain('2 June 2026');
    expect(errorMessage('fr', 'follow_up_not_due', { month: 3, due: '2026-06-02' })).toContain('2 juin 2026');
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE, fr;q=0.5, en;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['ar', 'fr'],
    ['en;q=0', 'fr'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('fieldErrors', () => {
  const schema = z.strictObject({
    name: z.string().min(3),
    age: z.number(),
    country: z.string().regex(/^[A-Z]{2}$/, 'country_code'),
  });
  const issues = (input: unknown) => {
    const r = schema.safeParse(input);
    if (r.success) throw new Error('expected failure');
    return r.error.issues;
  };

  it('localises messages and names the field', () => {
    const fr = fieldErrors('fr', issues({ name: 'a', age: 1, country: 'FR' }));
    expect(fr).toEqual([{ path: 'name', code: 'too_small', message: expect.stringMatching(/3/) }]);
    expect(fr[0]?.message).toMatch(/caractères/);
    const en = fieldErrors('en', issues({ name: 'a', age: 1, country: 'FR' }));
    expect(en[0]?.message).toMatch(/characters/);
  });

  it('says a missing field is required and a wrong type what it expects', () => {
    const errors = fieldErrors('en', issues({ name: 'abc', country: 'FR' }));
    expect(errors).toEqual([{ path: 'age', code: 'invalid_type', message: 'Required.' }]);
    const wrong = fieldErrors(
      'en',
      issues({ name: 'abc', age: 'x', country: 'FR' }).map((i) => ({
        ...i,
        message: 'Invalid input: expected number, received string',
      })),
    );
    expect(wrong[0]?.message).toBe('Wrong type: expected a number.');
  });

  it('uses catalogue keys given as custom messages', () => {
    expect(fieldErrors('fr', issues({ name: 'abc', age: 1, country: 'fr' }))[0]?.message).toMatch(
      /code pays ISO/,
    );
  });

  it('reports each unknown field on its own path', () => {
    expect(fieldErrors('en', issues({ name: 'abc', age: 1, country: 'FR', isAdmin: true }))).toEqual([
      { path: 'isAdmin', code: 'unknown_field', message: 'Unknown field "isAdmin".' },
    ]);
  });
});
