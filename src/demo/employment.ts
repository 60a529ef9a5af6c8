/**
 * Demo return-to-employment support (MAGNET II, Erbil office): partner employers in the Kurdistan Region,
 * their job openings, the returnees' skills profiles and the placements of those whose case reached the
 * placement stage, with the "still employed?" follow-ups at 3 and 6 months.
 *
 * Everything follows the labour cases' histories and notes: a profile once profiling started ("N years in
 * construction abroad, driving licence"), a job once the placement was approved (in a hotel of their town
 * when the matching note says so), an outcome that fits how the case ended.
 */
import {
  DEMO_STAFF,
  DEMO_TODAY,
  type DemoCase,
  type DemoData,
  type DemoPerson,
  type Rng,
  type StaffRef,
} from './people';
import {
  addMonthsTo,
  CUTOFF,
  closedAt,
  DAY,
  dayOf,
  dayOfTime,
  isoDay,
  isoTime,
  MINUTE,
  momentAfter,
  reachedAt,
  TODAY_DAY,
  workingMoment,
} from './timeline';

type Sector =
  | 'agriculture'
  | 'construction'
  | 'manufacturing'
  | 'retail'
  | 'hospitality'
  | 'transport'
  | 'ict'
  | 'services'
  | 'crafts';

export type DemoEmployer = {
  name: string;
  sector: Sector;
  location: string;
  contactName: string;
  phone: string;
  email: string;
  createdAt: string;
};

