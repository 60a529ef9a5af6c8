import { describe, expect, it } from 'vitest';
import { findDuplicatePairs } from './dedup';
import { blockingKeys } from './keys';
import type { MatchPerson } from './types';
import { MATCH_THRESHOLD } from './weights';

const sharesKey = (a: MatchPerson, b: MatchPerson) =>
  blockingKeys(a).some((key) => blockingKeys(b).includes(key));

const hassan: MatchPerson = {
  id: 'paris',
  names: [{ given: 'Mohammed', family: 'Al-Hassan' }],
  sex: 'male',
  birthDate: '1990-03-12',
  birthPrecision: 'day',
  nationality: 'IRQ',
};
const copies: MatchPerson[] = [
  hassan,
  { ...hassan, id: 'erbil', names: [{ given: 'محمد', family: 'الحسن' }], birthDate: '1990-01-01' },
  { ...hassan, id: 'partner', names: [{ full: 'Muhamad Alhasan' }], birthDate: '1990-12-03' },
  { ...hassan, id: 'swapped', names: [{ given: 'Hassan', family: 'Mohamed' }], birthDate: '1991-03-12' },
];

describe('blockingKeys', () => {
  it('gives every spelling of the same person a shared key', () => {
    for (const a of copies)
      for (const b of copies)
        expect({ a: a.id, b: b.id, shared: sharesKey(a, b) }).toMatchObject({ shared: true });
  });

  it('keeps keys few and short', () => {
    const many: MatchPerson = {
      id: 'x',
      names: [
        { given: 'Mohammed', family: 'Al-Hassan', father: 'Ahmed' },
        { given: 'محمد', family: 'الحسن', father: 'أحمد' },
        { full: 'Muhammad Ahmad Hasan' },
        { given: 'Mehmet', family: 'Hasanov' },
      ],
      birthDate: '1990-03-12',
    };
    const keys = blockingKeys(many);
    expect(keys.length).toBeLessThanOrEqual(12);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(24);
  });

  it('survives a missing birth date', () => {
    expect(sharesKey(hassan, { ...hassan, id: 'nodate', birthDate: null })).toBe(true);
  });
});

describe('findDuplicatePairs', () => {
  const household: MatchPerson[] = ['Omar', 'Youssef', 'Ali', 'Fatima'].map((given, k) => ({
    id: `child-${k}`,
    names: [{ given, family: 'Al-Hassan', father: 'Mohammed' }],
    sex: given === 'Fatima' ? 'female' : 'male',
    birthDate: `${2001 + k}-05-0${k + 1}`,
    nationality: 'IRQ',
  }));

  it('proposes every pair of the same person, with reasons, and no household member', async () => {
    const { pairs, stats } = await findDuplicatePairs([...copies, ...household]);
    const found = pairs.map((pair) => [pair.a, pair.b].sort().join('~')).sort();
    expect(found).toEqual(
      [
        'erbil~paris',
        'erbil~partner',
        'erbil~swapped',
        'paris~partner',
        'paris~swapped',
        'partner~swapped',
      ].sort(),
    );
    for (const pair of pairs) {
      expect(pair.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
      expect(pair.reasons.length).toBeGreaterThan(0);
    }
    expect(pairs.map((pair) => pair.score)).toEqual(
      [...pairs.map((pair) => pair.score)].sort((x, y) => y - x),
    );
    expect(stats.persons).toBe(8);
    expect(stats.comparisons).toBeGreaterThanOrEqual(6);
  });

  it('never proposes a pair decided "different"', async () => {
    const { pairs } = await findDuplicatePairs(copies, { excludedPairs: [['erbil', 'paris']] });
    expect(pairs.some((pair) => [pair.a, pair.b].sort().join('~') === 'erbil~paris')).toBe(false);
    expect(pairs).toHaveLength(5);
  });

  it('finds the same pairs on two threads', async () => {
    const population = [...copies, ...household];
    const single = await findDuplicatePairs(population);
    const threaded = await findDuplicatePairs(population, { threads: 2 });
    expect(threaded.pairs).toEqual(single.pairs);
    expect(threaded.stats.comparisons).toBe(single.stats.comparisons);
  });

  it('finds the same pairs with every comparison on worker threads', async () => {
    const population = [...copies, ...household];
    const single = await findDuplicatePairs(population);
    for (const threads of [1, 2]) {
      const offloaded = await findDuplicatePairs(population, { threads, offload: true });
      expect(offloaded.pairs).toEqual(single.pairs);
      expect(offloaded.stats.comparisons).toBe(single.stats.comparisons);
    }
  });

  it('accepts any iterable and an empty population', async () => {
    function* generate() {
      yield* copies;
    }
    expect((await findDuplicatePairs(generate())).pairs).toHaveLength(6);
    expect((await findDuplicatePairs([])).pairs).toEqual([]);
  });

  it('compares large blocks by sorted neighbourhood without losing close pairs', async () => {
    const crowd: MatchPerson[] = Array.from({ length: 60 }, (_, k) => ({
      id: `crowd-${k}`,
      names: [{ given: 'Mohammed', family: 'Al-Hassan' }],
      sex: 'male',
      birthDate: `${1950 + k}-06-15`,
      nationality: 'IRQ',
    }));
    const twin = { ...crowd[30], id: 'copy-30', birthDate: '1980-01-01' } as MatchPerson;
    const { pairs, stats } = await findDuplicatePairs([...crowd, twin], { maxBlockSize: 20, window: 5 });
    expect(stats.cappedBuckets).toBeGreaterThan(0);
    expect(pairs.map((pair) => [pair.a, pair.b].sort().join('~'))).toContain('copy-30~crowd-30');
  });
});
