/**
 * Demo reintegration: needs assessments, plans (items, submitted, approved as versions, sometimes changed and
 * approved again) and deliveries, as the reintegration module would have recorded them along each case's
 * history. Victims of trafficking returned under CARE and TACT get a tailored package once their case reaches
 * reintegration planning (in the origin office that took the case over, or in the host office that kept it);
 * MAGNET II returnees get job-search support, training, a wage subsidy to their employer or a start-up grant.
 *
 * What is approved stays within each budget line and the project's per-person allowance (converted at the
 * day's rate); what is delivered never exceeds what the version in force approved.
 */
import type { Currency } from '../platform/money';
import type { DemoEmployment, DemoPlacement, DemoProfile } from './employment';
import { DEMO_ALLOWANCES, DEMO_BUDGET_LINES, eurCentsOn, eurPerUnitOn, minorOf } from './finance';
import type { DemoCase, DemoData, DemoPerson, Rng, StaffRef } from './people';
import {
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
  staffOfCase,
  TODAY_DAY,
  workingMoment,
} from './timeline';

type Level = 'none' | 'low' | 'medium' | 'high';
type Dimension = 'economic' | 'social' | 'psychosocial';
type ServiceType =
  | 'business_start_up'
  | 'vocational_training'
  | 'on_the_job_training'
  | 'job_placement'
  | 'housing'
  | 'medical_care'
  | 'psychosocial_counselling'
  | 'education_children'
  | 'legal_aid'
  | 'material_assistance'
  | 'cash_allowance';
type Mode = 'cash' | 'in_kind' | 'voucher' | 'referral';
type Lang = 'fr' | 'en';

export type DemoAssessment = {
  /** Index in `cases`. */
  case: number;
  economic: { level: Level; notes: string | null };
  social: { level: Level; notes: string | null };
  psychosocial: { level: Level; notes: string | null };
  assessedOn: string;
  assessedBy: StaffRef;
  createdAt: string;
};

export type DemoPlanItem = {
  dimension: Dimension;
  serviceType: ServiceType;
  description: string;
  providerKind: 'in_house' | 'partner';
  providerName: string | null;
  deliveryMode: Mode;
  plannedMinor: number;
  currency: Currency;
  plannedDate: string | null;
  /** A budget line code of the case's project. */
  budgetLine: string | null;
  removed: boolean;
  createdAt: string;
};

/** An item as a version froze it (`item`: its index in the plan's items). */
export type DemoItemSnapshot = Omit<DemoPlanItem, 'removed' | 'createdAt'> & { item: number };

export type DemoPlanVersion = {
  number: number;
  items: DemoItemSnapshot[];
  approvedBy: StaffRef;
  approvedAt: string;
};

export type DemoDelivery = {
  /** Index in the plan's items. */
  item: number;
  amountMinor: number;
  currency: Currency;
  deliveredOn: string;
  vendor: string | null;
  receiptConfirmedBy: string | null;
  recordedBy: StaffRef;
  createdAt: string;
};

export type DemoPlan = {
  /** Index in `cases`. */
  case: number;
  status: 'draft' | 'submitted' | 'approved';
  approvedVersion: number | null;
  submittedBy: StaffRef | null;
  submittedAt: string | null;
  decidedBy: StaffRef | null;
  decidedAt: string | null;
  decisionComment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  items: DemoPlanItem[];
  versions: DemoPlanVersion[];
  deliveries: DemoDelivery[];
};

export type DemoReintegration = { assessments: DemoAssessment[]; plans: DemoPlan[] };

// ---- a plan, changed as the module changes it ---------------------------------------------------------

type NewItem = Omit<DemoPlanItem, 'removed' | 'createdAt'>;

class PlanBuilder {
  readonly plan: DemoPlan;
  constructor(caseIndex: number, at: number) {
    this.plan = {
      case: caseIndex,
      status: 'draft',
      approvedVersion: null,
      submittedBy: null,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      version: 0,
      createdAt: isoTime(at),
      updatedAt: isoTime(at),
      items: [],
      versions: [],
      deliveries: [],
    };
  }
  /** Every change bumps the version; a change to an approved plan makes it a draft again. */
  private touch(at: number) {
    const p = this.plan;
    if (p.status === 'submitted') throw new Error('demo plan changed while submitted');
    if (Date.parse(p.updatedAt) > at) throw new Error('demo plan changed out of order');
    p.status = 'draft';
    p.version += 1;
    p.updatedAt = isoTime(at);
  }
  add(item: NewItem, at: number): number {
    this.touch(at);
    this.plan.items.push({ ...item, removed: false, createdAt: isoTime(at) });
    return this.plan.items.length - 1;
  }
  remove(index: number, at: number) {
    this.touch(at);
    (this.plan.items[index] as DemoPlanItem).removed = true;
  }
  submit(by: StaffRef, at: number) {
    const p = this.plan;
    if (p.status !== 'draft') throw new Error('demo plan submitted twice');
    p.status = 'submitted';
    p.version += 1;
    p.submittedBy = by;
    p.submittedAt = isoTime(at);
    p.updatedAt = isoTime(at);
  }
  approve(by: StaffRef, at: number, comment: string | null) {
    const p = this.plan;
    if (p.status !== 'submitted') throw new Error('demo plan approved unsubmitted');
    const number = (p.approvedVersion ?? 0) + 1;
    p.versions.push({
      number,
      items: p.items.flatMap(({ removed, createdAt, ...item }, i) => (removed ? [] : [{ ...item, item: i }])),
      approvedBy: by,
      approvedAt: isoTime(at),
    });
    p.status = 'approved';
    p.approvedVersion = number;
    p.decidedBy = by;
    p.decidedAt = isoTime(at);
    p.decisionComment = comment;
    p.version += 1;
    p.updatedAt = isoTime(at);
  }
  sendBack(by: StaffRef, at: number, comment: string) {
    const p = this.plan;
    if (p.status !== 'submitted') throw new Error('demo plan returned unsubmitted');
    p.status = 'draft';
    p.decidedBy = by;
    p.decidedAt = isoTime(at);
    p.decisionComment = comment;
    p.version += 1;
    p.updatedAt = isoTime(at);
  }
  /** What the version in force at `at` approved for the item (0 when not approved then). */
  approvedAt(index: number, at: number): number {
    let amount = 0;
    for (const v of this.plan.versions)
      if (Date.parse(v.approvedAt) <= at) amount = v.items.find((i) => i.item === index)?.plannedMinor ?? 0;
    return amount;
  }
  delivered(index: number): number {
    return this.plan.deliveries.filter((d) => d.item === index).reduce((s, d) => s + d.amountMinor, 0);
  }
}

// ---- money -------------------------------------------------------------------------------------------

/** The step amounts are rounded to, in minor units: whole euros, hundreds of lek, tens of dirham... */
const STEP: Partial<Record<Currency, number>> = {
  EUR: minorOf(10, 'EUR'),
  ALL: minorOf(100, 'ALL'),
  MAD: minorOf(10, 'MAD'),
  UAH: minorOf(10, 'UAH'),
  IQD: minorOf(1_000, 'IQD'),
};
const roundTo = (minor: number, currency: Currency) => {
  const step = STEP[currency] ?? 1;
  return Math.max(step, Math.round(minor / step) * step);
};
/** Euros (major units) as an amount in the currency on a day, rounded to its step. */
function fromEuros(euros: number, currency: Currency, day: string): number {
  const rate = eurPerUnitOn(currency, day);
  if (rate === undefined) throw new Error(`no demo rate for ${currency} on ${day}`);
  return roundTo(minorOf(euros / rate, currency), currency);
}

