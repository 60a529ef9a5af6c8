/**
 * Name parts (a given name, a family name, a father's name) analysed once and interned: a population
 * shares most of its names, so each distinct written part is transliterated and folded only once, and
 * persons refer to parts by number.
 */
import { arabicKey, foldLatin, looseKey, type NameToken, nameTokens, phoneticKey } from './normalise';
import { PLACE_EQUIVALENTS, PLACE_GENERIC_WORDS } from './rules/places';
import type { Script } from './script';

export type PartInfo = {
  /** As written (or the written tokens of a full name that make up this part). */
  text: string;
  /** Lower case, without diacritics: tells a mere case or accent difference from a spelling variant. */
  plain: string;
  skeleton: string;
  key: string;
  /** The key without its least reliable consonants (normalise.ts looseKey). */
  loose: string;
  /** loose with g read as h (names from Cyrillic: Galina = Halyna). */
  looseH: string;
  tokenKeys: string[];
  /** Bit set of scripts (SCRIPT_BIT). */
  scripts: number;
  /** Written in Arabic script only: short vowels missing, so compare consonant keys. */
  vowelless: boolean;
};

export const SCRIPT_BIT: Record<Script, number> = { latin: 1, arabic: 2, cyrillic: 4, other: 8 };

export type RoleParts = { given: number; family: number; father: number };

const NONE = -1;

/** The folded skeleton of a whole name (its tokens' skeletons joined, folded again as one word). */
function joinedSkeleton(tokens: NameToken[]): string {
  const joined = tokens.map((token) => token.skeleton).join('');
  return tokens.length > 1 ? foldLatin(joined) : joined;
}

const GENERIC_PLACE_WORDS = new Set(
  PLACE_GENERIC_WORDS.flatMap((word) => nameTokens(word).map((token) => token.skeleton)),
);

/** Place tokens without the generic words (kept when nothing else is left). */
function placeTokens(text: string): NameToken[] {
  const tokens = nameTokens(text);
  const specific = tokens.filter((token) => !GENERIC_PLACE_WORDS.has(token.skeleton));
  return specific.length > 0 ? specific : tokens;
}

/** Skeleton of a place name to the skeleton of its canonical name (rules/places.ts PLACE_EQUIVALENTS). */
const PLACE_CANONICAL: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(PLACE_EQUIVALENTS)) {
    const target = joinedSkeleton(placeTokens(canonical));
    for (const variant of variants) map.set(joinedSkeleton(placeTokens(variant)), target);
  }
  return map;
})();

function plainText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

export class PartRegistry {
  readonly parts: PartInfo[] = [];

  /** A registry holding parts analysed elsewhere (in a worker thread: the parts of the main table). */
  static of(parts: PartInfo[]): PartRegistry {
    const registry = new PartRegistry();
    registry.parts.push(...parts);
    return registry;
  }
  private readonly byText = new Map<string, number>();
  private readonly byFull = new Map<string, RoleParts>();
  private readonly byTokens = new Map<string, number>();
  private readonly byPlace = new Map<string, number>();

  get(id: number): PartInfo {
    const part = this.parts[id];
    if (!part) throw new Error(`No name part ${id}`);
    return part;
  }

  /** The part id of a labelled name field, or -1 when it has no letters. */
  field(text: string | null | undefined): number {
    if (!text) return NONE;
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const id = this.fromTokens(nameTokens(text), text);
    this.byText.set(text, id);
    return id;
  }

  /** An unlabelled whole name, read as given [father] family (first token, second of three, last). */
  full(text: string | null | undefined): RoleParts {
    const empty = { given: NONE, family: NONE, father: NONE };
    if (!text) return empty;
    const known = this.byFull.get(text);
    if (known) return known;
    const tokens = nameTokens(text);
    const roles =
      tokens.length === 0
        ? empty
        : tokens.length === 1
          ? { ...empty, given: this.fromTokens(tokens, text) }
          : {
              given: this.fromTokens(tokens.slice(0, 1)),
              family: this.fromTokens(tokens.slice(-1)),
              father: tokens.length >= 3 ? this.fromTokens(tokens.slice(1, -1)) : NONE,
            };
    this.byFull.set(text, roles);
    return roles;
  }

  /**
   * The part id of a place of origin, or -1 when it has no letters: compared like a name, without
   * generic words ("village of") and with known other names folded to one (rules/places.ts).
   */
  place(text: string | null | undefined): number {
    if (!text) return NONE;
    const known = this.byPlace.get(text);
    if (known !== undefined) return known;
    const tokens = placeTokens(text);
    const skeleton = joinedSkeleton(tokens);
    const canonical = PLACE_CANONICAL.get(skeleton);
    const id = canonical
      ? this.fromTokens(tokens, text, canonical, '\u0001', [phoneticKey(canonical)])
      : this.fromTokens(tokens, text, undefined, '\u0001');
    this.byPlace.set(text, id);
    return id;
  }

  private fromTokens(
    tokens: NameToken[],
    written?: string,
    folded?: string,
    namespace = '',
    tokenKeys?: string[],
  ): number {
    if (tokens.length === 0) return NONE;
    const text = written ?? tokens.map((token) => token.text).join(' ');
    // Parts of several tokens are folded again as one word: "A-lRashid" = "Alrashid" = "Rashid".
    const skeleton = folded ?? joinedSkeleton(tokens);
    const signature = `${namespace}${skeleton}\u0000${text}`;
    const known = this.byTokens.get(signature);
    if (known !== undefined) return known;
    let scripts = 0;
    for (const token of tokens) for (const script of token.scripts) scripts |= SCRIPT_BIT[script];
    const id = this.parts.length;
    const vowelless = scripts === SCRIPT_BIT.arabic;
    // Arabic script alone: keyed letter by letter (normalise.ts arabicKey), unless a canonical name replaced it.
    const key =
      vowelless && folded === undefined
        ? arabicKey(tokens.map((token) => token.text).join(' '))
        : phoneticKey(skeleton);
    const loose = looseKey(key, (scripts & SCRIPT_BIT.cyrillic) !== 0);
    this.parts.push({
      text,
      plain: plainText(text),
      skeleton,
      key,
      loose,
      looseH: loose.replace(/g/g, 'h'),
      tokenKeys: tokenKeys ?? tokens.map((token) => token.key),
      scripts,
      vowelless,
    });
    this.byTokens.set(signature, id);
    return id;
  }
}
