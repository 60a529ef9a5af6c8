import { describe, expect, it } from 'vitest';
import { blockingKeys } from './keys';
import { assertMatchableName, checkName, checkPerson, NameValidationError } from './validate';

describe('checkName', () => {
  it.each([
    ['', 'name.empty'],
    ['   ', 'name.empty'],
    [null, 'name.empty'],
    ['--- ...', 'name.noLetters'],
    ['1234', 'name.noLetters'],
  ])('%j → %s', (name, code) => {
    const check = checkName(name);
    expect(check.ok).toBe(false);
    expect(check.problems.map((problem) => problem.code)).toEqual([code]);
  });

  it('refuses names over 200 characters', () => {
    const check = checkName('a'.repeat(201));
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      { code: 'name.tooLong', severity: 'error', length: 201, maxLength: 200 },
    ]);
    expect(checkName('a'.repeat(200)).ok).toBe(true);
  });

  it('accepts a token mixing scripts but reports it', () => {
    const check = checkName('Moha محمد med Шевchenko');
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([
      { code: 'name.mixedScripts', severity: 'warning', token: 'Шевchenko', scripts: ['cyrillic', 'latin'] },
    ]);
  });

  it('accepts ordinary names in any script', () => {
    for (const name of ['Mohammed Al-Hassan', 'محمد الحسن', 'Шевченко', "O'Brien", 'Hoxhë'])
      expect(checkName(name)).toEqual({ ok: true, problems: [] });
  });
});

describe('assertMatchableName', () => {
  it('throws a structured error with every problem', () => {
    try {
      assertMatchableName('!!!');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NameValidationError);
      expect((error as NameValidationError).code).toBe('name.noLetters');
    }
    expect(() => assertMatchableName('Arta')).not.toThrow();
  });
});

describe('checkPerson', () => {
  it('needs at least one matchable name', () => {
    const check = checkPerson({ id: 'p', names: [{ given: '...', family: '' }] });
    expect(check.ok).toBe(false);
    expect(check.problems.map((problem) => problem.code)).toContain('person.noName');
    expect(checkPerson({ id: 'p', names: [{ given: 'Arta', family: null }] }).ok).toBe(true);
  });

  it('a person without letters in any name has no blocking keys and matches nobody', () => {
    expect(
      blockingKeys({ id: 'p', names: [{ given: '---', family: '123' }], birthDate: '1990-01-01' }),
    ).toEqual([]);
  });

  it('a mixed-script token is transliterated run by run', () => {
    expect(blockingKeys({ id: 'p', names: [{ given: 'Taras', family: 'Шевchenko' }] })).toEqual(
      blockingKeys({ id: 'q', names: [{ given: 'Taras', family: 'Shevchenko' }] }),
    );
  });
});