const LOCAL: Record<string, Currency> = { AL: 'ALL', MA: 'MAD', UA: 'UAH', IQ: 'IQD' };

/** The budget lines of the project: thematic lines in euros, local-payment lines per currency. */
const THEMATIC: Record<string, Partial<Record<ServiceType, string>>> = {
  CARE: {
    business_start_up: 'CARE-02',
    cash_allowance: 'CARE-02',
    material_assistance: 'CARE-05',
    vocational_training: 'CARE-03',
    education_children: 'CARE-03',
    medical_care: 'CARE-04',
    psychosocial_counselling: 'CARE-04',
    housing: 'CARE-05',
    legal_aid: 'CARE-06',
  },
  TACT: {
    business_start_up: 'TACT-02',
    cash_allowance: 'TACT-02',
    material_assistance: 'TACT-05',
    vocational_training: 'TACT-03',
    education_children: 'TACT-03',
    medical_care: 'TACT-04',
    psychosocial_counselling: 'TACT-04',
    housing: 'TACT-05',
    legal_aid: 'TACT-06',
  },
  MAGNET2: {
    cash_allowance: 'MAG-05',
    vocational_training: 'MAG-02',
    on_the_job_training: 'MAG-02',
    business_start_up: 'MAG-03',
    job_placement: 'MAG-04',
  },
};
function lineFor(project: string, service: ServiceType, currency: Currency): string | null {
  if (currency === 'EUR') return THEMATIC[project]?.[service] ?? null;
  return DEMO_BUDGET_LINES.find((l) => l.project === project && l.currency === currency)?.code ?? null;
}

// ---- texts -------------------------------------------------------------------------------------------

const ASSESSMENT: Record<Dimension, Record<Lang, Partial<Record<Level, string[]>>>> = {
  economic: {
    en: {
      high: [
        'No income since return; relies on relatives.',
        'Debts to the recruiter; no work and no savings.',
      ],
      medium: ['Occasional work only; wants a stable income.', 'Some work experience abroad; no income yet.'],
      low: ['Can join the family business; needs little support.'],
    },
    fr: {
      high: [
        'Aucun revenu depuis le retour ; dépend de ses proches.',
        'Dettes envers le recruteur ; ni travail ni épargne.',
      ],
      medium: [
        'Travail occasionnel seulement ; souhaite un revenu stable.',
        'Expérience professionnelle à l’étranger ; pas encore de revenu.',
      ],
      low: ['Peut rejoindre le commerce familial ; peu de besoins.'],
    },
  },
  social: {
    en: {
      high: [
        'No safe place to stay; family not supportive.',
        'No identity documents; cannot register for services.',
      ],
      medium: [
        'Staying with relatives for now; needs documents and health care.',
        'Housing is precarious; children not yet enrolled at school.',
      ],
      low: ['Lives with family; has access to local services.'],
    },
    fr: {
      high: [
        'Pas de logement sûr ; famille peu soutenante.',
        'Sans papiers d’identité ; ne peut pas accéder aux services.',
      ],
      medium: [
        'Hébergement chez des proches pour l’instant ; besoins en documents et en soins.',
        'Logement précaire ; enfants pas encore scolarisés.',
      ],
      low: ['Vit en famille ; accès aux services locaux.'],
    },
  },
  psychosocial: {
    en: {
      high: [
        'Signs of trauma and fear of the network; counselling needed.',
        'Sleep problems and anxiety since return; psychiatric follow-up.',
      ],
      medium: [
        'Anxiety about the future; stigma in the community.',
        'Isolated since return; would benefit from a support group.',
      ],
      low: ['Coping well; regular contact with the caseworker.'],
    },
    fr: {
      high: [
        'Signes de traumatisme, peur du réseau ; suivi psychologique nécessaire.',
        'Troubles du sommeil et anxiété depuis le retour ; suivi psychiatrique.',
      ],
      medium: [
        'Inquiétude pour l’avenir ; stigmatisation dans l’entourage.',
        'Isolement depuis le retour ; un groupe de parole serait utile.',
      ],
      low: ['Fait face ; contacts réguliers avec le référent.'],
    },
  },
};

const MAGNET_ASSESSMENT: Record<Dimension, Partial<Record<Level, string[]>>> = {
  economic: {
    high: [
      'Unemployed since return; main earner of the family.',
      'No job since return; savings used up on the journey.',
    ],
    medium: ['Day labour now and then; looking for a steady job.'],
  },
  social: {
    low: ['Lives with family; good contacts in the town.'],
    medium: ['Renting a room; family far away.', 'Returned after years abroad; needs to rebuild contacts.'],
  },
  psychosocial: {
    low: ['Disappointed by the return but motivated to work.'],
    medium: ['Stressed by debts taken for the journey; counselling offered.'],
  },
};

type ItemText = Record<Lang, string>;
const BUSINESSES: ItemText[] = [
  {
    en: 'Hairdressing salon: chair, dryer, basin and first products',
    fr: 'Salon de coiffure : fauteuil, séchoir, bac et premiers produits',
  },
  {
    en: 'Sewing workshop: two machines, an overlocker and fabric',
    fr: 'Atelier de couture : deux machines, une surjeteuse et du tissu',
  },
  { en: 'Beauty salon: equipment and products', fr: 'Institut de beauté : matériel et produits' },
  {
    en: 'Café-snack: coffee machine, fridge and furniture',
    fr: 'Snack-café : machine à café, réfrigérateur et mobilier',
  },
  {
    en: 'Poultry: 150 laying hens, feed and repairs to the coop',
    fr: 'Élevage : 150 poules pondeuses, aliment et réparation du poulailler',
  },
  {
    en: 'Mobile phone accessories stall: stand and first stock',
    fr: 'Stand d’accessoires de téléphonie : présentoir et premier stock',
  },
];
const GROCERY: ItemText = {
  en: 'Small grocery: shelving, fridge and first stock',
  fr: 'Petite épicerie : étagères, réfrigérateur et premier stock',
};
const COURSES: ItemText[] = [
  { en: 'Hairdressing course (4 months)', fr: 'Formation en coiffure (4 mois)' },
  { en: 'Cooking course (3 months)', fr: 'Formation en cuisine (3 mois)' },
  { en: 'Tailoring course (4 months)', fr: 'Formation en couture (4 mois)' },
  {
    en: 'Accounting and computer course (3 months)',
    fr: 'Formation en comptabilité et informatique (3 mois)',
  },
  { en: 'Nursing assistant course (6 months)', fr: 'Formation d’aide-soignant(e) (6 mois)' },
  { en: 'Hotel reception course (3 months)', fr: 'Formation en réception hôtelière (3 mois)' },
];
const TEXT = {
  rent: { en: 'Rent support for six months', fr: 'Aide au loyer pendant six mois' },
  household: { en: 'Furniture and household items', fr: 'Mobilier et équipement du logement' },
  subsistence: {
    en: 'Subsistence allowance for the first three months',
    fr: 'Allocation de subsistance pour les trois premiers mois',
  },
  counselling: {
    en: 'Individual counselling, ten sessions',
    fr: 'Suivi psychologique individuel, dix séances',
  },
  medical: { en: 'Medical check-up and treatment', fr: 'Bilan de santé et traitement' },
  psychiatric: { en: 'Psychiatric follow-up and medication', fr: 'Suivi psychiatrique et traitement' },
  antenatal: { en: 'Antenatal care and delivery costs', fr: 'Suivi de grossesse et frais d’accouchement' },
  school: {
    en: 'School fees and supplies for her child',
    fr: 'Frais de scolarité et fournitures pour son enfant',
  },
  debts: {
    en: 'Legal counselling on the debts to the recruiter',
    fr: 'Conseil juridique sur les dettes envers le recruteur',
  },
  documents: {
    en: 'Civil registration and new identity documents',
    fr: 'Inscription à l’état civil et nouveaux papiers d’identité',
  },
  dental: { en: 'Dental treatment', fr: 'Soins dentaires' },
  shelter: {
    en: 'Shelter placement for three months, with psychosocial support',
    fr: 'Hébergement en foyer pendant trois mois, avec soutien psychosocial',
  },
  extraCounselling: {
    en: 'Additional counselling sessions',
    fr: 'Séances de suivi psychologique supplémentaires',
  },
} as const;

