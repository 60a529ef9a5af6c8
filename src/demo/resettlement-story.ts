/**
 * The Syrian resettlement programme of the Paris office, as a script: 25 households referred by UNHCR in
 * Lebanon, Jordan and Turkey from January 2015, two selection missions (Beirut in March 2015, Beirut and
 * Amman in October 2015) and a dossier sent in May 2016, decisions (one household rejected, one asked to
 * resubmit and accepted at the second mission), health assessments, orientation sessions, exit permits and
 * visas, a flight on 8 December 2015 (one family did not come to the airport) and one planned for
 * 12 July 2016, a household split before it, and the newest households still early in the pipeline.
 *
 * Only the days are written here (every one a working day); people.ts draws the people of each household
 * and the times of the steps, and resettlement.ts takes the steps through the resettlement module.
 */

export type RstBatchKey = 'A' | 'B' | 'C';
export type RstSessionKey = 'S1' | 'S2' | 'S3';
export type RstMovementKey = 'M1' | 'M2';

export type RstHouseholdPlan = {
  key: string;
  /** Country of asylum: the referral's UNHCR office and the family's address. */
  asylum: 'LB' | 'JO' | 'TR';
  /** Who travels: the principal (and a spouse unless single), children, an elderly parent, a married son. */
  shape: {
    single?: true;
    children: number;
    /** An elderly parent; in a wheelchair, or needing a medical escort on the flight. */
    parent?: 'able' | 'wheelchair' | 'escort';
    /** An adult son and his wife (they split off before the flight). */
    sonWithWife?: true;
  };
  opened: string;
  referred?: string;
  interview?: string;
  /** The RRF attached and submission asked of the supervisor; `approved` when granted. */
  rrf?: string;
  approved?: string;
  /** Decisions, one per batch the household was submitted in (batches in order). */
  decisions?: {
    batch: RstBatchKey;
    on?: string;
    outcome?: 'accepted' | 'rejected' | 'resubmit';
    comment?: string;
  }[];
  withdrawn?: { on: string; comment: string };
  /** Every member assessed on `on` (fit until `validUntil`); `deferred`: one adult's assessment deferred. */
  health?: { on: string; validUntil: string; deferred?: true };
  cleared?: string;
  session?: RstSessionKey;
  oriented?: string;
  exitPermits?: { on: string; validUntil: string };
  /** `short`: one member's visa ends on that day; `wifePending`: the son's wife has none yet. */
  visas?: { on: string; validUntil: string; short?: string; wifePending?: true };
  split?: { on: string; reason: string };
  movement?: { key: RstMovementKey; booked: string; noShow?: string };
  handover?: { on: string; to: string; city: string };
};

/** Submission batches: two selection missions and a dossier. */
export const RST_BATCHES = [
  {
    key: 'A',
    kind: 'selection_mission',
    label: 'Mission de sélection – Beyrouth, mars 2015',
    missionStart: '2015-03-02',
    missionEnd: '2015-03-06',
    created: '2015-02-09',
    set: '2015-02-13',
    submitted: '2015-02-16',
  },
  {
    key: 'B',
    kind: 'selection_mission',
    label: 'Mission de sélection – Beyrouth et Amman, octobre 2015',
    missionStart: '2015-10-12',
    missionEnd: '2015-10-16',
    created: '2015-09-07',
    set: '2015-09-25',
    submitted: '2015-09-28',
  },
  {
    key: 'C',
    kind: 'dossier',
    label: 'Dossiers transmis au ministère de l’Intérieur – mai 2016',
    missionStart: null,
    missionEnd: null,
    created: '2016-05-02',
    set: '2016-05-13',
    submitted: '2016-05-17',
  },
] as const satisfies readonly {
  key: RstBatchKey;
  kind: 'selection_mission' | 'dossier';
  label: string;
  missionStart: string | null;
  missionEnd: string | null;
  created: string;
  set: string;
  submitted: string;
}[];

/** Pre-departure orientation sessions (three days; attendance recorded on the last). */
export const RST_SESSIONS = [
  {
    key: 'S1',
    heldOn: '2015-10-28',
    place: 'Beyrouth (OIM, Jnah)',
    language: 'ar',
    facilitator: 'Nour Khalil',
  },
  {
    key: 'S2',
    heldOn: '2015-11-04',
    place: 'Beyrouth (OIM, Jnah)',
    language: 'ar',
    facilitator: 'Nour Khalil',
  },
  {
    key: 'S3',
    heldOn: '2016-04-20',
    place: 'Beyrouth (OIM, Jnah)',
    language: 'ar',
    facilitator: 'Nour Khalil',
  },
] as const satisfies readonly {
  key: RstSessionKey;
  heldOn: string;
  place: string;
  language: string;
  facilitator: string;
}[];

