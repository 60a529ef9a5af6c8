/**
 * Cyrillic (Ukrainian and Russian) to a Latin skeleton. The Ukrainian table follows the 2010 national
 * romanisation without its position rules (Є, Ї, Й, Ю, Я always as ye, yi, y, yu, ya); the Russian table
 * differs where the languages differ (г, и, е). Which table applies is decided per token from letters
 * only one language has; a token with neither uses Ukrainian, the language of the programmes concerned.
 */

const COMMON: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  ж: 'zh',
  з: 'z',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'yu',
  я: 'ya',
  "'": '',
  '’': '',
  ʼ: '',
};

export const UKRAINIAN: Readonly<Record<string, string>> = {
  ...COMMON,
  г: 'h',
  ґ: 'g',
  е: 'e',
  є: 'ye',
  и: 'y',
  і: 'i',
  ї: 'yi',
};

export const RUSSIAN: Readonly<Record<string, string>> = {
  ...COMMON,
  г: 'g',
  е: 'e',
  ё: 'yo',
  и: 'i',
  ы: 'y',
  э: 'e',
  ъ: '',
};

/** Letters that only Ukrainian uses, and letters that only Russian uses. */
export const UKRAINIAN_ONLY = /[ґєії]/u;
export const RUSSIAN_ONLY = /[ёыэъ]/u;

export const CYRILLIC_SCRIPT = /[\u0400-\u04FF]/u;

/**
 * Nationalities (alpha-2 and alpha-3) whose names come from Cyrillic where г is read h (Ukrainian,
 * Belarusian) or g (Russian): their Latin spellings come from both readings, so g and h are lenient
 * between Latin spellings too (Galina = Halyna, Olga = Olha).
 */
export const CYRILLIC_NATIONALITIES: ReadonlySet<string> = new Set(['UA', 'UKR', 'BY', 'BLR', 'RU', 'RUS']);
