/**
 * Demo trainings of authorities (TACT, in Albania, Morocco and Ukraine, and two meetings in Paris with the
 * host and origin countries) and information campaigns in countries of origin (TACT; Calais: the risks of the
 * journey to Calais and the United Kingdom) and in the Calais camp (information on voluntary return).
 * Participants are counted per institution, country, sex and role, never named.
 */
import type { Rng } from './people';

type Role =
  | 'police'
  | 'judiciary'
  | 'labour_inspection'
  | 'social_services'
  | 'health'
  | 'ngo'
  | 'local_authority'
  | 'border_guard'
  | 'consular'
  | 'other';

export type DemoParticipants = {
  institution: string;
  country: string;
  sex: 'female' | 'male';
  role: Role;
  count: number;
};

export type DemoActivity = {
  office: string;
  project: string;
  kind: 'training' | 'workshop' | 'study_visit' | 'conference';
  title: string;
  topic: string;
  startDate: string;
  endDate: string;
  place: string;
  country: string;
  participants: DemoParticipants[];
  /** Recorded a few days after it ended. */
  createdAt: string;
};

export type DemoCampaign = {
  office: string;
  project: string;
  title: string;
  channel:
    | 'radio'
    | 'television'
    | 'social_media'
    | 'print'
    | 'community_event'
    | 'school'
    | 'hotline'
    | 'other';
  countries: string[];
  languages: string[];
  startDate: string;
  endDate: string;
  reach: number;
  createdAt: string;
};

/** The offices and the country they work in: where their trainings are held and their campaigns aimed. */
const COUNTRY_OF = { PAR: 'FR', TIR: 'AL', RAB: 'MA', KYI: 'UA', EBL: 'IQ' } as const;
type Office = keyof typeof COUNTRY_OF;

/** Institutions attending, how many people, the share of women; their country when not the office's. */
type Attending = [institution: string, role: Role, people: number, women: number, country?: string];

/** A training or meeting: its kind, where and when (first and last day), what it was about and who came. */
type ActivityRow = {
  held: [kind: DemoActivity['kind'], place: string, startDate: string, endDate: string];
  title: string;
  topic: string;
  attending: Attending[];
};

type ActivitySpec = Omit<DemoActivity, 'participants' | 'createdAt'> & { attending: Attending[] };

/** An office's TACT trainings and meetings, in its country. */
function heldBy(office: Office, rows: ActivityRow[]): ActivitySpec[] {
  return rows.map(({ held: [kind, place, startDate, endDate], title, topic, attending }) => ({
    office,
    project: 'TACT',
    kind,
    title,
    topic,
    startDate,
    endDate,
    place,
    country: COUNTRY_OF[office],
    attending,
  }));
}