const leg = (
  carrier: string,
  flightNumber: string,
  from: string,
  to: string,
  departs: string,
  arrives: string,
) => ({
  carrier,
  flightNumber,
  fromAirport: from,
  toAirport: to,
  departsAt: departs,
  arrivesAt: arrives,
});

/**
 * Movements. The first flew on 8 December 2015 (boarding recorded at the airport, arrival at Roissy); the
 * second, planned on 1 June 2016, leaves on 12 July 2016 with a medical escort for household B3.
 */
export const RST_MOVEMENTS = [
  {
    key: 'M1',
    created: '2015-11-12',
    seatCount: 40,
    legs: [leg('Air France', 'AF565', 'BEY', 'CDG', '2015-12-08T05:40:00Z', '2015-12-08T10:15:00Z')],
    escorts: [{ name: 'Rami Saad', kind: 'operational', organisation: 'OIM Liban', forHousehold: null }],
    boardingAt: '2015-12-08T04:15:00Z',
    arrival: { recordedAt: '2015-12-08T10:50:00Z', arrivedAt: '2015-12-08T10:15:00Z' },
  },
  {
    key: 'M2',
    created: '2016-06-01',
    seatCount: 32,
    legs: [
      leg('Turkish Airlines', 'TK827', 'BEY', 'IST', '2016-07-12T05:00:00Z', '2016-07-12T06:30:00Z'),
      leg('Turkish Airlines', 'TK1821', 'IST', 'CDG', '2016-07-12T09:00:00Z', '2016-07-12T11:45:00Z'),
    ],
    escorts: [
      { name: 'Dr Rania Khoury', kind: 'medical', organisation: 'OIM Liban', forHousehold: 'B3' },
      { name: 'Rami Saad', kind: 'operational', organisation: 'OIM Liban', forHousehold: null },
    ],
    boardingAt: null,
    arrival: null,
  },
] as const satisfies readonly {
  key: RstMovementKey;
  created: string;
  seatCount: number;
  legs: readonly ReturnType<typeof leg>[];
  escorts: readonly {
    name: string;
    kind: 'medical' | 'operational';
    organisation: string;
    forHousehold: string | null;
  }[];
  boardingAt: string | null;
  arrival: { recordedAt: string; arrivedAt: string } | null;
}[];

/** The expiry warning job's run of the demo's last morning (it runs every 15 minutes on a server). */
export const RST_WARNINGS_AT = '2016-06-30T05:00:00Z';
export const RST_WARNING_DAYS = 14;

const ACCEPTED = 'accepted' as const;
/** Health assessments of the first flight's households: fit until early March 2016. */
const A_FIT_UNTIL = '2016-03-04';
/** The second flight's: fit until the end of September 2016. */
const B_FIT_UNTIL = '2016-09-30';

