import { ARABIC_SCRIPT } from './rules/arabic';
import { CYRILLIC_SCRIPT } from './rules/cyrillic';

/** The writing system of a letter, a token or a name. */
export type Script = 'latin' | 'arabic' | 'cyrillic' | 'other';

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

export function scriptOf(char: string): Script | null {
  if (!LETTER.test(char)) return null;
  if (LATIN.test(char)) return 'latin';
  if (ARABIC_SCRIPT.test(char)) return 'arabic';
  if (CYRILLIC_SCRIPT.test(char)) return 'cyrillic';
  return 'other';
}

/** Maximal runs of one script in a token (marks and non-letters stay with the run they follow). */
export function scriptRuns(token: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const char of token) {
    const script = scriptOf(char);
    const last = runs.at(-1);
    if (last && (script === null || script === last.script)) last.text += char;
    else if (script !== null) runs.push({ script, text: char });
    else if (last) last.text += char;
  }
  return runs;
}
