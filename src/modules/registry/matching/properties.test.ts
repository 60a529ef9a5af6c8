/**
 * Property tests on seeded random names (fast-check is not a dependency: a small seeded loop instead).
 */
import { describe, expect, it } from 'vitest';
import { comparePersons } from './compare';
import { foldLatin, nameKey, nameTokens } from './normalise';
import type { MatchPerson, Sex } from './types';
import { MATCH_THRESHOLD } from './weights';

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = [
  'Mohammed',
  'Al-Hassan',
  'محمد',
  'الحسن',
  'Шевченко',
  'Ševčenko',
  'Schewtschenko',
  'Hoxhë',
  'Çela',
  'Youssef',
  'El Amrani',
  'عبد الرحمن',
  'Abu',
  'Ben',
  'ئاراس',
  'ڕێباز',
  'گۆران',
  'Юлія',
  'Фёдор',
  "O'Brien",
  'Nour Eddine',
  'al',
  'Ar',
  'Rashid',
  'Zhytomyrskyi',
  'Андрій',
  'Krasniqi',
  'Mhamed',
  'Xhemal',
  'Abdellah',
];
const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzëçšč',
  'ابتثجحخدذرسشصضطظعغفقكلمنهويةأإآ',
  'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
];

/** A random name: known words, random letters of one alphabet, punctuation. */
function randomName(random: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let p = 0; p < count; p++) {
    if (random() < 0.6) parts.push(WORDS[Math.floor(random() * WORDS.length)] ?? '');
    else {
      const alphabet = [...(ALPHABETS[Math.floor(random() * ALPHABETS.length)] ?? '')];
      const length = 2 + Math.floor(random() * 8);
      parts.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
  }
  return parts.join(random() < 0.5 ? ' ' : '-');
}

function randomPerson(random: () => number, id: string): MatchPerson {
  const sexes: Sex[] = ['female', 'male', 'unknown'];
  const year = 1950 + Math.floor(random() * 70);
  return {
    id,
    names: [
      {
        given: randomName(random),
        family: randomName(random),
        father: random() < 0.5 ? randomName(random) : null,
      },
    ],
    sex: sexes[Math.floor(random() * sexes.length)] ?? 'unknown',
    birthDate:
      random() < 0.9 ? `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null,
    nationality: random() < 0.8 ? 'MAR' : null,
    placeOfOrigin: random() < 0.7 ? randomName(random) : null,
  };
}

const RUNS = 300;

describe('normalisation properties', () => {
  it('is idempotent: normalising the skeletons gives the skeletons', () => {
    const random = seeded(1);
    for (let run = 0; run < RUNS; run++) {
      const name = randomName(random);
      const once = nameTokens(name).map((token) => token.skeleton);
      const twice = nameTokens(once.join(' ')).map((token) => token.skeleton);
      expect({ name, twice }).toEqual({ name, twice: once });
      for (const skeleton of once) expect(foldLatin(skeleton)).toBe(skeleton);
    }
  });

  it('gives the same key whatever the order of name parts', () => {
    const random = seeded(2);
    // A name part never ends with a particle that binds to the next word (Abu, Ben, al-): leave those out.
    const standalone = new Set(['Abu', 'Ben', 'al', 'Ar']);
    const part = () => {
      let name = randomName(random);
      while (name.split(/[ -]/).some((word) => standalone.has(word))) name = randomName(random);
      return name;
    };
    for (let run = 0; run < RUNS; run++) {
      const parts = [part(), part(), part()];
      const reversed = [...parts].reverse();
      expect(nameKey(reversed.join(' '))).toBe(nameKey(parts.join(' ')));
    }
  });
});

describe('comparison properties', () => {
  it('a person always matches themself', () => {
    const random = seeded(3);
    for (let run = 0; run < RUNS; run++) {
      const person = randomPerson(random, 'a');
      if (!person.birthDate) continue;
      const result = comparePersons(person, { ...person, id: 'b' });
      expect({ person, score: result.score >= MATCH_THRESHOLD }).toEqual({ person, score: true });
    }
  });

  it('is symmetric', () => {
    const random = seeded(4);
    for (let run = 0; run < RUNS; run++) {
      const a = randomPerson(random, 'a');
      // Half the pairs are near copies, so that agreements as well as conflicts are exercised.
      const b =
        random() < 0.5
          ? {
              ...randomPerson(random, 'b'),
              names: [{ full: `${a.names[0]?.family} ${a.names[0]?.given}` }],
              placeOfOrigin: random() < 0.5 ? a.placeOfOrigin : `village of ${a.placeOfOrigin ?? ''}`,
            }
          : randomPerson(random, 'b');
      expect(comparePersons(a, b).score).toBeCloseTo(comparePersons(b, a).score, 12);
    }
  });

  it('scores within 0..1', () => {
    const random = seeded(5);
    for (let run = 0; run < RUNS; run++) {
      const { score } = comparePersons(randomPerson(random, 'a'), randomPerson(random, 'b'));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
