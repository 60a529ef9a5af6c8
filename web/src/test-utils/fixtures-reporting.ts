/** Donor-reporting fixtures, typed by the server's contract (src/modules/reporting/contract.ts). */
import type { Me } from '../../../src/modules/identity/contract';
import type { Project } from '../../../src/modules/projects/contract';
import type {
  Definition,
  Framework,
  Indicator,
  ManualValue,
  Period,
  Portfolio,
  Report,
  ReportExport,
  ReportIndicator,
} from '../../../src/modules/reporting/contract';
import { DAKAR_ID, makeMe, PARIS_ID } from './fixtures';
import { makeProject } from './fixtures-more';

export const CARE_ID = 'ca1ecafe-0000-4000-8000-000000000001';
export const Q1_ID = 'ca1ecafe-0000-4000-8000-0000000000a1';
export const Q2_ID = 'ca1ecafe-0000-4000-8000-0000000000a2';
export const Q3_ID = 'ca1ecafe-0000-4000-8000-0000000000a3';
export const IMPACT_ID = 'ca1ecafe-0000-4000-8000-0000000000b1';
export const OUTCOME_ID = 'ca1ecafe-0000-4000-8000-0000000000b2';
export const OUTPUT_ID = 'ca1ecafe-0000-4000-8000-0000000000b3';
export const PA_ID = 'ca1ecafe-0000-4000-8000-0000000000c1';
export const SAT_ID = 'ca1ecafe-0000-4000-8000-0000000000c2';
export const EXPORT_ID = 'ca1ecafe-0000-4000-8000-0000000000d1';
export const SNAPSHOT_ID = 'ca1ecafe-0000-4000-8000-0000000000e2';
export const DONOR_USER_ID = 'ca1ecafe-0000-4000-8000-0000000000f1';

const PM_PERMISSIONS: Me['permissions'] = [
  'offices.read',
  'projects.read',
  'projects.manage',
  'budgets.read',
  'employment.read',
  'activities.read',
  'activities.write',
  'reports.read',
  'reports.manage',
  'reports.enter',
];

/** Paris's project manager: manages CARE's framework, periods, values and donor access. */
export function makeProjectManager(overrides: Partial<Me> = {}): Me {
  return makeMe({
    user: {
      id: '7e7e7e7e-7e7e-47e7-87e7-7e7e7e7e7e7e',
      email: 'pm.paris@passerelle.test',
      displayName: 'Thomas Petit',
      locale: 'fr',
      mustChangePassword: false,
    },
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'project_manager' }],
    permissions: PM_PERMISSIONS,
    ...overrides,
  });
}

/** Paris's M&E officer: enters manual values, does not validate them. */
export function makeMeAndEOfficer(overrides: Partial<Me> = {}): Me {
  return makeMe({
    user: {
      id: '7f7f7f7f-7f7f-47f7-87f7-7f7f7f7f7f7f',
      email: 'me.paris@passerelle.test',
      displayName: 'Claire Dubois',
      locale: 'fr',
      mustChangePassword: false,
    },
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'me_officer' }],
    permissions: [
      'offices.read',
      'projects.read',
      'budgets.read',
      'employment.read',
      'activities.read',
      'activities.write',
      'reports.read',
      'reports.enter',
    ],
    ...overrides,
  });
}

/** A donor's staff member: reads only the projects granted, through the donor routes. */
export function makeDonor(overrides: Partial<Me> = {}): Me {
  return makeMe({
    user: {
      id: DONOR_USER_ID,
      email: 'donor@eu.example',
      displayName: 'Ingrid Larsen',
      locale: 'fr',
      mustChangePassword: false,
    },
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'donor' }],
    permissions: ['reports.shared'],
    ...overrides,
  });
}

export function makeCareProject(overrides: Partial<Project> = {}): Project {
  return makeProject({
    id: CARE_ID,
    code: 'CARE',
    name: 'CARE – Tailored reintegration of victims of trafficking',
    startDate: '2013-09-01',
    endDate: '2015-12-31',
    targetPersons: 130,
    owningOfficeId: PARIS_ID,
    owningOfficeCode: 'PARIS',
    participatingOfficeIds: [DAKAR_ID],
    ...overrides,
  });
}

