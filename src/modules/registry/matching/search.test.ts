import { describe, expect, it } from 'vitest';
import { rankSearch } from './search';
import type { MatchPerson } from './types';

const bondarenko: MatchPerson = {
  id: 'olek',
  names: [
    { given: 'Oleksandr', family: 'Bondarenko' },
    { given: 'Олександр', family: 'Бондаренко' },
  ],
  nationality: 'UA',
};
const hassan: MatchPerson = {
  id: 'mohammed',
  names: [{ given: 'Mohammed', family: 'Al-Hassan', father: 'Ahmed' }],
  nationality: 'IQ',
};
const alias: MatchPerson = {
  id: 'alias',
  names: [{ given: 'Muhamad', family: 'Alhasan' }, { full: 'Abu Ali' }],
  nationality: 'IQ',
};

describe('rankSearch', () => {
  it('explains a single word by the part it matches, never as a given name that differs', () => {
    const [found] = rankSearch('Бондаренко', [bondarenko]);
    expect(found?.reasons).toEqual([{ code: 'name.same', part: 'family', a: 'Бондаренко', b: 'Бондаренко' }]);
    const [latin] = rankSearch('Bondarenko', [{ ...bondarenko, names: [bondarenko.names[0] ?? {}] }]);
    expect(latin?.reasons).toEqual([{ code: 'name.same', part: 'family', a: 'Bondarenko', b: 'Bondarenko' }]);
    const [crossScript] = rankSearch('Бондаренко', [{ ...bondarenko, names: [bondarenko.names[0] ?? {}] }]);
    expect(crossScript?.reasons).toEqual([
      { code: 'name.transliteration', part: 'family', a: 'Бондаренко', b: 'Bondarenko' },
    ]);
  });

  it('gives one reason per word typed, in any order and script', () => {
    const [found] = rankSearch('الحسن محمد', [hassan]);
    expect(found?.reasons).toEqual([
      { code: 'name.transliteration', part: 'family', a: 'الحسن', b: 'Al-Hassan' },
      { code: 'name.transliteration', part: 'given', a: 'محمد', b: 'Mohammed' },
    ]);
    expect(found?.score).toBeCloseTo(0.93);
  });

  it('ranks the exact spelling above a variant, and finds words in aliases', () => {
    const ranked = rankSearch('Muhamad Alhasan', [hassan, alias]);
    expect(ranked.map((m) => m.id)).toEqual(['alias', 'mohammed']);
    expect(ranked[0]?.score).toBe(1);
    expect(ranked[1]?.reasons.map((r) => r.code)).toEqual(['name.variant', 'name.variant']);
    const [byAlias] = rankSearch('abu ali', [alias]);
    expect(byAlias?.score).toBe(1);
  });

  it('answers nothing for a query without letters', () => {
    expect(rankSearch('1234 --', [hassan])).toEqual([]);
  });
});