export const RST_HOUSEHOLDS: readonly RstHouseholdPlan[] = [
  // ---- The March 2015 selection mission: five families flew on 8 December 2015, one did not come ----
  {
    key: 'A1',
    asylum: 'LB',
    shape: { children: 5, parent: 'able' },
    opened: '2015-01-05',
    referred: '2015-01-08',
    interview: '2015-01-19',
    rrf: '2015-01-29',
    approved: '2015-02-02',
    decisions: [{ batch: 'A', on: '2015-04-20', outcome: ACCEPTED }],
    health: { on: '2015-10-05', validUntil: A_FIT_UNTIL },
    cleared: '2015-10-13',
    session: 'S1',
    oriented: '2015-10-30',
    exitPermits: { on: '2015-11-16', validUntil: '2015-12-31' },
    visas: { on: '2015-11-23', validUntil: '2016-02-22' },
    movement: { key: 'M1', booked: '2015-11-26' },
    handover: { on: '2015-12-08', to: 'Forum réfugiés-Cosi, Lyon', city: 'Lyon' },
  },
  {
    key: 'A2',
    asylum: 'LB',
    shape: { children: 3 },
    opened: '2015-01-06',
    referred: '2015-01-12',
    interview: '2015-01-21',
    rrf: '2015-02-02',
    approved: '2015-02-04',
    decisions: [{ batch: 'A', on: '2015-04-20', outcome: ACCEPTED }],
    health: { on: '2015-10-06', validUntil: A_FIT_UNTIL },
    cleared: '2015-10-13',
    session: 'S1',
    oriented: '2015-10-30',
    exitPermits: { on: '2015-11-16', validUntil: '2015-12-31' },
    visas: { on: '2015-11-23', validUntil: '2016-02-22' },
    movement: { key: 'M1', booked: '2015-11-26' },
    handover: { on: '2015-12-08', to: 'Coallia, Toulouse', city: 'Toulouse' },
  },
  {
    key: 'A3',
    asylum: 'LB',
    shape: { children: 3, parent: 'wheelchair' },
    opened: '2015-01-07',
    referred: '2015-01-13',
    interview: '2015-01-22',
    rrf: '2015-02-03',
    approved: '2015-02-05',
    decisions: [{ batch: 'A', on: '2015-04-21', outcome: ACCEPTED }],
    health: { on: '2015-10-07', validUntil: A_FIT_UNTIL },
    cleared: '2015-10-14',
    session: 'S1',
    oriented: '2015-10-30',
    exitPermits: { on: '2015-11-16', validUntil: '2015-12-31' },
    visas: { on: '2015-11-23', validUntil: '2016-02-22' },
    movement: { key: 'M1', booked: '2015-11-26' },
    handover: { on: '2015-12-08', to: 'Forum réfugiés-Cosi, Lyon', city: 'Lyon' },
  },
  {
    key: 'A4',
    asylum: 'LB',
    shape: { children: 5 },
    opened: '2015-01-12',
    referred: '2015-01-15',
    interview: '2015-01-26',
    rrf: '2015-02-04',
    approved: '2015-02-06',
    decisions: [{ batch: 'A', on: '2015-04-21', outcome: ACCEPTED }],
    health: { on: '2015-10-08', validUntil: A_FIT_UNTIL },
    cleared: '2015-10-14',
    session: 'S2',
    oriented: '2015-11-06',
    exitPermits: { on: '2015-11-17', validUntil: '2015-12-31' },
    visas: { on: '2015-11-24', validUntil: '2016-02-23' },
    movement: { key: 'M1', booked: '2015-11-27' },
    handover: { on: '2015-12-09', to: 'France terre d’asile, Rennes', city: 'Rennes' },
  },
  {
    key: 'A5',
    asylum: 'LB',
    shape: { single: true, children: 3 },
    opened: '2015-01-14',
    referred: '2015-01-20',
    interview: '2015-01-28',
    rrf: '2015-02-05',
    approved: '2015-02-09',
    decisions: [{ batch: 'A', on: '2015-04-22', outcome: ACCEPTED }],
    health: { on: '2015-10-09', validUntil: A_FIT_UNTIL },
    cleared: '2015-10-15',
    session: 'S2',
    oriented: '2015-11-06',
    exitPermits: { on: '2015-11-17', validUntil: '2015-12-31' },
    visas: { on: '2015-11-24', validUntil: '2016-02-23' },
    movement: { key: 'M1', booked: '2015-11-27' },
    handover: { on: '2015-12-09', to: 'Adoma, Nantes', city: 'Nantes' },
  },
  {
    key: 'A6',
    asylum: 'LB',
    shape: { children: 3 },
    opened: '2015-01-19',
    referred: '2015-01-22',
    interview: '2015-02-02',
    rrf: '2015-02-06',
    approved: '2015-02-10',
    decisions: [{ batch: 'A', on: '2015-04-22', outcome: ACCEPTED }],
    health: { on: '2015-10-12', validUntil: A_FIT_UNTIL },
    cleared: '2015-10-15',
    session: 'S2',
    oriented: '2015-11-06',
    exitPermits: { on: '2015-11-17', validUntil: '2015-12-31' },
    visas: { on: '2015-11-24', validUntil: '2016-02-23' },
    movement: {
      key: 'M1',
      booked: '2015-11-27',
      noShow:
        'Famille absente à l’enregistrement : partie d’Akkar dans la nuit, elle a été retenue à un barrage et n’a pas atteint l’aéroport à temps.',
    },
  },
  {
    key: 'A7',
    asylum: 'JO',
    shape: { children: 2 },
    opened: '2015-01-21',
    referred: '2015-01-27',
    interview: '2015-02-03',
    rrf: '2015-02-09',
    approved: '2015-02-11',
    decisions: [
      {
        batch: 'A',
        on: '2015-04-23',
        outcome: 'rejected',
        comment: 'Refus des autorités françaises notifié après l’entretien de la mission de sélection.',
      },
    ],
  },
  {
    key: 'A8',
    asylum: 'LB',
    shape: { children: 4 },
    opened: '2015-01-26',
    referred: '2015-01-29',
    interview: '2015-02-04',
    rrf: '2015-02-10',
    approved: '2015-02-12',
    decisions: [
      {
        batch: 'A',
        on: '2015-04-23',
        outcome: 'resubmit',
        comment: 'Dossier à représenter : acte de mariage et actes de naissance des enfants demandés.',
      },
      { batch: 'B', on: '2015-12-09', outcome: ACCEPTED },
    ],
    health: { on: '2016-03-07', validUntil: B_FIT_UNTIL },
    cleared: '2016-03-14',
    session: 'S3',
    oriented: '2016-04-25',
    exitPermits: { on: '2016-06-06', validUntil: '2016-08-31' },
    visas: { on: '2016-06-13', validUntil: '2016-09-12' },
    movement: { key: 'M2', booked: '2016-06-20' },
  },

  // ---- The October 2015 selection mission: the July 2016 flight, and families still preparing ----
  {
    key: 'B1',
    asylum: 'LB',
    shape: { children: 3 },
    opened: '2015-05-11',
    referred: '2015-05-14',
    interview: '2015-06-01',
    rrf: '2015-06-22',
    approved: '2015-06-24',
    decisions: [{ batch: 'B', on: '2015-12-07', outcome: ACCEPTED }],
    health: { on: '2016-03-08', validUntil: B_FIT_UNTIL },
    cleared: '2016-03-15',
    session: 'S3',
    oriented: '2016-04-25',
    exitPermits: { on: '2016-06-06', validUntil: '2016-08-31' },
    // One visa issued for a month only: it ends the day after the flight (a warning a fortnight before).
    visas: { on: '2016-06-13', validUntil: '2016-09-12', short: '2016-07-13' },
    movement: { key: 'M2', booked: '2016-06-20' },
  },
  {
    key: 'B2',
    asylum: 'LB',
    shape: { children: 5, sonWithWife: true },
    opened: '2015-05-20',
    referred: '2015-05-26',
    interview: '2015-06-10',
    rrf: '2015-07-01',
    approved: '2015-07-03',
    decisions: [{ batch: 'B', on: '2015-12-07', outcome: ACCEPTED }],
    health: { on: '2016-03-09', validUntil: B_FIT_UNTIL },
    cleared: '2016-03-16',
    session: 'S3',
    oriented: '2016-04-26',
    exitPermits: { on: '2016-06-07', validUntil: '2016-08-31' },
    visas: { on: '2016-06-14', validUntil: '2016-09-12', wifePending: true },
    split: {
      on: '2016-06-16',
      reason:
        'Le fils aîné et son épouse voyageront ensemble plus tard : le visa de l’épouse est encore à l’instruction au consulat ; le reste de la famille part en juillet.',
    },
    movement: { key: 'M2', booked: '2016-06-21' },
  },
  {
    key: 'B3',
    asylum: 'LB',
    shape: { children: 3, parent: 'escort' },
    opened: '2015-06-08',
    referred: '2015-06-11',
    interview: '2015-06-29',
    rrf: '2015-07-15',
    approved: '2015-07-17',
    decisions: [{ batch: 'B', on: '2015-12-08', outcome: ACCEPTED }],
    health: { on: '2016-03-10', validUntil: B_FIT_UNTIL },
    cleared: '2016-03-17',
    session: 'S3',
    oriented: '2016-04-26',
    exitPermits: { on: '2016-06-07', validUntil: '2016-08-31' },
    visas: { on: '2016-06-14', validUntil: '2016-09-12' },
    movement: { key: 'M2', booked: '2016-06-22' },
  },
  {
    key: 'B4',
    asylum: 'JO',
    shape: { children: 5 },
    opened: '2015-06-22',
    referred: '2015-06-25',
    interview: '2015-07-13',
    rrf: '2015-08-03',
    approved: '2015-08-05',
    decisions: [{ batch: 'B', on: '2015-12-10', outcome: ACCEPTED }],
    health: { on: '2016-05-10', validUntil: '2016-11-10', deferred: true },
  },
  {
    key: 'B5',
    asylum: 'JO',
    shape: { children: 2 },
    opened: '2015-07-06',
    referred: '2015-07-09',
    interview: '2015-07-27',
    rrf: '2015-08-17',
    approved: '2015-08-19',
    decisions: [{ batch: 'B', on: '2015-12-10', outcome: ACCEPTED }],
    health: { on: '2016-05-11', validUntil: '2016-11-10' },
    cleared: '2016-05-18',
  },
  {
    key: 'B6',
    asylum: 'TR',
    shape: { children: 3 },
    opened: '2015-07-20',
    referred: '2015-07-23',
    interview: '2015-08-10',
    rrf: '2015-08-31',
    approved: '2015-09-02',
    decisions: [{ batch: 'B', on: '2015-12-11', outcome: ACCEPTED }],
    withdrawn: {
      on: '2016-02-15',
      comment:
        'Le ménage renonce à la réinstallation en France : il rejoint la famille du père en Allemagne.',
    },
  },

  // ---- Sent in May 2016: waiting for the decision ----
  {
    key: 'C1',
    asylum: 'LB',
    shape: { children: 4, parent: 'able' },
    opened: '2015-09-14',
    referred: '2015-09-17',
    interview: '2015-10-19',
    rrf: '2016-02-22',
    approved: '2016-02-24',
    decisions: [{ batch: 'C' }],
  },
  {
    key: 'C2',
    asylum: 'JO',
    shape: { single: true, children: 2 },
    opened: '2015-10-05',
    referred: '2015-10-08',
    interview: '2015-11-09',
    rrf: '2016-03-07',
    approved: '2016-03-09',
    decisions: [{ batch: 'C' }],
  },
  {
    key: 'C3',
    asylum: 'TR',
    shape: { children: 3 },
    opened: '2015-11-02',
    referred: '2015-11-05',
    interview: '2015-12-14',
    rrf: '2016-04-04',
    approved: '2016-04-06',
    decisions: [{ batch: 'C' }],
  },

  // ---- Newer referrals: registration forms done, interviews, verification, identification ----
  {
    key: 'D1',
    asylum: 'LB',
    shape: { children: 2 },
    opened: '2015-12-07',
    referred: '2016-01-11',
    interview: '2016-02-15',
    rrf: '2016-05-30',
    approved: '2016-06-01',
  },
  {
    key: 'D2',
    asylum: 'JO',
    shape: { children: 4 },
    opened: '2016-01-18',
    referred: '2016-02-01',
    interview: '2016-03-14',
    rrf: '2016-06-13',
    approved: '2016-06-15',
  },
  {
    key: 'D3',
    asylum: 'LB',
    shape: { children: 3 },
    opened: '2016-02-22',
    referred: '2016-03-07',
    interview: '2016-04-18',
  },
  {
    key: 'D4',
    asylum: 'TR',
    shape: { children: 1 },
    opened: '2016-03-14',
    referred: '2016-04-04',
    interview: '2016-05-23',
    // Asked on the demo's last days: the supervisor has not approved it yet.
    rrf: '2016-06-28',
  },
  {
    key: 'D5',
    asylum: 'LB',
    shape: { single: true, children: 1 },
    opened: '2016-04-25',
    referred: '2016-06-06',
  },
  { key: 'D6', asylum: 'JO', shape: { children: 4 }, opened: '2016-05-09', referred: '2016-06-20' },
  { key: 'D7', asylum: 'LB', shape: { children: 3 }, opened: '2016-06-13' },
  { key: 'D8', asylum: 'JO', shape: { children: 2 }, opened: '2016-06-22' },
];

/** Health findings (sealed: only medical and protection officers of the office read them). */
export const RST_FINDINGS = {
  wheelchair:
    'Gonarthrose bilatérale sévère ; marche limitée à quelques mètres. Fauteuil roulant jusqu’à la porte de l’avion (WCHR).',
  escort:
    'Insuffisance respiratoire chronique (BPCO) sous oxygène à domicile ; oxygène pendant le vol et accompagnement médical sur tout le trajet.',
  deferred:
    'Tuberculose pulmonaire diagnostiquée au bilan, traitement débuté ; nouveau bilan après deux mois de traitement.',
  asthma: 'Asthme léger, traitement de fond à poursuivre ; suivi pédiatrique à prévoir à l’arrivée.',
  diabetes: 'Diabète de type 2 équilibré sous metformine ; ordonnance pour trois mois remise à la famille.',
} as const;
