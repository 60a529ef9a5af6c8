import { describe, expect, it } from 'vitest';
import {
  effectivePermissions,
  isPermission,
  officesGranting,
  PERMISSIONS,
  ROLE_DEFINITIONS,
  ROLES,
} from './permissions';

describe('permission registry', () => {
  it('names every permission resource.action', () => {
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('maps every role, and only to registered permissions', () => {
    expect(Object.keys(ROLE_DEFINITIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES)
      for (const p of ROLE_DEFINITIONS[role].permissions) expect(isPermission(p)).toBe(true);
  });

  it('gives the partner role nothing until it is granted', () => {
    expect(ROLE_DEFINITIONS.partner.permissions).toEqual([]);
  });

  it('keeps user management and audit reading away from caseworkers', () => {
    const caseworker = effectivePermissions([{ officeId: 'o1', role: 'caseworker' }]);
    expect(caseworker).not.toContain('users.manage');
    expect(caseworker).not.toContain('audit.read');
  });
});

describe('resettlement and health', () => {
  const holders = (permission: (typeof PERMISSIONS)[number]) =>
    ROLES.filter((role) => (ROLE_DEFINITIONS[role].permissions as readonly string[]).includes(permission));

  it('gives health findings to medical and protection roles only, not to oversight', () => {
    expect(holders('health.read')).toEqual(['protection_officer', 'medical_officer']);
    expect(holders('health.write')).toEqual(['medical_officer']);
  });

  it('reveals full numbers on manifests to supervisors only', () => {
    expect(holders('manifests.reveal')).toEqual(['supervisor']);
  });

  it('lets the medical officer read cases without changing their steps', () => {
    const medical = effectivePermissions([{ officeId: 'o1', role: 'medical_officer' }]);
    expect(medical).toContain('cases.read');
    expect(medical).not.toContain('cases.write');
    expect(medical).not.toContain('resettlement.write');
  });
});

describe('public content', () => {
  const holders = (permission: (typeof PERMISSIONS)[number]) =>
    ROLES.filter((role) => (ROLE_DEFINITIONS[role].permissions as readonly string[]).includes(permission));

  it('lets communications write, review and publish, and project managers read and review', () => {
    expect(holders('content.read')).toEqual(['project_manager', 'communications']);
    expect(holders('content.write')).toEqual(['communications']);
    expect(holders('content.review')).toEqual(['project_manager', 'communications']);
    expect(holders('content.publish')).toEqual(['communications']);
  });

  it('gives communications no beneficiary data', () => {
    const communications = effectivePermissions([{ officeId: 'o1', role: 'communications' }]);
    for (const p of ['persons.read', 'cases.read', 'reports.read', 'resettlement.read'] as const)
      expect(communications).not.toContain(p);
  });
});

describe('officesGranting', () => {
  it('limits an office role to the offices where it is held', () => {
    const memberships = [
      { officeId: 'paris', role: 'caseworker' as const },
      { officeId: 'tirana', role: 'supervisor' as const },
    ];
    expect(officesGranting(memberships, 'projects.read')).toEqual(
      expect.arrayContaining(['paris', 'tirana']),
    );
    expect(officesGranting(memberships, 'users.read')).toEqual(['tirana']);
    expect(officesGranting(memberships, 'users.manage')).toEqual([]);
  });

  it('extends a global role to every office', () => {
    expect(officesGranting([{ officeId: 'paris', role: 'administrator' }], 'users.manage')).toBe('all');
    expect(officesGranting([{ officeId: 'paris', role: 'data_protection_officer' }], 'audit.read')).toBe(
      'all',
    );
  });

  it('denies by default: no membership, no office', () => {
    expect(officesGranting([], 'offices.read')).toEqual([]);
    expect(effectivePermissions([])).toEqual([]);
  });
});
