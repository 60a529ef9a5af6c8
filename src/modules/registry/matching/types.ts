/**
 * The matching engine's input and output. Pure data: built from registry rows by the caller, no database
 * access here.
 */

/** One spelling of a person's name. Any script; fields may be absent. */
export type PersonName = {
  given?: string | null;
  family?: string | null;
  /** Father's name (Arabic and Kurdish naming), or patronymic (Ukrainian, Russian). */
  father?: string | null;
  /**
   * A whole name whose parts are not labelled (an alias, a partner's list): read as
   * given [father] family; a swapped order is recognised by the comparison.
   */
  full?: string | null;
};

export type Sex = 'female' | 'male' | 'other' | 'unknown';

/** How much of birthDate is known. The registry's 'exact' means 'day' and 'estimated' means 'year'. */
export type BirthPrecision = 'day' | 'month' | 'year' | 'exact' | 'estimated';

/**
 * A person as the matcher sees them. From a registry row: names = [the Latin given/family/father names,
 * the original-script names, then one { full } per alias]; birthDate as YYYY-MM-DD; nationality as the
 * registry stores it (alpha-2 or alpha-3: only equality is used), the first of several.
 */
export type MatchPerson = {
  id: string;
  names: PersonName[];
  sex?: Sex | null;
  /** YYYY-MM-DD; a year-only date is stored as YYYY-01-01 with precision 'year'. */
  birthDate?: string | null;
  birthPrecision?: BirthPrecision | null;
  nationality?: string | null;
  /**
   * Place of origin as written (village or town, any script, any spelling; "village of X" and known
   * other names of a town are understood). Agreement is evidence weighted by how common the place is;
   * disagreement counts only a little, since people name different places (village, nearest town).
   */
  placeOfOrigin?: string | null;
  /**
   * Identity documents as opaque keys: equal keys mean the same document (type, issuing country and
   * number, the number as a keyed blind index: see documentKey). The same document on two records is strong
   * evidence; a different one is none (passports are renewed, people hold several).
   */
  documents?: readonly MatchDocument[];
};

export type MatchDocument = { type: string; key: string };

export type NamePart = 'given' | 'family' | 'father';

/**
 * Why two records were scored as they were: a stable code with parameters, for the UI to translate
 * (e.g. "name.transliteration" with a: 'الحسن', b: 'Al-Hassan').
 */
export type MatchReason =
  | { code: 'name.same'; part: NamePart; a: string; b: string }
  | { code: 'name.variant'; part: NamePart; a: string; b: string }
  | { code: 'name.transliteration'; part: NamePart; a: string; b: string }
  | { code: 'name.typo'; part: NamePart; a: string; b: string }
  | { code: 'name.similar'; part: NamePart; a: string; b: string }
  | { code: 'name.partial'; part: NamePart; a: string; b: string }
  | { code: 'name.conflict'; part: NamePart; a: string; b: string }
  | { code: 'name.orderSwapped' }
  | { code: 'birthDate.same' }
  | { code: 'birthDate.placeholder' }
  | { code: 'birthDate.sameYear' }
  | { code: 'birthDate.sameMonth' }
  | { code: 'birthDate.dayMonthSwapped' }
  | { code: 'birthDate.dayDiffers' }
  | { code: 'birthDate.yearOff'; years: number }
  | { code: 'birthDate.conflict'; years: number }
  | { code: 'birthDate.missing' }
  | { code: 'sex.same' }
  | { code: 'sex.conflict' }
  | { code: 'nationality.same' }
  | { code: 'nationality.conflict' }
  | { code: 'place.same'; a: string; b: string }
  | { code: 'place.variant'; a: string; b: string }
  | { code: 'place.conflict'; a: string; b: string }
  | { code: 'document.same'; type: string };

export type MatchReasonCode = MatchReason['code'];

export type MatchResult = { score: number; reasons: MatchReason[] };

/**
 * How common a name is, for weighting agreement (a shared rare name says more than a shared common one).
 * `count` is the number of persons having a frequency key (see frequencyKeys); `total` the number of
 * persons. Optional everywhere: without it, default shares apply.
 */
export type NameFrequencies = { total: number; count(key: string): number };
