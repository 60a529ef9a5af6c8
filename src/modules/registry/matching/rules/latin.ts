/**
 * Latin spellings folded to one skeleton. Three tables, applied in this order by normalise.ts:
 * 1. LATIN_LETTER_EXPANSIONS: letters whose diacritic carries a sound (š = sh), before the remaining
 *    diacritics are simply dropped (ë → e, ç → c, so Çela = Cela and Hoxhë ~ Hoxha).
 * 2. LATIN_REWRITES: ordered spelling rewrites (German sch, French ou, Albanian xh, kh/h, w/v, the
 *    -ij / -iy / -yi endings, double letters...), repeated until nothing changes, so folding is idempotent.
 * 3. NAME_EQUIVALENTS: whole names whose spellings differ beyond what rewrites can fold
 *    (Mohammed / Mehmet, Sergiy / Sergey). Written in natural spelling; folded when the module loads.
 */

export const LATIN_LETTER_EXPANSIONS: Readonly<Record<string, string>> = {
  š: 'sh',
  ş: 'sh',
  ș: 'sh',
  č: 'ch',
  ć: 'ch',
  ž: 'zh',
  đ: 'dj',
  ğ: 'g',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ð: 'dh',
  ţ: 'ts',
  ț: 'ts',
  // ISO 9 romanisation of Cyrillic
  û: 'yu',
  â: 'ya',
  ŝ: 'shch',
};

/** [pattern, replacement]: JavaScript regular-expression source, applied to a lower-case a-z token. */
export const LATIN_REWRITES: readonly (readonly [string, string])[] = [
  ['tsch', 'ch'], // German: Schewtschenko
  ['dsch', 'j'], // German: Dschamila
  ['sch', 'sh'], // German
  ['tch', 'ch'], // French / English: Tchernenko
  ['dzh', 'j'], // Ukrainian / Russian дж
  ['xh', 'j'], // Albanian: Hoxha
  ['gj', 'j'], // Albanian: Gjergj
  ['dj', 'j'], // French / Algerian: Djamila
  ['x', 'ks'],
  ['kh', 'h'], // Khalid / Halid; Kharkiv
  ['ph', 'f'], // Mustapha
  ['ck', 'k'],
  ['q', 'k'], // Qasim / Kasim
  ['ou(?=[aei])', 'w'], // French: Abdelouahed = Abdelwahed
  ['ou', 'u'], // French: Youssef, Mouhamed
  ['oo', 'u'], // English: Mahmood
  ['ee', 'i'], // English: Ameer, Sameer
  ['w', 'v'], // German / Ukrainian: Iwan, Schewtschenko; Arabic waw
  ['^i(?=[aeou])', 'y'], // Iuliia, Iana, Iaroslav (Ukrainian passport spellings)
  ['yi$', 'i'], // -ий / -ій endings
  ['(?<=[aeiou])j(?=[^aeiou]|$)', 'i'], // Mychajlo, Andrij, Serhij
  ['(?<=[^aeiou])y(?=[^aeiou]|$)', 'i'], // Mykola, Dmytro, Zhytomyrskyy
  ['(?<=[aeiou])y(?=[^aeiou]|$)', 'i'], // Mykhaylo, Serhiy, Husayn
  ['(?<=[aeiou])h$', ''], // Fatimah, Abdallah
  ['^(?:al|el|ul)(?=[a-z]{4})', ''], // a glued article: Alhasan, Elamrani
  ['^[ae]([dnrstz])(?=\\1[a-z]{3})', ''], // a glued assimilated article: Arrashid, Essaadi, Ennaji
  ['^abd[aeiou]l(?=[a-z])', 'abd'], // Abdelaziz, Abdulrahman, Abdallah
  ['^abd[aeiou](?=([a-z])\\1)', 'abd'], // Abderrahmane, Abdessamad
  ['(?<=[a-z]{2})[aeiu]?d+ine?$', 'din'], // Noureddine, Nuruddin, Nur al-Din, Aladdin
  ['([a-z])\\1+', '$1'], // double letters: Hassan, Mohammed, Krasniqi, Hoxhaj
];

/**
 * Given and family names written in ways no spelling rule links. The key is the form every variant folds
 * to; matching treats the variants as the same name (reason name.variant).
 */
export const NAME_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  Muhammad: ['Mohammed', 'Mohamed', 'Mohamad', 'Muhamad', 'Muhammed', 'Mehmet', 'Mehmed', 'Mhamed', 'Mohd'],
  Ahmad: ['Ahmed', 'Ahmet', 'Achmed'],
  Mahmud: ['Mahmoud', 'Mahmood', 'Mahmut'],
  Yusuf: ['Youssef', 'Yousef', 'Yusef', 'Yosef', 'Jusuf', 'Yousif', 'Yusif', 'Youcef'],
  Husein: ['Hussein', 'Husain', 'Hussain', 'Husayn', 'Huseyin', 'Hossein', 'Hosein'],
  Umar: ['Omar', 'Omer', 'Umer'],
  Uthman: ['Othman', 'Osman', 'Usman', 'Outhmane'],
  Mustafa: ['Moustafa', 'Mostafa', 'Mustapha', 'Moustapha'],
  Ibrahim: ['Brahim', 'Ebrahim', 'Ibragim'],
  Idris: ['Driss', 'Idriss', 'Edris'],
  Ismail: ['Ismael', 'Smail', 'Ismayil'],
  Aisha: ['Aicha', 'Aysha', 'Ayesha', 'Aischa'],
  Khadija: ['Khadidja', 'Hadidja', 'Kadija', 'Hatice'],
  Fatima: ['Fatma', 'Fatime', 'Fatimah'],
  Zaynab: ['Zainab', 'Zeynab', 'Zineb', 'Zeineb'],
  Dawud: ['Daoud', 'Dawood', 'Daud', 'Davud'],
  Sergii: ['Serhii', 'Serhiy', 'Sergiy', 'Sergey', 'Sergei', 'Serhij', 'Serhei'],
  Oleksandr: ['Aleksandr', 'Alexander', 'Oleksander', 'Alexandr', 'Aleksander'],
  Olena: ['Elena', 'Yelena', 'Jelena'],
  Mykola: ['Nikolai', 'Nikolay', 'Mikola', 'Nicolai'],
  Andrii: ['Andrei', 'Andrey', 'Andrij', 'Andriy'],
  Volodymyr: ['Vladimir', 'Wolodymyr', 'Wladimir'],
  Dmytro: ['Dmitri', 'Dmitriy', 'Dmitry', 'Dmitrii'],
  Hryhorii: ['Grigori', 'Grigoriy', 'Hryhoriy', 'Grygorii'],
  Yuliia: ['Yulia', 'Yuliya', 'Julia', 'Julija', 'Iuliia', 'Ioulia'],
  Nataliia: ['Natalia', 'Natalya', 'Nataliya', 'Natalija', 'Natalja'],
};
