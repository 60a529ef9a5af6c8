/**
 * Places of origin per nationality, for the synthetic populations: the towns that returnees most often
 * come from (written by hand from common usage: official, older, foreign and colloquial spellings, and
 * the original script), then a long tail of synthetic villages built like the synthetic family names.
 * Drawn with Zipf-like frequencies (towns first), so that a few cities are very common and most villages
 * rare. Each place has a "nearest city" (what someone from a village may give instead of the village).
 */

import { ROMANISATIONS, romanise } from './names-ukrainian';
import type { Nationality } from './pools';
import { seededRandom } from './random';
import {
  ALBANIAN_CONSONANTS,
  ALBANIAN_VOWELS,
  ARABIC_CONSONANTS,
  ARABIC_VOWELS,
  CYRILLIC_CONSONANTS,
  CYRILLIC_VOWELS,
  capital,
  choose,
  type Random,
  SORANI_CONSONANTS,
  SORANI_VOWELS,
  syllabic,
} from './synthetic-names';

export type PlaceEntry = {
  /** Original-script spelling (null for Albanian, written in Latin). */
  original: string | null;
  /** Latin spellings, most common first. */
  latin: string[];
  /** Index (in the same pool) of the town a person from here may name instead; itself for the capital. */
  near: number;
};

export type PlacePool = {
  places: PlaceEntry[];
  /** Zipf exponent of place frequencies. */
  exponent: number;
  /** Generic words a registrar may add before a village name ("village of", "с.", "douar"...). */
  villageWords: readonly (readonly [original: string | null, latin: string])[];
};

/** [original script or null, Latin spellings...]: the towns, most frequent first. */
type Town = readonly [original: string | null, ...latin: string[]];

const ALBANIAN_TOWNS: readonly Town[] = [
  [null, 'Tiranë', 'Tirana', 'Tirane'],
  [null, 'Durrës', 'Durrësi', 'Durres', 'Durazzo'],
  [null, 'Elbasan', 'Elbasani'],
  [null, 'Shkodër', 'Shkodra', 'Shkoder', 'Scutari'],
  [null, 'Fier', 'Fieri'],
  [null, 'Vlorë', 'Vlora', 'Vlore', 'Valona'],
  [null, 'Korçë', 'Korça', 'Korce', 'Korca'],
  [null, 'Berat', 'Berati'],
  [null, 'Lushnjë', 'Lushnja', 'Lushnje'],
  [null, 'Kavajë', 'Kavaja', 'Kavaje'],
  [null, 'Kukës', 'Kukësi', 'Kukes'],
  [null, 'Lezhë', 'Lezha', 'Lezhe'],
  [null, 'Pogradec', 'Pogradeci'],
  [null, 'Laç', 'Laçi', 'Lac'],
  [null, 'Gjirokastër', 'Gjirokastra', 'Gjirokaster', 'Argirocastro'],
  [null, 'Sarandë', 'Saranda', 'Sarande'],
  [null, 'Kuçovë', 'Kuçova', 'Kucove'],
  [null, 'Burrel', 'Burreli'],
  [null, 'Peshkopi', 'Peshkopia'],
  [null, 'Patos', 'Patosi'],
  [null, 'Krujë', 'Kruja', 'Kruje'],
  [null, 'Rrëshen', 'Rrësheni', 'Rreshen'],
  [null, 'Gramsh', 'Gramshi'],
  [null, 'Librazhd', 'Librazhdi'],
  [null, 'Tepelenë', 'Tepelena', 'Tepelene'],
  [null, 'Përmet', 'Përmeti', 'Permet'],
  [null, 'Bulqizë', 'Bulqiza', 'Bulqize'],
  [null, 'Bajram Curri', 'Tropojë', 'Tropoja'],
];

