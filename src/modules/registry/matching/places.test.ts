import { describe, expect, it } from 'vitest';
import { comparePersons } from './compare';
import { findDuplicatePairs } from './dedup';
import { blockingKeys, frequencyKeys } from './keys';
import type { MatchPerson, MatchReason, NameFrequencies } from './types';
import { MATCH_THRESHOLD, PLACE } from './weights';

const person = (id: string, fields: Omit<MatchPerson, 'id'>): MatchPerson => ({ id, ...fields });
const placeReason = (reasons: MatchReason[]) => reasons.find((reason) => reason.code.startsWith('place.'));
const logit = (score: number) => Math.log(score / (1 - score));

/**
 * A registry of 200,000 nationals: given and father's names 1%, family names 0.1%, each place with the
 * given count.
 */
function frequencies(places: Record<string, number>): NameFrequencies {
  const shares: Record<string, number> = { n: 200_000, g: 2000, p: 2000, f: 200 };
  return {
    total: 1_000_000,
    count: (key) => (key.startsWith('o:') ? (places[key] ?? 0) : (shares[key.charAt(0)] ?? 0)),
  };
}

/** The same rare name, no birth date on one record: the place decides. */
const base = person('a', {
  names: [{ given: 'Karwan', family: 'Qaradaghi' }],
  sex: 'male',
  birthDate: '1988-05-14',
  nationality: 'IRQ',
});
const noDate = { ...base, id: 'b', birthDate: null };

describe('place of origin', () => {
  it('reports the same place and counts it as evidence', () => {
    const without = comparePersons(base, noDate);
    const result = comparePersons(
      { ...base, placeOfOrigin: 'Penjwen' },
      { ...noDate, placeOfOrigin: 'Penjwen' },
    );
    expect(placeReason(result.reasons)).toEqual({ code: 'place.same', a: 'Penjwen', b: 'Penjwen' });
    expect(result.score).toBeGreaterThan(without.score);
    expect(placeReason(without.reasons)).toBeUndefined();
  });

  it.each([
    ['Tiranë', 'Tirana'],
    ['Shkodër', 'Shkodra'],
    ['Kharkiv', 'Харків'],
    ['Erbil', 'Hawler'],
    ['Erbil', 'هەولێر'],
    ['Aleppo', 'حلب'],
    ['Lviv', 'Lemberg'],
    ['Casablanca', 'Casa'],
    ['Penjwen', 'village of Penjwen'],
    ['Petrivka', 'с. Петрівка'],
    ['Ait Ourir', 'Douar Ait Ourir'],
  ])('recognises %s and %s as one place (place.variant)', (a, b) => {
    const result = comparePersons({ ...base, placeOfOrigin: a }, { ...noDate, placeOfOrigin: b });
    expect(placeReason(result.reasons)).toEqual({ code: 'place.variant', a, b });
  });

  it('weighs a shared rare village more than a shared big city', () => {
    const counts = frequencies({ 'o:IRQ:arbl': 20_000, 'o:IRQ:pnjvn': 40 });
    const options = { frequencies: counts };
    const city = comparePersons(
      { ...base, placeOfOrigin: 'Erbil' },
      { ...noDate, placeOfOrigin: 'Erbil' },
      options,
    );
    const village = comparePersons(
      { ...base, placeOfOrigin: 'Penjwen' },
      { ...noDate, placeOfOrigin: 'Penjwen' },
      options,
    );
    const none = comparePersons(base, noDate, options);
    expect(village.score).toBeGreaterThan(city.score);
    expect(city.score).toBeGreaterThan(none.score);
    // The cap: a village says less than its frequency suggests (families cluster by place).
    expect(logit(village.score) - logit(none.score)).toBeLessThanOrEqual(PLACE.max + 1e-9);
  });

  it('lets a shared place decide a rare name without a birth date', () => {
    const options = { frequencies: frequencies({ 'o:IRQ:pnjvn': 40 }) };
    expect(comparePersons(base, noDate, options).score).toBeLessThan(MATCH_THRESHOLD);
    const withPlace = comparePersons(
      { ...base, placeOfOrigin: 'Penjwen' },
      { ...noDate, placeOfOrigin: 'پێنجوێن' },
      options,
    );
    expect(withPlace.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('counts a different place only a little (people name the nearest town)', () => {
    const same = { ...base, id: 'c' };
    const result = comparePersons(
      { ...base, placeOfOrigin: 'Penjwen' },
      { ...same, placeOfOrigin: 'Sulaymaniyah' },
    );
    expect(placeReason(result.reasons)).toEqual({
      code: 'place.conflict',
      a: 'Penjwen',
      b: 'Sulaymaniyah',
    });
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(logit(comparePersons(base, same).score) - logit(result.score)).toBeCloseTo(-PLACE.conflict, 9);
  });

  it('does not make siblings match: a household shares its place', () => {
    const sibling = (id: string, given: string, birthDate: string): MatchPerson =>
      person(id, {
        names: [{ given, family: 'Qaradaghi', father: 'Rebaz' }],
        sex: 'male',
        birthDate,
        nationality: 'IRQ',
        placeOfOrigin: 'Penjwen',
      });
    const twins = comparePersons(sibling('a', 'Aras', '2001-05-02'), sibling('b', 'Goran', '2001-05-02'));
    expect(twins.score).toBeLessThan(MATCH_THRESHOLD);
    const brothers = comparePersons(sibling('a', 'Aras', '2001-05-02'), sibling('b', 'Azad', '2003-02-11'));
    expect(brothers.score).toBeLessThan(MATCH_THRESHOLD);
    // Family and father's names agree: the shared place adds nothing to them.
    const withoutPlace = comparePersons(
      { ...sibling('a', 'Karwan', '2001-05-02'), placeOfOrigin: null },
      sibling('b', 'Karwan', '2001-05-02'),
    );
    const withPlace = comparePersons(
      sibling('a', 'Karwan', '2001-05-02'),
      sibling('b', 'Karwan', '2001-05-02'),
    );
    expect(withPlace.score).toBeCloseTo(withoutPlace.score, 12);
  });

  it('gives frequency keys and blocking keys for the place', () => {
    const withPlace = { ...base, placeOfOrigin: 'Penjwen' };
    expect(frequencyKeys(withPlace)).toEqual(expect.arrayContaining(['o::pnjvn', 'o:IRQ:pnjvn']));
    expect(frequencyKeys(base).some((key) => key.startsWith('o:'))).toBe(false);
    const keys = blockingKeys(withPlace);
    expect(keys.length).toBeLessThanOrEqual(12);
    expect(keys.length).toBeGreaterThan(blockingKeys(base).length);
  });

  it('finds a pair without birth date and with a typo in the family name through the place', async () => {
    const a = { ...base, placeOfOrigin: 'Penjwen' };
    const b = { ...noDate, names: [{ given: 'Karwan', family: 'Qaradagki' }], placeOfOrigin: 'Penjwen' };
    expect(blockingKeys(a).some((key) => blockingKeys(b).includes(key))).toBe(true);
    const { stats } = await findDuplicatePairs([a, b]);
    expect(stats.comparisons).toBe(1);
  });

  it('ignores an empty or letterless place', () => {
    for (const placeOfOrigin of ['', '  ', '--', null]) {
      const result = comparePersons({ ...base, placeOfOrigin }, { ...noDate, placeOfOrigin: 'Penjwen' });
      expect(placeReason(result.reasons)).toBeUndefined();
    }
  });
});
