/**
 * Name parts (a given name, a family name, a father's name) analysed once and interned: a population
 * shares most of its names, so each distinct written part is transliterated and folded only once, and
 * persons refer to parts by number.
 */
import { foldLatin, looseKey, nameTokens, phoneticKey } from './normalise';
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
  tokenKeys: string[];
  /** Bit set of scripts (SCRIPT_BIT). */
  scripts: number;
  /** Written in Arabic script only: short vowels missing, so compare consonant keys. */
  vowelless: boolean;
};

export const SCRIPT_BIT: Record<Script, number> = { latin: 1, arabic: 2, cyrillic: 4, other: 8 };

export type RoleParts = { given: number; family: number; father: number };

const NONE = -1;

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

  private fromTokens(tokens: ReturnType<typeof nameTokens>, written?: string): number {
    if (tokens.length === 0) return NONE;
    const text = written ?? tokens.map((token) => token.text).join(' ');
    // Parts of several tokens are folded again as one word: "A-lRashid" = "Alrashid" = "Rashid".
    const joined = tokens.map((token) => token.skeleton).join('');
    const skeleton = tokens.length > 1 ? foldLatin(joined) : joined;
    const signature = `${skeleton}\u0000${text}`;
    const known = this.byTokens.get(signature);
    if (known !== undefined) return known;
    let scripts = 0;
    for (const token of tokens) for (const script of token.scripts) scripts |= SCRIPT_BIT[script];
    const id = this.parts.length;
    const key = phoneticKey(skeleton);
    this.parts.push({
      text,
      plain: plainText(text),
      skeleton,
      key,
      loose: looseKey(key, (scripts & SCRIPT_BIT.cyrillic) !== 0),
      tokenKeys: tokens.map((token) => token.key),
      scripts,
      vowelless: scripts === SCRIPT_BIT.arabic,
    });
    this.byTokens.set(signature, id);
    return id;
  }
}
