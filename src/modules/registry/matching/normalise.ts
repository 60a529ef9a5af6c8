/**
 * Names to search keys that survive script and spelling. A name (any script, any order of parts) becomes
 * tokens; each token has a folded Latin skeleton (spelling variants folded: "Schewtschenko" → "shevchenko",
 * "محمد" → "mhmd", "Mohammed" → "muhamad") and a phonetic key, its consonant skeleton ("mhmd").
 * All language knowledge lives in rules/; this module only applies it.
 */
import { LATIN_REWRITES, NAME_EQUIVALENTS } from './rules/latin';
import { ARTICLES, ASSIMILATED_ARTICLES, PREFIXES, SUFFIXES } from './rules/particles';
import { KEY_DIGRAPHS, KEY_LETTERS, KEY_MAX_LENGTH, KEY_VOWELS } from './rules/phonetic';
import type { Script } from './script';
import { arabicLetters, latinToAscii, toLatin } from './transliterate';

/** Names longer than this (in characters) are cut before matching, and refused by validation. */
export const MAX_NAME_LENGTH = 200;

export type NameToken = {
  /** The token as written (several written tokens when particles were glued: "Abd el Rahman"). */
  text: string;
  /** Scripts the written token uses; more than one for a mixed-script token. */
  scripts: Script[];
  /** Folded Latin spelling, a-z. */
  skeleton: string;
  /** Consonant skeleton of `skeleton`. */
  key: string;
};

const REWRITES = LATIN_REWRITES.map(
  ([pattern, replacement]) => [new RegExp(pattern, 'g'), replacement] as const,
);

function applyRewrites(ascii: string): string {
  let current = ascii;
  for (let round = 0; round < 5; round++) {
    let next = current;
    for (const [pattern, replacement] of REWRITES) next = next.replace(pattern, replacement);
    if (next === current) return next;
    current = next;
  }
  return current;
}

const EQUIVALENT: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(NAME_EQUIVALENTS)) {
    const target = applyRewrites(latinToAscii(canonical));
    for (const variant of [canonical, ...variants]) map.set(applyRewrites(latinToAscii(variant)), target);
  }
  return map;
})();

/** A lower-case a-z token folded to its skeleton: spelling rewrites, then whole-name equivalents. */
export function foldLatin(ascii: string): string {
  const folded = applyRewrites(ascii);
  return EQUIVALENT.get(folded) ?? folded;
}

const foldSet = (words: Iterable<string>) => new Set([...words].map(foldLatin));
const FOLDED_ARTICLES = foldSet(ARTICLES);
const FOLDED_PREFIXES = foldSet(PREFIXES);
const FOLDED_SUFFIXES = foldSet(SUFFIXES);
const FOLDED_ASSIMILATED = new Map(
  Object.entries(ASSIMILATED_ARTICLES).map(([article, consonant]) => [foldLatin(article), consonant]),
);

const DIGRAPHS = KEY_DIGRAPHS.map(([from, to]) => [new RegExp(from, 'g'), to] as const);

/** Consonant skeleton of a folded token (see rules/phonetic.ts). */
export function phoneticKey(skeleton: string): string {
  let s = skeleton;
  for (const [pattern, to] of DIGRAPHS) s = s.replace(pattern, to);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    let mapped: string;
    if (KEY_VOWELS.includes(c)) {
      if (i > 0) continue;
      mapped = c === 'y' ? 'j' : 'a';
    } else if (c === 'c') mapped = 'eiy'.includes(s[i + 1] ?? '') ? 's' : 'k';
    else mapped = KEY_LETTERS[c] ?? c;
    // Repeated consonants collapse only when adjacent: Leila = "ll", as ليلى.
    const adjacent = i > 0 && !KEY_VOWELS.includes(s[i - 1] ?? '');
    if (!(adjacent && out.endsWith(mapped))) out += mapped;
  }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out.slice(0, KEY_MAX_LENGTH);
}

