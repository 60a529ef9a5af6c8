/**
 * The long tail of family names: synthetic names built from syllables, each syllable written in the
 * original script and in its Latin spellings at once, so that every name has an original-script form and
 * several plausible Latin spellings. Real registries have thousands of family names per nationality; the
 * hand-written pools give the frequent head, these the tail.
 */

import { ROMANISATIONS, romanise } from './names-ukrainian';
import type { NameEntry } from './pools';
import { seededRandom } from './random';

/** [original script, Latin spellings...] per sound. */
export type Sound = readonly [string, ...string[]];

export const ARABIC_CONSONANTS: readonly Sound[] = [
  ['ب', 'b'],
  ['ت', 't'],
  ['د', 'd'],
  ['ر', 'r'],
  ['ز', 'z'],
  ['س', 's'],
  ['ش', 'sh', 'ch'],
  ['ف', 'f'],
  ['ق', 'q', 'k'],
  ['ك', 'k'],
  ['ل', 'l'],
  ['م', 'm'],
  ['ن', 'n'],
  ['ه', 'h'],
  ['ج', 'j', 'dj'],
  ['خ', 'kh'],
  ['غ', 'gh'],
  ['ح', 'h'],
  ['ص', 's'],
  ['ط', 't'],
  ['ع', 'a', ''],
];
/** Short vowels are not written in Arabic script; long ones are. */
export const ARABIC_VOWELS: readonly Sound[] = [
  ['', 'a', 'e'],
  ['', 'i', 'e'],
  ['', 'ou', 'u', 'o'],
  ['ا', 'a', 'aa'],
  ['ي', 'i', 'ee'],
  ['و', 'ou', 'u', 'oo'],
];
export const SORANI_CONSONANTS: readonly Sound[] = [
  ...ARABIC_CONSONANTS.filter(([original]) => !'ثذصضطظ'.includes(original)),
  ['پ', 'p'],
  ['چ', 'ch', 'ç'],
  ['ژ', 'zh', 'j'],
  ['گ', 'g'],
  ['ڤ', 'v', 'w'],
  ['ڵ', 'l', 'll'],
  ['ڕ', 'r', 'rr'],
];
export const SORANI_VOWELS: readonly Sound[] = [
  ['ە', 'a', 'e'],
  ['ێ', 'e', 'ê'],
  ['ۆ', 'o'],
  ['ا', 'a'],
  ['ی', 'i', 'î'],
  ['وو', 'u', 'oo'],
];
export const CYRILLIC_CONSONANTS = 'бвгджзклмнпрстфхцчш'.split('');
export const CYRILLIC_VOWELS = 'аеиіоу'.split('');
export const ALBANIAN_CONSONANTS: readonly Sound[] = [
  ['b', 'b'],
  ['d', 'd'],
  ['dh', 'dh', 'd'],
  ['f', 'f'],
  ['g', 'g'],
  ['gj', 'gj', 'g'],
  ['h', 'h'],
  ['k', 'k'],
  ['l', 'l'],
  ['ll', 'll', 'l'],
  ['m', 'm'],
  ['n', 'n'],
  ['p', 'p'],
  ['q', 'q', 'k'],
  ['r', 'r'],
  ['rr', 'rr', 'r'],
  ['s', 's'],
  ['sh', 'sh'],
  ['t', 't'],
  ['v', 'v'],
  ['xh', 'xh', 'x'],
  ['z', 'z'],
  ['ç', 'ç', 'c'],
];
export const ALBANIAN_VOWELS: readonly Sound[] = [
  ['a', 'a'],
  ['e', 'e'],
  ['ë', 'ë', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['u', 'u'],
];

export type Random = () => number;
export const choose = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** A syllabic name: its original spelling and up to three Latin spellings. */
export function syllabic(
  random: Random,
  consonants: readonly Sound[],
  vowels: readonly Sound[],
  syllables: number,
) {
  const sounds: Sound[] = [];
  for (let s = 0; s < syllables; s++) sounds.push(choose(random, consonants), choose(random, vowels));
  sounds.push(choose(random, consonants));
  const original = sounds.map((sound) => sound[0]).join('');
  const latin = new Set<string>();
  for (let v = 0; v < 3; v++)
    latin.add(
      sounds.map((sound, k) => (v === 0 || k % 2 === 0 ? sound[1] : choose(random, sound.slice(1)))).join(''),
    );
  return { original, latin: [...latin] };
}

export const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function syntheticArabicFamilies(
  count: number,
  seed: number,
  style: 'maghreb' | 'levant',
): NameEntry[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const { original, latin } = syllabic(random, ARABIC_CONSONANTS, ARABIC_VOWELS, 2);
    const nisba = random() < 0.5;
    const spellings = latin.filter(Boolean).map(capital);
    if (!nisba) return { original, latin: spellings };
    const article = style === 'maghreb' ? 'El ' : 'Al-';
    return {
      original: `ال${original}ي`,
      latin: spellings.flatMap((l) => [`${article}${l}i`, `${l}i`]),
    };
  });
}

export function syntheticSoraniFamilies(count: number, seed: number): NameEntry[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const { original, latin } = syllabic(random, SORANI_CONSONANTS, SORANI_VOWELS, 2);
    return { original: `${original}ی`, latin: latin.filter(Boolean).map((l) => `${capital(l)}i`) };
  });
}

export function syntheticUkrainianFamilies(
  count: number,
  seed: number,
  suffixes: readonly string[],
): NameEntry[] {
  const random = seededRandom(seed);
  const systems = Object.values(ROMANISATIONS);
  return Array.from({ length: count }, () => {
    let stem = choose(random, CYRILLIC_CONSONANTS).toUpperCase();
    for (let s = 0; s < 2; s++) stem += choose(random, CYRILLIC_VOWELS) + choose(random, CYRILLIC_CONSONANTS);
    const cyrillic = stem + choose(random, suffixes);
    return { original: cyrillic, latin: [...new Set(systems.map((system) => romanise(cyrillic, system)))] };
  });
}

export function syntheticAlbanianFamilies(
  count: number,
  seed: number,
  suffixes: readonly string[],
): NameEntry[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const { latin } = syllabic(random, ALBANIAN_CONSONANTS, ALBANIAN_VOWELS, 2);
    const suffix = choose(random, suffixes);
    return { original: null, latin: latin.map((l) => capital(l + suffix)) };
  });
}