const MOROCCAN_TOWNS: readonly Town[] = [
  ['الدار البيضاء', 'Casablanca', 'Casa', 'Dar el Beida', 'Ad-Dar al-Bayda'],
  ['فاس', 'Fès', 'Fes', 'Fez', 'Fas'],
  ['طنجة', 'Tanger', 'Tangier', 'Tanja', 'Tangiers'],
  ['مراكش', 'Marrakech', 'Marrakesh', 'Marrakch'],
  ['وجدة', 'Oujda', 'Ujda', 'Wajda'],
  ['الناظور', 'Nador', 'Ennador', 'Al-Nadur'],
  ['بني ملال', 'Béni Mellal', 'Beni Mellal', 'Bni Mellal'],
  ['خريبكة', 'Khouribga', 'Khuribga'],
  ['أكادير', 'Agadir', 'Agader'],
  ['الرباط', 'Rabat', 'Er-Rabat'],
  ['مكناس', 'Meknès', 'Meknes', 'Miknas'],
  ['تطوان', 'Tétouan', 'Tetouan', 'Tetuan', 'Titwan'],
  ['القنيطرة', 'Kénitra', 'Kenitra', 'Al-Qunaytirah'],
  ['الحسيمة', 'Al Hoceïma', 'Al Hoceima', 'El Hoceima', 'Alhucemas'],
  ['قلعة السراغنة', 'El Kelaâ des Sraghna', 'Kelaat Sraghna', 'Kalaat es-Sraghna'],
  ['سلا', 'Salé', 'Sale', 'Sla'],
  ['آسفي', 'Safi', 'Asfi'],
  ['تازة', 'Taza'],
  ['الفقيه بن صالح', 'Fquih Ben Salah', 'Fkih Ben Saleh', 'El Fkih Ben Salah'],
  ['سطات', 'Settat', 'Stat'],
  ['الجديدة', 'El Jadida', 'Al Jadida', 'Eljadida'],
  ['العرائش', 'Larache', 'El Araich', 'Laraish'],
  ['برشيد', 'Berrechid', 'Berchid'],
  ['تاوريرت', 'Taourirt', 'Tawrirt'],
  ['الدريوش', 'Driouch', 'Driyouch'],
];

/** Ukrainian towns in Cyrillic; Latin spellings come from the romanisation systems, plus the exonyms. */
const UKRAINIAN_TOWNS: readonly (readonly [cyrillic: string, ...exonyms: string[]])[] = [
  ['Київ', 'Kiev', 'Kiew'],
  ['Харків', 'Kharkov', 'Charkow'],
  ['Одеса', 'Odessa'],
  ['Дніпро', 'Dnepr', 'Dnipropetrovsk'],
  ['Запоріжжя', 'Zaporozhye', 'Saporischschja'],
  ['Львів', 'Lvov', 'Lwow', 'Lemberg'],
  ['Маріуполь', 'Mariupol'],
  ['Миколаїв', 'Nikolaev', 'Nikolajew'],
  ['Херсон'],
  ['Донецьк', 'Donetsk'],
  ['Луганськ', 'Lugansk'],
  ['Чернігів', 'Chernigov'],
  ['Суми', 'Sumy'],
  ['Полтава'],
  ['Житомир'],
  ['Вінниця', 'Vinnitsa'],
  ['Черкаси', 'Cherkassy'],
  ['Кропивницький', 'Kirovograd'],
  ['Краматорськ', 'Kramatorsk'],
  ['Бахмут', 'Artemivsk'],
  ['Мелітополь'],
  ['Бердянськ'],
  ['Чернівці', 'Chernovtsy', 'Czernowitz'],
  ['Тернопіль', 'Ternopol'],
  ['Рівне', 'Rovno'],
  ['Луцьк', 'Lutsk'],
  ['Ужгород'],
  ['Хмельницький'],
  ['Кременчук'],
  ['Ізюм', 'Izyum'],
];

const KURDISH_TOWNS: readonly Town[] = [
  ['هەولێر', 'Erbil', 'Hawler', 'Arbil', 'Irbil', 'Hewlêr'],
  ['سلێمانی', 'Sulaymaniyah', 'Slemani', 'Sulaimani', 'Silêmanî', 'Suleimaniya'],
  ['دهۆک', 'Duhok', 'Dohuk', 'Dahuk', 'Dihok'],
  ['کەرکووک', 'Kirkuk', 'Kerkuk', 'Karkuk'],
  ['زاخۆ', 'Zakho', 'Zaxo'],
  ['ڕانیە', 'Ranya', 'Rania', 'Raniye'],
  ['کۆیە', 'Koya', 'Koye', 'Koysinjaq'],
  ['حەڵەبجە', 'Halabja', 'Helebce', 'Halabcha'],
  ['شەقڵاوە', 'Shaqlawa', 'Şeqlawe'],
  ['ئاکرێ', 'Akre', 'Aqrah', 'Akrê'],
  ['سۆران', 'Soran'],
  ['چەمچەماڵ', 'Chamchamal', 'Çemçemal'],
  ['کەلار', 'Kalar', 'Kelar'],
  ['پێنجوێن', 'Penjwen', 'Penjwin'],
  ['قەڵادزێ', 'Qaladze', 'Qeladizê'],
  ['دوکان', 'Dukan', 'Dokan'],
  ['خانەقین', 'Khanaqin', 'Xaneqîn'],
  ['بەغدا', 'Baghdad', 'Bagdad'],
  ['موسڵ', 'Mosul', 'Mousil'],
  ['شنگال', 'Sinjar', 'Shingal', 'Şengal'],
  ['ئامێدی', 'Amedi', 'Amadiya', 'Amêdî'],
  ['دەربەندیخان', 'Darbandikhan', 'Derbendîxan'],
  ['سەیدسادق', 'Sayid Sadiq', 'Seyid Sadiq'],
];