/**
 * The phonetic key of a name written in Arabic script only, letter by letter: each letter's Latin value is
 * folded and keyed on its own, so that no spelling rule or collapse acts across two letters, between
 * which a short vowel is unwritten (تطغ = t-t-gh as Tetegh, not "tgh"; قخوني = q-kh-n as Qikhouni). Vowel
 * letters are dropped except at the start, as in phoneticKey.
 */
export function arabicKey(text: string): string {
  let out = '';
  for (const word of text.split(/\s+/))
    for (const letter of arabicLetters(word)) {
      const folded = foldLatin(letter);
      if (!folded) continue;
      if ([...folded].every((c) => KEY_VOWELS.includes(c))) {
        if (!out) out = folded.startsWith('y') ? 'j' : 'a';
        continue;
      }
      out += phoneticKey(folded);
    }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out.slice(0, KEY_MAX_LENGTH);
}

/** The key of a written name: letter by letter for Arabic script alone, else from its folded skeleton. */
export function writtenKey(text: string, scripts: readonly Script[], skeleton: string): string {
  return scripts.length === 1 && scripts[0] === 'arabic' ? arabicKey(text) : phoneticKey(skeleton);
}

/**
 * The key with its least reliable consonants dropped: v (Arabic waw is written w or u: Souad = سعاد,
 * Marwa = مروة) and, for Cyrillic-derived names, g read as h (Galina = Halyna = Галина).
 */
export function looseKey(key: string, cyrillic: boolean): string {
  const withoutV = key.replace(/v/g, '');
  return cyrillic ? withoutV.replace(/g/g, 'h') : withoutV;
}

/** Written tokens: split on anything that is not a letter or a mark; apostrophes inside a word vanish. */
export function splitName(name: string): string[] {
  return name
    .normalize('NFC')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/['’ʼ`ʻ]/gu, '')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);
}

type Draft = { text: string; scripts: Script[]; folded: string };

/** Articles dropped, prefixes glued to the next token, suffixes to the previous one. */
function applyParticles(drafts: Draft[]): Draft[] {
  const withoutArticles = drafts.filter((draft, i) => {
    const next = drafts[i + 1];
    if (!next) return true;
    if (FOLDED_ARTICLES.has(draft.folded)) return false;
    const consonant = FOLDED_ASSIMILATED.get(draft.folded);
    return !(consonant && next.folded.startsWith(consonant));
  });
  const glued: Draft[] = [];
  let pending: Draft | null = null;
  for (const draft of withoutArticles) {
    const current: Draft = pending ? merge(pending, draft) : draft;
    pending = null;
    const previous = glued.at(-1);
    if (FOLDED_PREFIXES.has(draft.folded) && current === draft) pending = current;
    else if (FOLDED_PREFIXES.has(draft.folded)) pending = current;
    else if (previous && FOLDED_SUFFIXES.has(draft.folded) && current === draft)
      glued[glued.length - 1] = merge(previous, draft);
    else glued.push(current);
  }
  if (pending) glued.push(pending);
  return glued;
}

function merge(a: Draft, b: Draft): Draft {
  return {
    text: `${a.text} ${b.text}`,
    scripts: [...new Set([...a.scripts, ...b.scripts])],
    folded: foldLatin(a.folded + b.folded),
  };
}

/** The tokens of a name, in written order, with their skeletons and phonetic keys. */
export function nameTokens(name: string): NameToken[] {
  const drafts: Draft[] = [];
  for (const text of splitName(name)) {
    const { latin, scripts } = toLatin(text);
    if (latin) drafts.push({ text, scripts, folded: foldLatin(latin) });
  }
  return applyParticles(drafts)
    .filter((draft) => draft.folded)
    .map((draft) => ({
      text: draft.text,
      scripts: draft.scripts,
      skeleton: draft.folded,
      key: writtenKey(draft.text, draft.scripts, draft.folded),
    }));
}

/** Order-independent key of a whole name: the sorted, distinct phonetic keys of its tokens. */
export function nameKey(name: string): string {
  return [...new Set(nameTokens(name).map((token) => token.key))].sort().join(' ');
}
