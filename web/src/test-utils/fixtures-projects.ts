import type { ProjectBudget } from '../features/projects/budget/api';
import type { ProjectIndicators } from '../features/projects/indicators/api';
import { LINE_ID, PROJECT_ID } from './fixtures-reintegration';

export function makeBudget(overrides: Partial<ProjectBudget> = {}): ProjectBudget {
  return {
    projectId: PROJECT_ID,
    projectCode: 'AVRR-SN',
    allowance: { minor: 200_000, currency: 'EUR' },
    projectVersion: 3,
    canManage: true,
    lines: [
      {
        id: LINE_ID,
        projectId: PROJECT_ID,
        code: 'R1',
        label: 'Aides à la réintégration',
        amount: { minor: 10_000_000, currency: 'EUR' },
        committed: { minor: 6_000_000, currency: 'EUR' },
        delivered: { minor: 2_500_000, currency: 'EUR' },
        remaining: { minor: 4_000_000, currency: 'EUR' },
        version: 2,
      },
      {
        id: '5b5b5b5b-5b5b-45b5-85b5-5b5b5b5b5b5b',
        projectId: PROJECT_ID,
        code: 'R2-IQ',
        label: 'Kits de démarrage (Kurdistan)',
        amount: { minor: 50_000_000_000, currency: 'IQD' },
        committed: { minor: 52_000_000_000, currency: 'IQD' },
        delivered: { minor: 0, currency: 'IQD' },
        remaining: { minor: -2_000_000_000, currency: 'IQD' },
        version: 1,
      },
    ],
    ...overrides,
  };
}

/** Indicators as the server answers with suppress=false (`suppress` false) or true (small cells null). */
export function makeIndicators(suppress: boolean): ProjectIndicators {
  const small = (n: number) => (suppress && n > 0 && n < 5 ? null : n);
  return {
    projectId: PROJECT_ID,
    projectCode: 'AVRR-SN',
    targetPersons: 130,
    coverage: 'project',
    suppressed: suppress,
    persons: {
      total: 52,
      returned: 40,
      withApprovedPlan: 31,
      bySex: { female: 44, male: 6, unknown: small(2) },
      byAgeBand: { adult: 49, minor: small(3) },
      byNationality: { AL: 30, MA: 18, UA: small(4) },
      byVulnerability: { TR: 52, SC: small(1) },
    },
    reintegration: {
      deliveries: 64,
      delivered: [{ minor: 2_500_000, currency: 'EUR' }],
      personsByDimension: { economic: 28, social: 12, psychosocial: small(3) },
      personsByMode: { in_kind: 20, cash: 11 },
    },
    employment: {
      placements: small(2),
      persons: small(2),
      stillEmployed3Months: small(1),
      stillEmployed6Months: 0,
    },
    capacity: { activities: 6, peopleTrained: 142, bySex: { female: 80, male: 62 } },
    campaigns: { count: 3, reach: 120_000 },
  };
}
