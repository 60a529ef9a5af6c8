/**
 * Name particles, written as the folded Latin forms they take (Arabic-script forms as transliterated:
 * بن → "bn", ابو → "abu"). normalise.ts drops articles, glues prefixes to the following token and
 * suffixes to the preceding one, so "Abd el Rahman", "Abdelrahman" and "عبد الرحمن" give one token.
 */

/** Articles dropped when they stand alone: al-Hassan, El Amrani, ul-Haq. */
export const ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'il']);

/**
 * Assimilated articles (sun letters), dropped only when the next token starts with their consonant:
 * ar-Rashid, as-Sayed, ad-Din, an-Nour, ash-Shami.
 */
export const ASSIMILATED_ARTICLES: Readonly<Record<string, string>> = {
  ar: 'r',
  er: 'r',
  ur: 'r',
  as: 's',
  es: 's',
  us: 's',
  ash: 'sh',
  esh: 'sh',
  ad: 'd',
  ed: 'd',
  ud: 'd',
  at: 't',
  et: 't',
  ut: 't',
  az: 'z',
  ez: 'z',
  an: 'n',
  en: 'n',
  un: 'n',
};

/** Glued to the token that follows: Abd / Abdel / Abu / Ben / Bin / Ibn / Bint / Ould / Ait. */
export const PREFIXES: ReadonlySet<string> = new Set([
  'abd',
  'abdel',
  'abdal',
  'abdul',
  'abdoul',
  'abdu',
  'abu',
  'abou',
  'abo',
  'bou',
  'ben',
  'bin',
  'bn',
  'ibn',
  'abn',
  'bint',
  'bnt',
  'ould',
  'ait',
]);

/** Glued to the token before: Nour Eddine, Nur al-Din, Saif Allah. */
export const SUFFIXES: ReadonlySet<string> = new Set([
  'din',
  'dine',
  'eddine',
  'eddin',
  'uddin',
  'addin',
  'allah',
  'ullah',
  'llah',
  'lh',
  'alh',
]);
