/**
 * The results frameworks of the demo projects, as their project manager (Thomas Petit, Paris) set them up and
 * the M&E officer (Claire Dubois) reported on them: outcomes and outputs, indicators computed from the
 * project's records (catalogue definitions chosen for what the demo holds of each project) or entered by hand,
 * baselines and targets, quarterly periods with their targets, and the hand-entered figures of each period.
 *
 * The periods follow the demo's own calendar (its "today" is 2016-06-30): each project has two quarters closed
 * and submitted, and the current quarter open. CARE ended on 2015-12-31: its last quarter is the open one,
 * kept open while the final report is written. Every figure and date here is pure data; reporting.ts loads
 * it through the reporting module's use cases.
 */

type Localised = { fr: string; en: string };

export type DemoFrameworkNode = {
  code: string;
  kind: 'impact' | 'outcome' | 'output';
  parent: string | null;
  title: Localised;
};

export type DemoIndicator = {
  code: string;
  node: string;
  title: Localised;
  unit: 'persons' | 'count' | 'percent' | 'eur' | 'people_reached';
  /** A catalogue definition (version 1) for a computed indicator, null for one entered by hand. */
  definition: string | null;
  baseline: number | null;
  target: number | null;
  meansOfVerification: Localised;
  breakdowns: string[];
  /** Targets of the project's periods, in their order (null: none for that period). */
  periodTargets: (number | null)[];
};

export type DemoPeriod = {
  label: string;
  startDate: string;
  endDate: string;
  /** A submitted period: the M&E officer enters its figures, the PM validates them, then closes it. */
  reported?: { entered: string; validated: string; closed: string; comment: string };
};

export type DemoManualValue = {
  indicator: string;
  period: string;
  value: number;
  comment: string;
  /** The PM sent a first figure back with this comment before validating the corrected one. */
  returned?: { value: number; comment: string; decision: string; at: string };
  /** In the open period: entered at this moment and left for the PM to validate. */
  submittedAt?: string;
};

export type DemoFramework = {
  project: string;
  /** When the PM entered the framework (the nodes and indicators). */
  setUpAt: string;
  /** When the PM entered the periods and their targets. */
  periodsAt: string;
  nodes: DemoFrameworkNode[];
  indicators: DemoIndicator[];
  periods: DemoPeriod[];
  values: DemoManualValue[];
};

/** What the PM enters for a node (addNode's input, as the route's contract gives it). */
export const nodeInput = (node: DemoFrameworkNode, parentId: string | null) => ({
  kind: node.kind,
  parentId,
  code: node.code,
  title: node.title,
});

/** What the PM enters for an indicator (addIndicator's input). */
export const indicatorInput = (i: DemoIndicator, nodeId: string) => ({
  nodeId,
  code: i.code,
  title: i.title,
  unit: i.unit,
  kind: i.definition ? ('computed' as const) : ('manual' as const),
  definition: i.definition ? { id: i.definition, version: 1 } : null,
  baseline: i.baseline,
  target: i.target,
  meansOfVerification: i.meansOfVerification,
  breakdowns: i.breakdowns,
});

/** What the PM enters for a quarter (createPeriod's input). */
export const periodInput = (p: DemoPeriod) => ({
  kind: 'quarterly' as const,
  label: p.label,
  startDate: p.startDate,
  endDate: p.endDate,
});

const quarter = (year: number, q: 1 | 2 | 3 | 4) => {
  const start = `${year}-${String(3 * q - 2).padStart(2, '0')}-01`;
  const end = { 1: `${year}-03-31`, 2: `${year}-06-30`, 3: `${year}-09-30`, 4: `${year}-12-31` }[q];
  return { label: `Q${q} ${year}`, startDate: start, endDate: end };
};

const EU_SUBMITTED =
  'Rapport trimestriel transmis à la Commission européenne (DG HOME) avec les pièces justificatives.';
const BOARD_SUBMITTED = 'Rapport trimestriel présenté au comité de pilotage du projet.';

/** The quarters after CARE: Q4 2015 and Q1 2016 submitted in January and April 2016, Q2 2016 open. */
function lastQuarters(comment: string): DemoPeriod[] {
  return [
    {
      ...quarter(2015, 4),
      reported: {
        entered: '2016-01-12T09:30:00Z',
        validated: '2016-01-14T15:00:00Z',
        closed: '2016-01-20T10:00:00Z',
        comment,
      },
    },
    {
      ...quarter(2016, 1),
      reported: {
        entered: '2016-04-11T09:30:00Z',
        validated: '2016-04-13T15:00:00Z',
        closed: '2016-04-20T10:00:00Z',
        comment,
      },
    },
    quarter(2016, 2),
  ];
}

