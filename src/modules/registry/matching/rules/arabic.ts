/**
 * Arabic script (Arabic, Persian letter forms, Kurdish Sorani) to a Latin skeleton. One Latin string per
 * letter; short vowels are not written in Arabic script, so the result is close to a consonant skeleton
 * ("محمد" → "mhmd") and is compared through the phonetic key (see phonetic.ts), which drops vowels on both
 * sides. Letters whose value depends on position are listed in ARABIC_POSITIONAL.
 */

/** Letters with one value wherever they stand. */
export const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  // alef and its variants: a vowel carrier
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ٲ: 'a',
  // hamza and hamza carriers
  ء: '',
  ؤ: 'u',
  // consonants
  ب: 'b',
  پ: 'p', // Persian / Sorani pe
  ت: 't',
  ث: 'th',
  ج: 'j',
  چ: 'ch', // Persian / Sorani che
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ڕ: 'r', // Sorani heavy r
  ز: 'z',
  ژ: 'zh', // Persian / Sorani zhe
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a', // ain: written as a vowel (Omar, Saeed, Ismail) or dropped in Latin spellings
  غ: 'gh',
  ف: 'f',
  ڤ: 'v', // Sorani ve
  ق: 'q',
  ك: 'k',
  ک: 'k', // Persian / Sorani keheh
  گ: 'g', // Persian / Sorani gaf
  ل: 'l',
  ڵ: 'l', // Sorani heavy l
  م: 'm',
  ن: 'n',
  ه: 'h',
  ھ: 'h', // heh doachashmee (Sorani h)
  ہ: 'h',
  ۀ: 'a',
  ة: 'a', // teh marbuta: Fatima / Fatimah
  ۆ: 'o', // Sorani o
  ێ: 'e', // Sorani ê
  ە: 'e', // Sorani ae (also final -a / -e)
  ى: 'a', // alef maksura
  '\u0670': 'a', // superscript alef
};

/**
 * Letters read as a consonant at the start of a word or before a vowel letter (کاروان = Karwan,
 * زياد = Ziyad), and as a long vowel elsewhere (يوسف = Yusuf, حسين = Husein).
 */
export const ARABIC_POSITIONAL: Readonly<Record<string, { consonant: string; vowel: string }>> = {
  و: { consonant: 'w', vowel: 'u' },
  ي: { consonant: 'y', vowel: 'i' },
  ی: { consonant: 'y', vowel: 'i' }, // Persian / Sorani yeh
  ې: { consonant: 'y', vowel: 'e' },
  // Sorani writes a vowel-initial word with a hamza seat: ئاراس = Aras
  ئ: { consonant: '', vowel: 'i' },
};

/** Vowel letters (and teh marbuta, read -a) that make a preceding waw or yeh a consonant: مروة = Marwa. */
export const ARABIC_VOWEL_LETTERS = 'اآأإەێۆىة';

/** Marks and fillers dropped before transliteration: harakat, shadda, sukun, tatweel, Quranic marks. */
export const ARABIC_IGNORED = /[\u0610-\u061A\u064B-\u065F\u06D6-\u06ED\u0640\u200C\u200D]/gu;

/** Arabic-Indic digits are not name material; they make a token unmatchable. */
export const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** The definite article as written in Arabic script, glued to its word: الحسن = al-Hassan. */
export const ARABIC_ARTICLE = 'ال';
