/**
 * A realistic donor report of an EU-funded AVRR project (MAGNET II), for the exports' tests and benchmark:
 * two outcomes and three outputs; computed counts of persons broken down by sex, age band, both at once and
 * nationality, with small cells hidden; a manual indicator with a comment and one still missing; an amount
 * in EUR; campaign reach; three periods (two closed with signed snapshots, one open); a change since
 * submission; budget lines. Figures are invented; their sums and margins agree.
 */
import type { Definition, Report, ReportIndicator } from '../contract';

/** A valid, stable UUID (version 4 layout) per number, so the fixture is the same on every run. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const PROJECT = id(1);
const PERIOD_S1 = id(11);
const PERIOD_S2 = id(12);
const PERIOD_S3 = id(13);
const SNAPSHOT_S2 = id(22);
const NODE = { oc1: id(31), op11: id(32), op12: id(33), oc2: id(34), op21: id(35) };

type Bilingual = { fr: string; en: string };
/** The periods: the report is on the second half of 2024 (closed); 2025's first half is still open. */
const PERIODS = [
  { id: PERIOD_S1, label: 'S1 2024', startDate: '2024-01-01', endDate: '2024-06-30', source: 'snapshot' },
  { id: PERIOD_S2, label: 'S2 2024', startDate: '2024-07-01', endDate: '2024-12-31', source: 'snapshot' },
  { id: PERIOD_S3, label: 'S1 2025', startDate: '2025-01-01', endDate: '2025-06-30', source: 'live' },
] as const;

const series = (points: readonly [number | null, number | null][]): ReportIndicator['series'] =>
  PERIODS.map((p, i) => ({
    periodId: p.id,
    label: p.label,
    startDate: p.startDate,
    endDate: p.endDate,
    value: points[i]?.[0] ?? null,
    target: points[i]?.[1] ?? null,
    source: p.source,
  }));

/** Definitions come from the bilingual catalogue, whatever the report's language. */
const definition = (d: Omit<Definition, 'available'>): Definition => ({ ...d, available: true });

