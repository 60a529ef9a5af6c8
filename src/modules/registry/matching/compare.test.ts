import { describe, expect, it } from 'vitest';
import { rankCandidates } from './candidates';
import { comparePersons } from './compare';
import { blockingKeys } from './keys';
import type { MatchPerson, MatchReason } from './types';
import { MATCH_THRESHOLD } from './weights';

const person = (id: string, fields: Omit<MatchPerson, 'id'>): MatchPerson => ({ id, ...fields });
const codes = (reasons: MatchReason[]) => reasons.map((reason) => reason.code);

const paris = person('paris', {
  names: [{ given: 'Mohammed', family: 'Al-Hassan', father: 'Ahmed' }],
  sex: 'male',
  birthDate: '1990-03-12',
  nationality: 'IRQ',
});

describe('comparePersons', () => {
  it('matches the issue example across scripts and with a 01-01 placeholder date', () => {
    const erbil = person('erbil', {
      names: [{ given: 'محمد', family: 'الحسن', father: 'أحمد' }],
      sex: 'male',
      birthDate: '1990-01-01',
      nationality: 'IRQ',
    });
    const result = comparePersons(paris, erbil);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({
      code: 'name.transliteration',
      part: 'family',
      a: 'Al-Hassan',
      b: 'الحسن',
    });
    expect(result.reasons).toContainEqual({ code: 'birthDate.placeholder' });
  });

  it('reports a spelling variant and a day/month swap', () => {
    const partner = person('list', {
      names: [{ full: 'Muhamad Ahmed Alhasan' }],
      sex: 'male',
      birthDate: '1990-12-03',
      nationality: 'IRQ',
    });
    const result = comparePersons(paris, partner);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({
      code: 'name.variant',
      part: 'given',
      a: 'Mohammed',
      b: 'Muhamad',
    });
    expect(codes(result.reasons)).toContain('birthDate.dayMonthSwapped');
  });

  it('recognises a swapped name order and a year off by one', () => {
    const swapped = person('swapped', {
      names: [{ given: 'Al-Hassan', family: 'Mohammed', father: 'Ahmed' }],
      sex: 'male',
      birthDate: '1991-03-12',
      nationality: 'IRQ',
    });
    const result = comparePersons(paris, swapped);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({ code: 'name.orderSwapped' });
    expect(result.reasons).toContainEqual({ code: 'birthDate.yearOff', years: 1 });
  });

  it('recognises a typo', () => {
    const typo = person('typo', {
      ...paris,
      names: [{ given: 'Mohammed', family: 'Al-Hassam', father: 'Ahmed' }],
    });
    const result = comparePersons(paris, typo);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({
      code: 'name.typo',
      part: 'family',
      a: 'Al-Hassan',
      b: 'Al-Hassam',
    });
  });

  it('sees a typo in the written name that folding hides', () => {
    // "Youssef" folds to the canonical "yusuf", "Youssey" does not: one letter apart as written.
    const typo = person('typo', {
      ...paris,
      names: [{ given: 'Youssey', family: 'Al-Hassan', father: 'Ahmed' }],
    });
    const youssef = person('y', {
      ...paris,
      names: [{ given: 'Youssef', family: 'Al-Hassan', father: 'Ahmed' }],
    });
    const result = comparePersons(youssef, typo);
    expect(result.reasons).toContainEqual({ code: 'name.typo', part: 'given', a: 'Youssef', b: 'Youssey' });
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('reads g and h alike between Latin spellings of Ukrainian names', () => {
    const kyiv = person('kyiv', {
      names: [{ given: 'Halyna', family: 'Hutsuk' }],
      sex: 'female',
      birthDate: '1984-03-09',
      nationality: 'UKR',
    });
    const russianStyle = { ...kyiv, id: 'ru', names: [{ given: 'Galina', family: 'Gutsuk' }] };
    const result = comparePersons(kyiv, russianStyle);
    expect(codes(result.reasons).slice(0, 2)).toEqual(['name.variant', 'name.variant']);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Without a Cyrillic-writing nationality, Galina and Halyna are not assumed alike.
    const unknown = comparePersons({ ...kyiv, nationality: 'SYR' }, { ...russianStyle, nationality: 'SYR' });
    expect(unknown.reasons).toContainEqual({
      code: 'name.conflict',
      part: 'given',
      a: 'Halyna',
      b: 'Galina',
    });
  });

  it('reports a sex conflict and lowers the score', () => {
    const other = { ...paris, id: 'other', sex: 'female' as const };
    const result = comparePersons(paris, other);
    expect(codes(result.reasons)).toContain('sex.conflict');
    expect(result.score).toBeLessThan(comparePersons(paris, { ...paris, id: 'same' }).score);
  });

  it('says when the birth date is missing or conflicts', () => {
    expect(codes(comparePersons(paris, { ...paris, id: 'x', birthDate: null }).reasons)).toContain(
      'birthDate.missing',
    );
    expect(comparePersons(paris, { ...paris, id: 'y', birthDate: '1980-03-12' }).reasons).toContainEqual({
      code: 'birthDate.conflict',
      years: 10,
    });
  });

  it('matches Ukrainian records in Cyrillic, Latin and German spellings', () => {
    const kyiv = person('kyiv', {
      names: [{ given: 'Тарас', family: 'Шевченко' }],
      sex: 'male',
      birthDate: '1984-03-09',
      nationality: 'UKR',
    });
    const berlin = person('berlin', {
      names: [{ given: 'Taras', family: 'Schewtschenko' }],
      sex: 'male',
      birthDate: '1984-03-09',
      nationality: 'UKR',
    });
    const result = comparePersons(kyiv, berlin);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(codes(result.reasons)).toEqual([
      'name.transliteration',
      'name.transliteration',
      'birthDate.same',
      'sex.same',
    ]);
  });
});

describe('households are not duplicates', () => {
  const family = { family: 'Al-Hassan', father: 'Ahmed' };
  const sibling = (id: string, given: string, birthDate: string, sex: 'male' | 'female'): MatchPerson =>
    person(id, { names: [{ given, ...family }], sex, birthDate, nationality: 'SYR' });

  it('siblings with different given names score below the threshold', () => {
    const result = comparePersons(
      sibling('a', 'Omar', '2001-05-02', 'male'),
      sibling('b', 'Youssef', '2003-07-19', 'male'),
    );
    expect(result.score).toBeLessThan(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({ code: 'name.conflict', part: 'given', a: 'Omar', b: 'Youssef' });
  });

  it('twins (same birth date, same family and father) with different given names stay below it', () => {
    const result = comparePersons(
      sibling('a', 'Omar', '2001-05-02', 'male'),
      sibling('b', 'Ali', '2001-05-02', 'male'),
    );
    expect(result.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('a brother and a sister whose names differ by a letter (Drita / Dritan) stay below it', () => {
    const result = comparePersons(
      sibling('a', 'Drita', '2001-05-02', 'female'),
      sibling('b', 'Dritan', '2001-05-02', 'male'),
    );
    expect(result.score).toBeLessThan(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({ code: 'name.conflict', part: 'given', a: 'Drita', b: 'Dritan' });
  });

  it('a written one-letter difference between two names common in the registry is two names', () => {
    // Youssef folds to "yusuf" and Youssey does not: only the written forms are a typo apart. When both
    // are common (1% of 20,000 nationals each), they are two names; when one is rare, a typo.
    const common = {
      total: 100_000,
      count: (key: string) => (key.startsWith('n:') ? 20_000 : key.startsWith('g:') ? 200 : 20),
    };
    const a = sibling('a', 'Youssef', '2001-05-02', 'male');
    const b = sibling('b', 'Youssey', '2001-05-02', 'male');
    const twoNames = comparePersons(a, b, { frequencies: common });
    expect(twoNames.score).toBeLessThan(MATCH_THRESHOLD);
    expect(twoNames.reasons).toContainEqual({
      code: 'name.conflict',
      part: 'given',
      a: 'Youssef',
      b: 'Youssey',
    });
    const rare = {
      ...common,
      count: (key: string) => (key === 'g:SYR:jsf' ? 200 : key.startsWith('g:') ? 1 : common.count(key)),
    };
    const typo = comparePersons(a, b, { frequencies: rare });
    expect(typo.reasons).toContainEqual({ code: 'name.typo', part: 'given', a: 'Youssef', b: 'Youssey' });
  });

  it('a parent and a child (child’s father = parent) stay below it', () => {
    const father = person('f', {
      names: [{ given: 'Ahmed', family: 'Al-Hassan' }],
      sex: 'male',
      birthDate: '1970-01-01',
    });
    const child = sibling('c', 'Omar', '1995-04-04', 'male');
    expect(comparePersons(father, child).score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('identity documents', () => {
  const passport = { type: 'passport', key: 'passport:IQ:5f1c9a' };
  const brother = person('brother', {
    names: [{ given: 'Omar', family: 'Al-Hassan', father: 'Ahmed' }],
    sex: 'male',
    birthDate: '1993-06-01',
    nationality: 'IRQ',
  });

  it('the same document proposes a pair whose given names differ, saying so', () => {
    expect(comparePersons(paris, brother).score).toBeLessThan(MATCH_THRESHOLD);
    const result = comparePersons(
      { ...paris, documents: [passport] },
      { ...brother, documents: [{ type: 'id_card', key: 'id_card:IQ:77aa' }, passport] },
    );
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.reasons).toContainEqual({ code: 'document.same', type: 'passport' });
    expect(codes(result.reasons)).toContain('name.conflict');
  });

  it('a different document says nothing (passports are renewed, people hold several)', () => {
    const a = comparePersons(paris, brother);
    const b = comparePersons(
      { ...paris, documents: [passport] },
      { ...brother, documents: [{ type: 'passport', key: 'passport:IQ:0000' }] },
    );
    expect(b.score).toBe(a.score);
    expect(codes(b.reasons)).not.toContain('document.same');
  });

  it('a shared document is a blocking key, whatever the names', () => {
    const stranger = person('x', { names: [{ given: 'Zzz', family: 'Qqq' }], documents: [passport] });
    expect(blockingKeys(stranger)).toContain(`x${passport.key}`);
    expect(blockingKeys({ ...paris, documents: [passport] })[0]).toBe(`x${passport.key}`);
  });
});

describe('rankCandidates', () => {
  it('keeps candidates at or above the threshold, best first, and skips the person itself', () => {
    const { id: _, ...fields } = paris;
    const exact = person('exact', fields);
    const variant = person('variant', {
      ...fields,
      names: [{ given: 'Muhammad', family: 'Alhasan' }],
      birthDate: '1990-01-01',
    });
    const brother = person('brother', {
      ...fields,
      names: [{ given: 'Omar', family: 'Al-Hassan', father: 'Ahmed' }],
    });
    const ranked = rankCandidates(paris, [brother, variant, paris, exact]);
    expect(ranked.map((match) => match.id)).toEqual(['exact', 'variant']);
    expect(ranked[0]?.reasons).toContainEqual({ code: 'birthDate.same' });
  });
});
