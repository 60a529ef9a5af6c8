import type { Me, Office, User } from '../../../src/modules/identity/contract';

export const PARIS_ID = '11111111-1111-4111-8111-111111111111';
export const DAKAR_ID = '22222222-2222-4222-8222-222222222222';

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: '33333333-3333-4333-8333-333333333333',
      email: 'alice@example.org',
      displayName: 'Alice Martin',
      locale: 'fr',
      mustChangePassword: false,
    },
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'administrator' }],
    permissions: [
      'offices.read',
      'offices.manage',
      'users.read',
      'users.manage',
      'projects.read',
      'projects.manage',
      'audit.read',
    ],
    csrfToken: 'csrf-token-1',
    ...overrides,
  };
}

export const OFFICES: Office[] = [
  {
    id: PARIS_ID,
    code: 'PARIS',
    name: 'Paris',
    country: 'FR',
    city: 'Paris',
    region: 'Île-de-France',
    kind: 'host',
    active: true,
    version: 1,
  },
  {
    id: DAKAR_ID,
    code: 'DAKAR',
    name: 'Dakar',
    country: 'SN',
    city: 'Dakar',
    region: null,
    kind: 'origin',
    active: true,
    version: 3,
  },
];

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    email: 'bob@example.org',
    displayName: 'Bob Diallo',
    locale: 'fr',
    status: 'active',
    signInDelayedUntil: null,
    lastLoginAt: null,
    mustChangePassword: false,
    memberships: [{ officeId: DAKAR_ID, officeCode: 'DAKAR', officeName: 'Dakar', role: 'caseworker' }],
    pendingMembershipChange: null,
    version: 2,
    createdAt: '2025-01-15T10:00:00.000Z',
    ...overrides,
  };
}
