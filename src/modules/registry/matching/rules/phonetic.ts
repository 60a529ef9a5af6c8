/**
 * The phonetic key: a consonant skeleton of a folded Latin name, so that a spelling written without short
 * vowels (any Arabic-script name: محمد → "mhmd") meets its vowelled Latin spellings (Muhammad → "mhmd").
 * Rules, applied in order by phonetic.ts at module level:
 * - KEY_DIGRAPHS: two-letter sounds to one letter (sh and ch share a class: French Rachid = Rashid,
 *   Aicha = Aisha);
 * - KEY_LETTERS: single-letter classes;
 * - vowels are dropped except at the start, where any vowel becomes "a" (Omar = Umar = عمر);
 * - a final h is dropped (Abdallah = عبدالله), repeated consonants collapse when adjacent.
 */

export const KEY_DIGRAPHS: readonly (readonly [string, string])[] = [
  ['sh', 'x'],
  ['ch', 'x'],
  ['zh', 'j'],
  ['gh', 'g'],
  ['th', 't'],
  ['dh', 'd'],
  ['ts', 's'],
  ['tz', 's'],
];

export const KEY_LETTERS: Readonly<Record<string, string>> = {
  q: 'k',
  w: 'v',
  // c is k, or s before a front vowel (Cela, Cecilia): handled in code, as it needs the next letter
};

export const KEY_VOWELS = 'aeiouy';

/** Keys longer than this are cut: enough to tell names apart, short enough for an index. */
export const KEY_MAX_LENGTH = 8;