export const PERSONS_ASSISTED: Definition = {
  id: 'persons_assisted',
  version: 1,
  title: { fr: 'Personnes assistées', en: 'Persons assisted' },
  counts: {
    fr: 'Personnes ayant un dossier du projet, comptées une fois, dans la période où leur premier dossier du projet a été ouvert.',
    en: 'Persons with a case in the project, counted once, in the period in which their first case of the project was opened.',
  },
  unit: 'persons',
  personal: true,
  breakdowns: ['sex', 'age_band', 'nationality', 'host_country', 'return_country', 'vulnerability', 'office'],
  available: true,
};

export const PERSONS_RETURNED: Definition = {
  ...PERSONS_ASSISTED,
  id: 'persons_returned',
  title: { fr: 'Personnes retournées', en: 'Persons returned' },
  counts: {
    fr: 'Personnes dont un dossier du projet a atteint le départ, comptées une fois, dans la période de leur premier départ.',
    en: 'Persons whose case in the project reached departure, counted once, in the period of their first departure.',
  },
};

export const PERSONS_RESETTLED: Definition = {
  id: 'persons_resettled',
  version: 1,
  title: { fr: 'Personnes réinstallées, par étape', en: 'Persons resettled, by stage' },
  counts: {
    fr: 'Disponible quand le module de réinstallation (ménages, mouvements) existera.',
    en: 'Available once the resettlement module (households, movements) exists.',
  },
  unit: 'persons',
  personal: true,
  breakdowns: [],
  available: false,
};

export const CATALOGUE: Definition[] = [PERSONS_ASSISTED, PERSONS_RETURNED, PERSONS_RESETTLED];

export function makePeriod(overrides: Partial<Period> = {}): Period {
  return {
    id: Q3_ID,
    kind: 'quarterly',
    label: 'T3 2015',
    startDate: '2015-07-01',
    endDate: '2015-09-30',
    status: 'open',
    closedAt: null,
    closedByName: null,
    snapshotId: null,
    version: 1,
    ...overrides,
  };
}

export const PERIODS: Period[] = [
  makePeriod({
    id: Q1_ID,
    label: 'T1 2015',
    startDate: '2015-01-01',
    endDate: '2015-03-31',
    status: 'closed',
    closedAt: '2015-04-10T09:00:00.000Z',
    closedByName: 'Thomas Petit',
    snapshotId: 'ca1ecafe-0000-4000-8000-0000000000e1',
    version: 2,
  }),
  makePeriod({
    id: Q2_ID,
    label: 'T2 2015',
    startDate: '2015-04-01',
    endDate: '2015-06-30',
    status: 'closed',
    closedAt: '2015-07-08T09:00:00.000Z',
    closedByName: 'Thomas Petit',
    snapshotId: SNAPSHOT_ID,
    version: 2,
  }),
  makePeriod(),
];

export function makeIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: PA_ID,
    nodeId: OUTCOME_ID,
    code: 'I1.1',
    title: { fr: 'Personnes assistées', en: 'Persons assisted' },
    unit: 'persons',
    kind: 'computed',
    definition: { id: 'persons_assisted', version: 1 },
    baseline: 0,
    target: 130,
    periodTargets: { [Q3_ID]: 20 },
    meansOfVerification: { fr: 'Registre des dossiers', en: 'Case register' },
    breakdowns: ['sex', 'age_band', 'sex*age_band'],
    version: 3,
    ...overrides,
  };
}

export const SATISFACTION = makeIndicator({
  id: SAT_ID,
  nodeId: OUTPUT_ID,
  code: 'P1.1',
  title: { fr: 'Partenaires formés au suivi', en: 'Partners trained in monitoring' },
  unit: 'count',
  kind: 'manual',
  definition: null,
  baseline: 0,
  target: 12,
  periodTargets: {},
  meansOfVerification: { fr: 'Feuilles de présence signées', en: 'Signed attendance sheets' },
  breakdowns: [],
  version: 1,
});

export function makeManualValue(overrides: Partial<ManualValue> = {}): ManualValue {
  return {
    indicatorId: SAT_ID,
    periodId: Q3_ID,
    value: 4,
    comment: 'Atelier de Tirana',
    status: 'submitted',
    enteredByName: 'Claire Dubois',
    enteredAt: '2015-09-20T10:00:00.000Z',
    decidedByName: null,
    decidedAt: null,
    decisionComment: null,
    evidence: { fileName: 'presence.pdf', contentType: 'application/pdf', sizeBytes: 2048 },
    version: 2,
    ...overrides,
  };
}

