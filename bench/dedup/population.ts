/**
 * Seeded synthetic populations with realistic duplicates and ground truth, for measuring the matcher.
 *
 * A population is made of households (a principal, often a spouse, children sharing the family name, the
 * father's name and close birth dates: NOT duplicates of each other), of five nationalities with their
 * naming customs and scripts. Each true person has one record and, with probability duplicateRate, one
 * to three more, each re-rendered and corrupted independently:
 * - another Latin spelling of each name part (transliteration variants, dropped diacritics);
 * - original-script names only (Arabic, Sorani, Cyrillic), or the original script added or dropped;
 * - typos: insertion, deletion, substitution or transposition of one letter (sometimes two typos);
 * - given and family name swapped; the whole name as one unlabelled string; father's name dropped;
 * - birth date: 01-01 placeholder or year only, day and month swapped, one year off, missing;
 * - sex unknown or (rarely) wrong, nationality missing;
 * - place of origin (places.ts): kept most of the time, else another spelling (other transliteration,
 *   original script, typo, "village of", "village, town"), the nearest town instead, or missing.
 * Places: a household shares its place (a spouse sometimes comes from elsewhere), and family names cluster
 * geographically (many households of a family come from the family's home place), so that namesakes and
 * relatives share places more often than chance, as in real registries. Places are drawn from a
 * separate random stream: the rest of a population is the same as without them.
 * Frequencies of names and places are Zipf-like. Deterministic for a seed.
 */
import type { MatchPerson, PersonName, Sex } from '../../src/modules/registry/matching';
import { buildPlacePools, type PlaceEntry, type PlacePool } from './places';
import { buildPools, type NameEntry, type Nationality, type Pool } from './pools';
import { pick, seededRandom, Zipf } from './random';

export type PopulationOptions = {
  size: number;
  seed?: number;
  /** Share of true persons that have at least one duplicate record (default 0.15). */
  duplicateRate?: number;
  /** Place-of-origin rates other than PLACE's (to measure how much the matcher depends on them). */
  place?: Partial<PlaceRates>;
};

/** Shares of nationalities in the population. */
const NATIONALITIES: readonly (readonly [Nationality, number])[] = [
  ['ALB', 0.2],
  ['MAR', 0.25],
  ['UKR', 0.2],
  ['IRQ', 0.15],
  ['SYR', 0.2],
];

/** Probabilities of each corruption in a duplicate record. */
export const CORRUPTION = {
  respell: 0.6,
  originalOnly: 0.15,
  typo: 0.2,
  secondTypo: 0.03,
  swapOrder: 0.08,
  fullString: 0.1,
  dropFather: 0.2,
  placeholderDate: 0.1,
  dayMonthSwap: 0.05,
  yearOff: 0.07,
  missingDate: 0.02,
  sexUnknown: 0.03,
  sexWrong: 0.005,
  nationalityMissing: 0.03,
} as const;

/**
 * Places of origin (new with places.ts; no earlier rate changed). Assumptions, not measurements:
 * - known: share of persons whose place is recorded at all (then in their first record);
 * - familyHome: share of households living in their family name's home place (family names cluster
 *   geographically: relatives and namesakes share places more often than chance);
 * - spouseElsewhere: share of spouses from another place than the household's;
 * - originalScript / originalOnlyScript: share of records with original-script names (resp. only
 *   those) that write the place in that script too;
 * - variant / nearest / missing: in a duplicate record, another spelling (other transliteration,
 *   original script, typo, "village of X", "X, town"), the nearest town instead, or nothing; otherwise
 *   (75%) the place as the person's records usually write it.
 */
export const PLACE = {
  known: 0.85,
  familyHome: 0.4,
  spouseElsewhere: 0.25,
  originalScript: 0.15,
  originalOnlyScript: 0.7,
  variant: 0.08,
  nearest: 0.07,
  missing: 0.1,
} as const;

