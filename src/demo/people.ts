/**
 * Demo people and cases for the programmes of DOMAIN.md: victims of trafficking returning to Albania,
 * Morocco and Ukraine (CARE, TACT), Iraqi Kurds returning to work (MAGNET II), Syrian households resettled
 * to France, and a few assisted returns outside projects.
 *
 * `generateDemoData()` is pure and deterministic (a seeded PRNG, fixed dates, no clock): the same seed gives
 * the same people, histories and references. `insertDemoPeople()` writes the people, households, documents
 * and consents with a handful of batched inserts inside the caller's transaction; the cases, their histories,
 * referrals and transfers are then taken by the cases and referrals modules' use cases (replay.ts), which
 * write their rows, threads, notifications and withheld sections themselves; `insertDemoCaseWork()` adds the
 * notes and tasks. Only the row ids and the ciphertexts (random IVs) differ between loads.
 * Every date lies between 2013-09 and the demo's "today", 2016-06-30.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { CASE_TYPES, type CaseType, type ClosureReason, isTerminal, workflowOf } from '../modules/cases';
import { caseNotes, caseTasks } from '../modules/cases/tables';
import {
  DEFAULT_SECTIONS,
  isMedicalNeed,
  type NotificationKind,
  normaliseSections,
  type ReferralSection,
  sectionOfNeed,
  withheldSections,
} from '../modules/referrals';
import { normaliseDocumentNumber, personSearchText, type SpecificNeedCode } from '../modules/registry';
import { consents, households, identityDocuments, persons } from '../modules/registry/tables';
import type { FieldCipher } from '../platform/field-crypto';
import { type Permission, ROLE_DEFINITIONS } from '../platform/permissions';
import { DEMO_ACCOUNTS } from './accounts';
import {
  RST_BATCHES,
  RST_FINDINGS,
  RST_HOUSEHOLDS,
  RST_MOVEMENTS,
  RST_SESSIONS,
  RST_WARNING_DAYS,
  RST_WARNINGS_AT,
  type RstHouseholdPlan,
} from './resettlement-story';
import { NOTES, TASKS, WITHDRAW_COMMENT } from './texts/case-work';
import {
  DECLINE,
  fillText,
  LOCAL_SUMMARY,
  MAGNET_NEEDS,
  MAGNET_SUMMARY,
  OVERRIDE,
  officeConsentRecipient,
  PARTNER,
  PARTNER_NEEDS,
  PARTNER_SUMMARY,
  type ReferralVars,
  referralVars,
  reintegrationNeeds,
  THREADS,
  transferSummary,
} from './texts/referrals';

// ---- types of the generated data ------------------------------------------------------------------

type Script = 'latin' | 'arabic' | 'cyrillic' | 'other';
type Sex = 'female' | 'male';
type Precision = 'exact' | 'month' | 'year' | 'estimated';
type DocumentType = 'passport' | 'national_id' | 'laissez_passer' | 'refugee_card' | 'birth_certificate';
type Relationship = 'principal' | 'spouse' | 'child' | 'parent' | 'other_relative';

/** A demo account (by e-mail) or a colleague of an office without demo accounts (by name only). */
export type StaffRef = { email: string; name?: undefined } | { name: string; email?: undefined };

export type DemoPerson = {
  reference: string;
  /** The office that registered the person (the reference's prefix). */
  registeredIn: string;
  /** The office that owns the record now (origin office after a transfer). */
  office: string;
  givenName: string;
  familyName: string;
  fatherName: string | null;
  givenNameOriginal: string | null;
  familyNameOriginal: string | null;
  fatherNameOriginal: string | null;
  originalScript: Script | null;
  aliases: { name: string; script: Script }[];
  sex: Sex;
  birthDate: string;
  birthDatePrecision: Precision;
  nationalities: string[];
  languages: string[];
  phone: string | null;
  email: string | null;
  address: string | null;
  placeOfOrigin: string | null;
  countryOfOrigin: string | null;
  specificNeeds: SpecificNeedCode[];
  /** Needs set aside by a transfer: their section was not shared with the new owning office. */
  withheldNeeds: SpecificNeedCode[];
  /** Index in `households`. */
  household: number | null;
  relationship: Relationship | null;
  registeredBy: StaffRef;
  registeredAt: string;
  documents: {
    type: DocumentType;
    number: string;
    issuingCountry: string;
    expiryDate: string | null;
    /** Hidden from the new owning office: a transfer did not share the documents section. */
    withheld?: boolean;
  }[];
  consents: {
    purpose: 'assistance' | 'return_travel' | 'reintegration' | 'referral' | 'data_sharing' | 'medical';
    recipient: string;
    givenBy: 'self' | 'guardian' | 'representative';
    givenOn: string;
    withdrawnOn: string | null;
    /** Who recorded it, when not the person who registered the person. */
    recordedBy?: StaffRef;
  }[];
};

export type DemoHousehold = { office: string; principal: number; createdAt: string };

export type DemoEvent = {
  kind:
    | 'opened'
    | 'transition'
    | 'approval_requested'
    | 'approved'
    | 'assigned'
    | 'referred'
    | 'referral_answered'
    | 'transferred';
  fromStatus: string | null;
  toStatus: string | null;
  actor: StaffRef;
  comment: string | null;
  /**
   * `assignee` (an e-mail) becomes `assigneeId` when loaded. Referral events carry the referral's `reference`
   * (it becomes `referralId` too) and office codes in `to`, `fromOfficeId` and `toOfficeId` (they become ids).
   */
  data: Record<string, unknown> | null;
  at: string;
};

export type DemoCase = {
  reference: string;
  /** Index in `people`. */
  person: number;
  household: number | null;
  caseType: CaseType;
  sensitive: boolean;
  project: string | null;
  /** The office that opened the case (the reference's prefix). */
  openedIn: string;
  office: string;
  assignee: string | null;
  status: string;
  statusBeforeClosure: string | null;
  closureReason: ClosureReason | null;
  travelDocumentReady: boolean;
  medicalFitness: 'pending' | 'fit' | 'unfit' | null;
  declarationSignedOn: string | null;
  hostCountry: string | null;
  returnCountry: string | null;
  departureDate: string | null;
  pendingTransition: { to: string; requestedBy: string; requestedAt: string; comment: string | null } | null;
  /** After a transfer: the sections the sender did not share, hidden from the new owner before `withheldBefore`. */
  withheldSections: ReferralSection[];
  withheldBefore: string | null;
  createdBy: StaffRef;
  createdAt: string;
  updatedAt: string;
  version: number;
  events: DemoEvent[];
  notes: { body: string; confidential: boolean; author: StaffRef; at: string }[];
  tasks: {
    title: string;
    dueDate: string | null;
    assignee: string | null;
    doneAt: string | null;
    createdAt: string;
  }[];
};

/** A referral or transfer, as the referrals module would have recorded it. */
export type DemoReferral = {
  reference: string;
  kind: 'referral' | 'transfer';
  status: 'pending' | 'accepted' | 'declined';
  /** Index in `cases`. */
  case: number;
  fromOffice: string;
  /** Another office, or null for a partner organisation. */
  toOffice: string | null;
  partnerName: string | null;
  partnerContact: string | null;
  sections: ReferralSection[];
  summary: string;
  reintegrationNeeds: string | null;
  /** Index in the person's `consents`; null when sent on a justified override. */
  consent: number | null;
  overrideJustification: string | null;
  requestedBy: StaffRef;
  requestedAt: string;
  dueOn: string;
  overdueNotifiedAt: string | null;
  respondedBy: StaffRef | null;
  respondedAt: string | null;
  declineReason: string | null;
  followUpMonths: number;
  followUpUntil: string | null;
  messages: { side: 'sender' | 'receiver'; author: StaffRef; body: string; at: string }[];
  /** In-app notifications (`email` is a demo account), as notify.ts would have written them. */
  notifications: {
    email: string;
    kind: NotificationKind;
    office: string | null;
    at: string;
    readAt: string | null;
  }[];
};

/** What a resettlement household's people are to its principal (resettlement_members' relationship). */
export type DemoRstRelationship = 'spouse' | 'child' | 'parent' | 'other';

/**
 * A Syrian household's records besides its case history (resettlement-story.ts tells what happened): who
 * travels, the files attached to the case, each member's health assessment and papers, and the split.
 * Indexes point into `people` and `cases`; moments are ISO times.
 */
export type DemoRstHousehold = {
  key: string;
  /** Index in `cases`. */
  case: number;
  /** The UNHCR reference of the referral. */
  reference: string;
  /** Who travels with the principal (the case's person). */
  members: { person: number; relationship: DemoRstRelationship }[];
  documents: {
    kind: 'referral_document' | 'resettlement_registration_form' | 'decision_letter' | 'handover_receipt';
    at: string;
    fileName: string;
    title: string;
    lines: string[];
  }[];
  health: {
    person: number;
    at: string;
    assessedOn: string;
    outcome: 'fit' | 'fit_with_conditions' | 'deferred';
    validUntil: string | null;
    travelConditions: ('MEDICAL_ESCORT' | 'WCHR' | 'OXYG')[];
    findings: string | null;
  }[];
  clearances: {
    person: number;
    kind: 'exit_permit' | 'visa';
    at: string;
    number: string;
    issuingCountry: string;
    validFrom: string;
    validUntil: string;
  }[];
  /** Members leaving to travel on their own, with a reason: a new household at the same stage. */
  split: { at: string; members: number[]; newPrincipal: number; reason: string } | null;
};

/** The resettlement programme's records that are not one household's: batches, sessions, movements. */
export type DemoResettlement = {
  households: DemoRstHousehold[];
  batches: {
    key: string;
    kind: 'selection_mission' | 'dossier';
    label: string;
    missionStart: string | null;
    missionEnd: string | null;
    createdAt: string;
    setAt: string;
    submittedAt: string;
    submittedOn: string;
    /** Indexes in `cases`, in the order they were put in the batch. */
    households: number[];
  }[];
  sessions: {
    key: string;
    heldOn: string;
    place: string;
    language: string;
    facilitator: string;
    createdAt: string;
    recordedAt: string;
    attendance: { person: number; present: boolean }[];
  }[];
  movements: {
    key: string;
    createdAt: string;
    seatCount: number;
    legs: {
      carrier: string;
      flightNumber: string;
      fromAirport: string;
      toAirport: string;
      departsAt: string;
      arrivesAt: string;
    }[];
    escorts: {
      name: string;
      kind: 'medical' | 'operational';
      organisation: string;
      forCase: number | null;
    }[];
    /** Boarding recorded at the airport (the households that did not come go back, with the reason). */
    boarding: { at: string; noShows: { case: number; reason: string }[] } | null;
    arrival: { recordedAt: string; arrivedAt: string } | null;
  }[];
  /** When the expiry warning job's run is replayed, and its warning days. */
  warnings: { at: string; days: number };
};

export type DemoData = {
  people: DemoPerson[];
  households: DemoHousehold[];
  cases: DemoCase[];
  referrals: DemoReferral[];
  resettlement: DemoResettlement;
};