const APPROVAL_COMMENT: Record<Lang, (string | null)[]> = {
  en: [null, null, null, 'Approved.', 'Approved; please keep the receipts.'],
  fr: [null, null, null, 'Validé.', 'Validé ; merci de conserver les justificatifs.'],
};
const CHANGE_COMMENT: Record<Lang, string[]> = {
  en: ['Change approved after the 3-month visit.', 'Additional support approved.'],
  fr: ['Modification validée après la visite à 3 mois.', 'Soutien complémentaire validé.'],
};
const RETURN_COMMENT: Record<Lang, string> = {
  en: 'Please add the supplier’s quote and split the grant into two instalments.',
  fr: 'Merci de joindre le devis du fournisseur et de prévoir le versement en deux tranches.',
};

// ---- providers and vendors ---------------------------------------------------------------------------

const TRAINING: Record<string, (place: string) => string> = {
  AL: (place) =>
    ['Shkodër', 'Elbasan', 'Vlorë', 'Durrës', 'Korçë'].includes(place)
      ? `Public Vocational Training Centre, ${place}`
      : 'Public Vocational Training Centre No. 1, Tirana',
  MA: (place) => `OFPPT, centre de formation de ${place}`,
  UA: (place) => `State Employment Service training centre, ${place}`,
};
const COUNSELLING: Record<string, (place: string) => string> = {
  AL: (place) => (place === 'Elbasan' ? 'Tjetër Vizion' : place === 'Vlorë' ? 'Vatra' : 'Different & Equal'),
  MA: () => 'Fondation Orient-Occident',
  UA: () => 'La Strada-Ukraine',
};
const LEGAL: Record<string, (place: string) => string> = {
  AL: () => 'Tirana Legal Aid Society',
  MA: (place) => `Avocate partenaire, barreau de ${place}`,
  UA: (place) => `Free legal aid centre, ${place}`,
};
const HEALTH: Record<string, (place: string) => string> = {
  AL: (place) => `Health centre, ${place}`,
  MA: (place) => `Centre de santé, ${place}`,
  UA: (place) => `City polyclinic, ${place}`,
};
const SHOPS: Record<string, string[]> = {
  AL: ['Elektro Drini sh.p.k.', 'Tregtia Ilira sh.p.k.', 'Mobileri Teuta sh.p.k.', 'Agro Arbëria sh.p.k.'],
  MA: ['Droguerie Al Amal', 'Atlas Équipement SARL', 'Grossiste Al Baraka', 'Mobilier Chaoui'],
  UA: ['FOP Kovalchuk', 'TOV Dnipro-Torh', 'FOP Savchenko', 'TOV Budmarket'],
  IQ: ['Kurdistan Tools Market', 'Newroz Trading', 'Hawler Equipment Trading', 'Slemani Machinery'],
};
/** Erbil works in English. */
const MAGNET_TRAINING: Record<string, string> = {
  construction: 'Tiling and plastering course (6 weeks)',
  manufacturing: 'Welding course (8 weeks)',
  hospitality: 'Cooking and food hygiene course (6 weeks)',
  retail: 'Sales and bookkeeping course (4 weeks)',
  services: 'Car electrics course (8 weeks)',
  transport: 'Heavy-vehicle licence course',
  ict: 'Computer maintenance course (8 weeks)',
  agriculture: 'Poultry farming course (4 weeks)',
  crafts: 'Tailoring course (8 weeks)',
};
const MAGNET_BUSINESS: Record<string, string> = {
  construction: 'Tools and a mixer for a small tiling business',
  manufacturing: 'Welding machine and generator for a metal workshop',
  hospitality: 'Food cart and cooking equipment',
  retail: 'Grocery kiosk: shelves and first stock',
  services: 'Tools and compressor for a tyre repair shop',
  transport: 'Contribution to a second-hand pickup for a delivery business',
  ict: 'Mobile phone repair kiosk: tools and stock',
  agriculture: 'Poultry unit: 300 broilers, feed and feeders',
  crafts: 'Barber shop: chairs, mirrors and equipment',
};
const VTC: Record<string, string> = {
  Erbil: 'Vocational Training Centre (Ministry of Labour and Social Affairs), Erbil',
  Sulaymaniyah: 'Vocational Training Centre (Ministry of Labour and Social Affairs), Sulaymaniyah',
  Duhok: 'Vocational Training Centre (Ministry of Labour and Social Affairs), Duhok',
};

// ---- the generator -----------------------------------------------------------------------------------

type Ctx = {
  rng: Rng;
  data: DemoData;
  employment: DemoEmployment;
  /** Minor units committed per budget line by the latest approved versions (kept under the line). */
  committed: Map<string, number>;
  /** What plans waiting for a decision would add, so that they can still be approved. */
  reserved: Map<string, number>;
  assessments: DemoAssessment[];
  plans: DemoPlan[];
};

const levelOf = (rng: Rng, weights: [Level, number][]) => rng.weighted(weights);

function assess(
  ctx: Ctx,
  caseIndex: number,
  by: StaffRef,
  at: number,
  levels: Record<Dimension, Level>,
  texts: (d: Dimension, l: Level) => string[] | undefined,
) {
  const { rng } = ctx;
  const dim = (d: Dimension) => {
    const level = levels[d];
    const options = level === 'none' ? undefined : texts(d, level);
    return { level, notes: options && options.length > 0 ? rng.pick(options) : null };
  };
  ctx.assessments.push({
    case: caseIndex,
    economic: dim('economic'),
    social: dim('social'),
    psychosocial: dim('psychosocial'),
    assessedOn: isoDay(dayOfTime(at)),
    assessedBy: by,
    createdAt: isoTime(at),
  });
}

/**
 * The lines the items would overflow: what approved plans commit and plans waiting for a decision hold,
 * without this plan's own commitment (`own`), plus the items.
 */
function overflowing(
  ctx: Ctx,
  items: readonly { budgetLine: string | null; plannedMinor: number }[],
  own: Map<string, number>,
): Set<string> {
  const need = new Map<string, number>();
  for (const i of items)
    if (i.budgetLine) need.set(i.budgetLine, (need.get(i.budgetLine) ?? 0) + i.plannedMinor);
  const over = new Set<string>();
  for (const [code, n] of need) {
    const line = DEMO_BUDGET_LINES.find((l) => l.code === code);
    const held = (ctx.committed.get(code) ?? 0) + (ctx.reserved.get(code) ?? 0) - (own.get(code) ?? 0);
    if (!line || held + n > line.amountMinor) over.add(code);
  }
  return over;
}
const fitsLines = (
  ctx: Ctx,
  items: readonly { budgetLine: string | null; plannedMinor: number }[],
  own: Map<string, number>,
) => overflowing(ctx, items, own).size === 0;

/** Total in euro cents, converted item by item at the day's rate (as the allowance check does). */
const totalEurCents = (items: readonly { plannedMinor: number; currency: Currency }[], day: string) =>
  items.reduce((sum, i) => sum + eurCentsOn(i.plannedMinor, i.currency, day), 0);

