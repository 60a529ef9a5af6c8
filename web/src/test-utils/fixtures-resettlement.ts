import type { Me } from '../../../src/modules/identity/contract';
import type { Project } from '../../../src/modules/projects/contract';
import type {
  BatchView,
  Funnel,
  HouseholdView,
  MovementView,
  OrientationSession,
  Pipeline,
} from '../features/resettlement/api';
import { makeMe, PARIS_ID } from './fixtures';
import { CASE_ID, makeCaseDetail } from './fixtures-cases';
import { makeProject } from './fixtures-more';

export const RST_PROJECT_ID = '5e5e5e5e-5e5e-45e5-85e5-5e5e5e5e5e5e';
export const SAMIR_ID = '71717171-7171-4171-8171-717171717171';
export const LINA_ID = '72727272-7272-4272-8272-727272727272';
export const OTHER_CASE_ID = '8a8a8a8a-8a8a-48a8-88a8-8a8a8a8a8a8a';
export const BATCH_ID = 'b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1';
export const MOVEMENT_ID = 'c1c1c1c1-c1c1-4c1c-8c1c-c1c1c1c1c1c1';
export const BOOKING_ID = 'c2c2c2c2-c2c2-4c2c-8c2c-c2c2c2c2c2c2';
export const ASSESSMENT_ID = 'd1d1d1d1-d1d1-4d1d-8d1d-d1d1d1d1d1d1';
export const SESSION_ID = 'e1e1e1e1-e1e1-4e1e-8e1e-e1e1e1e1e1e1';
export const LETTER_ID = 'f1f1f1f1-f1f1-4f1f-8f1f-f1f1f1f1f1f1';