const ACTIVITIES: ActivitySpec[] = [
  // ---- Paris (TACT coordination): the host and origin countries' authorities together ----
  ...heldBy('PAR', [
    {
      held: ['workshop', 'Paris', '2015-06-23', '2015-06-24'],
      title: 'TACT launch meeting: handing over victims of trafficking between host and origin countries',
      topic: 'Referral and handover procedures, consent and data protection, follow-up after return',
      attending: [
        ['Office central pour la répression de la traite des êtres humains (OCRTEH)', 'police', 2, 0.5, 'FR'],
        ['Ministère de l’Intérieur, direction générale des étrangers en France', 'other', 2, 0.5, 'FR'],
        ['Ministerio del Interior, Spain', 'other', 2, 0.5, 'ES'],
        ['Hellenic Police, anti-trafficking unit', 'police', 1, 0, 'GR'],
        ['Dipartimento per le Pari Opportunità, Italy', 'other', 2, 1, 'IT'],
        ['Ministry of the Interior, Poland', 'other', 1, 1, 'PL'],
        ['Office of the National Anti-Trafficking Coordinator', 'other', 1, 1, 'AL'],
        ['Entraide nationale', 'social_services', 1, 0, 'MA'],
        ['Ministry of Social Policy', 'social_services', 1, 1, 'UA'],
      ],
    },
    {
      held: ['study_visit', 'Paris', '2016-01-19', '2016-01-21'],
      title: 'Study visit: identification and protection of victims of trafficking in France',
      topic:
        'Identification by the police, shelters, assisted voluntary return, cooperation with origin countries',
      attending: [
        ['State Police, Anti-Trafficking Sector', 'police', 2, 0.5, 'AL'],
        ['State Social Service', 'social_services', 1, 1, 'AL'],
        ['Direction générale de la Sûreté nationale', 'police', 2, 0, 'MA'],
        ['Ministère de la Justice et des Libertés', 'judiciary', 1, 1, 'MA'],
        ['National Police, Counter-Trafficking Department', 'police', 2, 0.5, 'UA'],
        ['Ministry of Social Policy', 'social_services', 1, 1, 'UA'],
      ],
    },
  ]),
  // ---- Albania (Tirana office) ----
  ...heldBy('TIR', [
    {
      held: ['training', 'Tirana', '2015-10-13', '2015-10-14'],
      title: 'Identifying and referring victims of trafficking among returnees',
      topic: 'Identification, National Referral Mechanism, first assistance on arrival',
      attending: [
        ['State Police, Anti-Trafficking Sector', 'police', 8, 0.35],
        ['Border and Migration Police, Rinas airport', 'border_guard', 6, 0.3],
        ['State Social Service, regional offices', 'social_services', 7, 0.85],
        ['Office of the National Anti-Trafficking Coordinator', 'other', 2, 0.5],
        ['Different & Equal', 'ngo', 2, 1],
      ],
    },
    {
      held: ['training', 'Durrës', '2016-02-23', '2016-02-25'],
      title: 'Labour inspection and trafficking for labour exploitation',
      topic: 'Indicators of labour exploitation, joint inspections, referral of presumed victims',
      attending: [
        ['State Labour Inspectorate', 'labour_inspection', 14, 0.4],
        ['State Police, Durrës directorate', 'police', 4, 0.25],
        ['Regional Anti-Trafficking Committee, Durrës', 'local_authority', 3, 0.65],
      ],
    },
    {
      held: ['workshop', 'Tirana', '2016-04-19', '2016-04-20'],
      title: 'Victims of trafficking in criminal proceedings',
      topic: 'Victim-centred prosecution, protection of witnesses, compensation',
      attending: [
        ['Prosecution Office for Serious Crimes', 'judiciary', 7, 0.45],
        ['District courts (Tirana, Durrës, Elbasan)', 'judiciary', 8, 0.55],
        ['School of Magistrates', 'judiciary', 2, 0.5],
        ['Tirana Legal Aid Society', 'ngo', 2, 1],
      ],
    },
    {
      held: ['workshop', 'Shkodër', '2016-05-24', '2016-05-24'],
      title: 'Reintegration case management with the regional anti-trafficking committees',
      topic: 'Reintegration plans, psychosocial support, local services for returned victims',
      attending: [
        ['Municipality of Shkodër, social services', 'social_services', 6, 0.85],
        ['Regional Anti-Trafficking Committee, Shkodër', 'local_authority', 4, 0.5],
        ['Regional health directorate, Shkodër', 'health', 3, 0.65],
        ['Regional employment office, Shkodër', 'other', 2, 0.5],
        ['Tjetër Vizion', 'ngo', 2, 1],
      ],
    },
  ]),
  // ---- Morocco (Rabat office) ----
  ...heldBy('RAB', [
    {
      held: ['training', 'Rabat', '2015-11-17', '2015-11-19'],
      title: 'Identification des victimes de la traite parmi les migrants de retour',
      topic: 'Indicateurs de la traite, entretien d’identification, orientation vers l’assistance',
      attending: [
        ['Direction générale de la Sûreté nationale', 'police', 9, 0.3],
        ['Gendarmerie royale', 'border_guard', 5, 0.1],
        ['Entraide nationale', 'social_services', 6, 0.7],
        [
          'Ministère chargé des Marocains résidant à l’étranger et des Affaires de la migration',
          'other',
          3,
          0.5,
        ],
      ],
    },
    {
      held: ['workshop', 'Rabat', '2016-01-26', '2016-01-27'],
      title: 'Le projet de loi 27-14 relatif à la lutte contre la traite des êtres humains',
      topic: 'Définitions, protection et assistance des victimes, rôle du parquet',
      attending: [
        ['Ministère de la Justice et des Libertés', 'judiciary', 5, 0.4],
        ['Parquets des cours d’appel (Rabat, Casablanca, Fès)', 'judiciary', 9, 0.35],
        ['Conseil national des droits de l’Homme', 'other', 2, 0.5],
      ],
    },
    {
      held: ['training', 'Casablanca', '2016-03-15', '2016-03-16'],
      title: 'Inspection du travail et traite à des fins d’exploitation par le travail',
      topic: 'Travail domestique, agriculture, recrutement à l’étranger : signaux d’alerte et orientation',
      attending: [
        [
          'Ministère de l’Emploi et des Affaires sociales, inspection du travail',
          'labour_inspection',
          16,
          0.35,
        ],
        ['ANAPEC (agence nationale pour l’emploi)', 'other', 3, 0.6],
      ],
    },
    {
      held: ['training', 'Béni Mellal', '2016-05-10', '2016-05-12'],
      title: 'Prise en charge psychosociale et réinsertion des victimes de retour',
      topic: 'Premiers secours psychologiques, plan de réinsertion, orientation vers les services locaux',
      attending: [
        ['Entraide nationale, délégation de Béni Mellal', 'social_services', 7, 0.75],
        ['Délégation régionale de la santé', 'health', 5, 0.6],
        ['Associations locales d’aide aux femmes', 'ngo', 6, 0.9],
        ['Province de Béni Mellal', 'local_authority', 2, 0.5],
      ],
    },
  ]),
  // ---- Ukraine (Kyiv office) ----
  ...heldBy('KYI', [
    {
      held: ['training', 'Kyiv', '2015-09-22', '2015-09-23'],
      title: 'Identification of victims of trafficking and the national referral mechanism',
      topic: 'Indicators, interviewing returnees, referral to assistance',
      attending: [
        ['National Police, Counter-Trafficking Department', 'police', 9, 0.35],
        ['State Border Guard Service, Boryspil airport', 'border_guard', 5, 0.4],
        ['State Migration Service', 'other', 4, 0.75],
        ['La Strada-Ukraine', 'ngo', 2, 1],
      ],
    },
    {
      held: ['training', 'Kharkiv', '2015-12-08', '2015-12-09'],
      title: 'Granting the status of victim of trafficking: procedures for regional administrations',
      topic: 'Status procedure, one-off assistance, coordination with social services',
      attending: [
        ['Kharkiv Regional State Administration, social protection department', 'local_authority', 6, 0.8],
        [
          'Centres of social services for families, children and youth (Kharkiv region)',
          'social_services',
          10,
          0.9,
        ],
        ['National Police, Kharkiv region', 'police', 4, 0.25],
      ],
    },
    {
      held: ['training', 'Odesa', '2016-03-29', '2016-03-31'],
      title: 'Labour exploitation abroad: inspection, evidence and cooperation with host countries',
      topic: 'Recruitment agencies, evidence from host countries, joint investigations',
      attending: [
        ['State Labour Service, Odesa region', 'labour_inspection', 8, 0.45],
        ['National Police, Odesa region', 'police', 6, 0.3],
        ['Regional prosecutor’s office, Odesa', 'judiciary', 4, 0.5],
        ['State Employment Service, Odesa', 'other', 3, 0.65],
      ],
    },
    {
      held: ['conference', 'Kyiv', '2016-06-14', '2016-06-15'],
      title: 'Transnational cooperation in the return and reintegration of victims of trafficking',
      topic: 'Case handover between host and origin countries, follow-up after return, lessons learnt',
      attending: [
        ['Ministry of Social Policy', 'social_services', 4, 0.75],
        ['National Police, Counter-Trafficking Department', 'police', 3, 0.35],
        ['Office of the National Anti-Trafficking Coordinator', 'other', 2, 0.5, 'AL'],
        ['Entraide nationale', 'social_services', 2, 0.5, 'MA'],
        ['Ministry of Foreign Affairs, consular department', 'consular', 3, 0.35],
        ['Embassy of Poland in Ukraine, consular section', 'consular', 2, 0.5, 'PL'],
        ['Embassy of Italy in Ukraine, consular section', 'consular', 2, 0.5, 'IT'],
        ['La Strada-Ukraine', 'ngo', 2, 1],
      ],
    },
  ]),
];