/** Within the allowance on the day, and at the latest rates (what the plan page checks today). */
function fitsAllowance(
  project: string,
  items: readonly { plannedMinor: number; currency: Currency }[],
  day: string,
) {
  const allowance = DEMO_ALLOWANCES[project];
  if (!allowance) return true;
  return (
    totalEurCents(items, day) <= allowance.minor && totalEurCents(items, '2016-06-30') <= allowance.minor
  );
}

/** Commits the plan's latest approved version on its lines (replacing its previous commitment). */
function commit(ctx: Ctx, plan: DemoPlan, previous: Map<string, number>): Map<string, number> {
  const now = new Map<string, number>();
  const latest = plan.versions[plan.versions.length - 1];
  for (const i of latest?.items ?? [])
    if (i.budgetLine) now.set(i.budgetLine, (now.get(i.budgetLine) ?? 0) + i.plannedMinor);
  for (const code of new Set([...previous.keys(), ...now.keys()]))
    ctx.committed.set(
      code,
      (ctx.committed.get(code) ?? 0) - (previous.get(code) ?? 0) + (now.get(code) ?? 0),
    );
  return now;
}

/**
 * Shrinks items until the plan fits its lines (the items on an overflowing line first) and the allowance
 * (the largest first); drops an item that cannot shrink further. Empty when nothing fits.
 */
function fitPlan(
  ctx: Ctx,
  project: string,
  items: NewItem[],
  day: string,
  own: Map<string, number>,
): NewItem[] {
  let out = items.map((i) => ({ ...i }));
  const eur = (i: NewItem) => eurCentsOn(i.plannedMinor, i.currency, day);
  for (let round = 0; round < 80 && out.length > 0; round++) {
    const over = overflowing(ctx, out, own);
    if (over.size === 0 && fitsAllowance(project, out, day)) return out;
    const pool = out.filter(
      (i) => i.plannedMinor > 0 && (over.size === 0 || (i.budgetLine && over.has(i.budgetLine))),
    );
    const largest = pool.reduce<NewItem | null>((a, b) => (a === null || eur(b) > eur(a) ? b : a), null);
    if (!largest) return [];
    const smaller = roundTo(Math.floor(largest.plannedMinor * 0.85), largest.currency);
    if (smaller >= largest.plannedMinor || smaller < 5 * (STEP[largest.currency] ?? 1))
      out = out.filter((i) => i !== largest);
    else largest.plannedMinor = smaller;
  }
  return [];
}

/** Plans left waiting (drafts, submitted, a change to approve) hold what they would commit on their lines. */
function finish(ctx: Ctx, plan: DemoPlan): void {
  ctx.plans.push(plan);
  if (plan.status === 'approved') return;
  const own = new Map<string, number>();
  for (const i of plan.versions[plan.versions.length - 1]?.items ?? [])
    if (i.budgetLine) own.set(i.budgetLine, (own.get(i.budgetLine) ?? 0) + i.plannedMinor);
  const need = new Map<string, number>();
  for (const i of plan.items)
    if (!i.removed && i.budgetLine) need.set(i.budgetLine, (need.get(i.budgetLine) ?? 0) + i.plannedMinor);
  for (const [code, n] of need)
    ctx.reserved.set(code, (ctx.reserved.get(code) ?? 0) + Math.max(0, n - (own.get(code) ?? 0)));
}

/** An item added to a plan, made smaller if it must to fit the lines and the allowance; null if it cannot. */
function fitExtra(
  ctx: Ctx,
  project: string,
  items: readonly DemoPlanItem[],
  extra: NewItem,
  day: string,
  own: Map<string, number>,
): NewItem | null {
  const active = items.filter((x) => !x.removed);
  const floor = STEP[extra.currency] ?? 1;
  for (
    let amount = extra.plannedMinor;
    amount >= 5 * floor;
    amount = roundTo(Math.floor(amount * 0.85), extra.currency)
  ) {
    const candidate = { ...extra, plannedMinor: amount };
    if (fitsLines(ctx, [...active, candidate], own) && fitsAllowance(project, [...active, candidate], day))
      return candidate;
    if (roundTo(Math.floor(amount * 0.85), extra.currency) >= amount) break;
  }
  return null;
}

type Window = {
  /** Deliveries from this moment... */
  from: number;
  /** ...to this day at the latest. */
  lastDay: number;
  /** Instalments falling later are brought forward (assistance completed) rather than left out. */
  compress: boolean;
};

/** Deliveries of an item: instalments by mode and service, within the window, never beyond what is approved. */
function deliver(
  ctx: Ctx,
  b: PlanBuilder,
  index: number,
  win: Window,
  who: StaffRef,
  texts: { vendor: string | null; confirmedBy: string | null },
  opts: {
    instalments?: number;
    everyDays?: number;
    firstAfter?: [number, number];
    underspend?: boolean;
  } = {},
) {
  const { rng } = ctx;
  const item = b.plan.items[index] as DemoPlanItem;
  if (item.plannedMinor <= 0 || item.removed) return;
  const n = opts.instalments ?? 1;
  const [lo, hi] = opts.firstAfter ?? [3, 20];
  const firstDay = dayOfTime(win.from) + rng.int(lo, hi);
  let days = Array.from({ length: n }, (_, k) => firstDay + k * (opts.everyDays ?? rng.int(30, 60)));
  const start = dayOfTime(win.from) + 1;
  if (win.compress && (days[days.length - 1] as number) > win.lastDay) {
    const span = Math.max(0, win.lastDay - start);
    days = days.map((_, k) => start + Math.round(((k + 1) * span) / (n + 1)));
  }
  const total = opts.underspend
    ? roundTo(Math.round(item.plannedMinor * (0.9 + rng.float() * 0.1)), item.currency)
    : item.plannedMinor;
  let given = 0;
  for (const [k, day] of days.entries()) {
    if (day > win.lastDay || day > TODAY_DAY) break;
    const at = Math.max(workingMoment(rng, day), win.from + 30 * MINUTE);
    const createdAt = Math.min(at + rng.int(0, 26) * 60 * MINUTE, CUTOFF - 10 * MINUTE);
    if (createdAt <= win.from) break;
    const share = k === n - 1 ? total - given : roundTo(Math.round(total / n), item.currency);
    const amount = Math.min(share, b.approvedAt(index, createdAt) - b.delivered(index));
    if (amount <= 0) break;
    b.plan.deliveries.push({
      item: index,
      amountMinor: amount,
      currency: item.currency,
      deliveredOn: isoDay(Math.min(dayOfTime(at), dayOfTime(createdAt))),
      vendor: texts.vendor,
      receiptConfirmedBy: texts.confirmedBy,
      recordedBy: who,
      createdAt: isoTime(createdAt),
    });
    given += amount;
  }
}

// ---- CARE and TACT ------------------------------------------------------------------------------------

type Special = {
  /** The case's partner referral (a shelter): a change adding it waits for approval. */
  shelter: Map<number, number>;
  /** Paris keeps the case and the Tirana office hands over the grant: from the referral's answer. */
  local: Map<number, number>;
  /** A thread says the plan was agreed and training started: approval before that message. */
  trainingBy: Map<number, number>;
};

function specials(data: DemoData): Special {
  const s: Special = { shelter: new Map(), local: new Map(), trainingBy: new Map() };
  for (const r of data.referrals) {
    if (r.partnerName) s.shelter.set(r.case, Date.parse(r.requestedAt));
    if (
      r.kind === 'referral' &&
      r.status === 'accepted' &&
      r.summary.includes('hand over the in-kind reintegration grant')
    )
      s.local.set(r.case, Date.parse(r.respondedAt ?? r.requestedAt));
    const started = r.messages.find((m) =>
      /vocational training course started|formation professionnelle a commencé/.test(m.body),
    );
    if (started) s.trainingBy.set(r.case, Date.parse(started.at));
  }
  return s;
}

