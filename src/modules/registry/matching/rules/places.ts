/**
 * Places of origin are compared like names (same transliteration, folding and phonetic keys), after two
 * place-specific steps, both data:
 * 1. PLACE_GENERIC_WORDS: words that say what kind of place it is rather than which ("village of",
 *    "city", "с.", "douar", "قرية"), dropped when the place has other words;
 * 2. PLACE_EQUIVALENTS: places known under names no spelling rule links (exonyms, older and colloquial
 *    names: Hawler = Erbil, Lemberg = Lviv, Casa = Casablanca). Written in natural spelling, any script;
 *    folded when the module loads. Variants that only differ in spelling (Tiranë / Tirana, Kharkiv /
 *    Kharkov) need no entry: folding and keys link them already.
 */

/** In any script; compared after transliteration and folding. */
export const PLACE_GENERIC_WORDS: readonly string[] = [
  // English, French
  'village',
  'city',
  'town',
  'district',
  'province',
  'governorate',
  'region',
  'municipality',
  'ville',
  'commune',
  'of',
  'de',
  // Albanian
  'fshati',
  'fshat',
  'qyteti',
  'bashkia',
  'rrethi',
  // Arabic (Maghreb and Levant), in Latin and Arabic script
  'douar',
  'qaryat',
  'qarya',
  'madinat',
  'muhafazat',
  'mohafazat',
  'nahiya',
  'qada',
  'قرية',
  'دوار',
  'مدينة',
  'محافظة',
  'ناحية',
  'قضاء',
  // Kurdish (Sorani)
  'gund',
  'gundi',
  'shar',
  'shari',
  'گوند',
  'گوندی',
  'شار',
  'شاری',
  // Ukrainian and Russian (с. = село, м. = місто, смт = urban-type settlement)
  'selo',
  'misto',
  'smt',
  'oblast',
  'raion',
  'rayon',
  'село',
  'селище',
  'місто',
  'город',
  'смт',
  'с',
  'м',
  'область',
  'район',
];

/** canonical: [other names...]. Real exonyms and colloquial names of towns migrants often come from. */
export const PLACE_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  // Iraq (Kurdistan Region) and Iraq
  Erbil: ['Hawler', 'Hewler', 'Hewlêr', 'Arbil', 'Irbil', 'Arbela', 'هەولێر', 'أربيل', 'اربيل'],
  Sulaymaniyah: ['Slemani', 'Silemani', 'Silêmanî', 'Sulaimani', 'Suleimaniya', 'سلێمانی', 'السليمانية'],
  Duhok: ['Dohuk', 'Dahuk', 'Dihok', 'Dahok', 'دهۆک', 'دهوك'],
  Sinjar: ['Shingal', 'Shengal', 'Şengal', 'شنگال', 'سنجار'],
  Koya: ['Koye', 'Koysinjaq', 'Koi Sanjaq', 'کۆیە', 'كويسنجق'],
  Akre: ['Aqrah', 'Akra', 'Akrê', 'ئاکرێ', 'عقرة'],
  Amedi: ['Amadiya', 'Amadiyah', 'Amêdî', 'ئامێدی', 'العمادية'],
  Mosul: ['Mawsil', 'Mousil', 'Musil', 'موسڵ', 'الموصل'],
  Halabja: ['Helebce', 'Halabcha', 'حەڵەبجە', 'حلبجة'],
  // Syria
  Aleppo: ['Halab', 'Alep', 'Haleb', 'حلب'],
  Damascus: ['Dimashq', 'Damas', 'Damasco', 'Sham', 'Al-Sham', 'Ash-Sham', 'دمشق', 'الشام'],
  Homs: ['Hims', 'Emesa', 'حمص'],
  Latakia: ['Lattakia', 'Ladhiqiyah', 'Al-Ladhiqiyah', 'Lattaquié', 'اللاذقية'],
  Kobani: ['Kobane', 'Ayn al-Arab', 'Ain al-Arab', 'Ain al Arab', 'عين العرب', 'کۆبانی'],
  Qamishli: ['Qamishlo', 'Kamishli', 'القامشلي'],
  Sweida: ['Suwayda', 'As-Suwayda', 'Soueida', 'السويداء'],
  // Morocco
  Casablanca: ['Casa', 'Dar el Beida', 'Dar al-Bayda', 'Ad-Dar al-Bayda', 'الدار البيضاء', 'الدارالبيضاء'],
  Fes: ['Fès', 'Fez', 'Fas', 'فاس'],
  Tangier: ['Tanger', 'Tangiers', 'Tanja', 'Tanjah', 'طنجة'],
  Tetouan: ['Tétouan', 'Tetuan', 'Titwan', 'تطوان'],
  Oujda: ['Wajda', 'Ujda', 'وجدة'],
  Meknes: ['Meknès', 'Miknas', 'مكناس'],
  Sale: ['Salé', 'Sla', 'سلا'],
  Safi: ['Asfi', 'آسفي'],
  Larache: ['El Araich', 'Al-Araish', 'Laraish', 'العرائش'],
  'Al Hoceima': ['Alhucemas', 'Al Hoceïma', 'El Hoceima', 'الحسيمة'],
  'El Jadida': ['Mazagan', 'Al Jadida', 'الجديدة'],
  // Ukraine
  Kyiv: ['Kiev', 'Kiew', 'Kijów', 'Київ', 'Киев'],
  Kharkiv: ['Kharkov', 'Charkow', 'Charkiw', 'Харків', 'Харьков'],
  Dnipro: ['Dnepr', 'Dnipropetrovsk', 'Dnepropetrovsk', 'Дніпро', 'Днепр', 'Дніпропетровськ'],
  Zaporizhzhia: ['Zaporozhye', 'Zaporozhe', 'Saporischschja', 'Запоріжжя', 'Запорожье'],
  Lviv: ['Lvov', 'Lwów', 'Lwow', 'Lemberg', 'Львів', 'Львов'],
  Mykolaiv: ['Nikolaev', 'Nikolayev', 'Nikolajew', 'Миколаїв', 'Николаев'],
  Luhansk: ['Lugansk', 'Луганськ', 'Луганск'],
  Chernihiv: ['Chernigov', 'Чернігів', 'Чернигов'],
  Kropyvnytskyi: ['Kirovohrad', 'Kirovograd', 'Кропивницький', 'Кіровоград'],
  Bakhmut: ['Artemivsk', 'Artemovsk', 'Бахмут', 'Артемівськ'],
  Chernivtsi: ['Chernovtsy', 'Czernowitz', 'Чернівці', 'Черновцы'],
  Ternopil: ['Ternopol', 'Тернопіль', 'Тернополь'],
  Rivne: ['Rovno', 'Рівне', 'Ровно'],
  'Kryvyi Rih': ['Krivoy Rog', 'Kryvyy Rih', 'Кривий Ріг', 'Кривой Рог'],
  Uzhhorod: ['Uzhgorod', 'Ужгород'],
  // Albania
  Shkoder: ['Shkodra', 'Shkodër', 'Scutari'],
  Durres: ['Durrës', 'Durrësi', 'Durazzo'],
  Vlore: ['Vlorë', 'Vlora', 'Valona', 'Avlona'],
  Gjirokaster: ['Gjirokastër', 'Gjirokastra', 'Argirocastro'],
};