export type PlaceRates = { -readonly [K in keyof typeof PLACE]: number };

/**
 * How a person's birth date is known (a property of the person, e.g. documents without a full date):
 * exact, year only, 01-01 placeholder; the rest missing. Duplicates may degrade it further (CORRUPTION).
 */
const DATE_STYLE = { exact: 0.85, yearOnly: 0.08, placeholder: 0.06 } as const;
type DateStyle = 'exact' | 'yearOnly' | 'placeholder' | 'missing';

type Person = {
  nationality: Nationality;
  sex: 'female' | 'male';
  given: NameEntry;
  family: NameEntry;
  father: NameEntry | null;
  year: number;
  month: number;
  day: number;
  /** Index of the preferred Latin spelling of each part in this person's own records. */
  spelling: number;
  dateStyle: DateStyle;
  /** Index of the place of origin in its nationality's place pool; -1 when never recorded. */
  place: number;
};

export type Population = {
  /** The records, generated lazily (iterate once). */
  records: Iterable<MatchPerson>;
  /** Filled while iterating: true person and household of each record, by position. */
  clusterOf: Int32Array;
  householdOf: Int32Array;
};

const EXACT_SHARES = NATIONALITIES.map(([, share]) => share);

class PopulationGenerator {
  private readonly random: () => number;
  private readonly pools = buildPools();
  private readonly samplers = new Map<NameEntry[], Zipf>();
  /** Places: a separate stream, so that the rest of the population does not depend on them. */
  private readonly placeRandom: () => number;
  private readonly placePools = buildPlacePools();
  private readonly placeSamplers = new Map<PlacePool, Zipf>();
  private readonly familyHomes = new Map<NameEntry, number>();

  constructor(
    seed: number,
    private readonly places: PlaceRates = PLACE,
  ) {
    this.random = seededRandom(seed);
    this.placeRandom = seededRandom((seed ^ 0x5eed_91ac) >>> 0);
  }

  private placeChance(p: number): boolean {
    return this.placeRandom() < p;
  }

  /** A place of the nationality, by frequency. */
  drawPlace(nationality: Nationality): number {
    const pool = this.placePools[nationality];
    let sampler = this.placeSamplers.get(pool);
    if (!sampler) {
      sampler = new Zipf(pool.places.length, pool.exponent);
      this.placeSamplers.set(pool, sampler);
    }
    return sampler.draw(this.placeRandom);
  }

  /** Where a household of this family name comes from: often the family's home place. */
  householdPlace(nationality: Nationality, family: NameEntry): number {
    if (!this.placeChance(this.places.familyHome)) return this.drawPlace(nationality);
    let home = this.familyHomes.get(family);
    if (home === undefined) {
      home = this.drawPlace(nationality);
      this.familyHomes.set(family, home);
    }
    return home;
  }

