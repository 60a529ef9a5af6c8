/**
 * Name pools per nationality: each name has its Latin spellings (first = most common) and, where the
 * nationality writes another script, its original spelling. Family names are partly composed (stems and
 * suffixes, nisba -i, Ben / Abu + a given name) for a realistic long tail.
 */
import {
  ALBANIAN_FAMILY_STEMS,
  ALBANIAN_FAMILY_SUFFIXES,
  ALBANIAN_FEMALE,
  ALBANIAN_MALE,
} from './names-albanian';
import {
  ARABIC_FAMILY,
  ARABIC_FAMILY_STEMS,
  ARABIC_FEMALE,
  ARABIC_MALE,
  type ScriptName,
} from './names-arabic';
import { KURDISH_FAMILY, KURDISH_FEMALE, KURDISH_MALE } from './names-kurdish';
import {
  ROMANISATIONS,
  romanise,
  UKRAINIAN_FAMILY_STEMS,
  UKRAINIAN_FAMILY_SUFFIXES,
  UKRAINIAN_FEMALE,
  UKRAINIAN_MALE,
} from './names-ukrainian';
import {
  syntheticAlbanianFamilies,
  syntheticArabicFamilies,
  syntheticSoraniFamilies,
  syntheticUkrainianFamilies,
} from './synthetic-names';

export type NameEntry = { original: string | null; latin: string[] };
export type Nationality = 'ALB' | 'MAR' | 'UKR' | 'IRQ' | 'SYR';

export type Pool = {
  male: NameEntry[];
  female: NameEntry[];
  family: NameEntry[];
  /** Share of records carrying the original-script names, and the father's name. */
  originalShare: number;
  fatherShare: number;
  /** Patronymic instead of father's given name (Ukrainian). */
  patronymic: boolean;
};

const unique = (xs: string[]) => [...new Set(xs)];

/** French-style spellings of Arabic names, as written in Morocco: sh → ch, u → ou. */
function frenchStyle(latin: string): string {
  return latin.replace(/sh/gi, (m) => (m[0] === 'S' ? 'Ch' : 'ch')).replace(/(?<![oO])u/g, 'ou');
}

function scriptEntries(names: readonly ScriptName[], french = false): NameEntry[] {
  return names.map(([original, ...latin]) => ({
    original,
    latin: unique(french ? [...latin.map(frenchStyle), ...latin] : latin),
  }));
}

function cyrillicEntry(cyrillic: string): NameEntry {
  const systems = Object.values(ROMANISATIONS);
  return { original: cyrillic, latin: unique(systems.map((system) => romanise(cyrillic, system))) };
}

function albanianEntry(name: string): NameEntry {
  const plain = name.replace(/ë/g, 'e').replace(/ç/g, 'c').replace(/Ç/g, 'C');
  const alternatives = [name, plain];
  if (name.endsWith('a')) alternatives.push(`${name.slice(0, -1)}ë`);
  if (name.endsWith('ë')) alternatives.push(`${name.slice(0, -1)}a`);
  return { original: null, latin: unique(alternatives) };
}

/**
 * Composed family names: nisba (El Amrani, Al-Halabi), Bou- and Ait- (Maghreb) or the bare stem (Levant)
 * from stems; Ben- (Maghreb), Abu and Al- (Levant) + a given name.
 */
