import type { CaseDetail, CaseSummary } from '../../../src/modules/cases/contract';
import type { Me } from '../../../src/modules/identity/contract';
import type { PersonSummary } from '../../../src/modules/registry/contract';
import type { CaseTask } from '../features/cases/api';
import type { PersonDetail } from '../features/registry/api';
import { DAKAR_ID, makeMe, PARIS_ID } from './fixtures';

export const PERSON_ID = '77777777-7777-4777-8777-777777777777';
export const OTHER_PERSON_ID = '78787878-7878-4878-8878-787878787878';
export const CASE_ID = '88888888-8888-4888-8888-888888888888';
export const CASE_ID_2 = '89898989-8989-4989-8989-898989898989';
export const TASK_ID = '99999999-9999-4999-8999-999999999999';
export const DOC_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const CONSENT_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const CONSENT_ID_2 = 'bcbcbcbc-bcbc-4bcb-8bcb-bcbcbcbcbcbc';
export const BOB_ID = '44444444-4444-4444-8444-444444444444';

/** A supervisor in Paris: every registry and case permission. */
export function makeSupervisor(overrides: Partial<Me> = {}): Me {
  return makeMe({
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'supervisor' }],
    permissions: [
      'offices.read',
      'users.read',
      'projects.read',
      'persons.read',
      'persons.write',
      'cases.read',
      'cases.write',
      'cases.assign',
      'cases.approve',
      'cases.reopen',
      'cases.sensitive',
    ],
    ...overrides,
  });
}

/** A caseworker in Paris: no assignment, approval, reopening or sensitive cases. */
export function makeCaseworker(): Me {
  return makeMe({
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' }],
    permissions: [
      'offices.read',
      'users.read',
      'projects.read',
      'persons.read',
      'persons.write',
      'cases.read',
      'cases.write',
    ],
  });
}

export function makePersonSummary(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: PERSON_ID,
    reference: 'PAR-P-000123',
    officeCode: 'PARIS',
    givenName: 'Amina',
    familyName: 'Haddad',
    givenNameOriginal: 'أمينة',
    familyNameOriginal: 'حداد',
    sex: 'female',
    birthDate: '1990-01-01',
    birthDatePrecision: 'year',
    nationalities: ['SY'],
    caseCount: 2,
    ...overrides,
  };
}

export function makePersonDetail(overrides: Partial<PersonDetail> = {}): PersonDetail {
  return {
    id: PERSON_ID,
    reference: 'PAR-P-000123',
    officeId: PARIS_ID,
    officeCode: 'PARIS',
    givenName: 'Amina',
    familyName: 'Haddad',
    fatherName: 'Omar',
    givenNameOriginal: 'أمينة',
    familyNameOriginal: 'حداد',
    fatherNameOriginal: null,
    originalScript: 'arabic',
    sex: 'female',
    birthDate: '1990-01-01',
    birthDatePrecision: 'year',
    nationalities: ['SY'],
    languages: ['ar', 'fr'],
    phone: null,
    email: null,
    address: null,
    placeOfOrigin: 'Alep',
    countryOfOrigin: 'SY',
    specificNeeds: ['SM-CI'],
    aliases: [{ name: 'Amina H.', script: 'latin' }],
    householdId: null,
    relationship: null,
    version: 3,
    createdAt: '2025-02-01T09:00:00.000Z',
    updatedAt: '2025-02-03T09:00:00.000Z',
    documents: [
      { id: DOC_ID, type: 'passport', number: '•••••4567', issuingCountry: 'SY', expiryDate: '2030-05-01' },
    ],
    consents: [
      {
        id: CONSENT_ID,
        purpose: 'assistance',
        recipient: 'Passerelle',
        givenBy: 'self',
        givenOn: '2025-02-01',
        withdrawnOn: null,
      },
      {
        id: CONSENT_ID_2,
        purpose: 'media',
        recipient: 'Service communication',
        givenBy: 'self',
        givenOn: '2025-02-01',
        withdrawnOn: '2025-02-10',
      },
    ],
    household: [],
    ...overrides,
  };
}