export function makeFramework(overrides: Partial<Framework> = {}): Framework {
  return {
    projectId: CARE_ID,
    projectCode: 'CARE',
    nodes: [
      {
        id: IMPACT_ID,
        kind: 'impact',
        parentId: null,
        code: 'IMP',
        title: { fr: 'Réintégration durable', en: 'Sustainable reintegration' },
        version: 1,
      },
      {
        id: OUTCOME_ID,
        kind: 'outcome',
        parentId: IMPACT_ID,
        code: 'R1',
        title: { fr: 'Les victimes sont assistées', en: 'Victims are assisted' },
        version: 1,
      },
      {
        id: OUTPUT_ID,
        kind: 'output',
        parentId: OUTCOME_ID,
        code: 'P1',
        title: { fr: 'Les partenaires sont formés', en: 'Partners are trained' },
        version: 1,
      },
    ],
    indicators: [makeIndicator(), SATISFACTION],
    periods: PERIODS,
    manualValues: [makeManualValue()],
    can: { manage: true, enter: true, export: true },
    ...overrides,
  };
}

/** The series of a report on T2 2015: the quarters up to it, both from their snapshots. */
const series = (values: [number | null, number | null]): ReportIndicator['series'] =>
  PERIODS.slice(0, 2).map((p, i) => ({
    periodId: p.id,
    label: p.label,
    startDate: p.startDate,
    endDate: p.endDate,
    value: values[i] ?? null,
    target: i === 1 ? 25 : null,
    source: 'snapshot' as const,
  }));

/** CARE's report for T2 2015 (closed, from its signed snapshot); `shared` hides the small cells. */
export function makeReport({ shared = false }: { shared?: boolean } = {}): Report {
  const small = (n: number) => (shared && n > 0 && n < 5 ? null : n);
  const assisted: ReportIndicator = {
    id: PA_ID,
    code: 'I1.1',
    nodeId: OUTCOME_ID,
    title: 'Personnes assistées',
    unit: 'persons',
    kind: 'computed',
    definition: PERSONS_ASSISTED,
    meansOfVerification: 'Registre des dossiers',
    baseline: 0,
    target: 130,
    periodTarget: 25,
    value: 23,
    cumulative: 96,
    progress: 0.738,
    manualStatus: null,
    comment: null,
    breakdowns: [
      {
        spec: 'sex',
        dimensions: ['sex'],
        total: 23,
        rows: shared ? { female: 20, male: null, unknown: null } : { female: 20, male: 2, unknown: 1 },
      },
      {
        spec: 'sex*age_band',
        dimensions: ['sex', 'age_band'],
        total: 23,
        rows: { female: 20, male: small(3) },
        cols: { adult: 19, minor: small(4) },
        cells: shared
          ? { female: { adult: 17, minor: null }, male: { adult: null, minor: null } }
          : { female: { adult: 17, minor: 3 }, male: { adult: 2, minor: 1 } },
      },
    ],
    series: series([31, 23]),
  };
  const trained: ReportIndicator = {
    id: SAT_ID,
    code: 'P1.1',
    nodeId: OUTPUT_ID,
    title: 'Partenaires formés au suivi',
    unit: 'count',
    kind: 'manual',
    definition: null,
    meansOfVerification: 'Feuilles de présence signées',
    baseline: 0,
    target: 12,
    periodTarget: null,
    value: 6,
    cumulative: 9,
    progress: 0.75,
    manualStatus: 'validated',
    comment: 'Deux ateliers',
    breakdowns: [],
    series: series([3, 6]).map((p) => ({ ...p, target: null })),
  };
  const q2 = PERIODS[1] as Period;
  return {
    generatedAt: '2015-10-02T08:00:00.000Z',
    language: 'fr',
    project: {
      id: CARE_ID,
      code: 'CARE',
      name: 'CARE – Tailored reintegration of victims of trafficking',
      summary: 'Accompagnement sur-mesure.',
      donor: 'Union européenne',
      cofunding: null,
      startDate: '2013-09-01',
      endDate: '2015-12-31',
      hostCountries: ['FR'],
      originCountries: ['AL'],
      owningOfficeCode: 'PARIS',
    },
    period: q2,
    coverage: 'project',
    offices: ['PARIS', 'DAKAR'],
    officeFilter: true,
    source: 'snapshot',
    snapshot: {
      id: SNAPSHOT_ID,
      closedAt: '2015-07-08T09:00:00.000Z',
      closedByName: 'Thomas Petit',
      signature: 'c2lnbmF0dXJl',
      valid: true,
    },
    suppression: shared
      ? { applied: true, threshold: 5, primary: 3, secondary: 1 }
      : { applied: false, threshold: 5, primary: 0, secondary: 0 },
    nodes: [
      {
        id: IMPACT_ID,
        kind: 'impact',
        parentId: null,
        code: 'IMP',
        title: 'Réintégration durable',
        version: 1,
      },
      {
        id: OUTCOME_ID,
        kind: 'outcome',
        parentId: IMPACT_ID,
        code: 'R1',
        title: 'Les victimes sont assistées',
        version: 1,
      },
      {
        id: OUTPUT_ID,
        kind: 'output',
        parentId: OUTCOME_ID,
        code: 'P1',
        title: 'Les partenaires sont formés',
        version: 1,
      },
    ],
    indicators: [assisted, trained],
    changes: [
      {
        periodId: Q1_ID,
        periodLabel: 'T1 2015',
        indicatorCode: 'I1.1',
        cell: '',
        submitted: 31,
        now: 33,
      },
    ],
    budget: [
      {
        code: 'CARE-01',
        label: 'Personnel',
        currency: 'EUR',
        budgetMinor: 18_600_000,
        spentMinor: 9_300_000,
      },
      {
        code: 'CARE-08',
        label: 'Paiements locaux',
        currency: 'ALL',
        budgetMinor: 210_000_000,
        spentMinor: 231_000_000,
      },
    ],
  };
}