  /** Assigns places to a household's members (principal first, then the spouse, then children). */
  placeHousehold(members: Person[]): void {
    const principal = members[0];
    if (!principal) return;
    const place = this.householdPlace(principal.nationality, principal.family);
    members.forEach((member, m) => {
      const own =
        m === 1 && this.placeChance(this.places.spouseElsewhere)
          ? this.householdPlace(member.nationality, member.family)
          : place;
      member.place = this.placeChance(this.places.known) ? own : -1;
    });
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private draw(entries: NameEntry[], exponent: number): NameEntry {
    let sampler = this.samplers.get(entries);
    if (!sampler) {
      sampler = new Zipf(entries.length, exponent);
      this.samplers.set(entries, sampler);
    }
    return entries[sampler.draw(this.random)] ?? (entries[0] as NameEntry);
  }

  nationality(): Nationality {
    let r = this.random();
    for (let k = 0; k < NATIONALITIES.length; k++) {
      r -= EXACT_SHARES[k] ?? 0;
      if (r < 0) return NATIONALITIES[k]?.[0] ?? 'ALB';
    }
    return 'SYR';
  }

  pool(nationality: Nationality): Pool {
    return this.pools[nationality];
  }

  givenName(nationality: Nationality, sex: 'female' | 'male'): NameEntry {
    const pool = this.pool(nationality);
    return this.draw(sex === 'male' ? pool.male : pool.female, 0.8);
  }

  familyName(nationality: Nationality): NameEntry {
    return this.draw(this.pool(nationality).family, 0.5);
  }

  person(
    nationality: Nationality,
    sex: 'female' | 'male',
    year: number,
    family?: NameEntry,
    father?: NameEntry,
  ) {
    const month = this.int(1, 12);
    const person: Person = {
      nationality,
      sex,
      given: this.givenName(nationality, sex),
      family: family ?? this.familyName(nationality),
      father: father ?? this.givenName(nationality, 'male'),
      year,
      month,
      day: this.int(1, month === 2 ? 28 : 30),
      spelling: this.chance(0.7) ? 0 : this.int(1, 3),
      dateStyle: this.dateStyle(),
      place: -1,
    };
    return person;
  }

  /** A household: principal, maybe a spouse, children with the father's family name and given name. */
  household(): Person[] {
    const nationality = this.nationality();
    const size = this.chance(0.4) ? 1 : this.chance(0.25) ? 2 : this.int(3, 7);
    const principalYear = this.int(1950, 2004);
    const principal = this.person(nationality, this.chance(0.6) ? 'male' : 'female', principalYear);
    const members = [principal];
    if (size === 1) {
      this.placeHousehold(members);
      return members;
    }
    const spouseSex = principal.sex === 'male' ? 'female' : 'male';
    const keepsOwnName = nationality !== 'UKR' && nationality !== 'ALB';
    const spouse = this.person(
      nationality,
      spouseSex,
      principalYear + this.int(-6, 6),
      keepsOwnName || spouseSex === 'male' ? undefined : principal.family,
    );
    members.push(spouse);
    const father = principal.sex === 'male' ? principal : spouse;
    let year = Math.max(principal.year, spouse.year) + this.int(19, 30);
    for (let c = 2; c < size && year <= 2024; c++) {
      const twin = c > 2 && this.chance(0.04);
      const child = this.person(
        nationality,
        this.chance(0.5) ? 'male' : 'female',
        year,
        father.family,
        father.given,
      );
      // Parents do not give two children the same name.
      for (let tries = 0; tries < 20 && members.some((m) => m.given === child.given); tries++)
        child.given = this.givenName(nationality, child.sex);
      if (twin) {
        const previous = members.at(-1) as Person;
        child.month = previous.month;
        child.day = previous.day;
        child.year = previous.year;
      }
      members.push(child);
      year += twin ? 0 : this.int(1, 3);
    }
    this.placeHousehold(members);
    return members;
  }

  /** The Latin spelling of a name part in one record. */
  spell(entry: NameEntry, person: Person, respell: boolean): string {
    const index = respell ? this.int(0, entry.latin.length - 1) : person.spelling;
    return entry.latin[Math.min(index, entry.latin.length - 1)] ?? entry.latin[0] ?? '';
  }

  fatherText(person: Person, latin: boolean, respell: boolean): string | null {
    const father = person.father;
    if (!father) return null;
    const pool = this.pool(person.nationality);
    if (pool.patronymic && father.original) {
      const suffix = person.sex === 'male' ? 'ович' : 'івна';
      const cyrillic = father.original.replace(/[ійоа]$/, '') + suffix;
      if (!latin) return cyrillic;
      const base = this.spell(father, person, respell).replace(/[iyjoa]+$/, '');
      return base + (person.sex === 'male' ? 'ovych' : 'ivna');
    }
    return latin ? this.spell(father, person, respell) : father.original;
  }

  typo(text: string, random: () => number = this.random): string {
    const letters = [...text];
    if (letters.length < 3) return text;
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const at = int(2, letters.length - 1);
    const alphabet = letters.filter((l) => /\p{L}/u.test(l));
    const kind = int(0, 3);
    if (kind === 0) letters.splice(at, 0, pick(random, alphabet));
    else if (kind === 1) letters.splice(at, 1);
    else if (kind === 2) letters[at] = pick(random, alphabet);
    else [letters[at], letters[at - 1]] = [letters[at - 1] ?? '', letters[at] ?? ''];
    return letters.join('');
  }

  dateStyle(): DateStyle {
    const r = this.random();
    if (r < DATE_STYLE.exact) return 'exact';
    if (r < DATE_STYLE.exact + DATE_STYLE.yearOnly) return 'yearOnly';
    if (r < DATE_STYLE.exact + DATE_STYLE.yearOnly + DATE_STYLE.placeholder) return 'placeholder';
    return 'missing';
  }

  birthDate(person: Person, duplicate: boolean): { birthDate?: string; birthPrecision?: 'day' | 'year' } {
    if (duplicate && this.chance(CORRUPTION.missingDate)) return {};
    let { year, month, day } = person;
    if (duplicate && this.chance(CORRUPTION.yearOff)) year += this.chance(0.5) ? 1 : -1;
    if (duplicate && day <= 12 && day !== month && this.chance(CORRUPTION.dayMonthSwap))
      [month, day] = [day, month];
    const pad = (n: number) => String(n).padStart(2, '0');
    let style = person.dateStyle;
    if (duplicate && style === 'exact' && this.chance(CORRUPTION.placeholderDate))
      style = this.chance(0.5) ? 'placeholder' : 'yearOnly';
    if (style === 'exact') return { birthDate: `${year}-${pad(month)}-${pad(day)}`, birthPrecision: 'day' };
    if (style === 'yearOnly') return { birthDate: `${year}-01-01`, birthPrecision: 'year' };
    if (style === 'placeholder') return { birthDate: `${year}-01-01`, birthPrecision: 'day' };
    return {};
  }

  /** A place as written: a Latin spelling (the person's usual one unless `other`) or the original script. */
  private writePlace(entry: PlaceEntry, person: Person, original: boolean, other = false): string {
    if (original && entry.original) return entry.original;
    const index = other
      ? Math.floor(this.placeRandom() * entry.latin.length)
      : Math.min(person.spelling, entry.latin.length - 1);
    return entry.latin[index] ?? entry.latin[0] ?? '';
  }

  /** The place of origin in one record (see PLACE). */
  placeOfOrigin(person: Person, duplicate: boolean, withOriginal: boolean, originalOnly: boolean) {
    if (person.place < 0) return null;
    const pool = this.placePools[person.nationality];
    const entry = pool.places[person.place];
    if (!entry) return null;
    const original = this.placeChance(
      originalOnly ? this.places.originalOnlyScript : withOriginal ? this.places.originalScript : 0,
    );
    if (!duplicate) return this.writePlace(entry, person, original);
    const { missing, nearest, variant } = this.places;
    const r = this.placeRandom();
    if (r < missing) return null;
    if (r < missing + nearest) {
      const near = pool.places[entry.near] ?? entry;
      return this.writePlace(near, person, original);
    }
    if (r >= missing + nearest + variant) return this.writePlace(entry, person, original);
    const kind = Math.floor(this.placeRandom() * 5);
    if (kind === 0) return this.writePlace(entry, person, false, true);
    if (kind === 1) return this.writePlace(entry, person, entry.original !== null, true);
    const usual = this.writePlace(entry, person, original);
    if (kind === 2) return this.typo(usual, this.placeRandom);
    if (kind === 3) {
      const words = pool.villageWords[Math.floor(this.placeRandom() * pool.villageWords.length)];
      const word = words && (original && words[0] ? words[0] : words[1]);
      return word ? `${word} ${usual}` : usual;
    }
    const near = pool.places[entry.near];
    return near && near !== entry ? `${usual}, ${this.writePlace(near, person, original)}` : usual;
  }

  /** One record of a person: the first is a clean rendering, duplicates are corrupted. */
  record(id: string, person: Person, duplicate: boolean): MatchPerson {
    const pool = this.pool(person.nationality);
    const hasOriginal = person.given.original !== null;
    const originalOnly = duplicate && hasOriginal && this.chance(CORRUPTION.originalOnly);
    const withOriginal = hasOriginal && (originalOnly || this.chance(pool.originalShare));
    const withFather =
      person.father !== null &&
      this.chance(pool.fatherShare) &&
      !(duplicate && this.chance(CORRUPTION.dropFather));
    const respell = duplicate && this.chance(CORRUPTION.respell);
    const names: PersonName[] = [];
    if (!originalOnly)
      names.push({
        given: this.spell(person.given, person, respell),
        family: this.spell(person.family, person, respell),
        father: withFather ? this.fatherText(person, true, respell) : null,
      });
    if (withOriginal)
      names.push({
        given: person.given.original,
        family: person.family.original ?? this.spell(person.family, person, false),
        father: withFather ? this.fatherText(person, false, false) : null,
      });
    if (duplicate) this.corruptNames(names);
    let sex: Sex = person.sex;
    if (this.chance(CORRUPTION.sexUnknown)) sex = 'unknown';
    else if (duplicate && this.chance(CORRUPTION.sexWrong)) sex = person.sex === 'male' ? 'female' : 'male';
    const nationality = duplicate && this.chance(CORRUPTION.nationalityMissing) ? null : person.nationality;
    const placeOfOrigin = this.placeOfOrigin(person, duplicate, withOriginal, originalOnly);
    return {
      id,
      names,
      sex,
      nationality,
      ...this.birthDate(person, duplicate),
      ...(placeOfOrigin ? { placeOfOrigin } : {}),
    };
  }

  private corruptNames(names: PersonName[]): void {
    const first = names[0];
    if (!first) return;
    const typos = this.chance(CORRUPTION.typo)
      ? this.chance(CORRUPTION.secondTypo / CORRUPTION.typo)
        ? 2
        : 1
      : 0;
    for (let t = 0; t < typos; t++) {
      const target = pick(this.random, names);
      const field = this.chance(0.5) ? 'given' : 'family';
      const value = target[field];
      if (value) target[field] = this.typo(value);
    }
    if (this.chance(CORRUPTION.swapOrder)) [first.given, first.family] = [first.family, first.given];
    if (this.chance(CORRUPTION.fullString)) {
      names[0] = { full: [first.given, first.father, first.family].filter(Boolean).join(' ') };
    }
  }
}

/** Number of records of a true person: 1, or 2-4 for those with duplicates. */
function copies(generator: PopulationGenerator, duplicateRate: number): number {
  if (!generator.chance(duplicateRate)) return 1;
  if (!generator.chance(0.25)) return 2;
  return generator.chance(0.7) ? 3 : 4;
}

export function generatePopulation(options: PopulationOptions): Population {
  const size = options.size;
  const clusterOf = new Int32Array(size);
  const householdOf = new Int32Array(size);
  const duplicateRate = options.duplicateRate ?? 0.15;
  function* records(): Generator<MatchPerson> {
    const generator = new PopulationGenerator(options.seed ?? 42, { ...PLACE, ...options.place });
    let index = 0;
    let cluster = 0;
    let household = 0;
    while (index < size) {
      for (const person of generator.household()) {
        const count = copies(generator, duplicateRate);
        for (let c = 0; c < count && index < size; c++) {
          clusterOf[index] = cluster;
          householdOf[index] = household;
          yield generator.record(`P${index}`, person, c > 0);
          index++;
        }
        cluster++;
        if (index >= size) return;
      }
      household++;
    }
  }
  return { records: { [Symbol.iterator]: records }, clusterOf, householdOf };
}