const CASES: Localised = {
  fr: 'Dossiers du projet dans Passerelle (fiches individuelles, historique des dossiers) ; extraction du chargé de suivi-évaluation.',
  en: 'Project case records in Passerelle (individual files, case histories); extraction by the M&E officer.',
};

export const DEMO_FRAMEWORKS: DemoFramework[] = [
  // ---- CARE: tailored reintegration of victims of trafficking, to 2015-12-31, 130 persons ----
  {
    project: 'CARE',
    setUpAt: '2015-03-16T10:00:00Z',
    periodsAt: '2015-03-16T11:00:00Z',
    nodes: [
      {
        code: 'OC1',
        kind: 'outcome',
        parent: null,
        title: {
          fr: "Les personnes victimes de la traite rentrées volontairement sont durablement réinsérées dans leur pays d'origine",
          en: 'Victims of trafficking who return voluntarily are sustainably reintegrated in their country of origin',
        },
      },
      {
        code: 'OP1.1',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les personnes victimes de la traite reçoivent un conseil au retour et une aide au retour volontaire sur mesure',
          en: 'Victims of trafficking receive return counselling and tailored assisted voluntary return',
        },
      },
      {
        code: 'OP1.2',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: "Des plans de réinsertion sur mesure sont approuvés et mis en œuvre dans les pays d'origine",
          en: 'Tailored reintegration plans are approved and carried out in the countries of origin',
        },
      },
    ],
    indicators: [
      {
        code: 'CARE-OC1.1',
        node: 'OC1',
        title: {
          fr: "Bénéficiaires satisfaits de l'accompagnement à la réinsertion (%)",
          en: 'Beneficiaries satisfied with the reintegration support (%)',
        },
        unit: 'percent',
        definition: null,
        baseline: null,
        target: 80,
        meansOfVerification: {
          fr: 'Questionnaire de satisfaction rempli lors de la visite de suivi à 3 mois (bureaux de Tirana, Rabat et Kyiv) ; synthèse trimestrielle du chargé de suivi-évaluation.',
          en: 'Satisfaction questionnaire filled in at the 3-month monitoring visit (Tirana, Rabat and Kyiv offices); quarterly summary by the M&E officer.',
        },
        breakdowns: [],
        periodTargets: [80, 80, 80],
      },
      {
        code: 'CARE-1.1',
        node: 'OP1.1',
        title: { fr: 'Personnes victimes de la traite assistées', en: 'Victims of trafficking assisted' },
        unit: 'persons',
        definition: 'persons_assisted',
        baseline: 0,
        target: 130,
        meansOfVerification: CASES,
        breakdowns: ['sex*age_band', 'nationality', 'host_country', 'vulnerability'],
        periodTargets: [7, 6, 5],
      },
      {
        code: 'CARE-1.2',
        node: 'OP1.1',
        title: {
          fr: 'Personnes victimes de la traite rentrées volontairement',
          en: 'Victims of trafficking returned voluntarily',
        },
        unit: 'persons',
        definition: 'persons_returned',
        baseline: 0,
        target: 120,
        meansOfVerification: {
          fr: 'Date de départ enregistrée dans le dossier ; billets et manifestes de vol, attestations de remise à l’arrivée.',
          en: 'Departure date recorded in the case; tickets and flight manifests, hand-over certificates on arrival.',
        },
        breakdowns: ['return_country', 'host_country', 'sex'],
        periodTargets: [5, 6, 4],
      },
      {
        code: 'CARE-2.1',
        node: 'OP1.2',
        title: {
          fr: 'Personnes ayant un plan de réinsertion sur mesure approuvé',
          en: 'Persons with an approved tailored reintegration plan',
        },
        unit: 'persons',
        definition: 'persons_plan_approved',
        baseline: 0,
        target: 110,
        meansOfVerification: {
          fr: 'Plans de réinsertion approuvés dans Passerelle (décision du superviseur du bureau du pays d’origine).',
          en: 'Reintegration plans approved in Passerelle (decision of the origin-country office supervisor).',
        },
        breakdowns: ['return_country', 'sex'],
        periodTargets: [5, 5, 4],
      },
      {
        code: 'CARE-2.2',
        node: 'OP1.2',
        title: {
          fr: 'Personnes ayant reçu une aide à la réinsertion (économique, sociale, psychosociale)',
          en: 'Persons who received reintegration assistance (economic, social, psychosocial)',
        },
        unit: 'persons',
        definition: 'persons_assistance_delivered',
        baseline: 0,
        target: 110,
        meansOfVerification: {
          fr: 'Prestations enregistrées dans Passerelle avec les reçus signés par les bénéficiaires ou les factures des prestataires.',
          en: 'Deliveries recorded in Passerelle with receipts signed by the beneficiaries or suppliers’ invoices.',
        },
        breakdowns: ['assistance_type', 'return_country', 'sex'],
        periodTargets: [10, 9, 9],
      },
      {
        code: 'CARE-2.3',
        node: 'OP1.2',
        title: {
          fr: "Foyers partenaires appliquant les procédures opérationnelles standard d'orientation (%)",
          en: 'Partner shelters applying the referral standard operating procedures (%)',
        },
        unit: 'percent',
        definition: null,
        baseline: 30,
        target: 90,
        meansOfVerification: {
          fr: 'Grille de vérification des procédures remplie lors des visites des foyers partenaires ; rapports de visite.',
          en: 'Checklist of the procedures completed at visits to partner shelters; visit reports.',
        },
        breakdowns: [],
        periodTargets: [70, 80, 90],
      },
    ],
    periods: [
      {
        ...quarter(2015, 2),
        reported: {
          entered: '2015-07-08T09:30:00Z',
          validated: '2015-07-10T14:00:00Z',
          closed: '2015-07-15T10:00:00Z',
          comment: EU_SUBMITTED,
        },
      },
      {
        ...quarter(2015, 3),
        reported: {
          entered: '2015-10-07T09:30:00Z',
          validated: '2015-10-09T14:00:00Z',
          closed: '2015-10-14T10:00:00Z',
          comment: EU_SUBMITTED,
        },
      },
      // The last quarter of the project: open while the final report is written.
      quarter(2015, 4),
    ],
    values: [
      {
        indicator: 'CARE-OC1.1',
        period: 'Q2 2015',
        value: 78,
        comment:
          '18 bénéficiaires sur 23 se disent satisfaits ou très satisfaits (questionnaires des visites de suivi à 3 mois à Tirana, Rabat et Kyiv).',
      },
      {
        indicator: 'CARE-OC1.1',
        period: 'Q3 2015',
        value: 82,
        comment:
          '14 sur 17 ; deux questionnaires manquent à Kyiv (bénéficiaires injoignables lors de la visite).',
      },
      {
        indicator: 'CARE-2.3',
        period: 'Q2 2015',
        value: 75,
        comment:
          '9 foyers sur 12 appliquent la procédure d’orientation (grille de vérification) ; les 3 foyers d’Odesa et de Kharkiv sont formés en juillet.',
      },
      {
        indicator: 'CARE-2.3',
        period: 'Q3 2015',
        value: 83,
        comment: '10 foyers sur 12 ; un foyer de Kharkiv a changé de direction et doit être formé à nouveau.',
      },
      {
        indicator: 'CARE-OC1.1',
        period: 'Q4 2015',
        value: 85,
        comment:
          'Enquête finale du projet : 23 répondants sur 27 satisfaits ou très satisfaits. Synthèse jointe au rapport final.',
        submittedAt: '2016-06-27T15:30:00Z',
      },
    ],
  },

  // ---- MAGNET II: return to employment in the Kurdistan Region of Iraq, 300 persons ----
  {
    project: 'MAGNET2',
    setUpAt: '2015-03-16T14:00:00Z',
    periodsAt: '2015-09-28T10:00:00Z',
    nodes: [
      {
        code: 'OC1',
        kind: 'outcome',
        parent: null,
        title: {
          fr: "Les ressortissants irakiens rentrés dans la Région du Kurdistan d'Irak accèdent à un emploi durable",
          en: 'Iraqi nationals who returned to the Kurdistan Region of Iraq gain sustainable employment',
        },
      },
      {
        code: 'OP1.1',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les personnes de retour sont accompagnées dans leur projet de retour à l’emploi (conseil, profil de compétences)',
          en: 'Returnees are supported in their return to employment (counselling, skills profiling)',
        },
      },
      {
        code: 'OP1.2',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les personnes de retour sont placées en emploi auprès d’employeurs de la Région du Kurdistan',
          en: 'Returnees are placed in jobs with employers of the Kurdistan Region',
        },
      },
    ],
    indicators: [
      {
        code: 'MAG-OC1.1',
        node: 'OC1',
        title: {
          fr: 'Personnes toujours en emploi 3 mois après leur placement',
          en: 'Persons still employed 3 months after placement',
        },
        unit: 'persons',
        definition: 'persons_retained_3m',
        baseline: 0,
        target: 150,
        meansOfVerification: {
          fr: 'Suivis à 3 mois des placements (appel ou visite du bureau d’Erbil) enregistrés dans Passerelle.',
          en: '3-month follow-ups of placements (call or visit by the Erbil office) recorded in Passerelle.',
        },
        breakdowns: ['sex', 'age_band'],
        periodTargets: [7, 8, 8],
      },
      {
        code: 'MAG-OC1.2',
        node: 'OC1',
        title: {
          fr: 'Personnes toujours en emploi 6 mois après leur placement',
          en: 'Persons still employed 6 months after placement',
        },
        unit: 'persons',
        definition: 'persons_retained_6m',
        baseline: 0,
        target: 120,
        meansOfVerification: {
          fr: 'Suivis à 6 mois des placements enregistrés dans Passerelle ; attestations des employeurs.',
          en: '6-month follow-ups of placements recorded in Passerelle; employers’ certificates.',
        },
        breakdowns: ['sex', 'age_band'],
        periodTargets: [5, 6, 6],
      },
      {
        code: 'MAG-OC1.3',
        node: 'OC1',
        title: {
          fr: 'Employeurs satisfaits des personnes placées (%)',
          en: 'Employers satisfied with the returnees placed (%)',
        },
        unit: 'percent',
        definition: null,
        baseline: 68,
        target: 80,
        meansOfVerification: {
          fr: 'Enquête trimestrielle auprès des employeurs partenaires (bureau d’Erbil) ; valeur de référence : enquête du projet pilote MAGNET (2013).',
          en: 'Quarterly survey of partner employers (Erbil office); baseline: survey of the MAGNET pilot (2013).',
        },
        breakdowns: [],
        periodTargets: [75, 75, 80],
      },
      {
        code: 'MAG-1.1',
        node: 'OP1.1',
        title: {
          fr: 'Ressortissants irakiens de retour accompagnés vers l’emploi',
          en: 'Iraqi returnees supported towards employment',
        },
        unit: 'persons',
        definition: 'persons_assisted',
        baseline: 0,
        target: 300,
        meansOfVerification: CASES,
        breakdowns: ['sex*age_band', 'office', 'vulnerability'],
        periodTargets: [15, 18, 20],
      },
      {
        code: 'MAG-1.2',
        node: 'OP1.1',
        title: {
          fr: 'Retours volontaires depuis la France organisés par le bureau de Paris',
          en: 'Voluntary returns from France organised by the Paris office',
        },
        unit: 'persons',
        definition: 'persons_returned',
        baseline: 0,
        target: 60,
        meansOfVerification: {
          fr: 'Date de départ enregistrée dans le dossier d’aide au retour ; billets et manifestes de vol Paris–Erbil.',
          en: 'Departure date recorded in the return case; Paris–Erbil tickets and flight manifests.',
        },
        breakdowns: ['sex', 'age_band'],
        periodTargets: [4, 5, 6],
      },
      {
        code: 'MAG-2.1',
        node: 'OP1.2',
        title: { fr: 'Personnes placées en emploi', en: 'Returnees placed in employment' },
        unit: 'persons',
        definition: 'persons_placed',
        baseline: 0,
        target: 180,
        meansOfVerification: {
          fr: 'Placements enregistrés dans Passerelle (date de début) ; contrats ou attestations d’embauche.',
          en: 'Placements recorded in Passerelle (start date); contracts or hiring certificates.',
        },
        breakdowns: ['sex', 'age_band', 'vulnerability'],
        periodTargets: [8, 9, 10],
      },
    ],
    periods: lastQuarters(EU_SUBMITTED),
    values: [
      {
        indicator: 'MAG-OC1.3',
        period: 'Q4 2015',
        value: 74,
        comment:
          '17 employeurs sur 23 interrogés se disent satisfaits ; deux restaurants d’Erbil signalent des retards répétés.',
      },
      {
        indicator: 'MAG-OC1.3',
        period: 'Q1 2016',
        value: 77,
        comment: '20 employeurs sur 26 ; trois nouveaux employeurs du secteur du bâtiment à Souleimaniye.',
      },
      {
        indicator: 'MAG-OC1.3',
        period: 'Q2 2016',
        value: 81,
        comment:
          'Enquête de juin : 22 employeurs sur 27 satisfaits. Deux questionnaires de Duhok arrivent la semaine prochaine.',
        submittedAt: '2016-06-28T10:15:00Z',
      },
    ],
  },

  // ---- TACT: return and reintegration of victims of trafficking, capacity building, since 2015-05-01 ----
  {
    project: 'TACT',
    setUpAt: '2015-04-24T10:00:00Z',
    periodsAt: '2015-09-28T11:00:00Z',
    nodes: [
      {
        code: 'OC1',
        kind: 'outcome',
        parent: null,
        title: {
          fr: "Les personnes victimes de la traite rentrant en Albanie, au Maroc et en Ukraine bénéficient d'un retour et d'une réinsertion coordonnés entre pays d'accueil et d'origine",
          en: 'Victims of trafficking returning to Albania, Morocco and Ukraine receive return and reintegration support coordinated between host and origin countries',
        },
      },
      {
        code: 'OP1.1',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les personnes victimes de la traite reçoivent une aide au retour volontaire et à la réinsertion',
          en: 'Victims of trafficking receive assisted voluntary return and reintegration',
        },
      },
      {
        code: 'OC2',
        kind: 'outcome',
        parent: null,
        title: {
          fr: "Les autorités d'Albanie, du Maroc et d'Ukraine sont mieux à même d'identifier, d'orienter et d'assister les victimes de la traite",
          en: 'The authorities of Albania, Morocco and Ukraine are better able to identify, refer and assist victims of trafficking',
        },
      },
      {
        code: 'OP2.1',
        kind: 'output',
        parent: 'OC2',
        title: {
          fr: 'Les agents des autorités et des ONG partenaires sont formés',
          en: 'Officials of the authorities and partner NGOs are trained',
        },
      },
      {
        code: 'OP2.2',
        kind: 'output',
        parent: 'OC2',
        title: {
          fr: 'Les migrants potentiels sont informés des risques de la traite et de l’exploitation',
          en: 'Potential migrants are informed of the risks of trafficking and exploitation',
        },
      },
    ],
    indicators: [
      {
        code: 'TACT-1.1',
        node: 'OP1.1',
        title: { fr: 'Personnes victimes de la traite assistées', en: 'Victims of trafficking assisted' },
        unit: 'persons',
        definition: 'persons_assisted',
        baseline: 0,
        target: 100,
        meansOfVerification: CASES,
        breakdowns: ['sex*age_band', 'nationality', 'host_country', 'vulnerability'],
        periodTargets: [10, 15, 20],
      },
      {
        code: 'TACT-1.2',
        node: 'OP1.1',
        title: {
          fr: 'Personnes victimes de la traite rentrées volontairement',
          en: 'Victims of trafficking returned voluntarily',
        },
        unit: 'persons',
        definition: 'persons_returned',
        baseline: 0,
        target: 90,
        meansOfVerification: {
          fr: 'Date de départ enregistrée dans le dossier ; billets, manifestes de vol et attestations de remise au bureau du pays d’origine.',
          en: 'Departure date recorded in the case; tickets, flight manifests and hand-over certificates of the origin-country office.',
        },
        breakdowns: ['return_country', 'host_country'],
        periodTargets: [8, 12, 15],
      },
      {
        code: 'TACT-1.3',
        node: 'OP1.1',
        title: {
          fr: 'Personnes ayant reçu une aide à la réinsertion',
          en: 'Persons who received reintegration assistance',
        },
        unit: 'persons',
        definition: 'persons_assistance_delivered',
        baseline: 0,
        target: 80,
        meansOfVerification: {
          fr: 'Prestations enregistrées dans Passerelle par les bureaux de Tirana, Rabat et Kyiv, avec les reçus signés.',
          en: 'Deliveries recorded in Passerelle by the Tirana, Rabat and Kyiv offices, with signed receipts.',
        },
        breakdowns: ['assistance_type', 'return_country'],
        periodTargets: [10, 15, 20],
      },
      {
        code: 'TACT-OC2.1',
        node: 'OC2',
        title: {
          fr: 'Institutions partenaires ayant adopté les procédures opérationnelles standard transnationales d’orientation',
          en: 'Partner institutions that adopted the transnational referral standard operating procedures',
        },
        unit: 'count',
        definition: null,
        baseline: 0,
        target: 15,
        meansOfVerification: {
          fr: 'Protocoles d’accord signés avec les institutions (police, services sociaux, ONG) ; registre tenu par le bureau de Paris.',
          en: 'Memoranda of understanding signed with the institutions (police, social services, NGOs); register kept by the Paris office.',
        },
        breakdowns: [],
        periodTargets: [4, 4, 4],
      },
      {
        code: 'TACT-2.1',
        node: 'OP2.1',
        title: {
          fr: 'Agents des autorités et des ONG formés',
          en: 'Officials of the authorities and NGOs trained',
        },
        unit: 'count',
        definition: 'people_trained',
        baseline: 0,
        target: 300,
        meansOfVerification: {
          fr: 'Feuilles d’émargement des formations et ateliers, saisies dans Passerelle par institution et par sexe.',
          en: 'Attendance sheets of the trainings and workshops, entered in Passerelle by institution and sex.',
        },
        breakdowns: ['sex', 'office'],
        periodTargets: [60, 80, 70],
      },
      {
        code: 'TACT-2.2',
        node: 'OP2.2',
        title: {
          fr: 'Personnes atteintes par les campagnes d’information',
          en: 'People reached by the information campaigns',
        },
        unit: 'people_reached',
        definition: 'campaign_reach',
        baseline: 0,
        target: 1_500_000,
        meansOfVerification: {
          fr: 'Audiences déclarées par les diffuseurs (radio, télévision), statistiques des réseaux sociaux, listes de présence des séances.',
          en: 'Audiences reported by the broadcasters (radio, television), social-media statistics, attendance lists of the sessions.',
        },
        breakdowns: ['office'],
        periodTargets: [150_000, 100_000, 1_000_000],
      },
    ],
    periods: lastQuarters(EU_SUBMITTED),
    values: [
      {
        indicator: 'TACT-OC2.1',
        period: 'Q4 2015',
        value: 4,
        comment:
          'Protocoles signés : Police d’État (secteur anti-traite) et Service social d’État en Albanie, Police nationale (département anti-traite) et La Strada-Ukraine en Ukraine.',
        returned: {
          value: 6,
          comment:
            '6 institutions formées à Tirana, Rabat, Kyiv et Kharkiv d’octobre à décembre appliquent les procédures ; protocoles en cours de signature.',
          decision: 'Ne compter que les protocoles signés : deux ne le sont pas encore. Merci de corriger.',
          at: '2016-01-13T11:00:00Z',
        },
      },
      {
        indicator: 'TACT-OC2.1',
        period: 'Q1 2016',
        value: 5,
        comment:
          'Signés de janvier à mars : Sûreté nationale et Entraide nationale (Maroc), Comité régional anti-traite de Durrës, Administration régionale de Kharkiv (protection sociale), Different & Equal.',
      },
      {
        indicator: 'TACT-OC2.1',
        period: 'Q2 2016',
        value: 3,
        comment:
          'Signés en mai et juin : Comité régional anti-traite de Shkodër, Entraide nationale (délégation de Béni Mellal), Service du travail de la région d’Odesa.',
        submittedAt: '2016-06-28T11:00:00Z',
      },
    ],
  },

  // ---- Syrian resettlement: cases opened; arrivals, health assessments and orientation entered by hand from the
  // resettlement records of the quarter (resettlement.test.ts checks them against the story) ----
  {
    project: 'SYR-RST',
    setUpAt: '2015-03-17T10:00:00Z',
    periodsAt: '2015-09-28T14:00:00Z',
    nodes: [
      {
        code: 'OC1',
        kind: 'outcome',
        parent: null,
        title: {
          fr: 'Les réfugiés syriens sélectionnés pour la réinstallation arrivent en France en sécurité et sont accueillis',
          en: 'Syrian refugees selected for resettlement arrive safely in France and are received',
        },
      },
      {
        code: 'OP1.1',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les ménages orientés pour la réinstallation sont traités (vérification, entretien, soumission)',
          en: 'Households referred for resettlement are processed (verification, interview, submission)',
        },
      },
      {
        code: 'OP1.2',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les réfugiés acceptés sont préparés au départ (bilan de santé, orientation avant le départ)',
          en: 'Accepted refugees are prepared for departure (health assessment, pre-departure orientation)',
        },
      },
    ],
    indicators: [
      {
        code: 'RST-OC1.1',
        node: 'OC1',
        title: {
          fr: 'Réfugiés arrivés en France et remis aux services d’accueil',
          en: 'Refugees who arrived in France and were handed over to reception services',
        },
        unit: 'persons',
        definition: null,
        baseline: 0,
        target: 60,
        meansOfVerification: {
          fr: 'Manifestes de vol et procès-verbaux de remise aux services d’accueil (préfecture, opérateur d’hébergement).',
          en: 'Flight manifests and hand-over records signed by the reception services (prefecture, housing operator).',
        },
        breakdowns: [],
        periodTargets: [8, 8, 10],
      },
      {
        code: 'RST-1.1',
        node: 'OP1.1',
        title: {
          fr: 'Réfugiés syriens dont le dossier de réinstallation est ouvert',
          en: 'Syrian refugees with a resettlement case opened',
        },
        unit: 'persons',
        definition: 'persons_assisted',
        baseline: 0,
        target: 40,
        meansOfVerification: {
          fr: 'Dossiers de réinstallation dans Passerelle, avec la référence de l’organisme qui a orienté le ménage.',
          en: 'Resettlement cases in Passerelle, with the reference of the agency that referred the household.',
        },
        breakdowns: ['sex*age_band', 'vulnerability'],
        periodTargets: [4, 4, 5],
      },
      {
        code: 'RST-1.2',
        node: 'OP1.2',
        title: {
          fr: 'Bilans de santé « apte au voyage » réalisés',
          en: 'Fit-to-travel health assessments completed',
        },
        unit: 'count',
        definition: null,
        baseline: 0,
        target: 60,
        meansOfVerification: {
          fr: 'Certificats d’aptitude au voyage des médecins de l’OIM ; registre des bilans de santé.',
          en: 'Fitness-to-travel certificates of the IOM physicians; register of health assessments.',
        },
        breakdowns: [],
        periodTargets: [8, 8, 10],
      },
      {
        code: 'RST-1.3',
        node: 'OP1.2',
        title: {
          fr: 'Réfugiés ayant suivi l’orientation culturelle avant le départ',
          en: 'Refugees who attended pre-departure cultural orientation',
        },
        unit: 'persons',
        definition: null,
        baseline: 0,
        target: 60,
        meansOfVerification: {
          fr: 'Listes de présence des sessions d’orientation (Beyrouth, Amman) ; programme des sessions.',
          en: 'Attendance lists of the orientation sessions (Beirut, Amman); session programme.',
        },
        breakdowns: [],
        periodTargets: [8, 8, 10],
      },
    ],
    periods: lastQuarters(BOARD_SUBMITTED),
    values: [
      {
        indicator: 'RST-OC1.1',
        period: 'Q4 2015',
        value: 30,
        comment:
          'Cinq ménages (30 personnes) arrivés à Roissy le 8 décembre par le vol AF565 de Beyrouth, remis le jour même ou le lendemain aux opérateurs d’accueil de Lyon, Toulouse, Rennes et Nantes ; un sixième ménage ne s’est pas présenté à l’aéroport.',
      },
      {
        indicator: 'RST-OC1.1',
        period: 'Q1 2016',
        value: 0,
        comment:
          'Aucune arrivée ce trimestre : les ménages acceptés en décembre passent leurs bilans de santé en mars.',
      },
      {
        indicator: 'RST-1.2',
        period: 'Q4 2015',
        value: 35,
        comment:
          '35 bilans à Beyrouth en octobre, tous aptes au voyage ; une personne âgée en fauteuil roulant jusqu’à l’avion.',
      },
      {
        indicator: 'RST-1.2',
        period: 'Q1 2016',
        value: 26,
        comment:
          '26 bilans à Beyrouth en mars pour les quatre ménages du vol de juillet, tous aptes ; un accompagnement médical à prévoir pendant le vol.',
      },
      {
        indicator: 'RST-1.3',
        period: 'Q4 2015',
        value: 20,
        comment:
          'Deux sessions de trois jours à Beyrouth (28 octobre et 4 novembre), pour les adultes et les jeunes de 12 ans et plus.',
      },
      {
        indicator: 'RST-1.3',
        period: 'Q1 2016',
        value: 0,
        comment: 'Aucune session ce trimestre : la suivante a lieu à Beyrouth le 20 avril.',
      },
      {
        indicator: 'RST-OC1.1',
        period: 'Q2 2016',
        value: 0,
        comment:
          'Aucune arrivée ce trimestre ; le vol du 12 juillet (Beyrouth – Istanbul – Roissy) est prévu pour quatre ménages (24 personnes).',
        submittedAt: '2016-06-29T09:45:00Z',
      },
    ],
  },

  // ---- Calais: protection of vulnerable migrants, information campaigns in countries of origin ----
  {
    project: 'CALAIS',
    setUpAt: '2015-08-24T10:00:00Z',
    periodsAt: '2015-09-28T15:00:00Z',
    nodes: [
      {
        code: 'OC1',
        kind: 'outcome',
        parent: null,
        title: {
          fr: 'Les migrants à Calais et les migrants potentiels des pays d’origine décident de leur parcours en connaissance des risques et des alternatives',
          en: 'Migrants in Calais and potential migrants in countries of origin decide on their journey knowing the risks and the alternatives',
        },
      },
      {
        code: 'OP1.1',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Les migrants vulnérables de Calais sont informés et orientés vers la protection ou l’aide au retour volontaire',
          en: 'Vulnerable migrants in Calais are informed and referred to protection or assisted voluntary return',
        },
      },
      {
        code: 'OP1.2',
        kind: 'output',
        parent: 'OC1',
        title: {
          fr: 'Des campagnes d’information sont menées dans les pays d’origine et à Calais',
          en: 'Information campaigns are run in countries of origin and in Calais',
        },
      },
    ],
    indicators: [
      {
        code: 'CAL-OC1.1',
        node: 'OC1',
        title: {
          fr: 'Migrants de Calais ayant demandé l’aide au retour volontaire après une séance d’information',
          en: 'Migrants in Calais who applied for assisted voluntary return after an information session',
        },
        unit: 'persons',
        definition: null,
        baseline: 0,
        target: 60,
        meansOfVerification: {
          fr: 'Registre des demandes d’aide au retour transmises au bureau de Paris par l’équipe mobile de Calais.',
          en: 'Register of the return applications sent to the Paris office by the Calais outreach team.',
        },
        breakdowns: [],
        periodTargets: [10, 10, 10],
      },
      {
        code: 'CAL-1.1',
        node: 'OP1.1',
        title: {
          fr: 'Migrants vulnérables identifiés et orientés vers les services de protection',
          en: 'Vulnerable migrants identified and referred to protection services',
        },
        unit: 'persons',
        definition: null,
        baseline: 0,
        target: 150,
        meansOfVerification: {
          fr: 'Fiches d’orientation anonymisées (mineurs non accompagnés, victimes présumées de la traite, personnes malades) ; accusés de réception des services.',
          en: 'Anonymised referral forms (unaccompanied minors, presumed victims of trafficking, sick persons); acknowledgements by the services.',
        },
        breakdowns: [],
        periodTargets: [30, 30, 30],
      },
      {
        code: 'CAL-1.2',
        node: 'OP1.1',
        title: {
          fr: 'Séances d’information tenues dans le camp de Calais',
          en: 'Information sessions held in the Calais camp',
        },
        unit: 'count',
        definition: null,
        baseline: 0,
        target: 40,
        meansOfVerification: {
          fr: 'Comptes rendus des séances (date, lieu, langues, nombre de participants).',
          en: 'Minutes of the sessions (date, place, languages, number of participants).',
        },
        breakdowns: [],
        periodTargets: [12, 10, 6],
      },
      {
        code: 'CAL-2.1',
        node: 'OP1.2',
        title: {
          fr: 'Personnes atteintes par les campagnes d’information',
          en: 'People reached by the information campaigns',
        },
        unit: 'people_reached',
        definition: 'campaign_reach',
        baseline: 0,
        target: 400_000,
        meansOfVerification: {
          fr: 'Statistiques des réseaux sociaux, tirages des dépliants, listes de présence des réunions et des séances.',
          en: 'Social-media statistics, leaflet print runs, attendance lists of the meetings and sessions.',
        },
        breakdowns: ['office'],
        periodTargets: [50_000, 250_000, 50_000],
      },
    ],
    periods: lastQuarters(BOARD_SUBMITTED),
    values: [
      {
        indicator: 'CAL-OC1.1',
        period: 'Q4 2015',
        value: 14,
        comment:
          '14 demandes transmises au bureau de Paris (9 vers l’Irak, 3 vers l’Albanie, 2 vers l’Afghanistan).',
      },
      {
        indicator: 'CAL-OC1.1',
        period: 'Q1 2016',
        value: 9,
        comment:
          'Baisse liée au démantèlement de la zone sud du camp en mars : une partie des personnes suivies est partie.',
      },
      {
        indicator: 'CAL-1.1',
        period: 'Q4 2015',
        value: 46,
        comment:
          'Dont 19 mineurs non accompagnés orientés vers l’aide sociale à l’enfance et 6 victimes présumées de la traite.',
      },
      {
        indicator: 'CAL-1.1',
        period: 'Q1 2016',
        value: 38,
        comment:
          'Dont 15 mineurs non accompagnés ; orientations vers les centres d’accueil et d’orientation après l’évacuation.',
      },
      {
        indicator: 'CAL-1.2',
        period: 'Q4 2015',
        value: 15,
        comment: 'Séances en arabe, kurde, pachto et tigrinya, deux fois par semaine à partir d’octobre.',
      },
      {
        indicator: 'CAL-1.2',
        period: 'Q1 2016',
        value: 9,
        comment: 'Séances interrompues pendant l’évacuation de la zone sud ; dernière séance le 26 février.',
      },
      {
        indicator: 'CAL-1.1',
        period: 'Q2 2016',
        value: 21,
        comment: 'Équipe mobile réduite depuis avril ; 21 orientations, dont 8 mineurs non accompagnés.',
        submittedAt: '2016-06-29T10:30:00Z',
      },
    ],
  },
];

/**
 * A fact of a submitted quarter corrected afterwards: a victim of trafficking returned from Paris to Morocco
 * under TACT on the late flight of 31 March 2016, recorded as departed the next morning with that day's date.
 * The arrival report of the Rabat office shows the flight of 31 March; Paris's protection officer corrects
 * the date in May, after Q1 2016 was submitted, and TACT's reports show the change since submission.
 */
export const DEMO_CORRECTION = {
  reference: 'PAR-2016-00213',
  project: 'TACT',
  departureDate: { recorded: '2016-04-01', actual: '2016-03-31' },
  at: '2016-05-17T09:20:00Z',
  by: 'protection.paris@passerelle.test',
} as const;

/** The donor's staff account, granted the EU-funded projects once the first quarters were submitted. */
export const DEMO_DONOR = {
  email: 'donor.eu@passerelle.test',
  donor: 'European Union',
  grantedAt: '2016-02-01T09:00:00Z',
} as const;