export type DemoOpening = {
  /** Index in `employers`. */
  employer: number;
  title: string;
  description: string;
  sector: Sector;
  location: string;
  skills: string[];
  languages: string[];
  posts: number;
  status: 'open' | 'closed';
  openedOn: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type DemoProfile = {
  /** Index in `people`. */
  person: number;
  educationLevel: 'none' | 'primary' | 'secondary' | 'vocational' | 'higher';
  workExperience: { title: string; sector: Sector; years: number }[];
  skills: string[];
  languages: string[];
  preferredSectors: Sector[];
  preferredLocations: string[];
  updatedAt: string;
};

export type DemoFollowUp = {
  month: 3 | 6;
  stillEmployed: boolean;
  checkedOn: string;
  note: string | null;
  recordedBy: StaffRef;
  createdAt: string;
};

export type DemoPlacement = {
  person: number;
  /** Index in `cases`: the labour case. */
  case: number;
  /** Index in `openings`. */
  opening: number;
  startDate: string;
  outcome: 'employed' | 'ended' | 'did_not_start';
  endedOn: string | null;
  recordedBy: StaffRef;
  createdAt: string;
  version: number;
  followUps: DemoFollowUp[];
};

export type DemoEmployment = {
  employers: DemoEmployer[];
  openings: DemoOpening[];
  profiles: DemoProfile[];
  placements: DemoPlacement[];
  /** Labour cases whose way back to work is a small business of their own (a start-up grant), not a job. */
  selfEmployed: number[];
};

// ---- employers and jobs -------------------------------------------------------------------------------

/** The governorate capital a town looks to for work. */
const CAPITAL: Record<string, string> = {
  Erbil: 'Erbil',
  Koya: 'Erbil',
  Soran: 'Erbil',
  Kirkuk: 'Erbil',
  Sulaymaniyah: 'Sulaymaniyah',
  Halabja: 'Sulaymaniyah',
  Ranya: 'Sulaymaniyah',
  Chamchamal: 'Sulaymaniyah',
  Kalar: 'Sulaymaniyah',
  Duhok: 'Duhok',
  Zakho: 'Duhok',
  Akre: 'Duhok',
};
const capitalOf = (town: string) => CAPITAL[town] ?? 'Erbil';

type EmployerSpec = {
  name: string;
  sector: Sector;
  location: string;
  /** Towns where it hires. */
  towns: string[];
  contact: string;
  slug: string;
};

/**
 * A partner employer: name, sector, contact person, e-mail slug (jobs@slug.example), and the towns where it
 * hires besides its own ('governorate': every town of its governorate).
 */
type EmployerRow = [
  name: string,
  sector: Sector,
  contact: string,
  slug: string,
  alsoHiresIn?: string[] | 'governorate',
];

/** Employers based in a governorate capital. */
function basedIn(location: string, rows: EmployerRow[]): EmployerSpec[] {
  const governorate = Object.keys(CAPITAL).filter((town) => capitalOf(town) === location);
  return rows.map(([name, sector, contact, slug, alsoHiresIn = []]) => ({
    name,
    sector,
    location,
    towns: alsoHiresIn === 'governorate' ? [...governorate] : [location, ...alsoHiresIn],
    contact,
    slug,
  }));
}

const EMPLOYERS: EmployerSpec[] = [
  ...basedIn('Erbil', [
    ['Hawler Steel Structures', 'manufacturing', 'Dilshad Omar', 'hawlersteel'],
    ['Zagros Construction Company', 'construction', 'Sherzad Mahmood', 'zagros-construction', 'governorate'],
    ['Hawler Gardens Hotel', 'hospitality', 'Avin Qadir', 'hawlergardens'],
    ['Hawler Hospitality Services', 'hospitality', 'Rawand Ismail', 'hawler-hospitality', 'governorate'],
    ['Nishtiman Supermarkets', 'retail', 'Tara Hussein', 'nishtiman', ['Sulaymaniyah', 'Koya']],
    ['Kurdistan Auto Service Centre', 'services', 'Azad Faraj', 'kurdistan-auto', ['Sulaymaniyah']],
    ['KurdNet ICT Solutions', 'ict', 'Rozhan Aziz', 'kurdnet', ['Sulaymaniyah']],
    ['Shaqlawa Poultry Farms', 'agriculture', 'Barzan Khidir', 'shaqlawa-poultry', ['Koya']],
  ]),
  ...basedIn('Sulaymaniyah', [
    [
      'Slemani Cement Blocks Factory',
      'manufacturing',
      'Goran Salih',
      'slemani-blocks',
      ['Chamchamal', 'Kalar'],
    ],
    ['Azmar Hotels and Restaurants', 'hospitality', 'Shno Rashid', 'azmar-hotels', 'governorate'],
    ['Goizha Building Contractors', 'construction', 'Hiwa Othman', 'goizha-contractors', 'governorate'],
    [
      'Sulaimani Logistics and Transport',
      'transport',
      'Kawa Jalal',
      'sulaimani-logistics',
      ['Erbil', 'Duhok'],
    ],
  ]),
  ...basedIn('Duhok', [
    ['Badinan Hotels Group', 'hospitality', 'Jwan Ali', 'badinan-hotels', 'governorate'],
    ['Duhok Dairy and Food Processing', 'manufacturing', 'Diyar Mustafa', 'duhok-dairy', ['Zakho']],
    ['Gara Tiles and Marble', 'construction', 'Nechirvan Saeed', 'gara-tiles', 'governorate'],
    ['Zakho Wholesale Market', 'retail', 'Ari Hassan', 'zakho-wholesale', 'governorate'],
    ['Duhok Auto and Tyres', 'services', 'Peshawa Abdullah', 'duhok-auto', ['Zakho']],
  ]),
];

/** A job: its title, the skills asked for, the languages when set (else Kurdish, sometimes Arabic too). */
type Job = { title: string; skills: string[]; languages?: string[] };
type JobRow = [title: string, skills: string[], languages?: string[]];

const jobs = (rows: JobRow[]): Job[] =>
  rows.map(([title, skills, languages]) => ({ title, skills, languages }));

/** The jobs partner employers offer, by sector. */
const JOBS: Record<Sector, Job[]> = {
  construction: jobs([
    ['Construction worker', ['masonry', 'concrete-work', 'scaffolding']],
    ['Tile setter', ['tiling', 'plastering', 'measuring']],
    ['Site electrician', ['electrical-wiring', 'safety-procedures']],
    ['Plumber', ['plumbing', 'pipe-fitting']],
  ]),
  manufacturing: jobs([
    ['Welder', ['welding', 'metal-cutting', 'blueprint-reading']],
    ['Machine operator', ['machine-operation', 'quality-control']],
    ['Forklift driver', ['forklift-driving', 'warehouse']],
    ['Production line worker', ['packing', 'quality-control']],
  ]),
  hospitality: jobs([
    ['Kitchen assistant', ['food-preparation', 'food-hygiene']],
    ['Cook', ['cooking', 'food-preparation', 'food-hygiene']],
    ['Waiter', ['customer-service', 'food-service'], ['ku', 'ar']],
    ['Housekeeping attendant', ['housekeeping', 'cleaning']],
    ['Hotel receptionist', ['customer-service', 'computer-basics'], ['ku', 'ar', 'en']],
  ]),
  retail: jobs([
    ['Sales assistant', ['sales', 'customer-service', 'cash-handling'], ['ku', 'ar']],
    ['Cashier', ['cash-handling', 'customer-service']],
    ['Warehouse worker', ['warehouse', 'stock-control']],
  ]),
  services: jobs([
    ['Car mechanic', ['car-repair', 'diagnostics']],
    ['Auto electrician', ['car-electrics', 'electrical-wiring']],
    ['Car wash and tyre attendant', ['car-washing', 'tyre-fitting']],
  ]),
  transport: jobs([
    ['Delivery driver', ['driving', 'navigation']],
    ['Truck driver', ['driving', 'truck-licence', 'loading']],
  ]),
  ict: jobs([
    ['IT support technician', ['computer-repair', 'networking', 'customer-service'], ['ku', 'en']],
    ['Mobile phone repair technician', ['phone-repair', 'soldering']],
  ]),
  agriculture: jobs([
    ['Poultry farm worker', ['poultry-farming', 'animal-care']],
    ['Greenhouse worker', ['greenhouse-farming', 'irrigation']],
  ]),
  crafts: jobs([
    ['Tailor', ['sewing', 'tailoring']],
    ['Barber', ['hair-cutting', 'shaving']],
  ]),
};

/** What the openings say of each job. */
const JOB_DESCRIPTIONS: Record<string, string> = {
  'Construction worker': 'Residential building sites; safety equipment provided.',
  'Tile setter': 'Floor and wall tiling in new apartments.',
  'Site electrician': 'Wiring of new buildings under a licensed electrician.',
  Plumber: 'Installation of water and heating pipes.',
  Welder: 'Steel frames and structures; arc and MIG welding.',
  'Machine operator': 'Operating and cleaning production machines, shift work.',
  'Forklift driver': 'Loading and unloading in the factory yard; forklift licence or training.',
  'Production line worker': 'Packing and checking products on the line.',
  'Kitchen assistant': 'Preparation and cleaning in a hotel kitchen.',
  Cook: 'Kurdish and international dishes for the restaurant.',
  Waiter: 'Restaurant service, evening shifts.',
  'Housekeeping attendant': 'Rooms and public areas of the hotel.',
  'Hotel receptionist': 'Front desk, bookings, guests from abroad.',
  'Sales assistant': 'Shop floor and customer advice.',
  Cashier: 'Tills, daily cash count.',
  'Warehouse worker': 'Receiving goods, stock rotation, deliveries to the shops.',
  'Car mechanic': 'Servicing and repairs of cars and light vans.',
  'Auto electrician': 'Electrical faults, batteries, air conditioning.',
  'Car wash and tyre attendant': 'Washing, tyre changes and balancing.',
  'Delivery driver': 'Deliveries in town with a company van; driving licence required.',
  'Truck driver': 'Regional deliveries between Erbil, Sulaymaniyah and Duhok.',
  'IT support technician': 'Support to business customers, installation of networks.',
  'Mobile phone repair technician': 'Screen and battery replacement, repairs in the shop.',
  'Poultry farm worker': 'Feeding, cleaning and egg collection.',
  'Greenhouse worker': 'Vegetable greenhouses, seasonal and permanent posts.',
  Tailor: 'Alterations and made-to-measure clothes.',
  Barber: 'Men’s barber shop.',
};

/** What returnees did abroad, by sector. */
const EXPERIENCE: Record<Sector, string[]> = {
  construction: ['Construction worker', 'Tiler', 'Scaffolder', 'Painter'],
  manufacturing: ['Welder', 'Factory worker', 'Forklift driver'],
  hospitality: ['Kitchen assistant', 'Pizza cook', 'Dishwasher', 'Hotel cleaner'],
  retail: ['Shop assistant', 'Warehouse worker'],
  services: ['Car mechanic', 'Car wash worker'],
  transport: ['Delivery driver', 'Taxi driver'],
  ict: ['Phone repair technician'],
  agriculture: ['Farm worker'],
  crafts: ['Barber', 'Tailor'],
};

const SECTOR_WEIGHTS: [Sector, number][] = [
  ['construction', 30],
  ['hospitality', 18],
  ['manufacturing', 16],
  ['retail', 10],
  ['services', 10],
  ['transport', 8],
  ['ict', 3],
  ['agriculture', 3],
  ['crafts', 2],
];

const FOLLOW_UP_NOTES = {
  employed: [
    'Phone call: still in the job, regular salary.',
    'Visit at the workplace: employer satisfied.',
    'Still employed; asked about a training course to move up.',
    null,
  ],
  left: [
    'Left the job: says the pay was too low for the hours.',
    'No longer employed: the employer reduced staff.',
    'Employer says he stopped coming; not reachable by phone.',
  ],
} as const;

// ---- generation ---------------------------------------------------------------------------------------

type Ctx = {
  rng: Rng;
  /** With the days their posts were taken. */
  openings: (DemoOpening & { fills: number[] })[];
  /** Who records placements and follow-ups: the Erbil caseworker. */
  caseworker: StaffRef;
};

/** A labour case's way to a job: approved on `approved`, starting on `startDay`, in the sector and town. */
type Plan = { c: DemoCase; i: number; approved: number; startDay: number; sector: Sector; town: string };

const labourCases = (data: DemoData) =>
  data.cases
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.caseType === 'labour_reintegration' && reachedAt(c, ['profiling']) !== null);