function votPackage(
  ctx: Ctx,
  c: DemoCase,
  person: DemoPerson,
  lang: Lang,
  day: string,
  opts: { training: boolean; local: boolean },
): {
  items: (NewItem & { plan: DeliveryPlan })[];
} {
  const { rng } = ctx;
  const project = c.project as string;
  const country = c.returnCountry as string;
  const place = person.placeOfOrigin ?? '';
  const origin = ['TIR', 'RAB', 'KYI'].includes(c.office);
  const local = LOCAL[country] as Currency;
  const needs = person.specificNeeds;
  const noteText = c.notes.map((n) => n.body).join(' ');
  const grocery = /small business \(grocery\)|petit commerce \(épicerie\)/.test(noteText);
  const trainingHousing =
    /vocational training and housing|formation professionnelle et aide au logement/.test(noteText);
  const debts = /Debts owed to the recruiter|Dettes contractées/.test(noteText);
  const inHouse = origin
    ? null
    : lang === 'fr'
      ? `Bureau de ${originCity(country)}`
      : `${originCity(country)} office`;
  const currencyFor = (service: ServiceType): Currency =>
    origin &&
    ['housing', 'cash_allowance', 'medical_care', 'education_children'].includes(service) &&
    rng.chance(0.55)
      ? local
      : 'EUR';
  const out: (NewItem & { plan: DeliveryPlan })[] = [];
  const add = (
    dimension: Dimension,
    serviceType: ServiceType,
    text: ItemText,
    provider: { kind: 'in_house' | 'partner'; name: string | null },
    deliveryMode: Mode,
    euros: number,
    plan: DeliveryPlan,
    plannedIn: number,
  ) => {
    const currency = euros === 0 ? 'EUR' : currencyFor(serviceType);
    out.push({
      dimension,
      serviceType,
      description: text[lang],
      providerKind: provider.kind,
      providerName: provider.name,
      deliveryMode,
      plannedMinor: euros === 0 ? 0 : fromEuros(euros, currency, day),
      currency,
      plannedDate: isoDay(dayOf(day) + plannedIn),
      budgetLine: lineFor(project, serviceType, currency),
      plan,
    });
  };
  const own = { kind: 'in_house' as const, name: inHouse };
  const partner = (name: string) => ({ kind: 'partner' as const, name });
  // Economic: a small business (in kind) or a vocational course.
  if (grocery || (!trainingHousing && !opts.training && rng.chance(0.6)) || opts.local) {
    const text = grocery ? GROCERY : rng.pick(BUSINESSES);
    add(
      'economic',
      'business_start_up',
      text,
      own,
      rng.chance(0.8) ? 'in_kind' : 'cash',
      rng.int(90, 150) * 10,
      { kind: 'equipment' },
      rng.int(10, 25),
    );
  } else {
    add(
      'economic',
      'vocational_training',
      rng.pick(COURSES),
      partner((TRAINING[country] as (p: string) => string)(place)),
      'in_kind',
      rng.int(35, 70) * 10,
      { kind: 'training' },
      rng.int(7, 20),
    );
    if (rng.chance(0.35))
      add(
        'economic',
        'cash_allowance',
        TEXT.subsistence,
        own,
        'cash',
        rng.int(20, 30) * 10,
        { kind: 'monthly', months: 3 },
        5,
      );
  }
  if (trainingHousing || rng.chance(0.3))
    add('social', 'housing', TEXT.rent, own, 'cash', rng.int(10, 15) * 60, { kind: 'monthly', months: 6 }, 5);
  else if (!needs.includes('WR-WR') && rng.chance(0.15))
    add(
      'social',
      'material_assistance',
      TEXT.household,
      own,
      'in_kind',
      rng.int(25, 45) * 10,
      { kind: 'equipment' },
      10,
    );
  if (needs.some((n) => n.startsWith('PG-')))
    add(
      'social',
      'medical_care',
      TEXT.antenatal,
      partner((HEALTH[country] as (p: string) => string)(place)),
      'voucher',
      rng.int(30, 50) * 10,
      { kind: 'care' },
      15,
    );
  else if (needs.includes('SM-MI') && rng.chance(0.7))
    add(
      'psychosocial',
      'medical_care',
      TEXT.psychiatric,
      partner((HEALTH[country] as (p: string) => string)(place)),
      'voucher',
      rng.int(20, 35) * 10,
      { kind: 'care' },
      10,
    );
  else if (rng.chance(0.25))
    add(
      'social',
      'medical_care',
      TEXT.medical,
      partner((HEALTH[country] as (p: string) => string)(place)),
      'voucher',
      rng.int(12, 30) * 10,
      { kind: 'care' },
      10,
    );
  if (c.caseType === 'avrr_vot' && rng.chance(0.6)) {
    const paid = rng.chance(0.5);
    add(
      'psychosocial',
      'psychosocial_counselling',
      TEXT.counselling,
      partner((COUNSELLING[country] as (p: string) => string)(place)),
      paid ? 'voucher' : 'referral',
      paid ? rng.int(15, 30) * 10 : 0,
      { kind: 'care' },
      7,
    );
  }
  if (needs.includes('SP-PT') && rng.chance(0.6))
    add(
      'social',
      'education_children',
      TEXT.school,
      partner(lang === 'fr' ? `École, ${place}` : `School, ${place}`),
      'voucher',
      rng.int(15, 30) * 10,
      { kind: 'equipment' },
      20,
    );
  if (debts || needs.includes('LP-ND'))
    add(
      'social',
      'legal_aid',
      debts ? TEXT.debts : TEXT.documents,
      partner((LEGAL[country] as (p: string) => string)(place)),
      'referral',
      rng.chance(0.5) ? 0 : rng.int(5, 15) * 10,
      { kind: 'care' },
      10,
    );
  return { items: out.slice(0, 4) };
}

type DeliveryPlan =
  | { kind: 'equipment' }
  | { kind: 'training' }
  | { kind: 'monthly'; months: number }
  | { kind: 'care' };

/** The origin office's city (the in-house provider when the host office kept the case). */
const originCity = (country: string) =>
  ({ AL: 'Tirana', MA: 'Rabat', UA: 'Kyiv', IQ: 'Erbil' })[country] ?? country;

function deliveryTexts(
  ctx: Ctx,
  item: DemoPlanItem,
  plan: DeliveryPlan,
  country: string,
  place: string,
  sex: 'female' | 'male',
  lang: Lang,
): { vendor: string | null; confirmedBy: string | null } {
  const { rng } = ctx;
  const self =
    lang === 'fr'
      ? sex === 'female'
        ? 'La bénéficiaire (reçu signé)'
        : 'Le bénéficiaire (reçu signé)'
      : 'The returnee (signed receipt)';
  switch (plan.kind) {
    case 'equipment':
      return { vendor: `${rng.pick(SHOPS[country] ?? SHOPS.AL ?? [])}, ${place}`, confirmedBy: self };
    case 'training':
      return {
        vendor: item.providerName,
        confirmedBy: lang === 'fr' ? 'Centre de formation (facture)' : 'Training centre (invoice)',
      };
    case 'monthly':
      return item.serviceType === 'housing'
        ? {
            vendor: lang === 'fr' ? 'Bailleur' : 'Landlord',
            confirmedBy: lang === 'fr' ? 'Quittance de loyer du bailleur' : 'Rent receipt from the landlord',
          }
        : { vendor: null, confirmedBy: self };
    case 'care':
      return {
        vendor: item.providerName,
        confirmedBy: lang === 'fr' ? 'Facture du prestataire' : 'Invoice from the provider',
      };
  }
}