/** A campaign: its title; the office that ran it, on what channel, from and to, how many it reached, in what languages. */
type CampaignRow = {
  title: string;
  run: [
    office: Office,
    channel: DemoCampaign['channel'],
    startDate: string,
    endDate: string,
    reach: number,
    languages: string[],
  ];
};

type CampaignSpec = Omit<DemoCampaign, 'createdAt'>;

/** A project's campaigns, each aimed at the country of the office that ran it. */
function campaignsOf(project: string, rows: CampaignRow[]): CampaignSpec[] {
  return rows.map(({ title, run: [office, channel, startDate, endDate, reach, languages] }) => ({
    office,
    project,
    title,
    channel,
    countries: [COUNTRY_OF[office]],
    languages,
    startDate,
    endDate,
    reach,
  }));
}

const CAMPAIGNS: CampaignSpec[] = [
  ...campaignsOf('TACT', [
    {
      title: 'Safe migration: radio spots on the risks of trafficking and exploitation abroad',
      run: ['TIR', 'radio', '2015-11-02', '2015-12-18', 180_000, ['sq']],
    },
    {
      title: '“Know before you go”: sessions in secondary schools of Shkodër, Kukës and Elbasan',
      run: ['TIR', 'school', '2016-03-01', '2016-05-27', 3_400, ['sq']],
    },
    {
      title:
        'Journées d’information sur la migration irrégulière et la traite (région de Béni Mellal-Khénifra)',
      run: ['RAB', 'community_event', '2015-12-07', '2016-02-26', 2_600, ['ar', 'fr']],
    },
    {
      title: 'Campagne sur les réseaux sociaux : offres d’emploi à l’étranger, comment les vérifier',
      run: ['RAB', 'social_media', '2016-02-15', '2016-04-30', 240_000, ['ar', 'fr']],
    },
    {
      title: 'Counter-trafficking hotline 527: promotion around the EU Anti-Trafficking Day',
      run: ['KYI', 'hotline', '2015-10-18', '2015-12-31', 4_200, ['uk', 'ru']],
    },
    {
      title: 'TV spots: safe employment abroad',
      run: ['KYI', 'television', '2016-04-01', '2016-05-31', 1_200_000, ['uk', 'ru']],
    },
  ]),
  ...campaignsOf('CALAIS', [
    {
      title: 'The road to Calais: the risks of irregular journeys to Europe and the United Kingdom',
      run: ['EBL', 'social_media', '2015-10-05', '2016-01-31', 310_000, ['ckb', 'kmr', 'ar']],
    },
    {
      title: 'Town-hall meetings with returnees from Calais in Ranya, Koya and Duhok',
      run: ['EBL', 'community_event', '2016-02-10', '2016-04-20', 1_900, ['ckb', 'kmr']],
    },
    {
      title: 'Information sessions on assisted voluntary return and reintegration in the Calais camp',
      run: [
        'PAR',
        'community_event',
        '2015-09-14',
        '2016-02-26',
        2_300,
        ['ar', 'ckb', 'fa', 'ps', 'ti', 'en'],
      ],
    },
    {
      title: 'Leaflets for parents: minors travelling alone to the United Kingdom through France',
      run: ['TIR', 'print', '2016-01-11', '2016-03-31', 25_000, ['sq']],
    },
  ]),
];