/** From the profiling note: "Skills profile: 6 years in construction abroad, basic fr, driving licence." */
function profilingNote(c: DemoCase) {
  for (const n of c.notes) {
    const m = /^Skills profile: (\d+) years in construction abroad, basic ([a-z]{2,3}), driving licence/.exec(
      n.body,
    );
    if (m) return { years: Number(m[1]), language: m[2] as string };
  }
  return null;
}
const hotelMatch = (c: DemoCase) =>
  c.notes
    .map((n) => /^Matched with a partner employer in (.+) \(hotel sector\)/.exec(n.body)?.[1])
    .find(Boolean) ?? null;
const wageSubsidyNote = (c: DemoCase) =>
  c.notes.some((n) => n.body.startsWith('Placement started; wage subsidy'));
const employerNote = (c: DemoCase) =>
  hotelMatch(c) !== null ||
  wageSubsidyNote(c) ||
  c.notes.some((n) => n.body.startsWith('Follow-up visit: employer'));

function pickSkills(rng: Rng, sector: Sector, n: number): string[] {
  const pool = [...new Set(JOBS[sector].flatMap((j) => j.skills))];
  const out: string[] = [];
  while (out.length < Math.min(n, pool.length)) {
    const s = rng.pick(pool);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function profileOf(rng: Rng, data: DemoData, c: DemoCase): DemoProfile | null {
  const person = data.people[c.person] as DemoPerson;
  const note = profilingNote(c);
  const sector: Sector = note ? 'construction' : rng.weighted(SECTOR_WEIGHTS);
  const experience: DemoProfile['workExperience'] = [
    {
      title: note ? 'Construction worker' : rng.pick(EXPERIENCE[sector]),
      sector,
      years: note?.years ?? rng.int(1, 8),
    },
  ];
  if (rng.chance(0.35)) {
    const before = rng.weighted(SECTOR_WEIGHTS);
    experience.push({ title: rng.pick(EXPERIENCE[before]), sector: before, years: rng.int(1, 4) });
  }
  const skills = pickSkills(rng, sector, rng.int(2, 4));
  if (note || rng.chance(0.3)) skills.push('driving');
  const second = experience[1]?.sector;
  if (second && second !== sector && rng.chance(0.6)) skills.push(...pickSkills(rng, second, 1));
  // Kurdish for every one of them; the dialect (Sorani, Kurmanji) stays on the person's record.
  const languages = ['ku', ...person.languages.filter((l) => l !== 'ckb' && l !== 'kmr')];
  if (note && !languages.includes(note.language)) languages.push(note.language);
  const place = person.placeOfOrigin ?? 'Erbil';
  const preferredLocations = [place];
  if (capitalOf(place) !== place) preferredLocations.push(capitalOf(place));
  const preferredSectors: Sector[] = [sector];
  if (second && second !== sector && rng.chance(0.5)) preferredSectors.push(second);
  const profiling = reachedAt(c, ['profiling']) as number;
  const end = Math.min(CUTOFF, closedAt(c) ?? CUTOFF, reachedAt(c, ['matching']) ?? CUTOFF);
  const at = momentAfter(rng, profiling, end, rng.int(1, 6));
  if (at === null) return null;
  return {
    person: c.person,
    educationLevel: rng.weighted([
      ['none', 6],
      ['primary', 24],
      ['secondary', 36],
      ['vocational', 22],
      ['higher', 12],
    ] as const),
    workExperience: experience,
    skills: [...new Set(skills)],
    languages: [...new Set(languages)],
    preferredSectors,
    preferredLocations,
    updatedAt: isoTime(at),
  };
}

function employerFor(rng: Rng, sector: Sector, town: string): { employer: number; town: string } {
  const hiring = (t: string) =>
    EMPLOYERS.map((e, i) => ({ e, i })).filter(({ e }) => e.sector === sector && e.towns.includes(t));
  for (const t of [town, capitalOf(town)]) {
    const found = hiring(t);
    if (found.length > 0) return { employer: rng.pick(found).i, town: t };
  }
  const any = EMPLOYERS.map((e, i) => ({ e, i })).filter(({ e }) => e.sector === sector);
  const chosen = rng.pick(any.length > 0 ? any : EMPLOYERS.map((e, i) => ({ e, i })));
  return { employer: chosen.i, town: chosen.e.location };
}

function newOpening(
  ctx: Ctx,
  employer: number,
  town: string,
  openedDay: number,
  job?: Job,
): DemoOpening & { fills: number[] } {
  const { rng } = ctx;
  const spec = EMPLOYERS[employer] as EmployerSpec;
  const chosen = job ?? rng.pick(JOBS[spec.sector]);
  const languages = chosen.languages ?? (rng.chance(0.3) ? ['ku', 'ar'] : ['ku']);
  const created = workingMoment(rng, openedDay);
  return {
    employer,
    title: chosen.title,
    description: JOB_DESCRIPTIONS[chosen.title] as string,
    sector: spec.sector,
    location: town,
    skills: [...chosen.skills],
    languages: [...languages],
    posts: rng.weighted([
      [1, 15],
      [2, 30],
      [3, 30],
      [4, 15],
      [5, 10],
    ] as const),
    status: 'open',
    openedOn: isoDay(openedDay),
    createdAt: isoTime(created),
    updatedAt: isoTime(created),
    version: 1,
    fills: [],
  };
}

/** An opening of the sector in the town with a post left on `startDay`, opened shortly before; else a new one. */
function openingFor(ctx: Ctx, sector: Sector, town: string, startDay: number, avoid: number | null): number {
  const { rng } = ctx;
  const { employer, town: where } = employerFor(rng, sector, town);
  const found = ctx.openings.findIndex(
    (o, i) =>
      i !== avoid &&
      o.sector === sector &&
      o.location === where &&
      dayOf(o.openedOn) <= startDay - 5 &&
      dayOf(o.openedOn) >= startDay - 300 &&
      o.fills.length < o.posts,
  );
  if (found !== -1) return found;
  ctx.openings.push(newOpening(ctx, employer, where, startDay - rng.int(12, 45)));
  return ctx.openings.length - 1;
}

/** A placement the caseworker recorded at `recorded`; one that ended or never started was edited since. */
function placementOf(
  ctx: Ctx,
  p: Plan,
  job: {
    opening: number;
    startDay: number;
    outcome: DemoPlacement['outcome'];
    endedOn?: string | null;
    recorded: number;
  },
): DemoPlacement {
  return {
    person: p.c.person,
    case: p.i,
    opening: job.opening,
    startDate: isoDay(job.startDay),
    outcome: job.outcome,
    endedOn: job.endedOn ?? null,
    recordedBy: ctx.caseworker,
    createdAt: isoTime(job.recorded),
    version: job.outcome === 'employed' ? 1 : 2,
    followUps: [],
  };
}

function followUps(
  rng: Rng,
  placement: Pick<DemoPlacement, 'startDate' | 'outcome' | 'endedOn'>,
  who: StaffRef,
  leaveDue: boolean,
): DemoFollowUp[] {
  const out: DemoFollowUp[] = [];
  if (placement.outcome === 'did_not_start') return out;
  for (const month of [3, 6] as const) {
    const due = addMonthsTo(placement.startDate, month);
    if (placement.outcome === 'ended' && placement.endedOn !== null && placement.endedOn < due) continue;
    if (due > DEMO_TODAY) continue;
    // A follow-up that fell due in the last days may still be waiting for its call.
    if (leaveDue && dayOf(due) > TODAY_DAY - 20) continue;
    // Checked on a working day in the two weeks after it fell due (never after the demo's today); a call
    // just after someone left finds it out.
    const left = placement.endedOn !== null && dayOf(placement.endedOn) - dayOf(due) <= 12;
    const checkDay = left ? dayOf(placement.endedOn as string) + rng.int(1, 6) : dayOf(due) + rng.int(0, 12);
    const at = workingMoment(rng, Math.min(TODAY_DAY, checkDay));
    const checkedOn = isoDay(dayOfTime(at));
    const stillEmployed = !(
      placement.outcome === 'ended' &&
      placement.endedOn !== null &&
      placement.endedOn <= checkedOn
    );
    out.push({
      month,
      stillEmployed,
      checkedOn,
      note: stillEmployed ? rng.pick(FOLLOW_UP_NOTES.employed) : rng.pick(FOLLOW_UP_NOTES.left),
      recordedBy: who,
      createdAt: isoTime(at),
    });
  }
  return out;
}

export function generateEmployment(rng: Rng, data: DemoData): DemoEmployment {
  const erbil = DEMO_STAFF.EBL;
  if (!erbil) throw new Error('no Erbil staff');
  const ctx: Ctx = { rng, openings: [], caseworker: erbil.caseworker };
  const cases = labourCases(data);

  // Skills profiles: one per returnee whose case reached profiling (in the order of the cases).
  const profiles: DemoProfile[] = [];
  const profileOfCase = new Map<number, DemoProfile>();
  for (const { c, i } of cases) {
    if (profiles.some((p) => p.person === c.person)) continue;
    const profile = profileOf(rng, data, c);
    if (!profile) continue;
    profiles.push(profile);
    profileOfCase.set(i, profile);
  }

  // Placements of the cases that reached the placement stage, in the order the jobs started.
  const placed: Plan[] = [];
  const selfEmployed: number[] = [];
  for (const { c, i } of cases) {
    const approved = reachedAt(c, ['placement']);
    const profile = profileOfCase.get(i);
    if (approved === null || !profile) continue;
    const followUp = reachedAt(c, ['follow_up']);
    if (followUp === null && c.status !== 'placement') continue;
    if (!employerNote(c) && rng.chance(0.22)) {
      selfEmployed.push(i);
      continue;
    }
    const from = dayOfTime(approved) + 2;
    const to = followUp !== null ? dayOfTime(followUp) - 1 : TODAY_DAY - 2;
    if (to < from) continue;
    const hotel = hotelMatch(c);
    placed.push({
      c,
      i,
      approved,
      startDay: rng.int(from, Math.min(to, from + 25)),
      sector: hotel ? 'hospitality' : (profile.preferredSectors[0] as Sector),
      // Jobs are mostly in the governorate's capital; the matching note names the town of the hotel.
      town: hotel ?? capitalOf(profile.preferredLocations[0] as string),
    });
  }
  placed.sort((a, b) => a.startDay - b.startDay || a.i - b.i);

  const placements: DemoPlacement[] = [];
  let noShows = 0;
  for (const p of placed) {
    const closed = closedAt(p.c);
    // Two returnees did not turn up for a first job found for them: a second one was found.
    let avoid: number | null = null;
    // Recorded once the placement was approved, by the start date at the latest.
    const recordedOn = (day: number) =>
      Math.min(
        Math.max(workingMoment(rng, day), p.approved + rng.int(30, 240) * MINUTE),
        CUTOFF - 60 * MINUTE,
      );
    if (noShows < 2 && p.c.status !== 'placement' && p.startDay - dayOfTime(p.approved) > 12) {
      noShows++;
      const firstDay = p.startDay - rng.int(8, 12);
      const opening = openingFor(ctx, p.sector, p.town, firstDay, null);
      avoid = opening;
      const recorded = recordedOn(firstDay - rng.int(1, 4));
      placements.push(
        placementOf(ctx, p, { opening, startDay: firstDay, outcome: 'did_not_start', recorded }),
      );
    }
    const opening = openingFor(ctx, p.sector, p.town, p.startDay, avoid);
    (ctx.openings[opening] as { fills: number[] }).fills.push(p.startDay);
    // How it went: still employed, or ended (left, or the case was closed on contact lost or re-migration).
    let outcome: DemoPlacement['outcome'] = 'employed';
    let endedOn: string | null = null;
    if (p.c.closureReason === 'lost_contact' || p.c.closureReason === 're_migrated') {
      outcome = 'ended';
      const closedDay = dayOfTime(closed ?? CUTOFF);
      const last = Math.max(p.startDay + 20, closedDay - rng.int(5, 40));
      endedOn = isoDay(Math.min(last, closedDay - 1));
      // Some left just after a follow-up fell due: the call found out.
      const month = rng.pick([3, 6]);
      const due = dayOf(addMonthsTo(isoDay(p.startDay), month)) + rng.int(0, 5);
      if (rng.chance(0.6) && due < closedDay - 10) endedOn = isoDay(due);
    } else if (p.c.status === 'follow_up' && rng.chance(0.1) && TODAY_DAY - p.startDay > 40) {
      outcome = 'ended';
      endedOn = isoDay(rng.int(p.startDay + 30, TODAY_DAY - 3));
    }
    const recorded = recordedOn(p.startDay - rng.int(0, 3));
    const placement = placementOf(ctx, p, { opening, startDay: p.startDay, outcome, endedOn, recorded });
    placement.followUps = followUps(
      rng,
      placement,
      ctx.caseworker,
      p.c.status === 'follow_up' && rng.chance(0.5),
    );
    placements.push(placement);
  }

  // Openings for the returnees still looking (profiling, matching): recent, open, in their sector and town.
  const looking = cases.filter(({ c }) => ['profiling', 'matching'].includes(c.status));
  for (const { i } of looking) {
    const profile = profileOfCase.get(i);
    if (!profile) continue;
    const sector = profile.preferredSectors[0] as Sector;
    const { employer, town } = employerFor(rng, sector, capitalOf(profile.preferredLocations[0] as string));
    const recent = (o: DemoOpening & { fills: number[] }) =>
      o.sector === sector &&
      o.location === town &&
      dayOf(o.openedOn) > TODAY_DAY - 90 &&
      o.fills.length < o.posts;
    if (ctx.openings.some(recent)) continue;
    ctx.openings.push(newOpening(ctx, employer, town, TODAY_DAY - rng.int(5, 50)));
  }
  // And a few more on the job board.
  const board: [Sector, string][] = [
    ['manufacturing', 'Erbil'],
    ['transport', 'Sulaymaniyah'],
    ['ict', 'Erbil'],
    ['retail', 'Duhok'],
  ];
  for (const [sector, town] of board) {
    if (
      ctx.openings.some(
        (o) => o.sector === sector && o.location === town && dayOf(o.openedOn) > TODAY_DAY - 60,
      )
    )
      continue;
    const { employer, town: where } = employerFor(rng, sector, town);
    ctx.openings.push(newOpening(ctx, employer, where, TODAY_DAY - rng.int(3, 55)));
  }

  // Openings close once full, or after about five months; the others are on the job board.
  const openings = ctx.openings
    .map((o, index) => ({ o, index, opened: dayOf(o.openedOn) }))
    .sort((a, b) => a.opened - b.opened || a.index - b.index);
  const order = new Map(openings.map(({ index }, n) => [index, n]));
  const lastRecorded = (index: number) =>
    Math.max(0, ...placements.filter((x) => x.opening === index).map((x) => Date.parse(x.createdAt)));
  const finalOpenings: DemoOpening[] = openings.map(({ o, index }) => {
    const { fills, ...opening } = o;
    const last = fills.length > 0 ? Math.max(...fills) : null;
    let closedDay: number | null = null;
    if (fills.length >= o.posts && last !== null) closedDay = last + rng.int(1, 10);
    else if (dayOf(o.openedOn) < TODAY_DAY - 300)
      closedDay = Math.max(last ?? 0, dayOf(o.openedOn) + rng.int(240, 300));
    if (closedDay !== null && closedDay < TODAY_DAY) {
      const at = Math.max(
        workingMoment(rng, closedDay),
        Date.parse(o.createdAt) + DAY,
        lastRecorded(index) + rng.int(60, 240) * MINUTE,
      );
      return {
        ...opening,
        status: 'closed',
        updatedAt: isoTime(Math.min(at, CUTOFF - 60 * MINUTE)),
        version: 2,
      };
    }
    return opening;
  });
  for (const p of placements) p.opening = order.get(p.opening) as number;

  // Employers, in the order they joined: a few weeks before their first opening.
  const used = [...new Set(finalOpenings.map((o) => o.employer))];
  const firstOpened = (e: number) =>
    Math.min(...finalOpenings.filter((o) => o.employer === e).map((o) => Date.parse(o.createdAt)));
  used.sort((a, b) => firstOpened(a) - firstOpened(b) || a - b);
  const employerIndex = new Map(used.map((e, n) => [e, n]));
  const employers: DemoEmployer[] = used.map((e) => {
    const spec = EMPLOYERS[e] as EmployerSpec;
    const joined = Math.max(dayOf('2014-04-01'), dayOfTime(firstOpened(e)) - rng.int(5, 30));
    return {
      name: spec.name,
      sector: spec.sector,
      location: spec.location,
      contactName: spec.contact,
      phone: `+964 7${rng.pick(['50', '51', '70', '71'])} ${rng.digits(3)} ${rng.digits(4)}`,
      email: `jobs@${spec.slug}.example`,
      createdAt: isoTime(Math.min(workingMoment(rng, joined), firstOpened(e) - 60 * MINUTE)),
    };
  });
  for (const o of finalOpenings) o.employer = employerIndex.get(o.employer) as number;
  return { employers, openings: finalOpenings, profiles, placements, selfEmployed };
}