export function sampleReport(language: 'fr' | 'en'): Report {
  const t = (text: Bilingual) => text[language];

  const returned: ReportIndicator = {
    id: id(101),
    code: 'OP1.1.a',
    nodeId: NODE.op11,
    title: t({
      fr: 'Migrants ayant bénéficié d’une aide au retour volontaire',
      en: 'Migrants assisted to return voluntarily',
    }),
    unit: 'persons',
    kind: 'computed',
    definition: definition({
      id: 'avrr.returned',
      version: 2,
      title: { fr: 'Personnes retournées avec assistance', en: 'Persons returned with assistance' },
      counts: {
        fr: 'Personnes distinctes dont le retour a été enregistré comme effectué (date de départ dans la période), dans un dossier AVRR du projet ; un retour annulé n’est pas compté.',
        en: 'Distinct persons whose return was recorded as completed (departure date within the period), in an AVRR case of the project; a cancelled return is not counted.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: ['sex', 'age_band', 'nationality', 'host_country', 'return_country', 'vulnerability'],
    }),
    meansOfVerification: t({
      fr: 'Dossiers AVRR ; billets et attestations d’arrivée.',
      en: 'AVRR case files; tickets and arrival confirmations.',
    }),
    baseline: 0,
    target: 900,
    periodTarget: 180,
    value: 183,
    cumulative: 412,
    progress: 412 / 900,
    manualStatus: null,
    comment: null,
    breakdowns: [
      {
        spec: 'sex',
        dimensions: ['sex'],
        total: 183,
        // other: 2 and unknown: 1, hidden.
        rows: { female: 71, male: 109, other: null, unknown: null },
      },
      {
        spec: 'age_band',
        dimensions: ['age_band'],
        total: 183,
        // unaccompanied minors: 3 and unknown: 1, hidden.
        rows: { adult: 142, minor: 37, unaccompanied_minor: null, unknown: null },
      },
      {
        spec: 'sex*age_band',
        dimensions: ['sex', 'age_band'],
        total: 183,
        rows: { female: 71, male: 109, other: null, unknown: null },
        cols: { adult: 142, minor: 37, unaccompanied_minor: null, unknown: null },
        cells: {
          female: { adult: 52, minor: 18, unaccompanied_minor: null, unknown: 0 },
          male: { adult: 88, minor: 18, unaccompanied_minor: null, unknown: null },
          other: { adult: null, minor: 0, unaccompanied_minor: 0, unknown: 0 },
          unknown: { adult: 0, minor: null, unaccompanied_minor: 0, unknown: 0 },
        },
      },
      {
        spec: 'nationality',
        dimensions: ['nationality'],
        total: 183,
        // DZ: 3 and SN: 2, hidden.
        rows: { MA: 88, TN: 61, GE: 29, DZ: null, SN: null },
      },
    ],
    series: series([
      [229, 180],
      [183, 180],
      [67, 180],
    ]),
  };

  const reintegrated: ReportIndicator = {
    id: id(102),
    code: 'OP1.2.a',
    nodeId: NODE.op12,
    title: t({
      fr: 'Personnes retournées ayant reçu une aide à la réintégration',
      en: 'Returnees who received reintegration assistance',
    }),
    unit: 'persons',
    kind: 'computed',
    definition: definition({
      id: 'reintegration.assisted',
      version: 1,
      title: { fr: 'Personnes aidées à se réintégrer', en: 'Persons assisted to reintegrate' },
      counts: {
        fr: 'Personnes distinctes ayant au moins une prestation de leur plan de réintégration approuvé livrée dans la période.',
        en: 'Distinct persons with at least one item of their approved reintegration plan delivered within the period.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: ['sex', 'assistance_type', 'assistance_mode', 'assistance_timing', 'return_country'],
    }),
    meansOfVerification: t({
      fr: 'Plans de réintégration approuvés ; reçus de livraison.',
      en: 'Approved reintegration plans; delivery receipts.',
    }),
    baseline: 0,
    target: 700,
    periodTarget: 150,
    value: 141,
    cumulative: 268,
    progress: 268 / 700,
    manualStatus: null,
    comment: null,
    breakdowns: [
      {
        spec: 'assistance_type',
        dimensions: ['assistance_type'],
        total: 141,
        rows: { economic: 97, social: 28, psychosocial: 16 },
      },
      {
        spec: 'assistance_mode',
        dimensions: ['assistance_mode'],
        total: 141,
        // referral: 4 hidden, then voucher (22) hidden too so that it cannot be recomputed from the total.
        rows: { cash: 54, in_kind: 61, voucher: null, referral: null },
      },
      {
        spec: 'assistance_timing',
        dimensions: ['assistance_timing'],
        total: 141,
        rows: { pre_return: 38, post_return: 103 },
      },
    ],
    series: series([
      [127, 150],
      [141, 150],
      [58, 150],
    ]),
  };

  const delivered: ReportIndicator = {
    id: id(103),
    code: 'OP1.2.b',
    nodeId: NODE.op12,
    title: t({ fr: 'Montant de l’aide à la réintégration livrée', en: 'Reintegration assistance delivered' }),
    unit: 'eur',
    kind: 'computed',
    definition: definition({
      id: 'reintegration.delivered_amount',
      version: 1,
      title: { fr: 'Aide à la réintégration livrée (EUR)', en: 'Reintegration assistance delivered (EUR)' },
      counts: {
        fr: 'Somme des livraisons enregistrées dans la période, converties en euros au taux du jour de livraison.',
        en: 'Sum of the deliveries recorded within the period, converted into euros at the rate of the delivery day.',
      },
      unit: 'eur',
      personal: false,
      breakdowns: ['assistance_type', 'assistance_mode', 'budget_line'],
    }),
    meansOfVerification: t({ fr: 'Pièces comptables.', en: 'Accounting records.' }),
    baseline: null,
    // Amounts in euros (budget lines keep minor units).
    target: 2_000_000,
    periodTarget: 400_000,
    value: 482_500,
    cumulative: 917_300.5,
    progress: 917_300.5 / 2_000_000,
    manualStatus: null,
    comment: null,
    breakdowns: [
      {
        spec: 'assistance_type',
        dimensions: ['assistance_type'],
        total: 482_500,
        rows: { economic: 350_000, social: 90_000, psychosocial: 42_500 },
      },
    ],
    series: series([
      [434_800.5, 400_000],
      [482_500, 400_000],
      [121_000, 400_000],
    ]),
  };

  const sustainable: ReportIndicator = {
    id: id(104),
    code: 'OC1.a',
    nodeId: NODE.oc1,
    title: t({
      fr: 'Part des personnes retournées ayant un score de durabilité de la réintégration ≥ 0,5 à 12 mois',
      en: 'Share of returnees with a reintegration sustainability score ≥ 0.5 at 12 months',
    }),
    unit: 'percent',
    kind: 'manual',
    definition: null,
    meansOfVerification: t({
      fr: 'Enquête de suivi (boîte à outils MEASURE) sur un échantillon de personnes retournées.',
      en: 'Follow-up survey (MEASURE toolkit) of a sample of returnees.',
    }),
    baseline: null,
    target: 70,
    periodTarget: 65,
    value: 64,
    cumulative: 64,
    progress: 64 / 70,
    manualStatus: 'validated',
    comment: t({
      fr: 'Enquête auprès de 112 personnes retournées au Maroc et en Tunisie, novembre 2024 ; taux de réponse 81 %.',
      en: 'Survey of 112 returnees in Morocco and Tunisia, November 2024; response rate 81%.',
    }),
    breakdowns: [],
    series: series([
      [58, 60],
      [64, 65],
      [null, 70],
    ]),
  };

  const trained: ReportIndicator = {
    id: id(105),
    code: 'OP2.1.a',
    nodeId: NODE.op21,
    title: t({
      fr: 'Agents publics et intervenants de première ligne formés à la lutte contre la traite',
      en: 'Officials and frontline workers trained on counter-trafficking',
    }),
    unit: 'persons',
    kind: 'computed',
    definition: definition({
      id: 'capacity.people_trained',
      version: 1,
      title: { fr: 'Personnes formées', en: 'People trained' },
      counts: {
        fr: 'Participants distincts ayant suivi au moins une session d’une activité de renforcement des capacités du projet terminée dans la période (feuilles d’émargement).',
        en: 'Distinct participants who attended at least one session of a capacity-building activity of the project completed within the period (attendance sheets).',
      },
      unit: 'persons',
      personal: true,
      breakdowns: ['sex', 'office'],
    }),
    meansOfVerification: t({ fr: 'Feuilles d’émargement.', en: 'Attendance sheets.' }),
    baseline: 0,
    target: 250,
    periodTarget: 60,
    value: 64,
    cumulative: 109,
    progress: 109 / 250,
    manualStatus: null,
    comment: null,
    breakdowns: [
      { spec: 'sex', dimensions: ['sex'], total: 64, rows: { female: 37, male: 27, other: 0, unknown: 0 } },
    ],
    series: series([
      [45, 40],
      [64, 60],
      [null, 60],
    ]),
  };

  const reached: ReportIndicator = {
    id: id(106),
    code: 'OP2.1.b',
    nodeId: NODE.op21,
    title: t({
      fr: 'Personnes touchées par les campagnes d’information sur les risques de la migration irrégulière',
      en: 'People reached by information campaigns on the risks of irregular migration',
    }),
    unit: 'people_reached',
    kind: 'computed',
    definition: definition({
      id: 'campaigns.reach',
      version: 1,
      title: { fr: 'Portée des campagnes', en: 'Campaign reach' },
      counts: {
        fr: 'Somme des portées déclarées des campagnes terminées dans la période (audiences radio, vues en ligne, participants aux séances) ; une même personne peut être comptée plusieurs fois.',
        en: 'Sum of the reported reach of the campaigns completed within the period (radio audiences, online views, session participants); one person may be counted more than once.',
      },
      unit: 'people_reached',
      personal: false,
      breakdowns: ['return_country'],
    }),
    meansOfVerification: t({
      fr: 'Rapports des prestataires médias.',
      en: 'Media partners’ reports.',
    }),
    baseline: 0,
    target: 500_000,
    periodTarget: 100_000,
    value: 125_000,
    cumulative: 212_400,
    progress: 212_400 / 500_000,
    manualStatus: null,
    comment: null,
    breakdowns: [],
    series: series([
      [87_400, 100_000],
      [125_000, 100_000],
      [30_250, 100_000],
    ]),
  };

  const procedures: ReportIndicator = {
    id: id(107),
    code: 'OC2.a',
    nodeId: NODE.oc2,
    title: t({
      fr: 'Procédures d’orientation des victimes de la traite adoptées par les autorités',
      en: 'Referral procedures for victims of trafficking adopted by the authorities',
    }),
    unit: 'count',
    kind: 'manual',
    definition: null,
    meansOfVerification: t({
      fr: 'Textes adoptés, publiés au journal officiel.',
      en: 'Adopted texts, published in the official gazette.',
    }),
    baseline: 0,
    target: 3,
    periodTarget: 1,
    value: null,
    cumulative: 1,
    progress: 1 / 3,
    manualStatus: 'missing',
    comment: null,
    breakdowns: [],
    series: series([
      [1, 1],
      [null, 1],
      [null, 1],
    ]),
  };

  return {
    generatedAt: '2025-03-14T09:30:00.000Z',
    language,
    project: {
      id: PROJECT,
      code: 'MAGNET-II',
      name: t({
        fr: 'MAGNET II – Retour volontaire et réintégration durable au Maghreb et en Géorgie',
        en: 'MAGNET II – Voluntary return and sustainable reintegration in the Maghreb and Georgia',
      }),
      summary: t({
        fr: 'Aide au retour volontaire depuis la France et la Belgique, réintégration économique, sociale et psychosociale dans les pays de retour, formation des autorités à l’identification des victimes de la traite et campagnes d’information.',
        en: 'Assisted voluntary return from France and Belgium, economic, social and psychosocial reintegration in the countries of return, training of authorities in identifying victims of trafficking, and information campaigns.',
      }),
      donor: t({ fr: 'Union européenne', en: 'European Union' }),
      cofunding: t({ fr: 'Cofinancé par l’Union européenne', en: 'Co-funded by the European Union' }),
      startDate: '2024-01-01',
      endDate: '2026-06-30',
      hostCountries: ['FR', 'BE'],
      originCountries: ['MA', 'TN', 'GE'],
      owningOfficeCode: 'PAR',
    },
    period: {
      id: PERIOD_S2,
      kind: 'interim',
      label: 'S2 2024',
      startDate: '2024-07-01',
      endDate: '2024-12-31',
      status: 'closed',
      closedAt: '2025-01-20T16:05:00.000Z',
      closedByName: 'Claire Dubois',
      snapshotId: SNAPSHOT_S2,
      version: 3,
    },
    coverage: 'project',
    offices: ['PAR', 'LYS', 'BRU'],
    officeFilter: true,
    source: 'snapshot',
    snapshot: {
      id: SNAPSHOT_S2,
      closedAt: '2025-01-20T16:05:00.000Z',
      closedByName: 'Claire Dubois',
      signature: '9f2c6a41d07b3e58c4a1f09e7d2b6c3a5e8f1d40b72c9a6e3f05d18c4b7a2e96',
      valid: true,
    },
    suppression: { applied: true, threshold: 5, primary: 16, secondary: 1 },
    nodes: [
      {
        id: NODE.oc1,
        kind: 'outcome',
        parentId: null,
        code: 'OC1',
        title: t({
          fr: 'Les personnes retournées se réintègrent durablement',
          en: 'Returnees reintegrate sustainably',
        }),
        version: 1,
      },
      {
        id: NODE.op11,
        kind: 'output',
        parentId: NODE.oc1,
        code: 'OP1.1',
        title: t({
          fr: 'Les migrants reçoivent une aide au retour volontaire sûr et digne',
          en: 'Migrants receive assistance for a safe and dignified voluntary return',
        }),
        version: 1,
      },
      {
        id: NODE.op12,
        kind: 'output',
        parentId: NODE.oc1,
        code: 'OP1.2',
        title: t({
          fr: 'Les personnes retournées reçoivent une aide à la réintégration adaptée',
          en: 'Returnees receive tailored reintegration assistance',
        }),
        version: 2,
      },
      {
        id: NODE.oc2,
        kind: 'outcome',
        parentId: null,
        code: 'OC2',
        title: t({
          fr: 'Les autorités protègent mieux les victimes de la traite et le public est informé',
          en: 'Authorities better protect victims of trafficking and the public is informed',
        }),
        version: 1,
      },
      {
        id: NODE.op21,
        kind: 'output',
        parentId: NODE.oc2,
        code: 'OP2.1',
        title: t({
          fr: 'Des agents sont formés et des campagnes d’information sont menées',
          en: 'Officials are trained and information campaigns are run',
        }),
        version: 1,
      },
    ],
    indicators: [sustainable, returned, reintegrated, delivered, procedures, trained, reached],
    changes: [
      {
        periodId: PERIOD_S1,
        periodLabel: 'S1 2024',
        indicatorCode: 'OP1.1.a',
        cell: 'sex:female',
        submitted: 96,
        now: 97,
      },
      {
        periodId: PERIOD_S1,
        periodLabel: 'S1 2024',
        indicatorCode: 'OP1.1.a',
        cell: '',
        submitted: 228,
        now: 229,
      },
      {
        periodId: PERIOD_S1,
        periodLabel: 'S1 2024',
        indicatorCode: 'OP1.1.a',
        cell: 'sex*age_band:female:unaccompanied_minor',
        submitted: null,
        now: 5,
      },
    ],
    budget: [
      {
        code: 'A1',
        label: t({ fr: 'Personnel', en: 'Staff' }),
        currency: 'EUR',
        budgetMinor: 98_000_000,
        spentMinor: 41_250_075,
      },
      {
        code: 'B1',
        label: t({ fr: 'Aide à la réintégration', en: 'Reintegration assistance' }),
        currency: 'EUR',
        budgetMinor: 200_000_000,
        spentMinor: 91_730_050,
      },
      {
        code: 'B2',
        label: t({ fr: 'Billets et frais de voyage', en: 'Tickets and travel costs' }),
        currency: 'EUR',
        budgetMinor: 54_000_000,
        spentMinor: 26_912_040,
      },
      {
        code: 'C1',
        label: t({ fr: 'Campagnes d’information', en: 'Information campaigns' }),
        currency: 'EUR',
        budgetMinor: 12_500_000,
        spentMinor: 5_830_000,
      },
      {
        code: 'D1',
        label: t({ fr: 'Formations', en: 'Trainings' }),
        currency: 'EUR',
        budgetMinor: 8_500_000,
        spentMinor: 3_120_500,
      },
    ],
  };
}