export function makeCaseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: CASE_ID,
    reference: 'PAR-C-000045',
    personId: PERSON_ID,
    personName: 'Amina Haddad',
    personNameOriginal: 'أمينة حداد',
    nationalities: ['SY'],
    caseType: 'avrr',
    sensitive: false,
    status: 'travel_preparation',
    pendingTransitionTo: null,
    projectId: null,
    projectCode: null,
    officeId: PARIS_ID,
    officeCode: 'PARIS',
    assignedTo: { id: BOB_ID, name: 'Bob Diallo' },
    departureDate: null,
    createdAt: '2025-02-05T09:00:00.000Z',
    updatedAt: '2025-02-06T09:00:00.000Z',
    ...overrides,
  };
}

export function makeTask(overrides: Partial<CaseTask> = {}): CaseTask {
  return {
    id: TASK_ID,
    caseId: CASE_ID,
    caseReference: 'PAR-C-000045',
    title: 'Réserver le billet',
    dueDate: '2025-01-10',
    assignee: { id: BOB_ID, name: 'Bob Diallo' },
    done: false,
    overdue: true,
    version: 1,
    ...overrides,
  };
}

export function makeCaseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...makeCaseSummary(),
    householdId: null,
    closureReason: null,
    travelDocumentReady: false,
    medicalFitness: 'fit',
    declarationSignedOn: null,
    hostCountry: 'FR',
    returnCountry: 'SY',
    pendingTransition: null,
    workflowStates: [
      'intake',
      'counselling',
      'eligibility',
      'travel_preparation',
      'ready_to_travel',
      'departed',
      'arrived',
      'reintegration_planning',
      'reintegration_assistance',
      'monitoring',
      'withdrawn',
      'closed',
    ],
    availableTransitions: [
      {
        to: 'ready_to_travel',
        approval: false,
        requires: ['travelDocumentReady', 'medicalFitness', 'declarationSignedOn'],
        missing: ['travelDocumentReady', 'declarationSignedOn'],
      },
      { to: 'withdrawn', approval: false, requires: [], missing: [] },
    ],
    canApprove: true,
    canReopen: false,
    canAssign: true,
    canSeeConfidential: true,
    timeline: [
      {
        id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
        kind: 'opened',
        fromStatus: null,
        toStatus: 'intake',
        actorName: 'Alice Martin',
        comment: null,
        data: null,
        at: '2025-02-05T09:00:00.000Z',
      },
      {
        id: 'cdcdcdcd-cdcd-4cdc-8cdc-cdcdcdcdcdcd',
        kind: 'transition',
        fromStatus: 'eligibility',
        toStatus: 'travel_preparation',
        actorName: 'Bob Diallo',
        comment: 'Éligible.',
        data: null,
        at: '2025-02-06T09:00:00.000Z',
      },
    ],
    notes: [
      {
        id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        body: 'Entretien téléphonique.',
        confidential: false,
        authorName: 'Bob Diallo',
        createdAt: '2025-02-05T10:00:00.000Z',
      },
      {
        id: 'dedededd-dede-4ded-8ded-dededededede',
        body: 'Risque signalé.',
        confidential: true,
        authorName: 'Alice Martin',
        createdAt: '2025-02-05T11:00:00.000Z',
      },
    ],
    tasks: [makeTask()],
    attachments: [
      {
        id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
        fileName: 'declaration.pdf',
        contentType: 'application/pdf',
        sizeBytes: 245_000,
        documentKind: null,
        uploadedByName: 'Bob Diallo',
        createdAt: '2025-02-05T12:00:00.000Z',
      },
    ],
    version: 7,
    ...overrides,
  };
}

export { DAKAR_ID, PARIS_ID };