// ---- randomness and dates -------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Inclusive bounds. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Skewed: the first items are much more frequent (Zipf-like, exponent s). */
  zipf<T>(items: readonly T[], s = 1): T {
    let total = 0;
    for (let i = 0; i < items.length; i++) total += 1 / (i + 1) ** s;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= 1 / (i + 1) ** s;
      if (r <= 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of pairs) {
      r -= w;
      if (r <= 0) return item;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  }
  /** A day in [start, end], more often towards the end (skew > 1): recent cases are more numerous. */
  recent(start: number, end: number, skew: number): number {
    return start + Math.round((end - start) * (1 - this.next() ** skew));
  }
  /** Triangular distribution, rounded: most values near `mode`. */
  tri(min: number, mode: number, max: number): number {
    const u = this.next();
    const c = (mode - min) / (max - min);
    const x =
      u < c
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    return Math.round(x);
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  letters(n: number): string {
    const alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ';
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString();
const yearOf = (day: number) => new Date(day * DAY).getUTCFullYear();
/** The demo's "today": nothing happens after the end of this working day. */
export const DEMO_TODAY = '2016-06-30';
const CUTOFF = Date.parse(`${DEMO_TODAY}T16:30:00Z`);

// ---- names ------------------------------------------------------------------------------------------

/** "Latin|Original|variant,variant|Russian form": the main transliteration first, most frequent names first. */
type NameEntry = { latin: string; original: string | null; variants: string[]; russian: string | null };
function names(spec: string): NameEntry[] {
  return spec
    .trim()
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((item) => {
      const [latin = '', original = '', variants = '', russian = ''] = item.split('|');
      return {
        latin,
        original: original || null,
        variants: variants ? variants.split(',') : [],
        russian: russian || null,
      };
    });
}

const ALBANIAN = {
  female: names(`Arta;Elira;Klodiana;Ermira;Blerta;Anila;Jonida;Mirela;Erjona;Dorina;Albana;Rezarta;
    Xhensila||Jensila;Fatjona;Gentiana;Majlinda;Suela;Valbona;Ledia;Marsela;Enkeleda;Kejsi;Brikena;Eriselda;
    Lindita;Rovena;Alketa;Entela;Mimoza;Shpresa;Ardita;Besjana;Dhurata;Lumturi;Mirjeta;Ornela;Flutura;Drita`),
  male: names(`Besnik;Arben;Artan;Ilir;Gëzim||Gezim;Driton;Fatmir;Ervin;Klodian;Agron;Bujar;Edmond;Gentian;
    Arjan;Dritan;Xhevdet||Dzhevdet;Luan;Sokol;Përparim||Perparim;Elton;Erion;Mërgim||Mergim;Ardian;Flamur;
    Genci;Shkëlqim||Shkelqim;Hysen;Ramiz;Petrit;Nikoll;Gjon;Bashkim;Qemal||Kemal;Ylli`),
  family: names(`Hoxha||Hoxa,Hodja;Krasniqi||Krasnici;Çela||Cela,Chela;Shehu||Sheu;Gjoka||Gjokaj;
    Dervishi||Dervisci;Kola;Leka;Marku;Prendi;Hysa;Xhafa||Giafa,Xafa;Berisha;Gashi;Basha;Muça||Muca,Mucha;
    Lika;Kelmendi;Bregu;Dedja;Rama;Meta;Zeneli;Hasani;Bajrami;Sinani;Mema;Dushku;Gjergji;Troshani;
    Xhaferi||Djaferi;Ndreu;Tafa;Kuçi||Kuci;Qosja||Cosja;Përmeti||Permeti;Ymeri;Sulaj;Cani;Tota`),
};

const MOROCCAN = {
  male: names(`Mohammed|محمد|Mohamed,Muhammad,Mhamed;Youssef|يوسف|Youssouf,Yousef,Youcef;Ahmed|أحمد|Ahmad;
    Rachid|رشيد|Rashid;Hassan|حسن|Hasan;Karim|كريم|Kareem;Mustapha|مصطفى|Mustafa,Moustapha;
    Abdelaziz|عبد العزيز|Abd El Aziz;Saïd|سعيد|Said,Saeed;Omar|عمر|Oumar;Khalid|خالد|Khaled;Hamza|حمزة;
    Ayoub|أيوب|Ayub;Brahim|إبراهيم|Ibrahim;Abdellah|عبد الله|Abdallah,Abdullah;Hicham|هشام|Hisham;
    Nabil|نبيل;Driss|إدريس|Idriss;Zakaria|زكرياء|Zakariya;Anass|أنس|Anas`),
  female: names(`Fatima|فاطمة|Fatma,Fatema;Khadija|خديجة|Khadidja;Zineb|زينب|Zainab,Zaynab;Nadia|نادية;
    Samira|سميرة;Naïma|نعيمة|Naima;Hanane|حنان|Hanan;Siham|سهام;Meryem|مريم|Maryam,Myriam;Salma|سلمى;
    Houda|هدى|Huda;Loubna|لبنى|Lubna;Imane|إيمان|Iman;Asmae|أسماء|Asma;Soukaina|سكينة|Sukaina;
    Hajar|هاجر|Hajer;Ikram|إكرام;Latifa|لطيفة;Najat|نجاة;Karima|كريمة;Malika|مليكة;Ghizlane|غزلان|Ghizlan;
    Wafae|وفاء|Wafa;Kawtar|كوثر|Kaoutar`),
  family: names(`El Amrani|العمراني|Elamrani,Amrani;Benali|بنعلي|Ben Ali;Alaoui|العلوي|El Alaoui,Elalaoui;
    El Idrissi|الإدريسي|Idrissi,El Idrisi;Bennani|بناني;Tazi|التازي;Berrada|برادة;El Fassi|الفاسي|Elfassi;
    Ouazzani|الوزاني|El Ouazzani;Chraïbi|الشرايبي|Chraibi;Benjelloun|بنجلون|Ben Jelloun;Lahlou|لحلو;
    Bouazza|بوعزة;Zerouali|الزروالي;El Mansouri|المنصوري|Mansouri;Belhaj|بلحاج|Belhadj;
    Naciri|الناصري|Nasiri;Aït Ali|آيت علي|Ait Ali;Boukhari|البخاري|Bukhari;Essaidi|السعيدي|Saidi;
    Kabbaj|القباج;El Ouardi|الوردي;Rahmouni|الرحموني;Hamdaoui|الحمداوي`),
};

const UKRAINIAN = {
  female: names(`Olena|Олена|Elena|Елена;Oksana|Оксана;Nataliia|Наталія|Natalia,Natalya|Наталья;
    Yuliia|Юлія|Yulia,Julia|Юлия;Tetiana|Тетяна|Tatiana,Tetyana|Татьяна;Iryna|Ірина|Irina|Ирина;
    Svitlana|Світлана|Svetlana|Светлана;Anna|Анна|Hanna;Mariia|Марія|Maria,Mariya|Мария;
    Kateryna|Катерина|Ekaterina,Katerina|Екатерина;Viktoriia|Вікторія|Victoria,Viktoria|Виктория;
    Liudmyla|Людмила|Lyudmila,Ludmila;Halyna|Галина|Galina;Olha|Ольга|Olga;Nadiia|Надія|Nadia,Nadezhda|Надежда;
    Daryna|Дарина|Daria|Дарья;Alla|Алла;Inna|Інна;Valentyna|Валентина|Valentina;Khrystyna|Христина|Kristina,Christina|Кристина`),
  male: names(`Oleksandr|Олександр|Aleksandr,Alexander,Oleksander|Александр;Serhii|Сергій|Sergey,Serhiy,Sergii|Сергей;
    Andrii|Андрій|Andriy,Andrey|Андрей;Volodymyr|Володимир|Vladimir|Владимир;Mykola|Микола|Nikolai|Николай;
    Ivan|Іван;Dmytro|Дмитро|Dmitry,Dmitriy|Дмитрий;Viktor|Віктор|Victor;Yurii|Юрій|Yuri,Yuriy,Jurij|Юрий;
    Petro|Петро|Petr|Пётр;Vasyl|Василь|Vasily|Василий;Bohdan|Богдан|Bogdan;Taras|Тарас;Roman|Роман;
    Maksym|Максим|Maxim;Oleh|Олег|Oleg;Ihor|Ігор|Igor|Игорь;Vitalii|Віталій|Vitaly,Vitaliy|Виталий`),
  family: names(`Shevchenko|Шевченко|Ševčenko,Schewtschenko,Chevtchenko;Kovalenko|Коваленко|Kowalenko;
    Bondarenko|Бондаренко;Tkachenko|Ткаченко|Tkatschenko,Tkačenko;Kravchenko|Кравченко|Kravtchenko,Krawtschenko;
    Oliinyk|Олійник|Oleinik,Oliynyk|Олейник;Shevchuk|Шевчук|Chevtchouk;Polishchuk|Поліщук|Polischuk;
    Koval|Коваль|Kowal;Boiko|Бойко|Boyko,Bojko;Tkachuk|Ткачук|Tkatchouk;Melnyk|Мельник|Melnik;
    Kravchuk|Кравчук|Krawtschuk;Savchenko|Савченко|Savtchenko;Rudenko|Руденко;Moroz|Мороз;
    Lysenko|Лисенко|Lyssenko,Lisenko;Marchenko|Марченко|Martchenko;Kozak|Козак;Pavlenko|Павленко;
    Klymenko|Клименко|Klimenko;Levchenko|Левченко|Lewtschenko;Ponomarenko|Пономаренко;
    Hrytsenko|Гриценко|Gritsenko;Romanenko|Романенко`),
};

const KURDISH = {
  male: names(`Karwan|کاروان;Rebwar|ڕێبوار|Rebuar,Rêbwar;Hawre|هاوڕێ|Hawri;Dilshad|دڵشاد|Dlshad;Shwan|شوان|Shuan;
    Sherzad|شێرزاد|Shirzad;Aram|ئارام;Hemin|هێمن|Hemn;Sirwan|سیروان|Sirvan;Bakhtiyar|بەختیار|Bakhtiar,Bakhtyar;
    Azad|ئازاد;Dara|دارا;Goran|گۆران;Kawa|کاوە|Kawe;Nechirvan|نێچیرڤان|Nechirwan;Rawand|ڕەوەند|Rawend;
    Zana|زانا;Hiwa|هیوا;Soran|سۆران;Barzan|بارزان;Omed|ئومێد|Omid,Umed;Ari|ئاری;Hardi|هەردی|Herdi;
    Peshawa|پێشەوا|Pishawa;Mohammed|محەمەد|Muhammad,Mohamad;Ahmad|ئەحمەد|Ahmed;Diyar|دیار;Shorsh|شۆڕش|Shoresh`),
  female: names(`Shilan|شیلان;Nasrin|نەسرین|Nesrin;Avin|ئاڤین|Aveen;Tara|تارا;Shno|شنۆ;Kazhal|کەژاڵ|Kajal;
    Jwan|جوان|Juan;Rozhan|ڕۆژان|Rojan;Shahen|شاهێن`),
  family:
    names(`Ahmed|ئەحمەد|Ahmad;Mohammed|محەمەد|Muhammad,Mohamad,Mohammad;Karim|کەریم|Kareem;Hassan|حەسەن|Hasan;
    Mahmood|مەحموود|Mahmoud,Mahmud;Othman|عوسمان|Osman,Uthman;Rasul|ڕەسوڵ|Rasool,Rasoul;Aziz|عەزیز;
    Qadir|قادر|Kadir,Qader;Salih|ساڵح|Saleh,Salah;Abdullah|عەبدوڵڵا|Abdulla;Omar|عومەر|Omer;
    Hama Amin|حەمە ئەمین|Hamaamin,Hama-Amin;Jalal|جەلال;Ismail|ئیسماعیل|Ismael;Faraj|فەرەج;
    Hussein|حوسێن|Husein,Hussain;Khidir|خدر|Khdir,Khidr;Mustafa|مستەفا|Mistefa;Ali|عەلی;Rashid|ڕەشید|Rasheed;
    Saeed|سەعید|Said,Saed`),
};

const SYRIAN = {
  male: names(`Mohammad|محمد|Mohamad,Muhammad,Mohammed;Ahmad|أحمد|Ahmed;Khaled|خالد|Khalid;Omar|عمر;
    Mahmoud|محمود|Mahmud;Abdulrahman|عبد الرحمن|Abdul Rahman,Abdelrahman;Yaser|ياسر|Yasser,Yasir;
    Hussam|حسام|Housam;Bassam|بسام;Fadi|فادي;Ammar|عمار;Samer|سامر;Walid|وليد|Waleed;Ziad|زياد|Ziyad;
    Ibrahim|إبراهيم;Mustafa|مصطفى|Moustafa;Hassan|حسن;Jamal|جمال;Adnan|عدنان;Riad|رياض|Riyad`),
  female: names(`Fatima|فاطمة|Fatma;Amal|أمل;Rania|رانيا;Hiba|هبة;Nour|نور|Noor;Lina|لينا;Rasha|رشا;
    Huda|هدى|Houda;Samar|سمر;Maha|مها;Reem|ريم|Rim;Ghada|غادة;Manal|منال;Suad|سعاد|Souad;Hanan|حنان;
    Wafaa|وفاء|Wafa;Khadija|خديجة;Zainab|زينب;Rima|ريما;Nisreen|نسرين|Nesrine`),
  boy: names(`Yousef|يوسف|Yusuf,Youssef;Mohammad|محمد|Mohamad;Ahmad|أحمد;Omar|عمر;Adam|آدم;Hamza|حمزة;Ali|علي;
    Karam|كرم;Majd|مجد;Zain|زين|Zein;Anas|أنس;Bilal|بلال;Abdullah|عبد الله|Abdallah;Taim|تيم;Qusai|قصي|Kusai`),
  girl: names(`Aya|آية;Sara|سارة|Sarah;Layla|ليلى|Leila;Sham|شام;Joud|جود|Jud;Tasneem|تسنيم|Tasnim;Malak|ملاك;
    Rahaf|رهف;Yasmin|ياسمين|Yasmine;Dima|ديما;Lana|لانا;Maryam|مريم;Rawan|روان;Hala|هالة;Fatima|فاطمة`),
  family:
    names(`Al-Hamoud|الحمود|Alhamoud,Al Hamoud;Al-Ahmad|الأحمد|Alahmad;Al-Khatib|الخطيب|Alkhatib,El Khatib;
    Al-Hassan|الحسن|Alhasan;Haddad|حداد;Al-Ali|العلي|Alali;Sabbagh|صباغ|Sabagh;Al-Masri|المصري|Almasri;
    Al-Halabi|الحلبي|Halabi;Kurdi|كردي;Jaber|جابر|Jabr;Al-Shami|الشامي|Alshami;Najjar|نجار|Al-Najjar;
    Darwish|درويش|Darwich;Hamdan|حمدان;Al-Omar|العمر;Al-Sayed|السيد|Alsayed,El Sayed;Khalil|خليل;
    Shaaban|شعبان|Chaaban;Mansour|منصور|Mansur;Al-Rifai|الرفاعي;Qassem|قاسم|Kassem,Qasim`),
};

const PLACES = {
  AL: [
    'Tirana',
    'Shkodër',
    'Elbasan',
    'Durrës',
    'Vlorë',
    'Fier',
    'Berat',
    'Korçë',
    'Lezhë',
    'Kukës',
    'Lushnjë',
    'Kavajë',
    'Pogradec',
    'Peshkopi',
  ],
  MA: [
    'Casablanca',
    'Béni Mellal',
    'Khouribga',
    'Fès',
    'Tanger',
    'Oujda',
    'Nador',
    'Marrakech',
    'Kénitra',
    'Meknès',
    'Tétouan',
    'Fquih Ben Salah',
    'Agadir',
  ],
  UA: [
    'Kharkiv',
    'Odesa',
    'Kyiv',
    'Dnipro',
    'Zaporizhzhia',
    'Mykolaiv',
    'Kherson',
    'Lviv',
    'Vinnytsia',
    'Chernivtsi',
    'Poltava',
    'Donetsk',
    'Luhansk',
    'Ternopil',
  ],
  IQ: [
    'Erbil',
    'Sulaymaniyah',
    'Duhok',
    'Halabja',
    'Koya',
    'Ranya',
    'Zakho',
    'Kirkuk',
    'Soran',
    'Chamchamal',
    'Kalar',
    'Akre',
  ],
  SY: [
    'Aleppo',
    'Homs',
    'Damascus',
    'Daraa',
    'Hama',
    'Idlib',
    'Douma',
    'Deir ez-Zor',
    'Qusayr',
    'Tal Kalakh',
  ],
} as const;
/** Kurmanji (Badini) rather than Sorani is spoken there. */
const KURMANJI_PLACES = new Set(['Duhok', 'Zakho', 'Akre']);

const HOST_CITIES: Record<string, readonly string[]> = {
  FR: ['Paris', 'Saint-Denis', 'Lyon', 'Marseille', 'Lille', 'Créteil'],
  ES: ['Madrid', 'Barcelona', 'Almería', 'Valencia'],
  IT: ['Roma', 'Napoli', 'Torino', 'Milano'],
  GR: ['Athens', 'Thessaloniki', 'Patras'],
  PL: ['Warszawa', 'Kraków', 'Wrocław', 'Poznań'],
};

// ---- offices, staff, projects ---------------------------------------------------------------------

const HOST_OFFICE: Record<string, string> = { FR: 'PAR', ES: 'MAD', GR: 'ATH', IT: 'ROM', PL: 'WAW' };
const ORIGIN_OFFICE: Record<string, string> = { AL: 'TIR', MA: 'RAB', UA: 'KYI', IQ: 'EBL' };
const OFFICE_CITY: Record<string, { fr: string; en: string }> = {
  PAR: { fr: 'Paris', en: 'Paris' },
  MAD: { fr: 'Madrid', en: 'Madrid' },
  ATH: { fr: 'Athènes', en: 'Athens' },
  ROM: { fr: 'Rome', en: 'Rome' },
  WAW: { fr: 'Varsovie', en: 'Warsaw' },
  TIR: { fr: 'Tirana', en: 'Tirana' },
  RAB: { fr: 'Rabat', en: 'Rabat' },
  KYI: { fr: 'Kyiv', en: 'Kyiv' },
  EBL: { fr: 'Erbil', en: 'Erbil' },
};
const COUNTRY_NAME: Record<string, { fr: string; en: string }> = {
  AL: { fr: 'l’Albanie', en: 'Albania' },
  MA: { fr: 'le Maroc', en: 'Morocco' },
  UA: { fr: 'l’Ukraine', en: 'Ukraine' },
  IQ: { fr: 'la Région du Kurdistan d’Irak', en: 'the Kurdistan Region of Iraq' },
};

type Lang = 'fr' | 'en';
type OfficeStaff = { lang: Lang; caseworker: StaffRef; protection: StaffRef; supervisor: StaffRef };
const account = (email: string): StaffRef => ({ email });
const colleague = (name: string): StaffRef => ({ name });

/** Every e-mail used here is one of the demo accounts of seed.ts (the unit test checks it). */
export const DEMO_STAFF: Record<string, OfficeStaff> = {
  PAR: {
    lang: 'fr',
    caseworker: account('caseworker.paris@passerelle.test'),
    protection: account('protection.paris@passerelle.test'),
    supervisor: account('supervisor.paris@passerelle.test'),
  },
  MAD: {
    lang: 'en',
    caseworker: colleague('Lucía Fernández'),
    protection: colleague('Lucía Fernández'),
    supervisor: colleague('Javier Romero'),
  },
  ATH: {
    lang: 'en',
    caseworker: colleague('Eleni Papadopoulou'),
    protection: colleague('Eleni Papadopoulou'),
    supervisor: colleague('Nikos Georgiou'),
  },
  ROM: {
    lang: 'en',
    caseworker: colleague('Giulia Conti'),
    protection: colleague('Giulia Conti'),
    supervisor: colleague('Marco Ferri'),
  },
  WAW: {
    lang: 'en',
    caseworker: colleague('Katarzyna Nowak'),
    protection: colleague('Katarzyna Nowak'),
    supervisor: colleague('Piotr Zieliński'),
  },
  // Tirana receives most transfers of trafficking cases: its supervisor answers them and its protection
  // officer continues them. In Rabat, Kyiv and Erbil the supervisors answer referrals and approve; the
  // caseworkers may not see trafficking cases: those are handled there by protection colleagues without
  // demo accounts.
  TIR: {
    lang: 'en',
    caseworker: account('caseworker.tirana@passerelle.test'),
    protection: account('protection.tirana@passerelle.test'),
    supervisor: account('supervisor.tirana@passerelle.test'),
  },
  RAB: {
    lang: 'fr',
    caseworker: account('caseworker.rabat@passerelle.test'),
    protection: colleague('Salma Bennis'),
    supervisor: account('supervisor.rabat@passerelle.test'),
  },
  KYI: {
    lang: 'en',
    caseworker: account('caseworker.kyiv@passerelle.test'),
    protection: colleague('Iryna Bondarenko'),
    supervisor: account('supervisor.kyiv@passerelle.test'),
  },
  EBL: {
    lang: 'en',
    caseworker: account('caseworker.erbil@passerelle.test'),
    protection: colleague('Nasrin Kareem'),
    supervisor: account('supervisor.erbil@passerelle.test'),
  },
};

/** Offices where an approval request may still be waiting at the end of the demo period. */
const PENDING_OFFICES: ReadonlySet<string> = new Set(['PAR', 'TIR']);

function staffOf(office: string): OfficeStaff {
  const staff = DEMO_STAFF[office];
  if (!staff) throw new Error(`no demo staff for ${office}`);
  return staff;
}
const handlerOf = (office: string, sensitive: boolean) =>
  sensitive ? staffOf(office).protection : staffOf(office).caseworker;

const CARE = { start: dayOf('2013-09-02'), end: dayOf('2015-12-18') };
const TACT = { start: dayOf('2015-05-04'), end: dayOf('2016-06-24') };
const MAGNET = { start: dayOf('2014-04-01'), end: dayOf('2016-06-24') };
const ALL_PERIOD = { start: dayOf('2013-09-02'), end: dayOf('2016-06-24') };

// ---- texts --------------------------------------------------------------------------------------------

type Vars = Record<string, string>;
const fill = (template: string, vars: Vars) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);

// ---- case histories -----------------------------------------------------------------------------------

type Facts = Pick<
  DemoCase,
  'travelDocumentReady' | 'medicalFitness' | 'declarationSignedOn' | 'departureDate'
>;

type TransferFacts = {
  /** Index the transfer takes in the referrals. */
  referral: number;
  fromOffice: string;
  toOffice: string;
  requester: StaffRef;
  responder: StaffRef;
  requestedAt: number;
  /** Null: still waiting at the end of the demo period. */
  respondedAt: number | null;
};

/** Events that record a referral without changing the case row (its version and update time). */
const REFERRAL_ONLY_EVENTS: ReadonlySet<DemoEvent['kind']> = new Set(['referred', 'referral_answered']);
/** The case row's update time after an event: a transfer is recorded 1 ms after the acceptance that updates it. */
const caseUpdatedAt = (e: DemoEvent) => (e.kind === 'transferred' ? isoTime(Date.parse(e.at) - 1) : e.at);

/** A working-day time on `day` (Saturday and Sunday fall back to Friday), between 09:00 and 18:00 in Paris. */
function workingTime(rng: Rng, day: number): number {
  const weekday = new Date(day * DAY).getUTCDay();
  const d = weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
  return d * DAY + 7 * 60 * MINUTE + rng.int(0, 9 * 60) * MINUTE;
}

/** A working-day time `days` after `from` (weekends move on to Monday), at least half an hour after `from`. */
function workingTimeAfter(rng: Rng, from: number, days: number): number {
  for (let day = Math.floor(from / DAY) + days; ; day++) {
    const weekday = new Date(day * DAY).getUTCDay();
    if (weekday === 6 || weekday === 0) continue;
    const at = workingTime(rng, day);
    if (at > from + 30 * MINUTE) return at;
    // Later the same day, within working hours, or the next working day.
    const later = from + rng.int(40, 240) * MINUTE;
    if (later < day * DAY + 16 * 60 * MINUTE && later > day * DAY) return later;
  }
}

/** Inserts an event where it belongs in time (never at the same instant as another); returns its time. */
function insertEvent(events: DemoEvent[], event: DemoEvent): number {
  let at = Date.parse(event.at);
  while (events.some((e) => Date.parse(e.at) === at)) at += MINUTE;
  const iso = isoTime(at);
  const index = events.findIndex((e) => e.at > iso);
  events.splice(index === -1 ? events.length : index, 0, { ...event, at: iso });
  return at;
}

/** Builds one case's history step by step; stops for good at the first step after the demo's today. */
class History {
  readonly events: DemoEvent[] = [];
  readonly notes: DemoCase['notes'] = [];
  readonly tasks: DemoCase['tasks'] = [];
  readonly reachedOn = new Map<string, number>();
  status: string;
  office: string;
  handler: StaffRef;
  assignee: string | null;
  t: number;
  stopped = false;
  facts: Facts = {
    travelDocumentReady: false,
    medicalFitness: null,
    declarationSignedOn: null,
    departureDate: null,
  };
  statusBeforeClosure: string | null = null;
  closureReason: ClosureReason | null = null;
  pending: DemoCase['pendingTransition'] = null;
  /** The transfer to the origin office, answered or still waiting at the end of the demo period. */
  transferred: TransferFacts | null = null;
  readonly createdBy: StaffRef;
  readonly createdAt: number;
  /** Draws for the referral details, so that they leave the rest of the data unchanged. */
  private readonly side: Rng;

  constructor(
    private readonly rng: Rng,
    private readonly vars: Vars,
    openDay: number,
    opts: {
      office: string;
      sensitive: boolean;
      initial: string;
      triage: boolean;
      comment?: string;
      side?: Rng;
    },
  ) {
    this.side = opts.side ?? rng;
    this.office = opts.office;
    this.status = opts.initial;
    this.handler = handlerOf(opts.office, opts.sensitive);
    const staff = staffOf(opts.office);
    this.t = this.when(openDay);
    this.createdAt = this.t;
    // Triage: the supervisor opens the case and assigns it a few days later.
    const opener = opts.triage ? staff.supervisor : this.handler;
    this.createdBy = opener;
    this.assignee = opts.triage ? null : (this.handler.email ?? null);
    this.push('opened', null, opts.initial, opener, opts.comment ?? null, null);
    this.reachedOn.set(opts.initial, this.t);
    if (opts.triage) {
      const at = this.when(this.day + this.rng.int(0, 3));
      if (at > CUTOFF) {
        this.stopped = true;
      } else {
        this.t = at;
        this.assignee = this.handler.email ?? null;
        this.push('assigned', null, null, staff.supervisor, null, { assignee: this.assignee });
      }
    }
    this.stageWork(opts.initial);
  }

  get day(): number {
    return Math.floor(this.t / DAY);
  }
  get lang(): Lang {
    return staffOf(this.office).lang;
  }

  /** A working-day time on `day` (or any day for flights), always after the previous event. */
  private when(day: number, anyDay = false): number {
    let d = day;
    if (!anyDay) {
      const weekday = new Date(d * DAY).getUTCDay();
      if (weekday === 6) d += 2;
      if (weekday === 0) d += 1;
    }
    let at = d * DAY + (anyDay ? 5 * 60 : 7 * 60) * MINUTE + this.rng.int(0, 8 * 60) * MINUTE;
    if (this.events.length > 0 && at <= this.t) at = this.t + this.rng.int(15, 120) * MINUTE;
    return at;
  }

  private push(
    kind: DemoEvent['kind'],
    fromStatus: string | null,
    toStatus: string | null,
    actor: StaffRef,
    comment: string | null,
    data: Record<string, unknown> | null,
  ) {
    this.events.push({ kind, fromStatus, toStatus, actor, comment, data, at: isoTime(this.t) });
  }

  /** Opens the work of a stage: maybe a note, maybe a task (done when the stage is left). */
  private stageWork(stage: string) {
    const taskTitles = TASKS[stage]?.[this.lang] ?? [];
    if (taskTitles.length > 0 && this.rng.chance(0.55)) {
      this.tasks.push({
        title: this.rng.pick(taskTitles),
        dueDate: isoDay(this.day + this.rng.int(3, 25)),
        assignee: this.assignee,
        doneAt: null,
        createdAt: isoTime(this.t + this.rng.int(5, 60) * MINUTE),
      });
    }
    const notes = NOTES[stage]?.[this.lang] ?? [];
    if (notes.length > 0 && this.rng.chance(0.3)) this.note(this.rng.pick(notes), false);
  }

  note(template: string, confidential: boolean) {
    const at = this.t + this.rng.int(20, 300) * MINUTE;
    if (at > CUTOFF) return;
    this.notes.push({ body: fill(template, this.vars), confidential, author: this.handler, at: isoTime(at) });
  }

  /** Tasks of the stage being left are done just before it is left. */
  private finishTasks() {
    for (const task of this.tasks) {
      if (task.doneAt) continue;
      const created = Date.parse(task.createdAt);
      task.doneAt = isoTime(Math.max(created + 30 * MINUTE, this.t - this.rng.int(1, 48) * 60 * MINUTE));
      if (Date.parse(task.doneAt) > this.t) task.doneAt = isoTime(this.t);
    }
  }

  private advance(day: number, anyDay = false): boolean {
    if (this.stopped) return false;
    const at = this.when(day, anyDay);
    if (at > CUTOFF) {
      this.stopped = true;
      return false;
    }
    this.t = at;
    return true;
  }

  move(
    to: string,
    day: number,
    opts: { anyDay?: boolean; comment?: string; facts?: Partial<Facts> } = {},
  ): boolean {
    if (!this.advance(day, opts.anyDay)) return false;
    this.finishTasks();
    this.push('transition', this.status, to, this.handler, opts.comment ?? null, null);
    this.status = to;
    this.reachedOn.set(to, this.t);
    Object.assign(this.facts, opts.facts ?? {});
    this.stageWork(to);
    return true;
  }

  /** A transition that needs a supervisor: requested, then approved; left pending when the demo ends first. */
  approval(to: string, requestDay: number, approveDay: number, comment: string | null): boolean {
    if (this.stopped) return false;
    const supervisor = staffOf(this.office).supervisor;
    // Only a supervisor with a demo account can still approve a pending request in the application. Requests
    // are left waiting in Paris and Tirana only: the histories were drawn before Rabat, Kyiv and Erbil had
    // supervisor accounts, and an extra draw here would change every case after it.
    const pendable = PENDING_OFFICES.has(this.office) && !!supervisor.email && !!this.handler.email;
    const requestAt = this.when(requestDay);
    if (requestAt > CUTOFF || (!pendable && this.when(approveDay) > CUTOFF)) {
      this.stopped = true;
      return false;
    }
    this.t = requestAt;
    this.push('approval_requested', this.status, to, this.handler, comment, null);
    // Some recent requests are still waiting for the supervisor at the end of the demo period.
    const waiting = pendable && CUTOFF - requestAt < 20 * DAY && this.rng.chance(0.6);
    if (waiting || !this.advance(approveDay)) {
      this.stopped = true;
      this.pending = {
        to,
        requestedBy: this.handler.email as string,
        requestedAt: isoTime(requestAt),
        comment,
      };
      return false;
    }
    this.finishTasks();
    const requestedBy = this.handler.email ? this.handler.email : this.handler.name;
    this.push('approved', this.status, to, supervisor, null, { requestedBy });
    this.status = to;
    this.reachedOn.set(to, this.t);
    this.stageWork(to);
    return true;
  }

  /** A moment in working hours on `day`, after the case's last event (later that day when it would not be). */
  momentOn(day: number): number {
    const at = workingTime(this.rng, day);
    return at > this.t ? at : this.t + this.rng.int(20, 90) * MINUTE;
  }

  /**
   * A step taken at a known moment (a module's action, a batch's submission, a flight's boarding), by the
   * staff member who took it; a step to a terminal state closes the case with `closureReason`.
   */
  stepAt(
    to: string,
    at: number,
    actor: StaffRef,
    comment: string | null,
    data: Record<string, unknown> | null,
    closureReason?: ClosureReason,
  ): void {
    if (at <= this.t || at > CUTOFF) throw new Error(`demo step to ${to} out of order at ${isoTime(at)}`);
    this.t = at;
    this.finishTasks();
    this.push('transition', this.status, to, actor, comment, data);
    if (closureReason) {
      this.statusBeforeClosure = this.status;
      this.closureReason = closureReason;
    }
    this.status = to;
    this.reachedOn.set(to, at);
    this.stageWork(to);
  }

  /** A step a supervisor approves, asked at `at`; approved on `approvedDay`, or left waiting when null. */
  approvalAt(to: string, at: number, approvedDay: number | null, comment: string | null): void {
    if (at <= this.t || at > CUTOFF) throw new Error(`demo request for ${to} out of order at ${isoTime(at)}`);
    this.t = at;
    this.push('approval_requested', this.status, to, this.handler, comment, null);
    if (approvedDay === null) {
      this.pending = { to, requestedBy: this.handler.email as string, requestedAt: isoTime(at), comment };
      return;
    }
    const approvedAt = this.momentOn(approvedDay);
    if (approvedAt > CUTOFF) throw new Error(`demo approval of ${to} after the demo's today`);
    this.t = approvedAt;
    this.finishTasks();
    const requestedBy = this.handler.email ? this.handler.email : this.handler.name;
    this.push('approved', this.status, to, staffOf(this.office).supervisor, null, { requestedBy });
    this.status = to;
    this.reachedOn.set(to, approvedAt);
    this.stageWork(to);
  }

  /**
   * Hands the case over to another office as the referrals module does: the handler asked for the transfer
   * 1 to 6 days before the receiving supervisor accepts it on `day` (the request may fall before departure);
   * acceptance moves the case, and the supervisor then assigns it to a colleague. When the answer would come
   * after the demo's today, the request is left waiting.
   */
  transfer(toOffice: string, day: number, sensitive: boolean, referral: number): boolean {
    const from = this.office;
    const requester = this.handler;
    const supervisor = staffOf(toOffice).supervisor;
    // Asked once travel preparation was approved: the origin office is to meet the person on arrival.
    const floor = this.reachedOn.get('travel_preparation') ?? this.createdAt;
    const request = (answerDay: number) => {
      let day = answerDay - this.side.int(1, 6);
      // A weekend falls back to Friday, or on to Monday when Friday would be a week before the answer.
      const weekday = new Date(day * DAY).getUTCDay();
      if (weekday === 6) day = answerDay - day < 6 ? day - 1 : day + 2;
      else if (weekday === 0) day = answerDay - day < 5 ? day - 2 : day + 1;
      const at = workingTime(this.side, day);
      return at > floor ? at : floor + this.side.int(60, 240) * MINUTE;
    };
    const referred = (at: number) =>
      insertEvent(this.events, {
        kind: 'referred',
        fromStatus: null,
        toStatus: null,
        actor: requester,
        comment: null,
        data: { referral, kind: 'transfer', to: toOffice, partner: null },
        at: isoTime(at),
      });
    const facts = { referral, fromOffice: from, toOffice, requester, responder: supervisor };
    if (!this.advance(day)) {
      const requestedAt = request(day);
      if (requestedAt < CUTOFF - 60 * MINUTE) {
        this.transferred = { ...facts, requestedAt: referred(requestedAt), respondedAt: null };
      }
      return false;
    }
    this.finishTasks();
    const respondedAt = this.t;
    const requestedAt = referred(request(Math.floor(respondedAt / DAY)));
    this.push('referral_answered', null, null, supervisor, null, { referral, accepted: true });
    // After the withholding moment, as the module records it, so the new owner sees it.
    this.t = respondedAt + 1;
    this.push('transferred', null, null, supervisor, null, {
      referral,
      fromOfficeId: from,
      toOfficeId: toOffice,
    });
    this.transferred = { ...facts, requestedAt, respondedAt };
    this.office = toOffice;
    this.handler = handlerOf(toOffice, sensitive);
    this.assignee = null;
    const at = this.t + this.rng.int(60, 60 * 24) * MINUTE;
    if (this.handler.email && at <= CUTOFF) {
      this.t = at;
      this.assignee = this.handler.email;
      this.push('assigned', null, null, staffOf(toOffice).supervisor, null, { assignee: this.assignee });
    }
    return true;
  }

  close(to: 'closed' | 'withdrawn', reason: ClosureReason, day: number, comment: string | null): boolean {
    if (!this.advance(day)) return false;
    this.finishTasks();
    this.push(
      'transition',
      this.status,
      to,
      this.handler,
      comment,
      to === 'closed' ? { closureReason: reason } : null,
    );
    this.statusBeforeClosure = this.status;
    this.closureReason = reason;
    this.status = to;
    this.reachedOn.set(to, this.t);
    return true;
  }

  result(): Omit<
    DemoCase,
    | 'reference'
    | 'person'
    | 'household'
    | 'caseType'
    | 'sensitive'
    | 'project'
    | 'openedIn'
    | 'hostCountry'
    | 'returnCountry'
  > {
    // Sending and answering a referral leave the case row as it is; a transfer updates it.
    const changes = this.events.filter((e) => !REFERRAL_ONLY_EVENTS.has(e.kind));
    const last = changes[changes.length - 1];
    return {
      office: this.office,
      assignee: this.assignee,
      status: this.status,
      statusBeforeClosure: this.statusBeforeClosure,
      closureReason: this.closureReason,
      ...this.facts,
      pendingTransition: this.pending,
      withheldSections: [],
      withheldBefore: null,
      createdBy: this.createdBy,
      createdAt: isoTime(this.createdAt),
      updatedAt: last ? caseUpdatedAt(last) : isoTime(this.createdAt),
      version: changes.length,
      events: this.events,
      notes: this.notes,
      tasks: this.tasks,
    };
  }
}

type AvrrPlan = {
  sensitive: boolean;
  withdrawAt: string | null;
  /** After arrival: close (transferred to a labour case, or completed) or go on with reintegration. */
  afterArrival: 'close_transferred' | 'close_completed' | 'reintegrate';
  transferTo: string | null;
  /** Index the transfer's referral takes. */
  referral: number;
  endReason: ClosureReason;
  confidentialNotes: boolean;
};

function avrrHistory(rng: Rng, h: History, plan: AvrrPlan): void {
  const t0 = h.day;
  // Request to departure: 20 to 90 days, most around six weeks.
  const total = rng.tri(22, 42, 90);
  const counsellingDay = t0 + Math.max(1, Math.round(total * (0.05 + rng.float() * 0.07)));
  const eligibilityDay = counsellingDay + Math.max(2, Math.round(total * (0.1 + rng.float() * 0.1)));
  const requestDay = eligibilityDay + Math.max(1, Math.round(total * (0.06 + rng.float() * 0.08)));
  const approveDay = requestDay + rng.int(1, 4);
  const departureDay = t0 + total;
  const readyDay = Math.min(
    departureDay - 2,
    approveDay + Math.max(5, Math.round(total * (0.25 + rng.float() * 0.15))),
  );
  const withdraw = (stage: string, nextDay: number) => {
    if (plan.withdrawAt !== stage) return false;
    const day = Math.min(nextDay - 1, h.day + rng.int(2, 15));
    h.close('withdrawn', 'withdrawn', Math.max(h.day + 1, day), rng.pick(WITHDRAW_COMMENT[h.lang]));
    return true;
  };
  if (plan.confidentialNotes) h.note(rng.pick(NOTES.vot_confidential?.[h.lang] ?? []), true);
  if (withdraw('intake', counsellingDay)) return;
  if (!h.move('counselling', counsellingDay)) return;
  if (withdraw('counselling', eligibilityDay)) return;
  if (!h.move('eligibility', eligibilityDay)) return;
  if (plan.confidentialNotes && rng.chance(0.5))
    h.note(rng.pick(NOTES.vot_confidential?.[h.lang] ?? []), true);
  if (withdraw('eligibility', requestDay)) return;
  const requestComment =
    h.lang === 'fr'
      ? 'Éligible ; screening de vulnérabilité joint.'
      : 'Eligible; vulnerability screening attached.';
  if (!h.approval('travel_preparation', requestDay, approveDay, plan.sensitive ? requestComment : null))
    return;
  h.facts.medicalFitness = 'pending';
  if (withdraw('travel_preparation', readyDay)) return;
  const declaration = isoDay(readyDay - rng.int(0, 4));
  const ready = h.move('ready_to_travel', readyDay, {
    facts: {
      travelDocumentReady: true,
      medicalFitness: 'fit',
      declarationSignedOn: declaration,
      departureDate: isoDay(departureDay),
    },
  });
  if (!ready) {
    if (h.status === 'travel_preparation') {
      h.facts.travelDocumentReady = rng.chance(0.5);
      h.facts.medicalFitness = rng.weighted([
        ['pending', 5],
        ['fit', 4],
        ['unfit', 1],
      ] as const);
      h.facts.declarationSignedOn = rng.chance(0.3) ? isoDay(h.day + rng.int(3, 10)) : null;
      if (h.facts.declarationSignedOn && dayOf(h.facts.declarationSignedOn) > dayOf(DEMO_TODAY))
        h.facts.declarationSignedOn = null;
    }
    return;
  }
  if (withdraw('ready_to_travel', departureDay)) return;
  if (!h.move('departed', departureDay, { anyDay: true })) return;
  if (!h.move('arrived', departureDay + rng.int(0, 1), { anyDay: true })) return;
  if (plan.afterArrival === 'close_transferred') {
    const comment =
      h.lang === 'fr'
        ? 'Suite prise en charge par le bureau d’Erbil (MAGNET II).'
        : 'Follow-up taken over by the Erbil office (MAGNET II).';
    h.close('closed', 'transferred', h.day + rng.int(2, 10), comment);
    return;
  }
  if (plan.afterArrival === 'close_completed') {
    h.close('closed', plan.endReason, h.day + rng.int(3, 20), null);
    return;
  }
  if (plan.transferTo && !h.transfer(plan.transferTo, h.day + rng.int(1, 6), plan.sensitive, plan.referral))
    return;
  if (!h.move('reintegration_planning', h.day + rng.int(4, 14))) return;
  if (plan.endReason === 'lost_contact' && rng.chance(0.4)) {
    h.close('closed', 'lost_contact', h.day + rng.int(20, 60), null);
    return;
  }
  if (!h.move('reintegration_assistance', h.day + rng.int(14, 35))) return;
  if (!h.move('monitoring', h.day + rng.int(45, 150))) return;
  h.close('closed', plan.endReason, h.day + rng.int(150, 330), null);
}

function labourHistory(rng: Rng, h: History): void {
  const fate = rng.weighted([
    ['normal', 80],
    ['withdraw', 7],
    ['not_eligible', 4],
    ['lost_contact', 6],
    ['re_migrated', 3],
  ] as const);
  const notes = NOTES.labour?.en ?? [];
  const earlyStop = rng.pick(['intake', 'profiling', 'matching'] as const);
  const stopHere = (stage: string) => {
    if (fate === 'normal' || earlyStop !== stage) return false;
    if (fate === 'withdraw') {
      h.close('withdrawn', 'withdrawn', h.day + rng.int(5, 30), rng.pick(WITHDRAW_COMMENT.en));
      return true;
    }
    if (stage === 'intake') return false; // closing needs profiling at least
    h.close('closed', fate, h.day + rng.int(10, 60), null);
    return true;
  };
  if (stopHere('intake')) return;
  if (!h.move('profiling', h.day + rng.int(5, 20))) return;
  if (rng.chance(0.5)) h.note(notes[0] ?? '', false);
  if (stopHere('profiling')) return;
  if (!h.move('matching', h.day + rng.int(10, 35))) return;
  if (rng.chance(0.4)) h.note(notes[1] ?? '', false);
  if (stopHere('matching')) return;
  const request = h.day + rng.int(10, 40);
  if (!h.approval('placement', request, request + rng.int(2, 6), null)) return;
  if (rng.chance(0.4)) h.note(notes[2] ?? '', false);
  if (!h.move('follow_up', h.day + rng.int(20, 60))) return;
  if (rng.chance(0.4)) h.note(notes[3] ?? '', false);
  const end = rng.weighted([
    ['completed', 85],
    ['lost_contact', 10],
    ['re_migrated', 5],
  ] as const);
  h.close('closed', end, h.day + rng.int(90, 200), null);
}

// ---- people ---------------------------------------------------------------------------------------------

type Ctx = {
  rng: Rng;
  /** Draws for referrals only: adding or changing them leaves the people and cases as they were. */
  side: Rng;
  people: DemoPerson[];
  households: DemoHousehold[];
  cases: Omit<DemoCase, 'reference'>[];
  referrals: DemoReferral[];
  /** The Syrian households' records, in the order of RST_HOUSEHOLDS. */
  rst: DemoRstHousehold[];
  /** Syrian names given so far (`given|family`, canonical spellings) and birth years. */
  syrianNames: { name: string; year: number }[];
};

function birth(
  rng: Rng,
  refDay: number,
  age: number,
  approximate: number,
): Pick<DemoPerson, 'birthDate' | 'birthDatePrecision'> {
  const day = refDay - Math.round(age * 365.25) - rng.int(0, 364);
  const iso = isoDay(day);
  const year = iso.slice(0, 4);
  const r = rng.float();
  if (r < approximate * 0.55) return { birthDate: `${year}-01-01`, birthDatePrecision: 'year' };
  if (r < approximate) return { birthDate: `${year}-01-01`, birthDatePrecision: 'estimated' };
  if (r < approximate + 0.04) return { birthDate: `${iso.slice(0, 7)}-01`, birthDatePrecision: 'month' };
  return { birthDate: iso, birthDatePrecision: 'exact' };
}

function phone(rng: Rng, country: string): string {
  const d = (n: number) => rng.digits(n);
  switch (country) {
    case 'FR':
      return `+33 ${rng.pick(['6', '7'])} ${d(2)} ${d(2)} ${d(2)} ${d(2)}`;
    case 'ES':
      return `+34 6${d(2)} ${d(3)} ${d(3)}`;
    case 'IT':
      return `+39 3${d(2)} ${d(3)} ${d(4)}`;
    case 'GR':
      return `+30 69${d(1)} ${d(3)} ${d(4)}`;
    case 'PL':
      return `+48 5${d(2)} ${d(3)} ${d(3)}`;
    case 'AL':
      return `+355 6${rng.pick(['7', '8', '9'])} ${d(3)} ${d(4)}`;
    case 'MA':
      return `+212 6${d(2)} ${d(2)} ${d(2)} ${d(2)}`;
    case 'UA':
      return `+380 ${rng.pick(['50', '63', '66', '67', '68', '93', '95', '97'])} ${d(3)} ${d(2)} ${d(2)}`;
    case 'IQ':
      return `+964 7${rng.pick(['50', '51', '70', '71'])} ${d(3)} ${d(4)}`;
    case 'LB':
      return `+961 ${rng.pick(['3', '70', '71', '76'])} ${d(3)} ${d(3)}`;
    case 'JO':
      return `+962 7${rng.pick(['7', '8', '9'])} ${d(3)} ${d(4)}`;
    default:
      return `+90 5${d(2)} ${d(3)} ${d(2)} ${d(2)}`;
  }
}

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

function emailOf(rng: Rng, given: string, family: string, birthDate: string): string {
  return `${ascii(given)}.${ascii(family)}${birthDate.slice(2, 4)}${rng.chance(0.3) ? rng.digits(1) : ''}@example.com`;
}

/** Picks a spelling for a name: mostly the main transliteration, sometimes a variant. */
function spelling(rng: Rng, entry: NameEntry, variantRate: number): string {
  return entry.variants.length > 0 && rng.chance(variantRate) ? rng.pick(entry.variants) : entry.latin;
}

function passportNumber(rng: Rng, country: string): string {
  switch (country) {
    case 'AL':
      return `B${rng.letters(1)}${rng.digits(7)}`;
    case 'MA':
      return `${rng.letters(2)}${rng.digits(7)}`;
    case 'UA':
      return `${rng.pick(['FA', 'FB', 'FC', 'EK', 'EM', 'ET'])}${rng.digits(6)}`;
    case 'IQ':
      return `A${rng.digits(8)}`;
    default:
      return `N${rng.digits(9)}`;
  }
}

type Needs = SpecificNeedCode[];
function addNeed(needs: Needs, code: SpecificNeedCode, p: number, rng: Rng) {
  if (rng.chance(p) && !needs.includes(code)) needs.push(code);
}

type Origin = 'AL' | 'MA' | 'UA';

/** A victim of trafficking (or, when `vot` is false, a migrant) returning to Albania, Morocco or Ukraine. */
function returnee(ctx: Ctx, origin: Origin, vot: boolean): void {
  const { rng } = ctx;
  const femaleShare = vot ? { AL: 0.9, MA: 0.72, UA: 0.65 }[origin] : { AL: 0.25, MA: 0.2, UA: 0.4 }[origin];
  const sex: Sex = rng.chance(femaleShare) ? 'female' : 'male';
  const minor = rng.chance(origin === 'MA' && !vot ? 0.3 : vot ? 0.07 : 0.03);
  const age = minor
    ? rng.int(15, 17)
    : vot && sex === 'female'
      ? rng.chance(0.88)
        ? rng.tri(18, 23, 35)
        : rng.int(36, 45)
      : rng.tri(19, 28, 52);
  const host = rng.weighted(
    (
      {
        AL: [
          ['FR', 45],
          ['IT', 22],
          ['GR', 23],
          ['ES', 5],
          ['PL', 5],
        ],
        MA: [
          ['FR', 48],
          ['ES', 34],
          ['IT', 18],
        ],
        UA: [
          ['FR', 36],
          ['PL', 40],
          ['IT', 14],
          ['ES', 10],
        ],
      } as const
    )[origin],
  );
  const hostOffice = HOST_OFFICE[host] as string;
  // Opening date: CARE (2013-09 to 2015-12), TACT (from 2015-05, the main programme for Morocco and Ukraine).
  let project: string | null = null;
  let openDay: number;
  if (vot) {
    const care = origin === 'AL' ? rng.chance(0.55) : rng.chance(0.25);
    const period = care ? CARE : TACT;
    openDay = care ? rng.int(period.start, period.end) : rng.recent(period.start, period.end, 1.6);
    project = care ? 'CARE' : 'TACT';
    if (!care && openDay > CARE.end) project = 'TACT';
  } else {
    openDay = rng.recent(ALL_PERIOD.start, ALL_PERIOD.end, 2.2);
  }

  const pool = origin === 'AL' ? ALBANIAN : origin === 'MA' ? MOROCCAN : UKRAINIAN;
  const givenEntry = rng.zipf(sex === 'female' ? pool.female : pool.male, 0.9);
  const familyEntry = rng.zipf(pool.family, origin === 'AL' ? 1.05 : 0.9);
  const fatherEntry = rng.zipf(pool.male, 0.8);
  const variantRate = origin === 'AL' ? 0 : 0.2;
  const givenName = spelling(rng, givenEntry, variantRate);
  const familyName = spelling(rng, familyEntry, variantRate);
  const aliases: DemoPerson['aliases'] = [];
  const hasOriginal = origin !== 'AL';
  if (rng.chance(origin === 'AL' ? 0.25 : 0.35)) {
    // Another spelling met in the host country's records.
    const otherGiven = givenEntry.variants.find((v) => v !== givenName) ?? givenEntry.latin;
    const otherFamily = familyEntry.variants.find((v) => v !== familyName) ?? familyEntry.latin;
    const alias = `${rng.chance(0.5) ? otherGiven : givenName} ${otherFamily}`;
    if (alias !== `${givenName} ${familyName}`) aliases.push({ name: alias, script: 'latin' });
  }
  if (origin === 'UA' && givenEntry.russian && rng.chance(0.35))
    aliases.push({ name: `${givenEntry.russian} ${familyEntry.original ?? ''}`.trim(), script: 'cyrillic' });
  if (vot && sex === 'female' && rng.chance(0.08)) {
    // A name used while exploited.
    const other = rng.pick(pool.female);
    aliases.push({ name: other.latin, script: 'latin' });
  }

  const place = rng.zipf(PLACES[origin], 0.8);
  const approximate = origin === 'AL' ? 0.12 : 0.2;
  const needs: Needs = [];
  if (vot) {
    needs.push('TR-PI');
    if (minor) needs.push('SC-UC');
    if (sex === 'female') {
      addNeed(needs, 'WR-WR', minor ? 0 : 0.25, rng);
      addNeed(needs, 'SV-VA', 0.3, rng);
      addNeed(needs, 'PG-LC', minor ? 0 : 0.06, rng);
      addNeed(needs, 'PG-HR', minor ? 0 : 0.03, rng);
      addNeed(needs, 'SP-PT', minor ? 0 : 0.1, rng);
    }
    addNeed(needs, 'SM-MI', 0.22, rng);
    addNeed(needs, 'LP-ND', 0.15, rng);
  } else {
    if (minor) needs.push('SC-UC');
    if (sex === 'female') addNeed(needs, 'TR-RK', 0.15, rng);
    addNeed(needs, 'SM-CI', 0.1, rng);
    addNeed(needs, 'DS-PM', 0.03, rng);
    addNeed(needs, 'LP-ND', 0.1, rng);
  }
  const languages = {
    AL: ['sq'],
    MA: rng.chance(0.6) ? ['ar', 'fr'] : ['ar'],
    UA: rng.chance(0.7) ? ['uk', 'ru'] : ['uk'],
  }[origin];
  const hostLanguage = { FR: 'fr', ES: 'es', IT: 'it', GR: 'el', PL: 'pl' }[host] as string;
  if (!languages.includes(hostLanguage) && rng.chance(0.4)) languages.push(hostLanguage);
  if (rng.chance(0.12)) languages.push('en');

  const documents: DemoPerson['documents'] = [];
  const noDocument = needs.includes('LP-ND');
  if (!noDocument && rng.chance(0.8)) {
    const issued = openDay - rng.int(200, 3000);
    documents.push({
      type: 'passport',
      number: passportNumber(rng, origin),
      issuingCountry: origin,
      expiryDate: isoDay(issued + (origin === 'MA' ? 5 : 10) * 365),
    });
  }
  if (!noDocument && origin === 'AL' && rng.chance(0.3)) {
    documents.push({
      type: 'national_id',
      number: `${rng.letters(1)}${rng.digits(8)}${rng.letters(1)}`,
      issuingCountry: 'AL',
      expiryDate: isoDay(openDay + rng.int(200, 3000)),
    });
  }
  if (!noDocument && origin === 'MA' && rng.chance(0.4)) {
    documents.push({
      type: 'national_id',
      number: `${rng.letters(rng.int(1, 2))}${rng.digits(6)}`,
      issuingCountry: 'MA',
      expiryDate: isoDay(openDay + rng.int(200, 3000)),
    });
  }

  const sensitive = vot;
  const caseType: CaseType = vot ? 'avrr_vot' : 'avrr';
  const originOffice = ORIGIN_OFFICE[origin] as string;
  const lang = staffOf(hostOffice).lang;
  const vars: Vars = {
    hostCity: rng.pick(HOST_CITIES[host] ?? ['']),
    place,
    originCity: OFFICE_CITY[originOffice]?.[lang] ?? originOffice,
    country: COUNTRY_NAME[origin]?.[lang] ?? origin,
    language: { AL: 'albanais', MA: 'arabe', UA: 'ukrainien' }[origin],
    referrer: vot
      ? rng.pick(
          lang === 'fr'
            ? ['une association d’aide aux victimes', 'l’OCRTEH', 'une avocate', 'le 115']
            : ['an anti-trafficking NGO', 'the police', 'a lawyer', 'a shelter'],
        )
      : rng.pick(
          lang === 'fr'
            ? ['une association', 'la préfecture', 'un centre d’hébergement']
            : ['an NGO', 'a reception centre'],
        ),
  };
  if (lang === 'en') vars.language = { AL: 'Albanian', MA: 'Arabic', UA: 'Ukrainian' }[origin];
  const h = new History(rng, vars, openDay, {
    office: hostOffice,
    sensitive,
    initial: 'intake',
    triage: hostOffice === 'PAR' && rng.chance(0.3),
    side: ctx.side,
  });
  const endReason = rng.weighted([
    ['completed', 80],
    ['lost_contact', 11],
    ['re_migrated', 6],
    ['other', 3],
  ] as const);
  avrrHistory(rng, h, {
    sensitive,
    withdrawAt: rng.chance(vot ? 0.09 : 0.14)
      ? rng.weighted([
          ['intake', 15],
          ['counselling', 30],
          ['eligibility', 25],
          ['travel_preparation', 20],
          ['ready_to_travel', 10],
        ] as const)
      : null,
    afterArrival: vot || rng.chance(0.5) ? 'reintegrate' : 'close_completed',
    transferTo: rng.chance(vot ? 0.45 : 0.35) ? originOffice : null,
    referral: ctx.referrals.length,
    endReason,
    confidentialNotes: vot && rng.chance(0.6),
  });
  const built = h.result();
  const personIndex = ctx.people.length;
  const returned = h.reachedOn.has('departed');
  ctx.people.push({
    reference: '',
    registeredIn: hostOffice,
    office: built.office,
    givenName,
    familyName,
    fatherName: origin === 'MA' && !rng.chance(0.6) ? null : spelling(rng, fatherEntry, variantRate),
    givenNameOriginal: hasOriginal ? givenEntry.original : null,
    familyNameOriginal: hasOriginal ? familyEntry.original : null,
    fatherNameOriginal: hasOriginal ? fatherEntry.original : null,
    originalScript: origin === 'AL' ? 'latin' : origin === 'MA' ? 'arabic' : 'cyrillic',
    aliases,
    sex,
    ...birth(rng, openDay, age, approximate),
    nationalities: [origin],
    languages,
    phone: rng.chance(0.85) ? phone(rng, returned ? origin : host) : null,
    email:
      !minor && rng.chance(0.15) ? emailOf(rng, givenName, familyName, String(yearOf(openDay) - age)) : null,
    address: vot
      ? lang === 'fr'
        ? 'Hébergement sécurisé (adresse confidentielle)'
        : 'Shelter (confidential address)'
      : returned
        ? place
        : rng.pick(HOST_CITIES[host] ?? ['']),
    placeOfOrigin: place,
    countryOfOrigin: origin,
    specificNeeds: needs,
    withheldNeeds: [],
    household: null,
    relationship: null,
    registeredBy: h.createdBy,
    registeredAt: isoTime(built.events[0] ? Date.parse(built.events[0].at) - rng.int(10, 90) * MINUTE : 0),
    documents,
    consents: avrrConsents(rng, h, minor, hostOffice, originOffice, lang),
  });
  if (!noDocument && documents.length === 0 && h.reachedOn.has('ready_to_travel')) {
    const readyDay = Math.floor((h.reachedOn.get('ready_to_travel') ?? 0) / DAY);
    documents.push({
      type: 'laissez_passer',
      number: `${origin}-LP-${yearOf(readyDay)}-${rng.digits(4)}`,
      issuingCountry: origin,
      expiryDate: isoDay(readyDay + 30),
    });
  }
  ctx.cases.push({
    person: personIndex,
    household: null,
    caseType,
    sensitive: CASE_TYPES[caseType].sensitive,
    project,
    openedIn: hostOffice,
    hostCountry: host,
    returnCountry: origin,
    ...built,
  });
  if (h.transferred) transferReferral(ctx, ctx.cases.length - 1, h.transferred);
}

function avrrConsents(
  rng: Rng,
  h: History,
  minor: boolean,
  hostOffice: string,
  originOffice: string,
  lang: Lang,
): DemoPerson['consents'] {
  const out: DemoPerson['consents'] = [];
  const givenBy = minor ? 'representative' : 'self';
  const office = (code: string) =>
    lang === 'fr' ? `Bureau de ${OFFICE_CITY[code]?.fr}` : `${OFFICE_CITY[code]?.en} office`;
  const opened = h.reachedOn.get('intake');
  if (opened !== undefined)
    out.push({
      purpose: 'assistance',
      recipient: office(hostOffice),
      givenBy,
      givenOn: isoDay(Math.floor(opened / DAY)),
      withdrawnOn: null,
    });
  const travel = h.reachedOn.get('travel_preparation');
  if (travel !== undefined) {
    const withdrawn = h.reachedOn.get('withdrawn');
    out.push({
      purpose: 'return_travel',
      recipient: office(originOffice),
      givenBy,
      givenOn: isoDay(Math.floor(travel / DAY)),
      withdrawnOn: withdrawn !== undefined ? isoDay(Math.floor(withdrawn / DAY)) : null,
    });
  }
  const planning = h.reachedOn.get('reintegration_planning') ?? h.reachedOn.get('eligibility');
  if (planning !== undefined && rng.chance(0.8) && !h.reachedOn.has('withdrawn')) {
    out.push({
      purpose: 'reintegration',
      recipient:
        lang === 'fr'
          ? `${office(originOffice)} et ONG partenaire`
          : `${office(originOffice)} and partner NGO`,
      givenBy,
      givenOn: isoDay(Math.floor(planning / DAY)),
      withdrawnOn: null,
    });
  }
  return out;
}

/** An Iraqi Kurd returning to the Kurdistan Region: from France through Paris (then MAGNET II in Erbil), or straight to Erbil. */
function kurdishReturnee(ctx: Ctx, viaParis: boolean): void {
  const { rng } = ctx;
  const sex: Sex = rng.chance(0.9) ? 'male' : 'female';
  const age = sex === 'male' ? rng.tri(20, 27, 45) : rng.tri(20, 30, 42);
  const host = viaParis
    ? 'FR'
    : rng.weighted([
        ['DE', 40],
        ['BE', 12],
        ['FI', 14],
        ['NL', 14],
        ['GB', 16],
        ['FR', 4],
      ] as const);
  const givenEntry = rng.zipf(sex === 'male' ? KURDISH.male : KURDISH.female, 0.8);
  const familyEntry = rng.zipf(KURDISH.family, 0.9);
  const fatherEntry = rng.zipf(KURDISH.male, 0.7);
  const givenName = spelling(rng, givenEntry, 0.15);
  const familyName = spelling(rng, familyEntry, 0.2);
  const aliases: DemoPerson['aliases'] = [];
  if (rng.chance(0.3)) {
    const other = familyEntry.variants.find((v) => v !== familyName) ?? familyEntry.latin;
    if (other !== familyName) aliases.push({ name: `${givenName} ${other}`, script: 'latin' });
  }
  if (rng.chance(0.15)) {
    // Full three-part name as on Iraqi documents.
    aliases.push({ name: `${givenName} ${fatherEntry.latin} ${familyName}`, script: 'latin' });
  }
  const place = rng.zipf(PLACES.IQ, 0.8);
  const needs: Needs = [];
  addNeed(needs, 'SM-CI', 0.08, rng);
  addNeed(needs, 'SM-MI', 0.06, rng);
  addNeed(needs, 'DS-PM', 0.03, rng);
  if (sex === 'female') addNeed(needs, 'WR-WR', 0.3, rng);
  const languages = [KURMANJI_PLACES.has(place) ? 'kmr' : 'ckb'];
  if (rng.chance(0.4)) languages.push('ar');
  if (rng.chance(0.25)) languages.push('en');
  const hostLanguage = { DE: 'de', NL: 'nl', FI: 'fi', FR: 'fr', BE: 'fr', GB: 'en' }[host] as string;
  if (!languages.includes(hostLanguage) && rng.chance(0.25)) languages.push(hostLanguage);
  const documents: DemoPerson['documents'] = [];

  let avrr: ReturnType<History['result']> | null = null;
  let avrrHistoryRef: History | null = null;
  let labourOpenDay: number | null = null;
  const personIndex = ctx.people.length;
  let openDay: number;
  if (viaParis) {
    openDay = rng.recent(MAGNET.start - 20, MAGNET.end, 1.8);
    const h = new History(
      rng,
      {
        country: COUNTRY_NAME.IQ?.fr ?? '',
        language: 'sorani',
        referrer: 'une association',
        place,
        originCity: 'Erbil',
        hostCity: 'Paris',
      },
      openDay,
      { office: 'PAR', sensitive: false, initial: 'intake', triage: rng.chance(0.3) },
    );
    avrrHistory(rng, h, {
      sensitive: false,
      withdrawAt: rng.chance(0.1)
        ? rng.pick(['intake', 'counselling', 'eligibility', 'travel_preparation'])
        : null,
      afterArrival: 'close_transferred',
      transferTo: null,
      referral: -1,
      endReason: 'transferred',
      confidentialNotes: false,
    });
    avrr = h.result();
    avrrHistoryRef = h;
    const arrived = h.reachedOn.get('arrived');
    if (arrived !== undefined) labourOpenDay = Math.floor(arrived / DAY) + rng.int(5, 20);
  } else {
    openDay = rng.recent(MAGNET.start + 20, MAGNET.end, 1.8);
    labourOpenDay = openDay;
  }

  let labour: ReturnType<History['result']> | null = null;
  if (labourOpenDay !== null && labourOpenDay * DAY + 8 * 60 * MINUTE < CUTOFF) {
    const h = new History(
      rng,
      { years: String(rng.int(2, 9)), hostLanguage: hostLanguage, city: place },
      labourOpenDay,
      {
        office: 'EBL',
        sensitive: false,
        initial: 'intake',
        triage: false,
      },
    );
    labourHistory(rng, h);
    labour = h.result();
  }
  if (!avrr && !labour) return;

  if (rng.chance(0.75)) {
    documents.push({
      type: 'passport',
      number: passportNumber(rng, 'IQ'),
      issuingCountry: 'IQ',
      expiryDate: isoDay(openDay + rng.int(-200, 2500)),
    });
  }
  if (rng.chance(0.35)) {
    documents.push({ type: 'national_id', number: rng.digits(12), issuingCountry: 'IQ', expiryDate: null });
  }
  if (avrrHistoryRef?.reachedOn.has('ready_to_travel') && documents.length === 0) {
    const readyDay = Math.floor((avrrHistoryRef.reachedOn.get('ready_to_travel') ?? 0) / DAY);
    documents.push({
      type: 'laissez_passer',
      number: `IQ-LP-${yearOf(readyDay)}-${rng.digits(4)}`,
      issuingCountry: 'IQ',
      expiryDate: isoDay(readyDay + 30),
    });
  }
  const first = (avrr ?? labour) as ReturnType<History['result']>;
  const consentsOut: DemoPerson['consents'] = avrrHistoryRef
    ? avrrConsents(rng, avrrHistoryRef, false, 'PAR', 'EBL', 'fr')
    : [];
  if (labour) {
    consentsOut.push({
      purpose: 'reintegration',
      recipient: 'Erbil office and MAGNET II partner employers',
      givenBy: 'self',
      givenOn: labour.createdAt.slice(0, 10),
      withdrawnOn: null,
    });
  }
  ctx.people.push({
    reference: '',
    registeredIn: avrr ? 'PAR' : 'EBL',
    office: labour ? 'EBL' : 'PAR',
    givenName,
    familyName,
    fatherName: spelling(rng, fatherEntry, 0.1),
    givenNameOriginal: givenEntry.original,
    familyNameOriginal: familyEntry.original,
    fatherNameOriginal: fatherEntry.original,
    originalScript: 'arabic',
    aliases,
    sex,
    ...birth(rng, openDay, age, 0.3),
    nationalities: ['IQ'],
    languages,
    phone: rng.chance(0.85) ? phone(rng, labour ? 'IQ' : 'FR') : null,
    email: rng.chance(0.12) ? emailOf(rng, givenName, familyName, String(yearOf(openDay) - age)) : null,
    address: labour ? place : rng.pick(['Paris', 'Calais', 'Grande-Synthe', 'Saint-Denis']),
    placeOfOrigin: place,
    countryOfOrigin: 'IQ',
    specificNeeds: needs,
    withheldNeeds: [],
    household: null,
    relationship: null,
    registeredBy: first.createdBy,
    registeredAt: isoTime(Date.parse(first.createdAt) - rng.int(10, 90) * MINUTE),
    documents,
    consents: consentsOut,
  });
  if (avrr) {
    ctx.cases.push({
      person: personIndex,
      household: null,
      caseType: 'avrr',
      sensitive: false,
      project: 'MAGNET2',
      openedIn: 'PAR',
      hostCountry: 'FR',
      returnCountry: 'IQ',
      ...avrr,
    });
  }
  if (labour) {
    ctx.cases.push({
      person: personIndex,
      household: null,
      caseType: 'labour_reintegration',
      sensitive: false,
      project: 'MAGNET2',
      openedIn: 'EBL',
      hostCountry: host,
      returnCountry: 'IQ',
      ...labour,
    });
  }
}

/** The demo's medical officer in Paris: the health assessments of the resettlement households. */
export const RST_MEDICAL: StaffRef = account('medical.paris@passerelle.test');

const SYRIAN_ADDRESSES = {
  LB: ['Bar Elias, Bekaa', 'Tripoli', 'Akkar', 'Beyrouth (Chatila)'],
  JO: ['Camp de Zaatari, Mafraq', 'Irbid', 'Amman'],
  TR: ['Gaziantep', 'Şanlıurfa', 'Kilis'],
} as const;
const ASYLUM_NAME = { LB: 'Liban', JO: 'Jordanie', TR: 'Turquie' } as const;
const UNHCR_OFFICE = { LB: 'LEB', JO: 'JOR', TR: 'TUR' } as const;
const DECIDED_TO = { accepted: 'health_assessment', resubmit: 'submission', rejected: 'closed' } as const;

/** Under `years` on `day`, counting an approximate birth date by its latest possible day (as the module does). */
function under(p: DemoPerson, years: number, day: string): boolean {
  const [y, m] = p.birthDate.split('-').map(Number) as [number, number];
  const lastOfMonth = String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
  const latest =
    p.birthDatePrecision === 'year' || p.birthDatePrecision === 'estimated'
      ? `${y}-12-31`
      : p.birthDatePrecision === 'month'
        ? `${p.birthDate.slice(0, 8)}${lastOfMonth}`
        : p.birthDate;
  const [by, bm, bd] = latest.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = day.split('-').map(Number) as [number, number, number];
  return dy - by - (dm < bm || (dm === bm && dd < bd) ? 1 : 0) < years;
}

/**
 * A Syrian household referred for resettlement to France (resettlement-story.ts): one case, on the principal
 * applicant, and the household's records. The case's history holds every step, the generic ones (to interview,
 * submission asked and approved, withdrawal) and the resettlement module's actions (`data.action`), each at
 * the moment the story gives it and by the staff member who took it.
 */
function syrianHousehold(ctx: Ctx, plan: RstHouseholdPlan): void {
  const { rng } = ctx;
  const { asylum, shape } = plan;
  const openDay = dayOf(plan.opened);
  const place = rng.zipf(PLACES.SY, 0.7);
  const familyEntry = rng.zipf(SYRIAN.family, 0.7);
  const kurdish = familyEntry.latin === 'Kurdi';
  const address = rng.pick(SYRIAN_ADDRESSES[asylum]);
  const referral = `${UNHCR_OFFICE[asylum]}-${String(yearOf(openDay) - rng.int(1, 2)).slice(2)}C${rng.digits(5)}`;
  const single = shape.single === true;
  const principalSex: Sex = single ? 'female' : 'male';
  const sonAge = shape.sonWithWife ? rng.int(20, 23) : null;
  // The children one to three years apart, the eldest (the married son, if any) born to a parent of 19 or more.
  const eldestChild = Math.min(
    17,
    rng.tri(
      Math.max(0, 2 * shape.children - 2),
      4 + 2 * shape.children,
      Math.max(17, 6 + 2 * shape.children),
    ),
  );
  const youngestParentAge = (sonAge ?? eldestChild) + rng.tri(19, 24, 32);
  const principalAge = single ? youngestParentAge : youngestParentAge + rng.int(0, 7);
  const city = plan.handover?.city ?? rng.pick(['Lyon', 'Nantes', 'Strasbourg', 'Rennes', 'Toulouse']);
  const householdIndex = ctx.households.length;
  const caseIndex = ctx.cases.length;
  const h = new History(rng, { referral, city }, openDay, {
    office: 'PAR',
    sensitive: false,
    initial: 'identification',
    triage: rng.chance(0.4),
    comment: `Référé par le HCR (${referral}).`,
  });
  const registeredAt = h.createdAt - rng.int(10, 90) * MINUTE;
  const principalIndex = ctx.people.length;
  ctx.households.push({ office: 'PAR', principal: principalIndex, createdAt: isoTime(registeredAt) });
  const rec: DemoRstHousehold = {
    key: plan.key,
    case: caseIndex,
    reference: referral,
    members: [],
    documents: [],
    health: [],
    clearances: [],
    split: null,
  };
  const roles = new Map<number, 'wheelchair' | 'escort' | 'son' | 'wife'>();
  const givenOf = new Map<number, NameEntry>();

  const member = (
    relationship: Relationship,
    travels: DemoRstRelationship | null,
    sex: Sex,
    age: number,
    given: () => NameEntry,
    fatherEntry: NameEntry,
    family: NameEntry,
    needs: Needs,
  ) => {
    const minor = age < 18;
    // Never two Syrians of one family name and given name born within a few years of each other (two
    // sisters named alike, or namesakes of two households would be proposed as duplicates by the scan).
    const year = yearOf(openDay) - age;
    let entry = given();
    for (let tries = 0; tries < 20; tries++) {
      const name = `${entry.latin}|${family.latin}`;
      if (!ctx.syrianNames.some((n) => n.name === name && Math.abs(n.year - year) <= 3)) break;
      entry = given();
    }
    ctx.syrianNames.push({ name: `${entry.latin}|${family.latin}`, year });
    givenOf.set(ctx.people.length, entry);
    const languages = [kurdish && rng.chance(0.7) ? 'kmr' : 'ar'];
    if (languages[0] === 'kmr') languages.push('ar');
    if (!minor && rng.chance(0.15)) languages.push('en');
    if (minor && asylum === 'TR' && age > 6 && rng.chance(0.5)) languages.push('tr');
    const givenName = spelling(rng, entry, 0.2);
    const familyName = spelling(rng, family, 0.15);
    const aliases: DemoPerson['aliases'] = [];
    if (rng.chance(0.2)) {
      const other = family.variants.find((v) => v !== familyName) ?? family.latin;
      if (other !== familyName) aliases.push({ name: `${givenName} ${other}`, script: 'latin' });
    }
    const documents: DemoPerson['documents'] = [];
    if (!minor && rng.chance(0.55))
      documents.push({
        type: 'passport',
        number: passportNumber(rng, 'SY'),
        issuingCountry: 'SY',
        expiryDate: isoDay(openDay + rng.int(-900, 1500)),
      });
    if (relationship === 'principal')
      documents.push({ type: 'refugee_card', number: referral, issuingCountry: asylum, expiryDate: null });
    if (minor && age < 6 && rng.chance(0.4))
      documents.push({
        type: 'birth_certificate',
        number: `${rng.digits(4)}/${yearOf(openDay) - age}`,
        issuingCountry: asylum === 'LB' ? 'LB' : 'SY',
        expiryDate: null,
      });
    const index = ctx.people.length;
    ctx.people.push({
      reference: '',
      registeredIn: 'PAR',
      office: 'PAR',
      givenName,
      familyName,
      fatherName: spelling(rng, fatherEntry, 0.1),
      givenNameOriginal: entry.original,
      familyNameOriginal: family.original,
      fatherNameOriginal: fatherEntry.original,
      originalScript: 'arabic',
      aliases,
      sex,
      ...birth(rng, openDay, age, minor ? 0.12 : 0.3),
      nationalities: ['SY'],
      languages,
      phone:
        relationship === 'principal' || (relationship === 'spouse' && rng.chance(0.5))
          ? phone(rng, asylum)
          : null,
      email: null,
      address: `${address} (${ASYLUM_NAME[asylum]})`,
      placeOfOrigin: place,
      countryOfOrigin: 'SY',
      specificNeeds: needs,
      withheldNeeds: [],
      household: householdIndex,
      relationship,
      registeredBy: h.createdBy,
      registeredAt: isoTime(registeredAt + index - principalIndex),
      documents,
      consents: [],
    });
    if (travels) rec.members.push({ person: index, relationship: travels });
    return index;
  };

  let principalGiven: NameEntry | null = rng.zipf(principalSex === 'male' ? SYRIAN.male : SYRIAN.female, 0.8);
  const principalNeeds: Needs = [];
  if (single) principalNeeds.push('WR-SF', 'SP-PT');
  addNeed(principalNeeds, 'SM-CI', 0.15, rng);
  addNeed(principalNeeds, 'SV-VA', 0.08, rng);
  const principalFamily =
    principalSex === 'female' && rng.chance(0.5) ? rng.zipf(SYRIAN.family, 0.7) : familyEntry;
  member(
    'principal',
    null,
    principalSex,
    principalAge,
    () => {
      const first = principalGiven;
      principalGiven = null;
      return first ?? rng.zipf(principalSex === 'male' ? SYRIAN.male : SYRIAN.female, 0.8);
    },
    rng.zipf(SYRIAN.male, 0.8),
    principalFamily,
    principalNeeds,
  );
  let spouse: number | null = null;
  if (!single) {
    const spouseNeeds: Needs = [];
    addNeed(spouseNeeds, 'SM-CI', 0.08, rng);
    addNeed(spouseNeeds, 'SV-VA', 0.05, rng);
    spouse = member(
      'spouse',
      'spouse',
      'female',
      youngestParentAge,
      () => rng.zipf(SYRIAN.female, 0.8),
      rng.zipf(SYRIAN.male, 0.8),
      rng.chance(0.7) ? rng.zipf(SYRIAN.family, 0.7) : familyEntry,
      spouseNeeds,
    );
  }
  const fatherOfChildren = single ? rng.zipf(SYRIAN.male, 0.8) : (givenOf.get(principalIndex) as NameEntry);
  let childAge = eldestChild;
  if (sonAge !== null) {
    const son = member(
      'child',
      'child',
      'male',
      sonAge,
      () => rng.zipf(SYRIAN.male, 0.8),
      fatherOfChildren,
      familyEntry,
      [],
    );
    // His wife: registered with the family, travelling with it until they split.
    const wife = member(
      'other_relative',
      'other',
      'female',
      rng.int(19, 21),
      () => rng.zipf(SYRIAN.female, 0.8),
      rng.zipf(SYRIAN.male, 0.8),
      rng.zipf(SYRIAN.family, 0.7),
      [],
    );
    roles.set(son, 'son');
    roles.set(wife, 'wife');
    childAge = Math.min(childAge, sonAge - rng.int(2, 4));
  }
  let infant = false;
  for (let i = 0; i < shape.children; i++) {
    const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
    const needs: Needs = [];
    addNeed(needs, 'DS-PM', 0.04, rng);
    addNeed(needs, 'SM-CC', 0.05, rng);
    if (childAge >= 11) addNeed(needs, 'CR-LW', 0.12, rng);
    if (childAge <= 1) infant = true;
    member(
      'child',
      'child',
      sex,
      childAge,
      () => rng.zipf(sex === 'male' ? SYRIAN.boy : SYRIAN.girl, 0.7),
      fatherOfChildren,
      familyEntry,
      needs,
    );
    childAge = Math.max(0, childAge - rng.int(1, 3));
  }
  if (infant && spouse !== null) {
    const mother = ctx.people[spouse] as DemoPerson;
    if (!mother.specificNeeds.includes('PG-LC')) mother.specificNeeds.push('PG-LC');
  }
  if (shape.parent) {
    const sex: Sex =
      shape.parent === 'wheelchair'
        ? 'female'
        : shape.parent === 'escort'
          ? 'male'
          : rng.chance(0.6)
            ? 'female'
            : 'male';
    const needs: Needs = ['ER-NF'];
    if (shape.parent === 'wheelchair') needs.push('DS-PM');
    else if (shape.parent === 'escort') needs.push('SM-CC');
    else addNeed(needs, 'SM-CI', 0.6, rng);
    const parent = member(
      'parent',
      'parent',
      sex,
      principalAge + rng.int(22, 30),
      () => rng.zipf(sex === 'male' ? SYRIAN.male : SYRIAN.female, 0.8),
      rng.zipf(SYRIAN.male, 0.8),
      principalSex === 'male' ? familyEntry : principalFamily,
      needs,
    );
    if (shape.parent !== 'able') roles.set(parent, shape.parent);
  }
  const principal = ctx.people[principalIndex] as DemoPerson;
  const everyone = [principalIndex, ...rec.members.map((m) => m.person)];

  // ---- the history ----
  const paris = staffOf('PAR');
  const cw = paris.caseworker;
  const notes = NOTES.resettlement?.fr ?? [];
  const names = `${principal.givenName} ${principal.familyName}`;
  /** A file attached shortly before a step at `at` (after the case's last event). */
  const attach = (
    kind: DemoRstHousehold['documents'][number]['kind'],
    at: number,
    title: string,
    fileName: string,
  ) => {
    const when = Math.max(h.t + MINUTE, at - rng.int(5, 25) * MINUTE);
    rec.documents.push({
      kind,
      at: isoTime(when),
      fileName,
      title,
      lines: [
        `Référence HCR : ${referral}`,
        `Demandeur principal : ${names}`,
        `Personnes : ${everyone.length}`,
      ],
    });
  };
  principal.consents.push({
    purpose: 'assistance',
    recipient: 'Bureau de Paris',
    givenBy: 'self',
    givenOn: isoDay(Math.floor(h.createdAt / DAY)),
    withdrawnOn: plan.withdrawn ? plan.withdrawn.on : null,
  });
  const done = () =>
    ctx.cases.push({
      person: principalIndex,
      household: householdIndex,
      caseType: 'resettlement',
      sensitive: false,
      project: 'SYR-RST',
      openedIn: 'PAR',
      hostCountry: asylum,
      returnCountry: null,
      ...h.result(),
    });
  ctx.rst.push(rec);
  if (!plan.referred) return void done();
  const referredAt = h.momentOn(dayOf(plan.referred));
  attach(
    'referral_document',
    referredAt,
    `Formulaire d’orientation du HCR – ${referral}`,
    `orientation-HCR-${referral}.pdf`,
  );
  h.stepAt('verification', referredAt, cw, null, { action: 'record_referral', reference: referral });
  if (rng.chance(0.6)) h.note(notes[0] ?? '', false);
  if (!plan.interview) return void done();
  h.stepAt('interview', h.momentOn(dayOf(plan.interview)), cw, null, null);
  if (rng.chance(0.5)) h.note(notes[1] ?? '', false);
  if (!plan.rrf) return void done();
  const asked = h.momentOn(dayOf(plan.rrf));
  attach(
    'resettlement_registration_form',
    asked,
    `Formulaire d’enregistrement pour la réinstallation (RRF) – ${referral}`,
    `RRF-${referral}.pdf`,
  );
  h.approvalAt(
    'submission',
    asked,
    plan.approved ? dayOf(plan.approved) : null,
    'RRF complet, à transmettre.',
  );
  if (!plan.approved) return void done();
  principal.consents.push({
    purpose: 'data_sharing',
    recipient: 'Autorités françaises (ministère de l’Intérieur, OFPRA)',
    givenBy: 'self',
    givenOn: plan.approved,
    withdrawnOn: null,
  });
  for (const d of plan.decisions ?? []) {
    const batch = RST_BATCHES.find((b) => b.key === d.batch);
    if (!batch) throw new Error(`no demo batch ${d.batch}`);
    h.stepAt('decision', Date.parse(`${batch.submitted}T${BATCH_SUBMITTED_AT}`), paris.supervisor, null, {
      action: 'submit_batch',
      batch: d.batch,
    });
    if (!d.on || !d.outcome) return void done();
    const at = h.momentOn(dayOf(d.on));
    attach(
      'decision_letter',
      at,
      `Décision des autorités françaises – ${batch.label}`,
      `decision-${d.batch}-${referral}.pdf`,
    );
    h.stepAt(
      DECIDED_TO[d.outcome],
      at,
      cw,
      d.comment ?? null,
      { action: 'decide', outcome: d.outcome, batch: d.batch },
      d.outcome === 'rejected' ? 'not_eligible' : undefined,
    );
  }
  if (h.status !== 'health_assessment') return void done();
  if (plan.withdrawn) {
    h.stepAt(
      'withdrawn',
      h.momentOn(dayOf(plan.withdrawn.on)),
      cw,
      plan.withdrawn.comment,
      null,
      'withdrawn',
    );
    return void done();
  }
  if (!plan.health) return void done();
  // Every member assessed on the day, one after the other, by the medical officer.
  let examined = Math.max(workingTime(rng, dayOf(plan.health.on)), h.t + MINUTE);
  const deferred = plan.health.deferred ? (spouse ?? principalIndex) : null;
  for (const person of everyone) {
    const p = ctx.people[person] as DemoPerson;
    const role = roles.get(person);
    const record: DemoRstHousehold['health'][number] = {
      person,
      at: isoTime(examined),
      assessedOn: plan.health.on,
      outcome: 'fit',
      validUntil: plan.health.validUntil,
      travelConditions: [],
      findings: null,
    };
    if (person === deferred)
      Object.assign(record, { outcome: 'deferred', validUntil: null, findings: RST_FINDINGS.deferred });
    else if (role === 'wheelchair')
      Object.assign(record, {
        outcome: 'fit_with_conditions',
        travelConditions: ['WCHR'],
        findings: RST_FINDINGS.wheelchair,
      });
    else if (role === 'escort')
      Object.assign(record, {
        outcome: 'fit_with_conditions',
        travelConditions: ['MEDICAL_ESCORT', 'OXYG'],
        findings: RST_FINDINGS.escort,
      });
    else if (p.specificNeeds.includes('SM-CI') && p.relationship !== 'child')
      record.findings = RST_FINDINGS.diabetes;
    else if (p.specificNeeds.includes('SM-CC') && p.relationship === 'child')
      record.findings = RST_FINDINGS.asthma;
    rec.health.push(record);
    examined += rng.int(15, 35) * MINUTE;
    if (!under(p, 18, plan.health.on))
      p.consents.push({
        purpose: 'medical',
        recipient: 'Médecin agréé (bilan de santé)',
        givenBy: 'self',
        givenOn: plan.health.on,
        withdrawnOn: null,
      });
  }
  if (!plan.cleared) return void done();
  h.stepAt('pre_departure_orientation', h.momentOn(dayOf(plan.cleared)), cw, null, {
    action: 'clear_health',
  });
  h.facts.medicalFitness = 'fit';
  if (rec.health.some((x) => x.findings) && rng.chance(0.6)) h.note(notes[2] ?? '', false);
  if (!plan.oriented) return void done();
  h.stepAt('exit_permits', h.momentOn(dayOf(plan.oriented)), cw, null, { action: 'complete_orientation' });
  if (rng.chance(0.5)) h.note(notes[3] ?? '', false);
  const papers = (
    kind: 'exit_permit' | 'visa',
    on: string,
    validUntil: (person: number) => string | null,
  ) => {
    let at = Math.max(workingTime(rng, dayOf(on)), h.t + MINUTE);
    for (const person of everyone) {
      const until = validUntil(person);
      if (!until) continue;
      rec.clearances.push({
        person,
        kind,
        at: isoTime(at),
        number: kind === 'visa' ? `FRA${rng.digits(9)}` : `SG ${rng.digits(2)}/${rng.digits(6)}`,
        issuingCountry: kind === 'visa' ? 'FR' : asylum,
        validFrom: on,
        validUntil: until,
      });
      at += rng.int(5, 15) * MINUTE;
    }
  };
  if (plan.exitPermits) {
    const { validUntil } = plan.exitPermits;
    papers('exit_permit', plan.exitPermits.on, () => validUntil);
  }
  if (plan.visas) {
    const { validUntil, short, wifePending } = plan.visas;
    // A short visa for an adult member (the spouse, else the principal).
    const shortFor = short ? (spouse ?? principalIndex) : null;
    papers('visa', plan.visas.on, (person) =>
      wifePending && roles.get(person) === 'wife' ? null : person === shortFor ? (short ?? null) : validUntil,
    );
  }
  if (plan.split) {
    const leaving = [...roles]
      .filter(([, role]) => role === 'son' || role === 'wife')
      .map(([person]) => person);
    const son = [...roles].find(([, role]) => role === 'son')?.[0];
    if (son === undefined) throw new Error(`demo split of ${plan.key} without a son`);
    const at = Math.max(workingTime(rng, dayOf(plan.split.on)), h.t + MINUTE);
    rec.split = { at: isoTime(at), members: leaving, newPrincipal: son, reason: plan.split.reason };
  }
  if (!plan.movement) return void done();
  const movement = RST_MOVEMENTS.find((m) => m.key === plan.movement?.key);
  if (!movement) throw new Error(`no demo movement ${plan.movement.key}`);
  const bookedAt = Math.max(
    h.momentOn(dayOf(plan.movement.booked)),
    rec.split ? Date.parse(rec.split.at) + 30 * MINUTE : 0,
  );
  h.stepAt('booked', bookedAt, cw, null, { action: 'book', movement: movement.key });
  if (!movement.boardingAt) return void done();
  const boardedAt = Date.parse(movement.boardingAt);
  if (plan.movement.noShow) {
    h.stepAt('exit_permits', boardedAt, cw, plan.movement.noShow, {
      action: 'unbook',
      movement: movement.key,
      noShow: true,
    });
    return void done();
  }
  h.stepAt('movement', boardedAt, cw, null, { action: 'board', movement: movement.key });
  h.facts.departureDate = movement.boardingAt.slice(0, 10);
  if (!movement.arrival) return void done();
  h.stepAt('arrived', Date.parse(movement.arrival.recordedAt), cw, null, {
    action: 'arrive',
    movement: movement.key,
  });
  if (!plan.handover) return void done();
  const handedOver = h.momentOn(dayOf(plan.handover.on));
  attach(
    'handover_receipt',
    handedOver,
    `Procès-verbal de remise – ${plan.handover.to}`,
    `PV-remise-${referral}.pdf`,
  );
  h.stepAt(
    'closed',
    handedOver,
    cw,
    null,
    { action: 'hand_over', receivedBy: plan.handover.to },
    'completed',
  );
  if (rng.chance(0.6)) h.note(notes[4] ?? '', false);
  done();
}

/** Batch households set, batches submitted: fixed moments of the office's week (UTC). */
const BATCH_CREATED_AT = '09:00:00Z';
const BATCH_SET_AT = '15:00:00Z';
const BATCH_SUBMITTED_AT = '09:30:00Z';

/** The programme's records besides the households': batches, orientation sessions, movements. */
function resettlementOf(ctx: Ctx): DemoResettlement {
  const households = ctx.rst;
  const caseOf = (key: string) => {
    const h = households.find((x) => x.key === key);
    if (!h) throw new Error(`no demo household ${key}`);
    return h.case;
  };
  const batches = RST_BATCHES.map((b) => ({
    key: b.key,
    kind: b.kind,
    label: b.label,
    missionStart: b.missionStart,
    missionEnd: b.missionEnd,
    createdAt: isoTime(Date.parse(`${b.created}T${BATCH_CREATED_AT}`)),
    setAt: isoTime(Date.parse(`${b.set}T${BATCH_SET_AT}`)),
    submittedAt: isoTime(Date.parse(`${b.submitted}T${BATCH_SUBMITTED_AT}`)),
    submittedOn: b.submitted,
    households: RST_HOUSEHOLDS.filter((p) => p.decisions?.some((d) => d.batch === b.key)).map((p) =>
      caseOf(p.key),
    ),
  }));
  const sessions = RST_SESSIONS.map((s) => ({
    ...s,
    createdAt: isoTime((dayOf(s.heldOn) - 14) * DAY + 9 * 60 * MINUTE),
    recordedAt: isoTime(Date.parse(`${s.heldOn}T15:30:00Z`)),
    // Who was there: the households' members aged twelve or more (younger children are not expected).
    attendance: RST_HOUSEHOLDS.filter((p) => p.session === s.key).flatMap((p) => {
      const h = households.find((x) => x.key === p.key) as DemoRstHousehold;
      const principal = (ctx.cases[h.case] as BuiltCase).person;
      return [principal, ...h.members.map((m) => m.person)]
        .filter((person) => !under(ctx.people[person] as DemoPerson, 12, s.heldOn))
        .map((person) => ({ person, present: true }));
    }),
  }));
  const movements = RST_MOVEMENTS.map((m) => ({
    key: m.key,
    createdAt: isoTime(Date.parse(`${m.created}T10:00:00Z`)),
    seatCount: m.seatCount,
    legs: m.legs.map((l) => ({ ...l })),
    escorts: m.escorts.map(({ forHousehold, ...e }) => ({
      ...e,
      forCase: forHousehold ? caseOf(forHousehold) : null,
    })),
    boarding: m.boardingAt
      ? {
          at: isoTime(Date.parse(m.boardingAt)),
          noShows: RST_HOUSEHOLDS.filter((p) => p.movement?.key === m.key && p.movement.noShow).map((p) => ({
            case: caseOf(p.key),
            reason: p.movement?.noShow ?? '',
          })),
        }
      : null,
    arrival: m.arrival
      ? { recordedAt: isoTime(Date.parse(m.arrival.recordedAt)), arrivedAt: m.arrival.arrivedAt }
      : null,
  }));
  return {
    households,
    batches,
    sessions,
    movements,
    warnings: { at: isoTime(Date.parse(RST_WARNINGS_AT)), days: RST_WARNING_DAYS },
  };
}

// ---- referrals and transfers ------------------------------------------------------------------------
// What the referrals module would have written: each transfer of the histories above, and a handful of
// referrals at the end of the demo period (waiting, overdue, declined, accepted, to a partner, on an override).

const DUE_DAYS = 7;
const FOLLOW_UP_MONTHS = 12;
/** Notifications older than this at the demo's today are left out: they would long have been read. */
const NOTIFICATION_WINDOW = 45 * DAY;

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

function ageOn(birthDate: string, at: number): number {
  const b = new Date(`${birthDate}T00:00:00Z`);
  const d = new Date(at);
  const before =
    d.getUTCMonth() < b.getUTCMonth() ||
    (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  return d.getUTCFullYear() - b.getUTCFullYear() - (before ? 1 : 0);
}

const cityOf = (office: string, lang: Lang) => OFFICE_CITY[office]?.[lang] ?? office;
type BuiltCase = Omit<DemoCase, 'reference'>;

function varsOf(ctx: Ctx, c: BuiltCase, receiver: string, lang: Lang, at: number, date: number) {
  const p = ctx.people[c.person] as DemoPerson;
  return referralVars(lang, {
    sex: p.sex,
    age: ageOn(p.birthDate, at),
    place: p.placeOfOrigin ?? '',
    host: c.hostCountry ?? 'FR',
    project: c.project ?? '',
    city: cityOf(receiver, lang),
    date: isoDay(Math.floor(date / DAY)),
  });
}

/** Records the person's consent to a referral, a few days before it is sent; returns its index. */
function referralConsent(
  ctx: Ctx,
  c: BuiltCase,
  recipient: string,
  requestedAt: number,
  recordedBy?: StaffRef,
  notBefore = Date.parse(c.createdAt),
): number {
  const person = ctx.people[c.person] as DemoPerson;
  const requestDay = Math.floor(requestedAt / DAY);
  const day = Math.min(
    requestDay - 1,
    Math.max(Math.floor(notBefore / DAY) + 1, requestDay - ctx.side.int(1, 8)),
  );
  person.consents.push({
    purpose: 'referral',
    recipient,
    givenBy: ageOn(person.birthDate, requestedAt) < 18 ? 'representative' : 'self',
    givenOn: isoDay(day),
    withdrawnOn: null,
    ...(recordedBy ? { recordedBy } : {}),
  });
  return person.consents.length - 1;
}

function blankReferral(
  fields: Pick<
    DemoReferral,
    | 'kind'
    | 'case'
    | 'fromOffice'
    | 'toOffice'
    | 'sections'
    | 'summary'
    | 'reintegrationNeeds'
    | 'consent'
    | 'requestedBy'
  >,
  requestedAt: number,
): DemoReferral {
  return {
    reference: '',
    status: 'pending',
    partnerName: null,
    partnerContact: null,
    overrideJustification: null,
    requestedAt: isoTime(requestedAt),
    dueOn: isoTime(requestedAt + DUE_DAYS * DAY),
    overdueNotifiedAt: null,
    respondedBy: null,
    respondedAt: null,
    declineReason: null,
    followUpMonths: FOLLOW_UP_MONTHS,
    followUpUntil: null,
    messages: [],
    notifications: [],
    ...fields,
  };
}

/** After an accepted transfer: what was not shared is withheld from the new owner (respond.ts). */
function applyTransfer(c: BuiltCase, person: DemoPerson, sections: readonly ReferralSection[], at: number) {
  c.withheldSections = withheldSections(sections);
  c.withheldBefore = isoTime(at);
  const keep = person.specificNeeds.filter((code) => sections.includes(sectionOfNeed(code)));
  const setAside = person.specificNeeds.filter((code) => !keep.includes(code));
  person.specificNeeds = keep;
  person.withheldNeeds = [...new Set([...person.withheldNeeds, ...setAside])];
  if (!sections.includes('documents')) for (const d of person.documents) d.withheld = true;
}

/** The referral of a transfer told by a case history (its events are already on the timeline). */
function transferReferral(ctx: Ctx, caseIndex: number, t: TransferFacts): void {
  const { side } = ctx;
  const c = ctx.cases[caseIndex] as BuiltCase;
  const person = ctx.people[c.person] as DemoPerson;
  if (ctx.referrals.length !== t.referral) throw new Error('demo transfer out of order');
  const lang = staffOf(t.toOffice).lang;
  const vot = c.caseType === 'avrr_vot';
  const chosen: ReferralSection[] = [...DEFAULT_SECTIONS];
  if (vot && side.chance(0.5)) chosen.push('trafficking_details');
  if (person.specificNeeds.some(isMedicalNeed) && side.chance(0.5)) chosen.push('medical_fitness');
  if (person.documents.length > 0 && side.chance(0.3)) chosen.push('documents');
  const sections = normaliseSections(chosen, 'transfer');
  const departure = c.departureDate ? Date.parse(c.departureDate) : t.requestedAt;
  const vars = varsOf(ctx, c, t.toOffice, lang, t.requestedAt, departure);
  const senderLang = staffOf(t.fromOffice).lang;
  const r = blankReferral(
    {
      kind: 'transfer',
      case: caseIndex,
      fromOffice: t.fromOffice,
      toOffice: t.toOffice,
      sections,
      summary: transferSummary(lang, sections.includes('trafficking_details'), vars, side.int(0, 1)),
      reintegrationNeeds: reintegrationNeeds(lang, vot || person.specificNeeds.length > 0, vars, [
        side.int(0, 9),
        side.int(0, 9),
      ]),
      consent: referralConsent(
        ctx,
        c,
        officeConsentRecipient(senderLang, cityOf(t.toOffice, senderLang), 'transfer'),
        t.requestedAt,
      ),
      requestedBy: t.requester,
    },
    t.requestedAt,
  );
  ctx.referrals.push(r);
  if (t.respondedAt === null) return;
  r.status = 'accepted';
  r.respondedBy = t.responder;
  r.respondedAt = isoTime(t.respondedAt);
  r.followUpUntil = isoTime(addMonths(t.respondedAt, FOLLOW_UP_MONTHS));
  applyTransfer(c, person, sections, t.respondedAt);
}

/** The status a case had at a moment. */
function statusAt(c: BuiltCase, at: number): string | null {
  let status: string | null = null;
  for (const e of c.events) {
    if (Date.parse(e.at) > at) break;
    if (e.kind === 'opened' || e.kind === 'transition' || e.kind === 'approved') status = e.toStatus;
  }
  return status;
}

/** When the case first reached one of the statuses, or null. */
function reachedAt(c: BuiltCase, statuses: readonly string[]): number | null {
  const e = c.events.find(
    (e) =>
      (e.kind === 'opened' || e.kind === 'transition' || e.kind === 'approved') &&
      statuses.includes(e.toStatus ?? ''),
  );
  return e ? Date.parse(e.at) : null;
}

type Sending = {
  kind: DemoReferral['kind'];
  toOffice: string | null;
  partner?: { name: string; contact: string };
  sections: ReferralSection[];
  summary: string;
  reintegrationNeeds: string | null;
  consent: number | null;
  overrideJustification?: string;
  requestedBy: StaffRef;
};

/** Sends a referral on a case at `at`, with its 'referred' event. */
function send(ctx: Ctx, caseIndex: number, s: Sending, at: number): DemoReferral {
  const c = ctx.cases[caseIndex] as BuiltCase;
  const index = ctx.referrals.length;
  const requestedAt = insertEvent(c.events, {
    kind: 'referred',
    fromStatus: null,
    toStatus: null,
    actor: s.requestedBy,
    comment: null,
    data: { referral: index, kind: s.kind, to: s.toOffice, partner: s.partner?.name ?? null },
    at: isoTime(at),
  });
  const r = blankReferral(
    {
      kind: s.kind,
      case: caseIndex,
      fromOffice: c.office,
      toOffice: s.toOffice,
      sections: normaliseSections(s.sections, s.kind),
      summary: s.summary,
      reintegrationNeeds: s.reintegrationNeeds,
      consent: s.consent,
      requestedBy: s.requestedBy,
    },
    requestedAt,
  );
  r.partnerName = s.partner?.name ?? null;
  r.partnerContact = s.partner?.contact ?? null;
  r.overrideJustification = s.overrideJustification ?? null;
  ctx.referrals.push(r);
  return r;
}

/** The receiving supervisor's answer (referrals only: an accepted transfer is told by the case history). */
function answer(
  ctx: Ctx,
  r: DemoReferral,
  accepted: boolean,
  at: number,
  reason: string | null = null,
): void {
  if (r.kind === 'transfer' && accepted) throw new Error('demo transfers are accepted in their history');
  const by = staffOf(r.toOffice as string).supervisor;
  const c = ctx.cases[r.case] as BuiltCase;
  const respondedAt = insertEvent(c.events, {
    kind: 'referral_answered',
    fromStatus: null,
    toStatus: null,
    actor: by,
    comment: reason,
    data: { referral: ctx.referrals.indexOf(r), accepted },
    at: isoTime(at),
  });
  r.status = accepted ? 'accepted' : 'declined';
  r.respondedBy = by;
  r.respondedAt = isoTime(respondedAt);
  r.declineReason = reason;
}

/** Adds the thread's messages one after the other from `from`, each a few hours after the previous one. */
function thread(
  ctx: Ctx,
  r: DemoReferral,
  from: number,
  messages: readonly (readonly ['sender' | 'receiver', string])[],
  vars: ReferralVars,
  authors: { sender: StaffRef; receiver: StaffRef },
): void {
  let previous = from;
  for (const [side, body] of messages) {
    const at = workingTimeAfter(ctx.side, previous, side === 'receiver' ? ctx.side.int(0, 1) : 0);
    if (at > CUTOFF) return;
    r.messages.push({ side, author: authors[side], body: fillText(body, vars), at: isoTime(at) });
    previous = at;
  }
}

/** A moment in [from, to] on a working day, or null when the window is empty. */
function momentIn(ctx: Ctx, from: number, to: number): number | null {
  if (to <= from) return null;
  for (let tries = 0; tries < 6; tries++) {
    const day = Math.floor(from / DAY) + ctx.side.int(0, Math.max(0, Math.floor((to - from) / DAY)));
    const at = workingTime(ctx.side, day);
    if (at > from && at <= to) return at;
  }
  return from + Math.floor((to - from) / 2);
}

const isOpen = (c: BuiltCase) => !isTerminal(workflowOf(c.caseType), c.status);
const TRAVEL_ON = ['travel_preparation', 'ready_to_travel', 'departed', 'arrived'] as const;
const REINTEGRATION = ['reintegration_planning', 'reintegration_assistance', 'monitoring'] as const;

/** The referrals of the last weeks of the demo period: what the referral screens and dashboard show. */
function nearEndReferrals(ctx: Ctx): void {
  const { side } = ctx;
  // One waiting transfer per case; cases already handed over may still be referred by their new owner.
  const busy = new Set(ctx.referrals.filter((r) => r.status === 'pending').map((r) => r.case));
  const cases = ctx.cases.map((c, i) => ({ c, i }));
  const person = (c: BuiltCase) => ctx.people[c.person] as DemoPerson;
  const free = ({ c, i }: { c: BuiltCase; i: number }) => isOpen(c) && !busy.has(i);
  const use = (i: number) => busy.add(i);
  const parisReturns = cases.filter(
    (x) =>
      free(x) &&
      x.c.office === 'PAR' &&
      (x.c.caseType === 'avrr' || x.c.caseType === 'avrr_vot') &&
      ['AL', 'MA', 'UA'].includes(x.c.returnCountry ?? '') &&
      (TRAVEL_ON as readonly string[]).includes(x.c.status),
  );
  const rank = (c: BuiltCase) =>
    ['ready_to_travel', 'travel_preparation', 'departed', 'arrived'].indexOf(c.status);
  parisReturns.sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i);
  /** From the day after travel preparation was approved. */
  const earliest = (c: BuiltCase) => (reachedAt(c, ['travel_preparation']) ?? Date.parse(c.createdAt)) + DAY;
  const paris = staffOf('PAR');
  const handler = (c: BuiltCase) => handlerOf(c.office, c.sensitive);
  const transferTo = (c: BuiltCase) => ORIGIN_OFFICE[c.returnCountry ?? ''] as string;

  const sendTransfer = (x: { c: BuiltCase; i: number }, at: number, extra: ReferralSection[] = []) => {
    const to = transferTo(x.c);
    const lang = staffOf(to).lang;
    const senderLang = staffOf(x.c.office).lang;
    const chosen: ReferralSection[] = [...DEFAULT_SECTIONS, ...extra];
    if (x.c.caseType === 'avrr_vot' && side.chance(0.4)) chosen.push('trafficking_details');
    const vars = varsOf(ctx, x.c, to, lang, at, x.c.departureDate ? Date.parse(x.c.departureDate) : at);
    use(x.i);
    return send(
      ctx,
      x.i,
      {
        kind: 'transfer',
        toOffice: to,
        sections: chosen,
        summary: transferSummary(lang, chosen.includes('trafficking_details'), vars, side.int(0, 1)),
        reintegrationNeeds: reintegrationNeeds(lang, person(x.c).specificNeeds.length > 0, vars, [
          side.int(0, 9),
          side.int(0, 9),
        ]),
        consent: referralConsent(
          ctx,
          x.c,
          officeConsentRecipient(senderLang, cityOf(to, senderLang), 'transfer'),
          at,
        ),
        requestedBy: handler(x.c),
      },
      at,
    );
  };

  // A TACT transfer to Tirana, waiting for the Tirana supervisor, with trafficking details shared.
  const tact = parisReturns.find(
    (x) => x.c.caseType === 'avrr_vot' && x.c.project === 'TACT' && x.c.returnCountry === 'AL',
  );
  if (tact) {
    const flight = tact.c.departureDate
      ? Date.parse(tact.c.departureDate) + 12 * 60 * MINUTE
      : (Math.floor(CUTOFF / DAY) + side.int(6, 12)) * DAY;
    // Before the flight when there is still time, so that Tirana can meet the person on arrival.
    const from = Math.max(earliest(tact.c), CUTOFF - 6 * DAY);
    const at =
      momentIn(ctx, from, Math.min(CUTOFF - 26 * 60 * MINUTE, flight - 2 * DAY)) ??
      momentIn(ctx, from, CUTOFF - 26 * 60 * MINUTE);
    if (at !== null) {
      const extra: ReferralSection[] = ['trafficking_details'];
      if (person(tact.c).specificNeeds.some(isMedicalNeed)) extra.push('medical_fitness');
      const r = sendTransfer(tact, at, extra);
      const vars = varsOf(ctx, tact.c, 'TIR', 'en', at, flight);
      const messages = flight > at + DAY ? THREADS.pendingTact : THREADS.pendingTactArrived;
      thread(ctx, r, Date.parse(r.requestedAt), messages, vars, {
        sender: handler(tact.c),
        receiver: staffOf('TIR').supervisor,
      });
    }
  }

  // A transfer declined by the origin office (Kyiv or Rabat), sent again with what was asked for.
  const declinable = parisReturns.find(
    (x) => free(x) && x.c.returnCountry !== 'AL' && earliest(x.c) < CUTOFF - 14 * DAY,
  );
  if (declinable) {
    const { c } = declinable;
    const to = transferTo(c);
    const lang = staffOf(to).lang;
    const at = momentIn(ctx, Math.max(earliest(c), CUTOFF - 40 * DAY), CUTOFF - 12 * DAY) as number;
    const r = sendTransfer(declinable, at);
    const answeredAt = workingTimeAfter(side, at, side.int(1, 4));
    const vars = varsOf(ctx, c, to, lang, at, answeredAt);
    const ngca = ['Donetsk', 'Luhansk'].includes(person(c).placeOfOrigin ?? '');
    const tooEarly = statusAt(c, answeredAt) === 'travel_preparation';
    const reason = ngca ? DECLINE.ngca : tooEarly ? DECLINE.noDate[lang] : DECLINE.documents[lang];
    answer(ctx, r, false, answeredAt, fillText(reason, vars));
    // Sent again with what was asked for, once it can be.
    const again = workingTimeAfter(side, answeredAt, side.int(2, 6));
    const status = statusAt(c, again) ?? '';
    const ready = tooEarly
      ? ['ready_to_travel', 'departed'].includes(status)
      : TRAVEL_ON.some((s) => s === status);
    if (!ngca && ready && again < CUTOFF - 2 * 60 * MINUTE) {
      busy.delete(declinable.i);
      sendTransfer(declinable, again, tooEarly ? ['medical_fitness'] : ['documents']);
    }
  }

  // Other Paris transfers waiting for an answer: the first ones long enough to be overdue.
  let overdue = 0;
  for (const x of parisReturns) {
    if (!free(x)) continue;
    if (ctx.referrals.filter((r) => r.fromOffice === 'PAR' && r.status === 'pending').length >= 5) break;
    const from = earliest(x.c);
    const late = overdue < 2 && from < CUTOFF - 10 * DAY;
    const at = late
      ? momentIn(ctx, Math.max(from, CUTOFF - 22 * DAY), CUTOFF - 9 * DAY)
      : momentIn(ctx, Math.max(from, CUTOFF - 6 * DAY), CUTOFF - 2 * 60 * MINUTE);
    if (at === null) continue;
    const r = sendTransfer(x, at);
    if (late) {
      overdue++;
      const to = r.toOffice as string;
      const lang = staffOf(to).lang;
      const reminder = Date.parse(r.dueOn) + side.int(1, 2) * DAY;
      const departure = x.c.departureDate ? Date.parse(x.c.departureDate) : CUTOFF + side.int(8, 20) * DAY;
      if (overdue === 1 && departure > reminder)
        thread(
          ctx,
          r,
          reminder,
          [['sender', THREADS.overdueReminder[lang]]],
          varsOf(ctx, x.c, to, lang, at, departure),
          {
            sender: handler(x.c),
            receiver: staffOf(to).supervisor,
          },
        );
    }
  }

  // A transfer to Tirana from another host office, declined by the Tirana supervisor: too early.
  const early = cases.find(
    (x) =>
      free(x) &&
      x.c.office !== 'PAR' &&
      x.c.returnCountry === 'AL' &&
      HOST_OFFICE[x.c.hostCountry ?? ''] === x.c.office &&
      TRAVEL_ON.some((s) => s === x.c.status) &&
      (reachedAt(x.c, ['travel_preparation']) ?? CUTOFF) < CUTOFF - 12 * DAY,
  );
  if (early) {
    const start = (reachedAt(early.c, ['travel_preparation']) as number) + DAY;
    const at = momentIn(ctx, Math.max(start, CUTOFF - 30 * DAY), CUTOFF - 9 * DAY);
    if (at !== null) {
      const r = sendTransfer(early, at);
      const answeredAt = workingTimeAfter(side, at, side.int(1, 3));
      const tooEarly = statusAt(early.c, answeredAt) === 'travel_preparation';
      answer(ctx, r, false, answeredAt, tooEarly ? DECLINE.noDate.en : DECLINE.documents.en);
    }
  }

  // MAGNET II: Paris refers returnees to Erbil for job-search support; it keeps the case until departure.
  const magnet = cases.filter(
    (x) =>
      free(x) &&
      x.c.office === 'PAR' &&
      x.c.project === 'MAGNET2' &&
      x.c.caseType === 'avrr' &&
      ['eligibility', 'travel_preparation', 'ready_to_travel'].includes(x.c.status) &&
      reachedAt(x.c, ['eligibility']) !== null,
  );
  // Sent after eligibility was confirmed, a week or more ago; the last one is declined.
  const sendable = magnet
    .map((x) => ({ ...x, from: (reachedAt(x.c, ['eligibility']) as number) + 2 * 60 * MINUTE }))
    .filter((x) => x.from < CUTOFF - 6 * DAY)
    .sort((a, b) => a.from - b.from || a.i - b.i)
    .slice(0, 3);
  const declined = sendable.length >= 2 ? sendable.length - 1 : -1;
  for (const [n, x] of sendable.entries()) {
    const at = momentIn(ctx, Math.max(x.from, CUTOFF - 35 * DAY), CUTOFF - 5 * DAY);
    if (at === null) continue;
    use(x.i);
    const p = person(x.c);
    const departure = x.c.departureDate ? Date.parse(x.c.departureDate) : at + side.int(25, 45) * DAY;
    const vars = varsOf(ctx, x.c, 'EBL', 'en', at, departure);
    const r = send(
      ctx,
      x.i,
      {
        kind: 'referral',
        toOffice: 'EBL',
        sections: ['identity', 'needs_summary', 'reintegration_needs', 'case_history'],
        summary: fillText(MAGNET_SUMMARY, vars),
        reintegrationNeeds: fillText(MAGNET_NEEDS[p.sex], vars),
        consent: referralConsent(ctx, x.c, officeConsentRecipient('fr', 'Erbil', 'magnet'), at),
        requestedBy: handler(x.c),
      },
      at,
    );
    const answeredAt = workingTimeAfter(side, at, side.int(1, 4));
    if (n === declined) {
      const reason = p.placeOfOrigin === 'Kirkuk' ? DECLINE.kirkuk : DECLINE.quota;
      answer(ctx, r, false, answeredAt, fillText(reason, vars));
    } else {
      answer(ctx, r, true, answeredAt);
      if (n === 0)
        thread(ctx, r, answeredAt, THREADS.magnet, vars, {
          sender: handler(x.c),
          receiver: staffOf('EBL').supervisor,
        });
    }
  }

  // Paris keeps a returned victim's case and asks Tirana to deliver the reintegration grant locally.
  const local = cases.find(
    (x) =>
      free(x) &&
      x.c.office === 'PAR' &&
      x.c.caseType === 'avrr_vot' &&
      x.c.returnCountry === 'AL' &&
      (REINTEGRATION as readonly string[]).includes(x.c.status) &&
      (reachedAt(x.c, ['reintegration_planning']) ?? CUTOFF) < CUTOFF - 10 * DAY,
  );
  if (local) {
    const from = (reachedAt(local.c, ['reintegration_planning']) as number) + DAY;
    const at = momentIn(ctx, Math.max(from, CUTOFF - 50 * DAY), CUTOFF - 8 * DAY);
    if (at !== null) {
      use(local.i);
      const vars = varsOf(ctx, local.c, 'TIR', 'en', at, at);
      const r = send(
        ctx,
        local.i,
        {
          kind: 'referral',
          toOffice: 'TIR',
          sections: ['identity', 'needs_summary', 'reintegration_needs'],
          summary: fillText(LOCAL_SUMMARY, vars),
          reintegrationNeeds: reintegrationNeeds('en', true, vars, [2, 3]),
          consent: referralConsent(ctx, local.c, officeConsentRecipient('fr', 'Tirana', 'local'), at),
          requestedBy: handler(local.c),
        },
        at,
      );
      const answeredAt = workingTimeAfter(side, at, side.int(1, 3));
      answer(ctx, r, true, answeredAt);
      thread(ctx, r, answeredAt, THREADS.local, vars, {
        sender: handler(local.c),
        receiver: staffOf('TIR').supervisor,
      });
    }
  }

  // An unaccompanied minor's urgent medical referral, without a guardian to consent: the supervisor overrides.
  const minors = cases.filter(
    (x) =>
      free(x) &&
      x.c.office === 'PAR' &&
      (x.c.caseType === 'avrr' || x.c.caseType === 'avrr_vot') &&
      ['MA', 'UA', 'AL'].includes(x.c.returnCountry ?? '') &&
      person(x.c).specificNeeds.includes('SC-UC') &&
      reachedAt(x.c, ['eligibility']) !== null,
  );
  minors.sort((a, b) => Number(b.c.returnCountry === 'MA') - Number(a.c.returnCountry === 'MA') || a.i - b.i);
  const minor = minors[0];
  if (minor) {
    const to = transferTo(minor.c);
    const lang = staffOf(to).lang;
    const from = (reachedAt(minor.c, ['eligibility']) as number) + 60 * MINUTE;
    const at = momentIn(ctx, Math.max(from, CUTOFF - 20 * DAY), CUTOFF - 3 * DAY) ?? from;
    use(minor.i);
    const p = person(minor.c);
    if (!p.specificNeeds.includes('SM-CC')) p.specificNeeds.push('SM-CC');
    const vars = varsOf(ctx, minor.c, to, lang, at, at);
    const r = send(
      ctx,
      minor.i,
      {
        kind: 'referral',
        toOffice: to,
        sections: ['identity', 'needs_summary', 'medical_fitness', 'reintegration_needs'],
        summary: fillText(OVERRIDE.summary[lang], vars),
        reintegrationNeeds: fillText(OVERRIDE.needs[lang], vars),
        consent: null,
        overrideJustification: fillText(OVERRIDE.justification[lang], vars),
        requestedBy: paris.supervisor,
      },
      at,
    );
    const answeredAt = workingTimeAfter(side, at, 1);
    if (answeredAt < CUTOFF) {
      answer(ctx, r, true, answeredAt);
      if (lang === 'fr')
        thread(ctx, r, answeredAt, THREADS.override, vars, {
          sender: paris.supervisor,
          receiver: staffOf(to).supervisor,
        });
    }
  }

  // Tirana refers a returned victim to a shelter run by a partner organisation (no account: a link, issued by
  // a user, would let the partner answer).
  const sheltered = cases.filter((x) => {
    if (!free(x) || x.c.office !== 'TIR' || x.c.caseType !== 'avrr_vot') return false;
    if (!(REINTEGRATION as readonly string[]).includes(x.c.status)) return false;
    const last = x.c.events[x.c.events.length - 1];
    return !!last && Date.parse(last.at) < CUTOFF - 8 * DAY;
  });
  sheltered.sort(
    (a, b) => Number(person(b.c).sex === 'female') - Number(person(a.c).sex === 'female') || b.i - a.i,
  );
  const shelter = sheltered[0];
  if (shelter) {
    const last = Date.parse(shelter.c.events[shelter.c.events.length - 1]?.at ?? '');
    const at = momentIn(ctx, Math.max(last, CUTOFF - 7 * DAY), CUTOFF - 2 * 60 * MINUTE) as number;
    const tirana = staffOf('TIR').protection;
    const arrived = reachedAt(shelter.c, ['arrived']) ?? at;
    const vars = varsOf(ctx, shelter.c, 'TIR', 'en', at, arrived);
    use(shelter.i);
    send(
      ctx,
      shelter.i,
      {
        kind: 'referral',
        toOffice: null,
        partner: { name: PARTNER.name, contact: PARTNER.contact },
        sections: ['identity', 'needs_summary', 'reintegration_needs'],
        summary: fillText(PARTNER_SUMMARY, vars),
        reintegrationNeeds: PARTNER_NEEDS,
        consent: referralConsent(ctx, shelter.c, PARTNER.consent, at, tirana, last),
        requestedBy: tirana,
      },
      at,
    );
  }

  // Follow-up news on two recent transfers: the new owner writes, the former owner thanks.
  const followed = ctx.referrals
    .filter(
      (r) =>
        r.kind === 'transfer' &&
        r.status === 'accepted' &&
        Date.parse(r.respondedAt ?? '') > CUTOFF - 150 * DAY &&
        Date.parse(r.respondedAt ?? '') < CUTOFF - 30 * DAY,
    )
    .slice(-2);
  for (const r of followed) {
    const c = ctx.cases[r.case] as BuiltCase;
    const to = r.toOffice as string;
    const lang = staffOf(to).lang;
    const at = Date.parse(r.respondedAt ?? '') + side.int(18, 28) * DAY;
    thread(ctx, r, at, THREADS.followUp[lang], varsOf(ctx, c, to, lang, at, at), {
      sender: r.requestedBy,
      receiver: handlerOf(to, c.sensitive),
    });
  }
}

/** Demo accounts of an office whose role grants the permission (repository.usersWith). */
function accountsWith(office: string | null, permission: Permission): string[] {
  if (!office) return [];
  return DEMO_ACCOUNTS.filter((a) => {
    const role = ROLE_DEFINITIONS[a.role];
    return (
      a.office === office &&
      role.scope === 'office' &&
      (role.permissions as readonly string[]).includes(permission)
    );
  }).map((a) => a.email);
}

/** Overdue marks and the in-app notifications notify.ts would have written, for the last weeks. */
function notificationsOf(ctx: Ctx): void {
  const { side } = ctx;
  for (const r of ctx.referrals) {
    const pendingAt = (at: number) => r.respondedAt === null || at < Date.parse(r.respondedAt);
    const receivers = (at: number) =>
      accountsWith(r.toOffice, pendingAt(at) ? 'referrals.respond' : 'referrals.read');
    const senders = () => [
      ...new Set([
        ...(r.requestedBy.email ? [r.requestedBy.email] : []),
        ...accountsWith(r.fromOffice, 'referrals.respond'),
      ]),
    ];
    const out: DemoReferral['notifications'] = [];
    const add = (
      emails: string[],
      kind: NotificationKind,
      office: string | null,
      at: number,
      readAt: number | null,
      except?: string,
    ) => {
      for (const email of emails)
        if (email !== except)
          out.push({
            email,
            kind,
            office,
            at: isoTime(at),
            readAt: readAt === null ? null : isoTime(readAt),
          });
    };
    /** Read some hours later, unless it is recent. */
    const readLater = (at: number, recent: number) => {
      if (at > CUTOFF - recent) return null;
      return Math.min(CUTOFF, at + side.int(30, 60 * 30) * MINUTE);
    };
    const requestedAt = Date.parse(r.requestedAt);
    const respondedAt = r.respondedAt ? Date.parse(r.respondedAt) : null;
    if (r.toOffice)
      add(
        receivers(requestedAt),
        'referral.received',
        r.fromOffice,
        requestedAt,
        respondedAt === null ? null : respondedAt - side.int(10, 120) * MINUTE,
      );
    if (respondedAt !== null)
      add(
        senders(),
        r.status === 'accepted' ? 'referral.accepted' : 'referral.declined',
        r.toOffice,
        respondedAt,
        readLater(respondedAt, 5 * DAY),
      );
    if (r.status === 'pending' && Date.parse(r.dueOn) < CUTOFF) {
      const marked = Date.parse(r.dueOn) + side.int(5, 55) * MINUTE;
      if (marked < CUTOFF) {
        r.overdueNotifiedAt = isoTime(marked);
        add(receivers(marked), 'referral.overdue', r.fromOffice, marked, null);
        add(senders(), 'referral.overdue', r.toOffice, marked, null);
      }
    }
    for (const m of r.messages) {
      const at = Date.parse(m.at);
      const to = m.side === 'sender' ? receivers(at) : senders();
      add(
        to,
        'referral.message',
        m.side === 'sender' ? r.fromOffice : r.toOffice,
        at,
        readLater(at, 3 * DAY),
        m.author.email,
      );
    }
    r.notifications = out
      .filter((n) => Date.parse(n.at) > CUTOFF - NOTIFICATION_WINDOW)
      .sort((a, b) => a.at.localeCompare(b.at) || a.email.localeCompare(b.email));
  }
}

// ---- the whole data set -----------------------------------------------------------------------------

export const DEMO_SEED = 20_150_501;

/** The demo people, households and cases. Pure: the same seed always gives the same data. */
export function generateDemoData(seed = DEMO_SEED): DemoData {
  const ctx: Ctx = {
    rng: new Rng(seed),
    side: new Rng(seed + 1),
    people: [],
    households: [],
    cases: [],
    referrals: [],
    rst: [],
    syrianNames: [],
  };
  const groups: [() => void, number][] = [
    [() => returnee(ctx, 'AL', true), 66],
    [() => returnee(ctx, 'AL', false), 12],
    [() => returnee(ctx, 'MA', true), 28],
    [() => returnee(ctx, 'MA', false), 14],
    [() => returnee(ctx, 'UA', true), 28],
    [() => returnee(ctx, 'UA', false), 10],
    [() => kurdishReturnee(ctx, true), 46],
    [() => kurdishReturnee(ctx, false), 46],
  ];
  for (const [make, count] of groups) for (let i = 0; i < count; i++) make();
  for (const plan of RST_HOUSEHOLDS) syrianHousehold(ctx, plan);
  nearEndReferrals(ctx);
  notificationsOf(ctx);
  registeredTwice(ctx);

  // References follow the order of registration, as the sequences would have given them.
  const personOrder = ctx.people
    .map((p, i) => ({ i, at: p.registeredAt }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i);
  personOrder.forEach(({ i }, n) => {
    const person = ctx.people[i] as DemoPerson;
    person.reference = `${person.registeredIn}-P${String(n + 1).padStart(6, '0')}`;
  });
  const caseOrder = ctx.cases
    .map((c, i) => ({ i, at: c.createdAt }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i);
  const references: string[] = [];
  caseOrder.forEach(({ i }, n) => {
    const c = ctx.cases[i] as Omit<DemoCase, 'reference'>;
    references[i] = `${c.openedIn}-${c.createdAt.slice(0, 4)}-${String(n + 1).padStart(5, '0')}`;
  });
  const demoCases = ctx.cases.map((c, i) => ({ reference: references[i] as string, ...c }));
  // Referral references too: REF-<year>-<number>, one sequence for every office.
  ctx.referrals
    .map((r, i) => ({ i, at: r.requestedAt }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i)
    .forEach(({ i }, n) => {
      const r = ctx.referrals[i] as DemoReferral;
      r.reference = `REF-${r.requestedAt.slice(0, 4)}-${String(n + 1).padStart(5, '0')}`;
    });
  for (const c of demoCases)
    for (const e of c.events) {
      if (typeof e.data?.referral !== 'number') continue;
      const { referral, ...rest } = e.data;
      e.data = { reference: (ctx.referrals[referral as number] as DemoReferral).reference, ...rest };
    }
  return {
    people: ctx.people,
    households: ctx.households,
    cases: demoCases,
    referrals: ctx.referrals,
    resettlement: resettlementOf(ctx),
  };
}

// ---- people registered twice -------------------------------------------------------------------------------

/** A later moment than `at`, `days` after it, before the demo's last day. */
function daysAfter(at: string, days: number): string {
  return new Date(Math.min(Date.parse(at) + days * DAY, CUTOFF - DAY)).toISOString();
}

/** Another Latin spelling of a name of these tables (the name itself when it has none). */
function otherSpelling(entries: readonly NameEntry[], name: string): string {
  const entry = entries.find((e) => e.latin === name || e.variants.includes(name));
  return [entry?.latin, ...(entry?.variants ?? [])].find((spelling) => spelling && spelling !== name) ?? name;
}

/** A second record of `p`, registered by `office` on `at`: what was said at that desk only. */
function secondRecord(p: DemoPerson, office: string, at: string): DemoPerson {
  return {
    ...p,
    reference: '',
    registeredIn: office,
    office,
    aliases: [],
    phone: null,
    email: null,
    address: null,
    specificNeeds: [],
    withheldNeeds: [],
    household: null,
    relationship: null,
    registeredBy: staffOf(office).caseworker,
    registeredAt: at,
    documents: [],
    consents: [],
  };
}

/**
 * People registered a second time without the first record being found: the duplicates a review finds.
 * Kurdish returnees from Paris registered again on arrival in Erbil, in Arabic script with only the year
 * of birth; Ukrainians registered again in Kyiv, in Cyrillic, with day and month swapped; Albanians
 * registered twice in Paris under another spelling; and a Moroccan's passport recorded on his brother's
 * new record in Paris (the same document on two records: a reviewer must look).
 */
function registeredTwice(ctx: Ctx): void {
  const { people } = ctx;
  const from = (office: string, nationality: string, count: number, also: (p: DemoPerson) => boolean) =>
    people
      .filter((p) => p.registeredIn === office && p.nationalities[0] === nationality && also(p))
      .slice(0, count);
  const copies: DemoPerson[] = [];
  // Erbil writes the names as they are spelled there (the originals the same), and knows only the year.
  for (const p of from('PAR', 'IQ', 3, (p) => p.givenNameOriginal !== null && p.familyNameOriginal !== null))
    copies.push({
      ...secondRecord(p, 'EBL', daysAfter(p.registeredAt, 150)),
      givenName: otherSpelling([...KURDISH.male, ...KURDISH.female], p.givenName),
      familyName: otherSpelling(KURDISH.family, p.familyName),
      birthDate: `${p.birthDate.slice(0, 4)}-01-01`,
      birthDatePrecision: 'year',
    });
  // Kyiv transliterates otherwise, and reads the birth date the other way round.
  const swappable = (p: DemoPerson) => p.givenNameOriginal !== null && Number(p.birthDate.slice(8)) <= 12;
  for (const p of from('PAR', 'UA', 2, swappable)) {
    const [year, month, day] = p.birthDate.split('-');
    copies.push({
      ...secondRecord(p, 'KYI', daysAfter(p.registeredAt, 90)),
      givenName: otherSpelling([...UKRAINIAN.male, ...UKRAINIAN.female], p.givenName),
      familyName: otherSpelling(UKRAINIAN.family, p.familyName),
      birthDate: `${year}-${day}-${month}`,
    });
  }
  // Typed on a keyboard without ë and ç.
  const plainer = (name: string) => name.replace(/ë/g, 'e').replace(/ç/g, 'c');
  for (const p of from(
    'PAR',
    'AL',
    2,
    (p) => plainer(`${p.givenName}${p.familyName}`) !== `${p.givenName}${p.familyName}`,
  ))
    copies.push({
      ...secondRecord(p, 'PAR', daysAfter(p.registeredAt, 40)),
      familyName: plainer(p.familyName),
      givenName: plainer(p.givenName),
    });
  const shownPassport = (p: DemoPerson) => p.documents.find((d) => d.type === 'passport' && !d.withheld);
  const moroccan = (p: DemoPerson) =>
    p.office === 'PAR' && p.sex === 'male' && shownPassport(p) !== undefined;
  for (const p of from('PAR', 'MA', 1, moroccan)) {
    const brother = MOROCCAN.male.find((entry) => entry.latin !== p.givenName);
    const passport = shownPassport(p);
    copies.push({
      ...secondRecord(p, 'PAR', daysAfter(p.registeredAt, 60)),
      givenName: brother?.latin ?? p.givenName,
      givenNameOriginal: brother?.original ?? null,
      birthDate: `${Number(p.birthDate.slice(0, 4)) + 3}${p.birthDate.slice(4)}`,
      documents: passport ? [{ ...passport }] : [],
    });
  }
  people.push(...copies);
}

// ---- loading ---------------------------------------------------------------------------------------------

export type DemoRefs = {
  office(code: string): string;
  user(email: string): { id: string; name: string };
  project(code: string): string;
};

/** The ids of the people's rows, by index in `people` (and in its `consents`). */
export type DemoPeopleIds = { persons: string[]; consents: string[][] };

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Writes the people of the demo (households, records, documents, consents) inside the caller's transaction,
 * as registered (an accepted transfer moves a record later, through the referrals module: replay.ts), and
 * moves the person references past them. Answers the ids given, by index in `people`.
 */
export async function insertDemoPeople(
  tx: Db,
  cipher: FieldCipher,
  refs: DemoRefs,
  data: DemoData,
): Promise<DemoPeopleIds> {
  const userId = (email: string | null) => (email ? refs.user(email).id : null);

  const personIds = data.people.map(() => randomUUID());
  const householdIds = data.households.map(() => randomUUID());
  const consentIds = data.people.map((p) => p.consents.map(() => randomUUID()));

  const householdRows = data.households.map((h, i) => ({
    id: householdIds[i] as string,
    owningOfficeId: refs.office(h.office),
    principalPersonId: personIds[h.principal] as string,
    createdAt: new Date(h.createdAt),
  }));
  await insertChunks(householdRows, 500, (chunk) => tx.insert(households).values(chunk));
  const personRows = data.people.map((p, i) => ({
    id: personIds[i] as string,
    reference: p.reference,
    // As registered: an accepted transfer moves the record and sets aside what it did not share.
    owningOfficeId: refs.office(p.registeredIn),
    givenName: p.givenName,
    familyName: p.familyName,
    fatherName: p.fatherName,
    givenNameOriginal: p.givenNameOriginal,
    familyNameOriginal: p.familyNameOriginal,
    fatherNameOriginal: p.fatherNameOriginal,
    originalScript: p.originalScript,
    aliases: p.aliases,
    searchText: personSearchText(p),
    sex: p.sex,
    birthDate: p.birthDate,
    birthDatePrecision: p.birthDatePrecision,
    nationalities: p.nationalities,
    languages: p.languages,
    phone: p.phone,
    email: p.email,
    address: p.address,
    placeOfOrigin: p.placeOfOrigin,
    countryOfOrigin: p.countryOfOrigin,
    specificNeeds: [...p.specificNeeds, ...p.withheldNeeds],
    withheldNeeds: [],
    householdId: p.household === null ? null : (householdIds[p.household] as string),
    relationship: p.relationship,
    createdBy: userId(p.registeredBy.email ?? null),
    createdAt: new Date(p.registeredAt),
    updatedAt: new Date(p.registeredAt),
  }));
  await insertChunks(personRows, 400, (chunk) => tx.insert(persons).values(chunk));

  const documentRows = data.people.flatMap((p, i) =>
    p.documents.map((d) => {
      const normalised = normaliseDocumentNumber(d.number);
      return {
        personId: personIds[i] as string,
        type: d.type,
        numberSealed: cipher.encrypt(d.number),
        numberTail: normalised.slice(-4),
        numberIndex: cipher.blindIndex(normalised),
        issuingCountry: d.issuingCountry,
        expiryDate: d.expiryDate,
        withheld: false,
        createdBy: userId(p.registeredBy.email ?? null),
        createdAt: new Date(Date.parse(p.registeredAt) + 15 * MINUTE),
      };
    }),
  );
  await insertChunks(documentRows, 500, (chunk) => tx.insert(identityDocuments).values(chunk));
  const consentRows = data.people.flatMap((p, i) =>
    p.consents.map(({ recordedBy, ...c }, j) => ({
      id: consentIds[i]?.[j] as string,
      personId: personIds[i] as string,
      ...c,
      createdBy: userId((recordedBy ?? p.registeredBy).email ?? null),
      createdAt: new Date(`${c.givenOn}T12:00:00Z`),
    })),
  );
  await insertChunks(consentRows, 500, (chunk) => tx.insert(consents).values(chunk));
  // Registrations made afterwards continue the numbering.
  await tx.execute(sql`select setval('person_reference_seq', ${data.people.length})`);
  return { persons: personIds, consents: consentIds };
}

/** Writes the notes and tasks of the cases (opened by then: `caseIds` by index in `cases`). */
export async function insertDemoCaseWork(
  tx: Db,
  refs: DemoRefs,
  data: DemoData,
  caseIds: string[],
): Promise<void> {
  const actorOf = (staff: StaffRef) =>
    staff.email
      ? { actorUserId: refs.user(staff.email).id, actorName: refs.user(staff.email).name }
      : { actorUserId: null, actorName: staff.name ?? '' };
  const userId = (email: string | null) => (email ? refs.user(email).id : null);

  const noteRows = data.cases.flatMap((c, i) =>
    c.notes.map((n) => {
      const author = actorOf(n.author);
      return {
        caseId: caseIds[i] as string,
        body: n.body,
        confidential: n.confidential,
        authorId: author.actorUserId,
        authorName: author.actorName,
        createdAt: new Date(n.at),
      };
    }),
  );
  await insertChunks(noteRows, 800, (chunk) => tx.insert(caseNotes).values(chunk));
  const taskRows = data.cases.flatMap((c, i) =>
    c.tasks.map((t) => ({
      caseId: caseIds[i] as string,
      title: t.title,
      dueDate: t.dueDate,
      assigneeId: userId(t.assignee),
      doneAt: t.doneAt ? new Date(t.doneAt) : null,
      createdBy: userId(c.createdBy.email ?? null),
      createdAt: new Date(t.createdAt),
    })),
  );
  await insertChunks(taskRows, 800, (chunk) => tx.insert(caseTasks).values(chunk));
}
