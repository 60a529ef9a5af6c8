/**
 * Any supported script to lower-case Latin letters a-z (before spelling folding). One function per
 * script, each driven by its table in rules/.
 */
import {
  ARABIC_ARTICLE,
  ARABIC_IGNORED,
  ARABIC_LETTERS,
  ARABIC_POSITIONAL,
  ARABIC_VOWEL_LETTERS,
} from './rules/arabic';
import { RUSSIAN, RUSSIAN_ONLY, UKRAINIAN, UKRAINIAN_ONLY } from './rules/cyrillic';
import { LATIN_LETTER_EXPANSIONS } from './rules/latin';
import { type Script, scriptRuns } from './script';

/** The Latin value of each letter of an Arabic-script word (the glued article dropped), in order. */
export function arabicLetters(text: string): string[] {
  let word = text.replace(ARABIC_IGNORED, '');
  // The glued article: الحسن → حسن. Kept when the rest would be too short to be a name (الله).
  if (word.startsWith(ARABIC_ARTICLE) && [...word].length >= 4) word = word.slice(ARABIC_ARTICLE.length);
  const letters = [...word];
  return letters.map((char, i) => {
    const positional = ARABIC_POSITIONAL[char];
    if (!positional) return ARABIC_LETTERS[char] ?? '';
    if (i === 0 || ARABIC_VOWEL_LETTERS.includes(letters[i + 1] ?? '-')) return positional.consonant;
    // The nisba ending -wi: العلوي = Alawi, البدوي = Badawi.
    if (char === 'و' && i === letters.length - 2 && 'يی'.includes(letters[i + 1] ?? '-')) return 'w';
    return positional.vowel;
  });
}

export function arabicToLatin(text: string): string {
  return arabicLetters(text).join('');
}

export function cyrillicToLatin(text: string): string {
  const lower = text.toLowerCase();
  const table = RUSSIAN_ONLY.test(lower) && !UKRAINIAN_ONLY.test(lower) ? RUSSIAN : UKRAINIAN;
  let out = '';
  for (const char of lower) out += table[char] ?? '';
  return out;
}

export function latinToAscii(text: string): string {
  let expanded = '';
  for (const char of text.toLowerCase()) expanded += LATIN_LETTER_EXPANSIONS[char] ?? char;
  return expanded
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z]+/g, '');
}

/** Letters of scripts without a table are kept as they are (lower case, without marks). */
function otherToText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}]+/gu, '');
}

const BY_SCRIPT: Record<Script, (text: string) => string> = {
  latin: latinToAscii,
  arabic: arabicToLatin,
  cyrillic: cyrillicToLatin,
  other: otherToText,
};

/** A token to Latin, each run of one script by its own table (a mixed-script token is allowed). */
export function toLatin(token: string): { latin: string; scripts: Script[] } {
  const runs = scriptRuns(token);
  return {
    latin: runs.map((run) => BY_SCRIPT[run.script](run.text)).join(''),
    scripts: [...new Set(runs.map((run) => run.script))],
  };
}