function deliveryOptions(plan: DeliveryPlan, rng: Rng): Parameters<typeof deliver>[6] {
  switch (plan.kind) {
    case 'equipment':
      return { instalments: 1, firstAfter: [4, 25], underspend: rng.chance(0.3) };
    case 'training':
      return { instalments: rng.chance(0.5) ? 2 : 1, firstAfter: [5, 20], everyDays: rng.int(40, 70) };
    case 'monthly':
      return { instalments: plan.months, firstAfter: [3, 12], everyDays: 30 };
    case 'care':
      return {
        instalments: rng.chance(0.4) ? 2 : 1,
        firstAfter: [7, 40],
        everyDays: rng.int(30, 60),
        underspend: rng.chance(0.4),
      };
  }
}

function votPlan(ctx: Ctx, i: number, special: Special, planning: { index: number }) {
  const { rng, data } = ctx;
  const c = data.cases[i] as DemoCase;
  const person = data.people[c.person] as DemoPerson;
  const { handler, supervisor, lang } = staffOfCase(c);
  const project = c.project as string;
  const P = reachedAt(c, ['reintegration_planning']) as number;
  const A = reachedAt(c, ['reintegration_assistance']);
  const M = reachedAt(c, ['monitoring']);
  const C = closedAt(c);
  const end = Math.min(C ?? CUTOFF, CUTOFF);
  const trainingBy = special.trainingBy.get(i) ?? null;
  // Assessment in the first days of planning.
  const deadline = Math.min(A ?? end, trainingBy !== null ? trainingBy - 6 * 60 * MINUTE : Infinity, end);
  const assessedAt = momentAfter(rng, P, deadline, rng.int(1, 5));
  if (assessedAt === null) return;
  const vot = c.caseType === 'avrr_vot';
  const levels: Record<Dimension, Level> = {
    economic: levelOf(rng, [
      ['high', 60],
      ['medium', 35],
      ['low', 5],
    ]),
    social: levelOf(rng, [
      ['high', 25],
      ['medium', 50],
      ['low', 25],
    ]),
    psychosocial: person.specificNeeds.includes('SM-MI')
      ? 'high'
      : levelOf(
          rng,
          vot
            ? [
                ['high', 40],
                ['medium', 45],
                ['low', 15],
              ]
            : [
                ['medium', 30],
                ['low', 50],
                ['none', 20],
              ],
        ),
  };
  assess(ctx, i, handler, assessedAt, levels, (d, l) => ASSESSMENT[d][lang][l]);
  // Closed while planning (contact lost): the assessment only.
  if (A === null && C !== null) return;

  const firstItemAt = momentAfter(rng, assessedAt, deadline, rng.int(0, 3));
  if (firstItemAt === null) return;
  const day = isoDay(dayOfTime(firstItemAt));
  const pkg = votPackage(ctx, c, person, lang, day, {
    training: trainingBy !== null,
    local: special.local.has(i),
  });
  const items = fitPlan(ctx, project, pkg.items, day, new Map()) as (NewItem & { plan: DeliveryPlan })[];
  if (items.length === 0) return;
  const b = new PlanBuilder(i, firstItemAt);
  const step = Math.max(
    MINUTE,
    Math.min(rng.int(4, 25) * MINUTE, Math.floor((deadline - firstItemAt) / (items.length + 3))),
  );
  let t = firstItemAt;
  const deliveryPlans: DeliveryPlan[] = [];
  for (const { plan, ...item } of items) {
    b.add(item, t);
    deliveryPlans.push(plan);
    t += step;
  }

  if (A === null) {
    // Still planning at the end of the demo period: submitted, sent back, or a draft.
    const scenario =
      c.office === 'PAR' ? 'submitted' : (['returned', 'draft', 'submitted'] as const)[planning.index++ % 3];
    if (scenario !== 'draft') {
      const submitAt = momentAfter(rng, t, CUTOFF, rng.int(0, 3));
      if (submitAt !== null) {
        b.submit(handler, submitAt);
        if (scenario === 'returned') {
          const back = momentAfter(rng, submitAt, CUTOFF, 1);
          if (back !== null) b.sendBack(supervisor, back, RETURN_COMMENT[lang]);
        }
      }
    }
    finish(ctx, b.plan);
    return;
  }

  // Submitted in the days before approval, approved just before assistance starts (or before the thread says so).
  const approveBy = Math.min(A, trainingBy ?? Infinity);
  const submitAt = momentAfter(rng, t, approveBy, rng.int(2, 10));
  if (submitAt === null) return;
  b.submit(handler, submitAt);
  const approvedAt = momentAfter(rng, submitAt, approveBy, rng.int(1, 3)) ?? submitAt + 30 * MINUTE;
  b.approve(supervisor, approvedAt, rng.pick(APPROVAL_COMMENT[lang]));
  let own = commit(ctx, b.plan, new Map());

  // Deliveries: until monitoring (then everything was given), closure, or the end of the demo period.
  const completed = C !== null && c.closureReason === 'completed';
  const lastDay = C !== null ? dayOfTime(C) - (completed ? 0 : 1) : TODAY_DAY;
  const win: Window = { from: approvedAt, lastDay, compress: completed };
  const country = c.returnCountry as string;
  const place = person.placeOfOrigin ?? '';
  const pendingShelter = special.shelter.get(i);

  // A few plans changed after the 3-month visit and approved again (version 2).
  const changeAt = approvedAt + rng.int(20, 45) * DAY;
  const change =
    pendingShelter === undefined && M !== null && dayOfTime(changeAt) < lastDay - 15 && rng.chance(0.15);
  const deliverAll = (from: number, only?: number) => {
    for (const [k, plan] of deliveryPlans.entries()) {
      if (only !== undefined && k !== only) continue;
      const item = b.plan.items[k] as DemoPlanItem;
      // The local grant is handed over by the Tirana office once it accepted the referral.
      const localFrom = special.local.get(i);
      const w =
        localFrom !== undefined && item.serviceType === 'business_start_up'
          ? { ...win, from: Math.max(from, localFrom) }
          : { ...win, from };
      const texts =
        localFrom !== undefined && item.serviceType === 'business_start_up'
          ? {
              vendor: `${rng.pick(SHOPS.AL ?? [])}, ${place}`,
              confirmedBy: 'Tirana office (handover record signed by the returnee)',
            }
          : deliveryTexts(ctx, item, plan, country, place, person.sex, lang);
      deliver(ctx, b, k, w, handler, texts, deliveryOptions(plan, rng));
    }
  };
  if (!change) {
    deliverAll(approvedAt);
  } else {
    // Deliver what was due before the change, then the change, then the new item.
    deliverAll(approvedAt);
    const extra = rng.pick([
      {
        dimension: 'social' as const,
        service: 'medical_care' as const,
        text: TEXT.dental,
        euros: rng.int(15, 30) * 10,
        mode: 'voucher' as const,
        provider: (HEALTH[country] as (p: string) => string)(place),
      },
      {
        dimension: 'psychosocial' as const,
        service: 'psychosocial_counselling' as const,
        text: TEXT.extraCounselling,
        euros: rng.int(10, 20) * 10,
        mode: 'voucher' as const,
        provider: (COUNSELLING[country] as (p: string) => string)(place),
      },
    ]);
    const changeDay = isoDay(dayOfTime(changeAt));
    const candidate: NewItem = {
      dimension: extra.dimension,
      serviceType: extra.service,
      description: extra.text[lang],
      providerKind: 'partner',
      providerName: extra.provider,
      deliveryMode: extra.mode,
      plannedMinor: fromEuros(extra.euros, 'EUR', changeDay),
      currency: 'EUR',
      plannedDate: isoDay(dayOfTime(changeAt) + 10),
      budgetLine: lineFor(project, extra.service, 'EUR'),
    };
    const fitted = fitExtra(ctx, project, b.plan.items, candidate, changeDay, own);
    const at = Math.max(workingMoment(rng, dayOfTime(changeAt)), Date.parse(b.plan.updatedAt) + 60 * MINUTE);
    if (fitted && at < CUTOFF - 3 * DAY && dayOfTime(at) < lastDay - 5) {
      const added = b.add(fitted, at);
      deliveryPlans.push({ kind: 'care' });
      const submitted = at + rng.int(10, 90) * MINUTE;
      b.submit(handler, submitted);
      const approved =
        momentAfter(rng, submitted, Math.min(end, lastDay * DAY), rng.int(0, 2)) ?? submitted + 60 * MINUTE;
      b.approve(supervisor, approved, rng.pick(CHANGE_COMMENT[lang]));
      own = commit(ctx, b.plan, own);
      deliverAll(approved, added);
    }
  }

  // Tirana's partner shelter: the change adding it waits for the supervisor.
  if (pendingShelter !== undefined && b.plan.status === 'approved') {
    const at = Math.max(pendingShelter + rng.int(30, 120) * MINUTE, Date.parse(b.plan.updatedAt) + MINUTE);
    const shelter: NewItem = {
      dimension: 'social',
      serviceType: 'housing',
      description: TEXT.shelter[lang],
      providerKind: 'partner',
      providerName: 'Different & Equal (shelter, Tirana)',
      deliveryMode: 'in_kind',
      plannedMinor: fromEuros(450, 'EUR', isoDay(dayOfTime(at))),
      currency: 'EUR',
      plannedDate: isoDay(dayOfTime(at) + 3),
      budgetLine: lineFor(project, 'housing', 'EUR'),
    };
    const active = b.plan.items.filter((x) => !x.removed);
    const fitted = fitExtra(ctx, project, active, shelter, isoDay(dayOfTime(at)), own);
    if (at < CUTOFF - 30 * MINUTE && fitted) {
      b.add(fitted, at);
      b.submit(handler, Math.min(at + rng.int(5, 20) * MINUTE, CUTOFF - 5 * MINUTE));
    }
  }
  finish(ctx, b.plan);
}