function composedArabicFamilies(style: 'maghreb' | 'levant'): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const [stem, ...latin] of ARABIC_FAMILY_STEMS) {
    const nisba = latin.map((l) => `${l}i`);
    entries.push({
      original: `ال${stem}ي`,
      latin: unique(
        style === 'maghreb'
          ? [...nisba.map((n) => `El ${n}`), ...nisba, ...nisba.map((n) => `El${n.toLowerCase()}`)]
          : [...nisba.map((n) => `Al-${n}`), ...nisba.map((n) => `Al ${n}`), ...nisba],
      ),
    });
    if (style === 'maghreb') {
      entries.push({
        original: `بو${stem}`,
        latin: unique(latin.map((l) => `Bou${frenchStyle(l).toLowerCase()}`)),
      });
      entries.push({
        original: `آيت ${stem}`,
        latin: unique(latin.flatMap((l) => [`Ait ${l}`, `Aït ${l}`])),
      });
    } else entries.push({ original: stem, latin: unique(latin) });
  }
  for (const [given, ...latin] of ARABIC_MALE.filter(([original]) => !original.includes(' '))) {
    if (style === 'maghreb')
      entries.push({
        original: `بن${given}`,
        latin: unique(latin.flatMap((l) => [`Ben${frenchStyle(l).toLowerCase()}`, `Ben ${frenchStyle(l)}`])),
      });
    else {
      entries.push({
        original: `أبو ${given}`,
        latin: unique(latin.flatMap((l) => [`Abu ${l}`, `Abou ${l}`])),
      });
      entries.push({ original: `ال${given}`, latin: unique(latin.flatMap((l) => [`Al-${l}`, `Al ${l}`])) });
    }
  }
  return entries;
}

function ukrainianFamilies(): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const stem of UKRAINIAN_FAMILY_STEMS)
    for (const suffix of UKRAINIAN_FAMILY_SUFFIXES) entries.push(cyrillicEntry(stem + suffix));
  return entries;
}

function albanianFamilies(): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const stem of ALBANIAN_FAMILY_STEMS) {
    const names = /[aeiuë]$/.test(stem)
      ? [stem, ...ALBANIAN_FAMILY_SUFFIXES.map((suffix) => stem + suffix.replace(/^[aeië]/, ''))]
      : ALBANIAN_FAMILY_SUFFIXES.map((suffix) => stem + suffix);
    for (const name of unique(names))
      if (name !== stem || names.length > 1) entries.push(albanianEntry(name));
  }
  return entries;
}

/** Synthetic family names per nationality, after the hand-written ones (the long tail). */
const TAIL = 8000;

export function buildPools(): Record<Nationality, Pool> {
  const levantFamilies = [...scriptEntries(ARABIC_FAMILY.slice(8)), ...composedArabicFamilies('levant')];
  return {
    ALB: {
      male: ALBANIAN_MALE.map(albanianEntry),
      female: ALBANIAN_FEMALE.map(albanianEntry),
      family: [...albanianFamilies(), ...syntheticAlbanianFamilies(TAIL, 1, ALBANIAN_FAMILY_SUFFIXES)],
      originalShare: 0,
      fatherShare: 0.4,
      patronymic: false,
    },
    MAR: {
      male: scriptEntries(ARABIC_MALE, true),
      female: scriptEntries(ARABIC_FEMALE, true),
      family: [
        ...scriptEntries(ARABIC_FAMILY.slice(0, 8), true),
        ...composedArabicFamilies('maghreb'),
        ...syntheticArabicFamilies(TAIL, 2, 'maghreb'),
      ],
      originalShare: 0.25,
      fatherShare: 0.3,
      patronymic: false,
    },
    UKR: {
      male: UKRAINIAN_MALE.map(cyrillicEntry),
      female: UKRAINIAN_FEMALE.map(cyrillicEntry),
      family: [...ukrainianFamilies(), ...syntheticUkrainianFamilies(TAIL, 3, UKRAINIAN_FAMILY_SUFFIXES)],
      originalShare: 0.6,
      fatherShare: 0.5,
      patronymic: true,
    },
    IRQ: {
      male: scriptEntries(KURDISH_MALE),
      female: scriptEntries(KURDISH_FEMALE),
      family: [
        ...scriptEntries(KURDISH_FAMILY),
        ...scriptEntries(KURDISH_MALE),
        ...composedArabicFamilies('levant').slice(0, 60),
        ...syntheticSoraniFamilies(TAIL, 4),
      ],
      originalShare: 0.6,
      fatherShare: 0.85,
      patronymic: false,
    },
    SYR: {
      male: scriptEntries(ARABIC_MALE),
      female: scriptEntries(ARABIC_FEMALE),
      family: [...levantFamilies, ...syntheticArabicFamilies(TAIL, 5, 'levant')],
      originalShare: 0.6,
      fatherShare: 0.8,
      patronymic: false,
    },
  };
}