const paris = { officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris' };
const reads = ['offices.read', 'projects.read', 'persons.read', 'cases.read', 'resettlement.read'] as const;

/** A Paris caseworker: resettlement records, no health findings, no whole document numbers. */
export function makeResettlementCaseworker(): Me {
  return makeMe({
    memberships: [{ ...paris, role: 'caseworker' }],
    permissions: [...reads, 'persons.write', 'cases.write', 'resettlement.write'],
  });
}

/** A Paris medical officer: reads households, records and reads health assessments. */
export function makeMedicalOfficer(): Me {
  return makeMe({
    memberships: [{ ...paris, role: 'medical_officer' }],
    permissions: [...reads, 'health.read', 'health.write'],
  });
}

/** A Paris supervisor, who may print whole document numbers on a manifest. */
export function makeResettlementSupervisor(): Me {
  return makeMe({
    memberships: [{ ...paris, role: 'supervisor' }],
    permissions: [
      ...reads,
      'persons.write',
      'cases.write',
      'cases.approve',
      'resettlement.write',
      'manifests.reveal',
    ],
  });
}

export function makeResettlementProject(overrides: Partial<Project> = {}): Project {
  return makeProject({
    id: RST_PROJECT_ID,
    code: 'SYR-RST',
    name: 'Réinstallation de réfugiés syriens',
    kind: 'resettlement',
    originCountries: ['SY'],
    ...overrides,
  });
}

/** A resettlement case at the given stage, with the workflow's action step as the server offers it. */
export function makeResettlementCase(
  status = 'decision',
  transitions = [{ to: 'health_assessment', action: 'decide' }],
) {
  return makeCaseDetail({
    caseType: 'resettlement',
    status,
    projectId: RST_PROJECT_ID,
    projectCode: 'SYR-RST',
    personName: 'Samir Haddad',
    personNameOriginal: 'سمير حداد',
    workflowStates: [
      'identification',
      'verification',
      'interview',
      'submission',
      'decision',
      'health_assessment',
      'pre_departure_orientation',
      'exit_permits',
      'booked',
      'movement',
      'arrived',
      'withdrawn',
      'closed',
    ],
    availableTransitions: transitions.map((tr) => ({
      to: tr.to,
      approval: false,
      requires: [],
      requiresDocuments: [],
      action: tr.action,
      missing: [],
    })),
    attachments: [
      {
        id: LETTER_ID,
        fileName: 'decision-ofpra.pdf',
        contentType: 'application/pdf',
        sizeBytes: 20_000,
        documentKind: 'decision_letter',
        uploadedByName: 'Bob Diallo',
        createdAt: '2026-03-02T10:00:00.000Z',
      },
    ],
  });
}

type Member = HouseholdView['members'][number];

function member(overrides: Partial<Member>): Member {
  return {
    personId: SAMIR_ID,
    name: 'Samir Haddad',
    nameOriginal: null,
    relationship: 'principal',
    sex: 'male',
    birthDate: '1979-04-02',
    birthDatePrecision: 'exact',
    minor: false,
    needs: [],
    health: null,
    exitPermit: null,
    visa: null,
    attendedOrientation: false,
    ...overrides,
  };
}

export function makeHousehold(overrides: Partial<HouseholdView> = {}): HouseholdView {
  return {
    caseId: CASE_ID,
    caseReference: 'PAR-C-000045',
    status: 'decision',
    projectId: RST_PROJECT_ID,
    officeId: PARIS_ID,
    version: 9,
    referral: { agency: 'UNHCR', reference: 'LEB-24C10001', documentId: null },
    members: [
      member({
        nameOriginal: 'سمير حداد',
        health: {
          id: ASSESSMENT_ID,
          assessedOn: '2026-03-02',
          outcome: 'fit_with_conditions',
          validUntil: '2026-04-25',
          travelConditions: ['WCHR'],
          hasFindings: true,
        },
        exitPermit: {
          id: 'a2a2a2a2-a2a2-4a2a-8a2a-a2a2a2a2a2a2',
          numberTail: '4501',
          issuingCountry: 'LB',
          validFrom: '2026-03-01',
          validUntil: '2026-06-30',
        },
        visa: {
          id: 'a3a3a3a3-a3a3-4a3a-8a3a-a3a3a3a3a3a3',
          numberTail: '8870',
          issuingCountry: 'FR',
          validFrom: '2026-03-01',
          validUntil: '2026-09-30',
        },
        attendedOrientation: true,
      }),
      member({
        personId: LINA_ID,
        name: 'Lina Haddad',
        relationship: 'child',
        sex: 'female',
        birthDate: '2015-09-15',
        minor: true,
      }),
    ],
    formerMembers: [],
    milestones: {
      identificationOn: '2026-02-10',
      verificationOn: '2026-02-12',
      interviewOn: '2026-02-20',
      submissionOn: '2026-02-25',
      decisionOn: '2026-03-01',
      acceptedOn: null,
    },
    submissions: [
      {
        batchId: BATCH_ID,
        reference: 'SUB-2026-0001',
        batchStatus: 'submitted',
        outcome: 'pending',
        decidedOn: null,
      },
    ],
    booking: null,
    blockers: [
      {
        personId: LINA_ID,
        name: 'Lina Haddad',
        what: 'visa',
        coverage: { status: 'expired', date: '2026-02-28' },
      },
    ],
    handedOverOn: null,
    handedOverTo: null,
    receptionLinks: [],
    canSeeFindings: false,
    ...overrides,
  };
}

export function makePipeline(): Pipeline {
  return {
    items: [
      {
        caseId: CASE_ID,
        caseReference: 'PAR-C-000045',
        principalName: 'Samir Haddad',
        status: 'exit_permits',
        members: 2,
        blockers: [
          {
            personId: LINA_ID,
            name: 'Lina Haddad',
            what: 'visa',
            coverage: { status: 'expired', date: '2026-02-28' },
          },
        ],
      },
      {
        caseId: OTHER_CASE_ID,
        caseReference: 'PAR-C-000046',
        principalName: 'Mariam Khalil',
        status: 'submission',
        members: 1,
        blockers: [],
      },
    ],
  };
}

export function makeFunnel(): Funnel {
  const stage = (
    s: string,
    reached: number,
    persons: number,
    conversion: number | null,
    median: number | null,
  ) => ({
    stage: s,
    reached,
    persons,
    conversion,
    medianDaysFromPrevious: median,
  });
  return {
    projectId: RST_PROJECT_ID,
    current: [
      { stage: 'closed', households: 1, persons: 2 },
      { stage: 'exit_permits', households: 3, persons: 7 },
    ],
    stages: [
      stage('identification', 10, 24, null, null),
      stage('verification', 8, 20, 0.8, 3),
      stage('interview', 8, 20, 1, 6.5),
      stage('submission', 6, 15, 0.75, 12),
      stage('decision', 6, 15, 1, 1),
      stage('health_assessment', 5, 12, 0.833, 30),
      stage('pre_departure_orientation', 5, 12, 1, 9),
      stage('exit_permits', 4, 9, 0.8, 14),
      stage('booked', 2, 4, 0.5, 21),
      stage('movement', 1, 2, 0.5, 49),
      stage('arrived', 1, 2, 1, 0),
    ],
    exits: { rejected: 1, withdrawn: 0, merged: 1 },
  };
}

export function makeBatch(overrides: Partial<BatchView> = {}): BatchView {
  return {
    id: BATCH_ID,
    reference: 'SUB-2026-0001',
    projectId: RST_PROJECT_ID,
    officeId: PARIS_ID,
    kind: 'selection_mission',
    resettlementCountry: 'FR',
    missionStart: '2026-03-01',
    missionEnd: '2026-03-05',
    label: 'Mission OFPRA Beyrouth',
    status: 'submitted',
    submittedOn: '2026-03-02',
    households: [
      {
        caseId: CASE_ID,
        caseReference: 'PAR-C-000045',
        principalName: 'Samir Haddad',
        caseStatus: 'decision',
        caseVersion: 9,
        members: 2,
        outcome: 'pending',
        decidedOn: null,
      },
    ],
    version: 3,
    ...overrides,
  };
}

export function makeMovement(overrides: Partial<MovementView> = {}): MovementView {
  return {
    id: MOVEMENT_ID,
    reference: 'MOV-2026-0001',
    projectId: RST_PROJECT_ID,
    officeId: PARIS_ID,
    status: 'planned',
    seatCount: 3,
    seatsUsed: 2,
    destinationCountry: 'FR',
    departureDate: '2099-04-20',
    arrivalDate: '2099-04-20',
    arrivedAt: null,
    legs: [
      {
        seq: 1,
        carrier: 'Turkish Airlines',
        flightNumber: 'TK827',
        fromAirport: 'BEY',
        toAirport: 'IST',
        departsAt: '2099-04-20T05:00:00.000Z',
        arrivesAt: '2099-04-20T06:30:00.000Z',
      },
    ],
    escorts: [],
    bookings: [
      {
        id: BOOKING_ID,
        caseId: CASE_ID,
        caseReference: 'PAR-C-000045',
        status: 'booked',
        reason: null,
        passengers: [
          {
            personId: SAMIR_ID,
            name: 'Samir Haddad',
            seatRequired: true,
            boarding: 'pending',
            boardingReason: null,
          },
          {
            personId: LINA_ID,
            name: 'Lina Haddad',
            seatRequired: true,
            boarding: 'pending',
            boardingReason: null,
          },
        ],
      },
    ],
    version: 4,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<OrientationSession> = {}): OrientationSession {
  return {
    id: SESSION_ID,
    projectId: RST_PROJECT_ID,
    officeId: PARIS_ID,
    heldOn: '2026-03-01',
    place: 'Beyrouth',
    language: 'ar',
    facilitator: 'Nour Saleh',
    attendance: [],
    version: 2,
    ...overrides,
  };
}
