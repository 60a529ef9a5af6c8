import { describe, expect, it } from 'vitest';
import { owningOfficeFor } from './policy';

describe('owningOfficeFor', () => {
  it.each([
    [['paris'], undefined, 'paris'],
    [['paris'], 'paris', 'paris'],
    [['paris'], 'tirana', 'forbidden'],
    [['paris', 'tirana'], undefined, null],
    [['paris', 'tirana'], 'tirana', 'tirana'],
    ['all', undefined, null],
    ['all', 'rabat', 'rabat'],
    [[], undefined, null],
    [[], 'paris', 'forbidden'],
  ] as const)('scope %j asking %j → %j', (scope, asked, expected) => {
    expect(owningOfficeFor(scope === 'all' ? 'all' : [...scope], asked)).toBe(expected);
  });
});