const SYRIAN_TOWNS: readonly Town[] = [
  ['حلب', 'Aleppo', 'Halab', 'Alep'],
  ['دمشق', 'Damascus', 'Dimashq', 'Damas', 'Al-Sham'],
  ['حمص', 'Homs', 'Hims'],
  ['إدلب', 'Idlib', 'Edleb', 'Idleb'],
  ['درعا', 'Daraa', 'Deraa', 'Dara'],
  ['دير الزور', 'Deir ez-Zor', 'Deir al-Zour', 'Dayr az-Zawr', 'Deir Ezzor'],
  ['حماة', 'Hama', 'Hamah', 'Hamaa'],
  ['الرقة', 'Raqqa', 'Al-Raqqah', 'Rakka', 'Ar-Raqqah'],
  ['القامشلي', 'Qamishli', 'Al-Qamishli', 'Kamishli', 'Qamishlo'],
  ['الحسكة', 'Hasakah', 'Al-Hasakah', 'Hassakeh', 'Hasaka'],
  ['اللاذقية', 'Latakia', 'Lattakia', 'Al-Ladhiqiyah'],
  ['عفرين', 'Afrin', 'Efrin', 'Efrîn'],
  ['منبج', 'Manbij', 'Menbij', 'Membij'],
  ['عين العرب', 'Kobani', 'Kobane', 'Ayn al-Arab', 'Ain al-Arab'],
  ['دوما', 'Douma', 'Duma'],
  ['طرطوس', 'Tartus', 'Tartous'],
  ['السويداء', 'As-Suwayda', 'Sweida', 'Suwayda', 'Soueida'],
  ['الباب', 'Al-Bab', 'Al Bab'],
  ['معرة النعمان', 'Maarat al-Numan', 'Maarrat an-Numan', 'Maarat Al Naaman'],
  ['تل أبيض', 'Tal Abyad', 'Tell Abiad', 'Tel Abyad'],
  ['داريا', 'Daraya', 'Darayya'],
  ['القصير', 'Al-Qusayr', 'Qusayr', 'Al Qusair'],
  ['سلمية', 'Salamiyah', 'Salamieh', 'Salamiyeh'],
  ['جبلة', 'Jableh', 'Jablah', 'Jeble'],
];

const unique = (xs: string[]) => [...new Set(xs)];

function romaniseAll(cyrillic: string): string[] {
  return unique(
    Object.values(ROMANISATIONS).map((system) =>
      cyrillic
        .split(/([ -])/)
        .map((word) => (/[ -]/.test(word) ? word : capital(romanise(word, system))))
        .join(''),
    ),
  );
}

/** Synthetic villages: [original, Latin spellings] from syllables, with a naming pattern per country. */
type VillageMaker = (random: Random) => { original: string | null; latin: string[] };

/** Village-name prefixes: [original, Latin spellings...]; a null original means no prefix. */
type Prefix = readonly [original: string, ...latin: string[]];

function withPrefix(
  random: Random,
  prefixes: readonly Prefix[],
  share: number,
  original: string,
  latin: string[],
) {
  if (random() >= share) return { original, latin: latin.map(capital) };
  const [prefixOriginal, ...prefixLatin] = choose(random, prefixes);
  return {
    original: `${prefixOriginal} ${original}`,
    latin: unique(latin.slice(0, 2).flatMap((l) => prefixLatin.slice(0, 2).map((p) => `${p} ${capital(l)}`))),
  };
}

const MOROCCAN_PREFIXES: readonly Prefix[] = [
  ['أولاد', 'Oulad', 'Ouled'],
  ['سيدي', 'Sidi'],
  ['آيت', 'Ait', 'Aït'],
  ['بني', 'Beni', 'Bni'],
  ['عين', 'Ain', 'Aïn'],
];
const SYRIAN_PREFIXES: readonly Prefix[] = [
  ['تل', 'Tell', 'Tal'],
  ['كفر', 'Kafr', 'Kfar'],
  ['عين', 'Ain', 'Ayn'],
  ['دير', 'Deir', 'Dayr'],
  ['خربة', 'Khirbet', 'Khirbat'],
];
const UKRAINIAN_VILLAGE_SUFFIXES = ['івка', 'ове', 'ине', 'ичі', 'ів', 'ка', 'не', 'ське', 'ани', 'ин'];
const ALBANIAN_VILLAGE_SUFFIXES = ['aj', 'ë', 'ovë', 'ishtë', 'an', 'icë', 'i'];

