import type { Me } from '../../../src/modules/identity/contract';
import type { ReferralDetail, ReferralSummary } from '../features/referrals/api';
import { DAKAR_ID, PARIS_ID } from './fixtures';
import { CASE_ID, makeSupervisor } from './fixtures-cases';

export const TIRANA_ID = '12121212-1212-4121-8121-121212121212';
export const REFERRAL_ID = 'abababab-abab-4aba-8aba-abababababab';
export const NOTIFICATION_ID = 'acacacac-acac-4aca-8aca-acacacacacac';

const REFERRAL_PERMISSIONS = [
  'referrals.read',
  'referrals.send',
  'referrals.respond',
  'consents.override',
] as const;

/** A supervisor in Paris who may also refer, answer and override consent (as the role grants). */
export function makeReferralSupervisor(overrides: Partial<Me> = {}): Me {
  const base = makeSupervisor();
  return { ...base, permissions: [...base.permissions, ...REFERRAL_PERMISSIONS], ...overrides };
}

/** A caseworker in Paris: may refer, not answer nor override consent. */
export function makeReferralCaseworker(): Me {
  const base = makeSupervisor();
  return {
    ...base,
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' }],
    permissions: [
      'offices.read',
      'persons.read',
      'persons.write',
      'cases.read',
      'cases.write',
      'referrals.read',
      'referrals.send',
    ],
  };
}

/** A supervisor in Tirana: receives what Paris sends. */
export function makeTiranaSupervisor(): Me {
  return makeReferralSupervisor({
    memberships: [{ officeId: TIRANA_ID, officeCode: 'TIRANA', officeName: 'Tirana', role: 'supervisor' }],
  });
}

export const TARGETS = [
  { id: TIRANA_ID, code: 'TIRANA', name: 'Tirana', country: 'AL' },
  { id: DAKAR_ID, code: 'DAKAR', name: 'Dakar', country: 'SN' },
];

export function makeReferralSummary(overrides: Partial<ReferralSummary> = {}): ReferralSummary {
  return {
    id: REFERRAL_ID,
    reference: 'REF-2025-00012',
    kind: 'transfer',
    status: 'pending',
    caseId: CASE_ID,
    caseReference: 'PAR-C-000045',
    caseType: 'avrr',
    fromOffice: { id: PARIS_ID, code: 'PARIS', name: 'Paris' },
    toOffice: { id: TIRANA_ID, code: 'TIRANA', name: 'Tirana' },
    partnerName: null,
    personInitials: 'A. H.',
    personSex: 'female',
    personAgeYears: 34,
    nationalities: ['AL'],
    returnCountry: 'AL',
    sections: ['identity', 'needs_summary', 'reintegration_needs', 'case_history'],
    summary: 'Retour prévu le 12 mars ; merci de prendre le relais pour la réintégration.',
    consentOverride: false,
    requestedByName: 'Alice Martin',
    requestedAt: '2025-03-01T10:00:00.000Z',
    dueOn: '2025-03-08T10:00:00.000Z',
    overdue: false,
    respondedByName: null,
    respondedAt: null,
    declineReason: null,
    revokedReason: null,
    followUpUntil: null,
    side: 'receiver',
    ...overrides,
  };
}

export function makeReferralDetail(overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  return {
    ...makeReferralSummary(),
    messages: [
      {
        id: 'adadadad-adad-4ada-8ada-adadadadadad',
        authorName: 'Alice Martin',
        side: 'sender',
        body: 'Elle arrive avec sa sœur.',
        createdAt: '2025-03-01T11:00:00.000Z',
      },
    ],
    shared: null,
    progress: null,
    partnerLink: null,
    canRespond: true,
    canRevoke: false,
    canMessage: true,
    version: 1,
    ...overrides,
  };
}
