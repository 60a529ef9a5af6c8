import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import type { AuditEvent } from './contract';
import { withholdBeneficiaryData } from './withhold';

const PAR = '11111111-1111-4111-8111-111111111111';
const actor = (role: 'administrator' | 'data_protection_officer' | 'supervisor'): Actor => ({
  userId: 'u',
  email: 'u@x',
  displayName: 'U',
  memberships: [{ officeId: PAR, role }],
});
const event = (action: string, recordType: string | null): AuditEvent => ({
  seq: 1,
  occurredAt: '2026-03-02T09:00:00.000Z',
  actorUserId: null,
  actorEmail: 'cw@x.test',
  officeId: PAR,
  action,
  recordType,
  recordId: 'r',
  changes: { specificNeeds: { old: [], new: ['TR-PI'] } },
  metadata: { note: 'x' },
  requestId: null,
  ip: null,
  hash: 'h',
  withheld: false,
});

describe('withholdBeneficiaryData', () => {
  it('withholds what a person’s or case’s change said from an administrator, keeping who, what and when', () => {
    const [person, kase, user] = withholdBeneficiaryData(actor('administrator'), [
      event('person.updated', 'person'),
      event('case.note_added', 'case'),
      event('user.updated', 'user'),
    ]);
    expect(person).toMatchObject({
      action: 'person.updated',
      actorEmail: 'cw@x.test',
      changes: null,
      metadata: null,
      withheld: true,
    });
    expect(kase).toMatchObject({ changes: null, withheld: true });
    expect(user).toMatchObject({ withheld: false, changes: { specificNeeds: expect.anything() } });
  });

  it('shows everything to those who may read beneficiaries’ data there', () => {
    for (const role of ['data_protection_officer', 'supervisor'] as const)
      expect(withholdBeneficiaryData(actor(role), [event('person.updated', 'person')])[0]?.withheld).toBe(
        false,
      );
  });
});
