import { describe, expect, it } from 'vitest';
import { maskDocumentNumber, normaliseDocumentNumber, normaliseName, searchText } from './names';

describe('normaliseName', () => {
  it.each([
    ['Ševčenko', 'sevcenko'],
    ['Hoxhë Çela', 'hoxhe cela'],
    ['Al-Hassan', 'al hassan'],
    ['  MOHAMMED  ', 'mohammed'],
    ['Шевченко', 'шевченко'],
    ['محمد الحسن', 'محمد الحسن'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const name of ['Ševčenko', 'Hoxhë', 'محمد', "O'Brien-Smith"])
      expect(normaliseName(normaliseName(name))).toBe(normaliseName(name));
  });
});

describe('searchText', () => {
  it('joins distinct normalised names and skips empty ones', () => {
    expect(searchText(['Ševčenko', 'Sevcenko', null, 'Шевченко', ''])).toBe('sevcenko | шевченко');
  });
});

describe('document numbers', () => {
  it('compare without separators and case', () => {
    expect(normaliseDocumentNumber('ab 123-456/7')).toBe('AB1234567');
    expect(maskDocumentNumber('4567')).toBe('•••••4567');
  });
});
