import type { AuditEvent } from '../../../src/modules/audit/contract';
import type { Project } from '../../../src/modules/projects/contract';
import { DAKAR_ID, PARIS_ID } from './fixtures';

export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    code: 'AVRR-SN',
    name: 'Retour et réintégration au Sénégal',
    summary: { fr: 'Accompagnement au retour volontaire.', en: 'Support for voluntary return.' },
    kind: 'avrr_vot',
    donor: 'Union européenne',
    cofunding: null,
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    hostCountries: ['FR'],
    originCountries: ['SN', 'ML'],
    targetPersons: 1200,
    owningOfficeId: PARIS_ID,
    owningOfficeCode: 'PARIS',
    participatingOfficeIds: [DAKAR_ID],
    version: 1,
    ...overrides,
  };
}

export function makeAuditEvent(seq: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq,
    occurredAt: '2025-03-01T10:00:00.000Z',
    actorUserId: '33333333-3333-4333-8333-333333333333',
    actorEmail: 'alice@example.org',
    officeId: PARIS_ID,
    action: 'user.updated',
    recordType: 'user',
    recordId: '44444444-4444-4444-8444-444444444444',
    changes: { displayName: { old: 'Bob', new: 'Bob Diallo' } },
    metadata: null,
    requestId: `req-${seq}`,
    ip: null,
    hash: `hash-${seq}`,
    withheld: false,
    ...overrides,
  };
}