const VILLAGES: Record<Nationality, VillageMaker> = {
  ALB: (random) => {
    const { latin } = syllabic(random, ALBANIAN_CONSONANTS, ALBANIAN_VOWELS, 1 + Math.floor(random() * 2));
    const suffix = choose(random, ALBANIAN_VILLAGE_SUFFIXES);
    // Albanian places have an indefinite and a definite form (Fushë / Fusha, Shkodër / Shkodra).
    const forms = latin.flatMap((l) => {
      const name = capital(l + suffix);
      return name.endsWith('ë') ? [name, `${name.slice(0, -1)}a`] : [name];
    });
    return { original: null, latin: unique(forms) };
  },
  MAR: (random) => {
    const { original, latin } = syllabic(random, ARABIC_CONSONANTS, ARABIC_VOWELS, 2);
    return withPrefix(random, MOROCCAN_PREFIXES, 0.4, original, latin.filter(Boolean));
  },
  SYR: (random) => {
    const { original, latin } = syllabic(random, ARABIC_CONSONANTS, ARABIC_VOWELS, 2);
    return withPrefix(random, SYRIAN_PREFIXES, 0.35, original, latin.filter(Boolean));
  },
  IRQ: (random) => {
    const { original, latin } = syllabic(
      random,
      SORANI_CONSONANTS,
      SORANI_VOWELS,
      1 + Math.floor(random() * 2),
    );
    return { original, latin: latin.filter(Boolean).map(capital) };
  },
  UKR: (random) => {
    let stem = choose(random, CYRILLIC_CONSONANTS).toUpperCase();
    for (let s = 0; s < 1 + Math.floor(random() * 2); s++)
      stem += choose(random, CYRILLIC_VOWELS) + choose(random, CYRILLIC_CONSONANTS);
    const cyrillic = stem + choose(random, UKRAINIAN_VILLAGE_SUFFIXES);
    return { original: cyrillic, latin: romaniseAll(cyrillic) };
  },
};

/** Distinct places per nationality (towns + villages): a few hundred to a few thousand. */
const PLACE_COUNTS: Record<Nationality, number> = { ALB: 600, MAR: 2500, UKR: 3000, IRQ: 1200, SYR: 2000 };

function townEntries(nationality: Nationality): { original: string | null; latin: string[] }[] {
  switch (nationality) {
    case 'ALB':
      return ALBANIAN_TOWNS.map(([original, ...latin]) => ({ original, latin }));
    case 'MAR':
      return MOROCCAN_TOWNS.map(([original, ...latin]) => ({ original, latin }));
    case 'IRQ':
      return KURDISH_TOWNS.map(([original, ...latin]) => ({ original, latin }));
    case 'SYR':
      return SYRIAN_TOWNS.map(([original, ...latin]) => ({ original, latin }));
    case 'UKR':
      return UKRAINIAN_TOWNS.map(([cyrillic, ...exonyms]) => ({
        original: cyrillic,
        latin: unique([...romaniseAll(cyrillic), ...exonyms]),
      }));
  }
}

const VILLAGE_WORDS: Record<Nationality, PlacePool['villageWords']> = {
  ALB: [
    [null, 'fshati'],
    [null, 'Fshati'],
  ],
  MAR: [
    ['دوار', 'Douar'],
    ['قرية', 'Village'],
  ],
  SYR: [
    ['قرية', 'Qaryat'],
    ['قرية', 'Village'],
  ],
  IRQ: [
    ['گوندی', 'Gundi'],
    ['گوندی', 'Village'],
  ],
  UKR: [
    ['с.', 's.'],
    ['село', 'selo'],
  ],
};

/** The places of each nationality, deterministic (their own seeds, independent of the population's). */
export function buildPlacePools(): Record<Nationality, PlacePool> {
  const nationalities: Nationality[] = ['ALB', 'MAR', 'UKR', 'IRQ', 'SYR'];
  const pools = {} as Record<Nationality, PlacePool>;
  nationalities.forEach((nationality, n) => {
    const random = seededRandom(101 + n);
    const towns = townEntries(nationality);
    const places: PlaceEntry[] = towns.map((town, t) => ({
      ...town,
      // A town's nearest bigger city: the largest one (the largest's own is the second).
      near: t === 0 ? 1 : t < 3 ? 0 : Math.floor(random() * 3),
    }));
    const seen = new Set(places.map((place) => place.latin[0]));
    while (places.length < PLACE_COUNTS[nationality]) {
      const village = VILLAGES[nationality](random);
      const first = village.latin[0];
      if (!first || seen.has(first)) continue;
      seen.add(first);
      // Villages lie near a town, more often near a big one.
      const near = Math.min(Math.floor(towns.length * random() ** 2), towns.length - 1);
      places.push({ ...village, near });
    }
    pools[nationality] = { places, exponent: 0.9, villageWords: VILLAGE_WORDS[nationality] };
  });
  return pools;
}