const DAY = 86_400_000;

/** A working-day moment a few days after `date`, never after the demo's today. */
function recordedAfter(rng: Rng, date: string, today: string): string {
  let day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY) + rng.int(1, 6);
  const weekday = new Date(day * DAY).getUTCDay();
  if (weekday === 6) day += 2;
  if (weekday === 0) day += 1;
  const last = Math.floor(Date.parse(`${today}T00:00:00Z`) / DAY);
  return new Date(Math.min(day, last) * DAY + (7 * 60 + rng.int(0, 8 * 60)) * 60_000).toISOString();
}

/** Trainings with their participants split by sex, and campaigns; recorded after they ended (or now). */
export function generateActivities(
  rng: Rng,
  today: string,
): { activities: DemoActivity[]; campaigns: DemoCampaign[] } {
  const activities = ACTIVITIES.map(({ attending, ...spec }) => {
    const participants: DemoParticipants[] = [];
    for (const [institution, role, people, women, country] of attending) {
      // A person more or fewer than invited, and the women's share around the usual one.
      const total = Math.max(1, people + rng.int(-1, 1));
      const female = Math.min(total, Math.max(0, Math.round(total * women + rng.int(-1, 1) * 0.6)));
      for (const [sex, count] of [
        ['female', female],
        ['male', total - female],
      ] as const)
        if (count > 0) participants.push({ institution, country: country ?? spec.country, sex, role, count });
    }
    return { ...spec, participants, createdAt: recordedAfter(rng, spec.endDate, today) };
  });
  const campaigns = CAMPAIGNS.map((spec) => ({
    ...spec,
    createdAt: recordedAfter(rng, spec.endDate < today ? spec.endDate : today, today),
  }));
  return { activities, campaigns };
}