export function makeExport(overrides: Partial<ReportExport> = {}): ReportExport {
  return {
    id: EXPORT_ID,
    projectId: CARE_ID,
    format: 'pdf',
    status: 'queued',
    progress: 0,
    fileName: null,
    sizeBytes: null,
    parameters: { periodId: Q2_ID, language: 'fr', shared: true, breakdowns: [] },
    requestedByName: 'Thomas Petit',
    createdAt: '2015-10-02T08:05:00.000Z',
    finishedAt: null,
    expiresAt: '2099-10-09T08:05:00.000Z',
    error: null,
    ...overrides,
  };
}

export function makePortfolio(overrides: Partial<Portfolio> = {}): Portfolio {
  return {
    generatedAt: '2015-10-02T08:00:00.000Z',
    scope: 'mission',
    officeCode: null,
    projects: [
      {
        id: CARE_ID,
        code: 'CARE',
        name: 'CARE – Tailored reintegration of victims of trafficking',
        donor: 'Union européenne',
        startDate: '2013-09-01',
        endDate: '2015-12-31',
        timeElapsed: 0.834,
        headline: {
          indicatorId: PA_ID,
          code: 'I1.1',
          title: 'Personnes assistées',
          value: 96,
          target: 130,
          progress: 0.738,
        },
        indicators: 2,
        onTrack: 1,
        behind: 1,
        budgetMinor: 40_000_000,
        spentMinor: 30_000_000,
        currency: 'EUR',
      },
      {
        id: '5a5a5a5a-5a5a-45a5-85a5-5a5a5a5a5a5a',
        code: 'MAGNET2',
        name: 'MAGNET II – Return to employment',
        donor: 'Union européenne',
        startDate: '2014-04-01',
        endDate: null,
        timeElapsed: null,
        headline: {
          indicatorId: '5b5b5b5b-5b5b-45b5-85b5-5b5b5b5b5b5b',
          code: 'E1',
          title: 'Personnes placées en emploi',
          value: null,
          target: 300,
          progress: null,
        },
        indicators: 1,
        onTrack: 0,
        behind: 0,
        budgetMinor: 0,
        spentMinor: 0,
        currency: null,
      },
    ],
    ...overrides,
  };
}

export const VIEWERS = {
  viewers: [
    {
      userId: DONOR_USER_ID,
      displayName: 'Ingrid Larsen',
      email: 'donor@eu.example',
      createdAt: '2015-09-01T10:00:00.000Z',
    },
  ],
  candidates: [
    {
      userId: 'ca1ecafe-0000-4000-8000-0000000000f2',
      displayName: 'Pierre Roux',
      email: 'p.roux@eu.example',
    },
  ],
};