// ---- MAGNET II ----------------------------------------------------------------------------------------

function magnetPlan(ctx: Ctx, i: number, matchingScenario: { index: number }) {
  const { rng, data, employment } = ctx;
  const c = data.cases[i] as DemoCase;
  const person = data.people[c.person] as DemoPerson;
  const { handler, supervisor } = staffOfCase(c);
  const P = reachedAt(c, ['profiling']) as number;
  const Mt = reachedAt(c, ['matching']);
  const PL = reachedAt(c, ['placement']);
  const C = closedAt(c);
  const end = Math.min(C ?? CUTOFF, CUTOFF);
  const profile: DemoProfile | undefined = employment.profiles.find((p) => p.person === c.person);
  const placement: DemoPlacement | undefined = employment.placements.find(
    (p) => p.case === i && p.outcome !== 'did_not_start',
  );
  const selfEmployed = employment.selfEmployed.includes(i);
  const sector = profile?.preferredSectors[0] ?? 'construction';
  const town = person.placeOfOrigin ?? 'Erbil';
  const capital = ['Duhok', 'Zakho', 'Akre'].includes(town)
    ? 'Duhok'
    : ['Sulaymaniyah', 'Halabja', 'Ranya', 'Chamchamal', 'Kalar'].includes(town)
      ? 'Sulaymaniyah'
      : 'Erbil';

  const assessedAt = momentAfter(rng, P, Math.min(Mt ?? end, end), rng.int(1, 5));
  if (assessedAt === null) return;
  const levels: Record<Dimension, Level> = {
    economic: levelOf(rng, [
      ['high', 75],
      ['medium', 25],
    ]),
    social: levelOf(rng, [
      ['low', 60],
      ['medium', 40],
    ]),
    psychosocial: person.specificNeeds.some((n) => n.startsWith('SM-'))
      ? 'medium'
      : levelOf(rng, [
          ['none', 45],
          ['low', 55],
        ]),
  };
  assess(ctx, i, handler, assessedAt, levels, (d, l) => MAGNET_ASSESSMENT[d][l]);

  // Profiling only, at the end of the demo period: a first draft for some.
  if (Mt === null) {
    if (c.status === 'profiling' && rng.chance(0.5)) {
      const at = momentAfter(rng, assessedAt, CUTOFF, 0);
      if (at !== null) {
        const b = new PlanBuilder(i, at);
        b.add(jobSearch(ctx, dayOfTime(at)), at);
        finish(ctx, b.plan);
      }
    }
    return;
  }
  const employer = placement
    ? (employment.employers[(employment.openings[placement.opening] as { employer: number }).employer]
        ?.name ?? null)
    : null;
  const subsidy =
    placement !== undefined &&
    (c.notes.some((n) => n.body.startsWith('Placement started; wage subsidy')) || rng.chance(0.4));
  const training = !selfEmployed && (rng.chance(0.5) || c.status === 'matching');
  // The subsidy comes as a change once the employer is found (version 2), or the plan waits for it.
  const subsidyAsChange = subsidy && rng.chance(0.2);

  const v1: NewItem[] = [jobSearch(ctx, dayOfTime(assessedAt))];
  if (training)
    v1.push({
      dimension: 'economic',
      serviceType: 'vocational_training',
      description: MAGNET_TRAINING[sector] as string,
      providerKind: 'partner',
      providerName: VTC[capital] as string,
      deliveryMode: 'in_kind',
      plannedMinor: minorOf(rng.int(35, 80) * 10, 'EUR'),
      currency: 'EUR',
      plannedDate: null,
      budgetLine: 'MAG-02',
    });
  const startUp: NewItem | null = selfEmployed
    ? {
        dimension: 'economic',
        serviceType: 'business_start_up',
        description: MAGNET_BUSINESS[sector] as string,
        providerKind: 'in_house',
        providerName: null,
        deliveryMode: 'in_kind',
        plannedMinor: minorOf(rng.int(120, 190) * 10, 'EUR'),
        currency: 'EUR',
        plannedDate: null,
        budgetLine: 'MAG-03',
      }
    : null;
  const months = rng.chance(0.7) ? 6 : 3;
  const subsidyItem = (): NewItem | null =>
    subsidy && placement
      ? {
          dimension: 'economic',
          serviceType: 'job_placement',
          description: `Wage subsidy to ${employer}: ${months} months × ${months === 6 ? '150,000' : '200,000'} IQD`,
          providerKind: 'partner',
          providerName: employer,
          deliveryMode: 'cash',
          plannedMinor: minorOf(months === 6 ? 900_000 : 600_000, 'IQD'),
          currency: 'IQD',
          plannedDate: placement.startDate,
          budgetLine: lineFor('MAGNET2', 'job_placement', 'IQD'),
        }
      : null;

  // When the plan is submitted: in matching, or once the job or business is found.
  const lateStart = (subsidy && !subsidyAsChange) || selfEmployed;
  const placedAt = PL ?? null;
  const submitFrom =
    lateStart && placedAt !== null ? placedAt - rng.int(1, 3) * DAY : Mt + rng.int(2, 10) * DAY;
  const createdAt = momentAfter(
    rng,
    Math.max(assessedAt, Math.min(submitFrom - 2 * DAY, end - 2 * 60 * MINUTE)),
    end,
    0,
  );
  if (createdAt === null) return;
  const day = isoDay(dayOfTime(createdAt));
  const items = [...v1];
  if (lateStart && startUp) items.push(startUp);
  if (lateStart) {
    const s = subsidyItem();
    if (s) items.push(s);
  }
  const fitted = fitPlan(
    ctx,
    'MAGNET2',
    items.map((x) => ({ ...x, plannedDate: x.plannedDate ?? isoDay(dayOf(day) + 14) })),
    day,
    new Map(),
  );
  if (fitted.length === 0) return;
  const b = new PlanBuilder(i, createdAt);
  const step = Math.max(
    MINUTE,
    Math.min(rng.int(5, 20) * MINUTE, Math.floor((end - createdAt) / (fitted.length + 3))),
  );
  let t = createdAt;
  for (const item of fitted) {
    b.add(item, t);
    t += step;
  }
  // Returnees still in matching: plans waiting for the Erbil supervisor, approved, or still drafts.
  const scenario =
    c.status === 'matching'
      ? (['submitted', 'approved', 'submitted', 'draft'] as const)[matchingScenario.index++ % 4]
      : 'approved';
  if (scenario === 'draft') {
    finish(ctx, b.plan);
    return;
  }
  const submitAt = momentAfter(rng, t, end, Math.max(0, dayOfTime(submitFrom) - dayOfTime(t)));
  if (submitAt === null) {
    finish(ctx, b.plan);
    return;
  }
  b.submit(handler, submitAt);
  if (scenario === 'submitted') {
    finish(ctx, b.plan);
    return;
  }
  const approvedAt = momentAfter(rng, submitAt, end, rng.int(1, 3));
  if (approvedAt === null) {
    finish(ctx, b.plan);
    return;
  }
  b.approve(supervisor, approvedAt, rng.pick(APPROVAL_COMMENT.en));
  let own = commit(ctx, b.plan, new Map());

  const lastDay = C !== null ? dayOfTime(C) - 1 : TODAY_DAY;
  const win: Window = { from: approvedAt, lastDay, compress: false };
  const vendorTexts = (item: DemoPlanItem) => {
    switch (item.serviceType) {
      case 'cash_allowance':
        return { vendor: null, confirmedBy: 'The returnee (signed receipt)' };
      case 'vocational_training':
        return { vendor: item.providerName, confirmedBy: 'Training centre (invoice and attendance list)' };
      case 'business_start_up':
        return {
          vendor: `${rng.pick(SHOPS.IQ ?? [])}, ${capital}`,
          confirmedBy: 'The returnee (signed handover record)',
        };
      default:
        return { vendor: item.providerName, confirmedBy: 'Employer (payroll sheet signed by the returnee)' };
    }
  };
  const deliverItem = (k: number, from: number) => {
    const item = b.plan.items[k] as DemoPlanItem;
    if (item.serviceType === 'job_placement' && placement) {
      // Paid monthly after each month worked, until the job ended.
      const start = dayOf(placement.startDate);
      const until = placement.endedOn ? dayOf(placement.endedOn) : lastDay;
      const n = item.plannedMinor === minorOf(900_000, 'IQD') ? 6 : 3;
      const monthly = item.plannedMinor / n;
      for (let m = 1; m <= n; m++) {
        const day = start + 30 * m + rng.int(0, 4);
        if (day > Math.min(until, lastDay, TODAY_DAY)) break;
        const at = Math.max(workingMoment(rng, day), from + 30 * MINUTE);
        if (at > CUTOFF - 10 * MINUTE) break;
        if (b.approvedAt(k, at) - b.delivered(k) < monthly) break;
        const texts = vendorTexts(item);
        b.plan.deliveries.push({
          item: k,
          amountMinor: monthly,
          currency: item.currency,
          deliveredOn: isoDay(dayOfTime(at)),
          vendor: texts.vendor,
          receiptConfirmedBy: texts.confirmedBy,
          recordedBy: handler,
          createdAt: isoTime(at),
        });
      }
      return;
    }
    const texts = vendorTexts(item);
    const firstAfter: [number, number] =
      item.serviceType === 'business_start_up' && placedAt !== null
        ? [
            Math.max(1, dayOfTime(placedAt) - dayOfTime(from) + 2),
            Math.max(2, dayOfTime(placedAt) - dayOfTime(from) + 15),
          ]
        : item.serviceType === 'cash_allowance'
          ? [2, 10]
          : [5, 20];
    deliver(ctx, b, k, { ...win, from }, handler, texts, { instalments: 1, firstAfter });
  };
  for (const k of b.plan.items.keys()) deliverItem(k, approvedAt);

  // The wage subsidy added once the employer was found: version 2.
  if (subsidyAsChange && placement && placedAt !== null) {
    const s = subsidyItem();
    const from = Math.max(placedAt, Date.parse(b.plan.updatedAt));
    const at = momentAfter(rng, from, end, rng.int(0, 1)) ?? from + 30 * MINUTE;
    if (s && at < end - 2 * DAY) {
      const active = b.plan.items.filter((x) => !x.removed);
      const fits = fitPlan(ctx, 'MAGNET2', [...active, s], isoDay(dayOfTime(at)), own);
      if (
        fits.length === active.length + 1 &&
        fits.every((x, k) => x.plannedMinor === [...active, s][k]?.plannedMinor)
      ) {
        const added = b.add(s, at);
        const submitted = at + rng.int(10, 60) * MINUTE;
        b.submit(handler, submitted);
        const approved = momentAfter(rng, submitted, end, 1) ?? submitted + 30 * MINUTE;
        b.approve(supervisor, approved, 'Wage subsidy agreed with the employer.');
        own = commit(ctx, b.plan, own);
        deliverItem(added, approved);
      }
    }
  }
  finish(ctx, b.plan);
}

function jobSearch(ctx: Ctx, day: number): NewItem {
  return {
    dimension: 'economic',
    serviceType: 'cash_allowance',
    description: 'Job-search support: transport to interviews and work clothing',
    providerKind: 'in_house',
    providerName: null,
    deliveryMode: 'cash',
    plannedMinor: minorOf(ctx.rng.int(15, 25) * 10, 'EUR'),
    currency: 'EUR',
    plannedDate: isoDay(day + 7),
    budgetLine: 'MAG-05',
  };
}

// ---- all cases ---------------------------------------------------------------------------------------

export function generateReintegration(
  rng: Rng,
  data: DemoData,
  employment: DemoEmployment,
): DemoReintegration {
  const ctx: Ctx = {
    rng,
    data,
    employment,
    committed: new Map(),
    reserved: new Map(),
    assessments: [],
    plans: [],
  };
  const special = specials(data);
  // In the order the cases reached reintegration, so the budget lines fill up as they did.
  const order = data.cases
    .map((c, i) => ({
      c,
      i,
      at:
        c.caseType === 'labour_reintegration'
          ? reachedAt(c, ['profiling'])
          : ['CARE', 'TACT'].includes(c.project ?? '')
            ? reachedAt(c, ['reintegration_planning'])
            : null,
    }))
    .filter((x): x is { c: DemoCase; i: number; at: number } => x.at !== null)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const planning = { index: 0 };
  const matching = { index: 0 };
  for (const { c, i } of order) {
    if (c.caseType === 'labour_reintegration') magnetPlan(ctx, i, matching);
    else votPlan(ctx, i, special, planning);
  }
  ctx.assessments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.case - b.case);
  ctx.plans.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.case - b.case);
  return { assessments: ctx.assessments, plans: ctx.plans };
}
