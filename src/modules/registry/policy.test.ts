/** The registry rules over every role and office relation, with expectations written out by hand. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import type { Role } from '../../platform/permissions';
import { isSensitiveNeed, visibleNeeds } from '../../platform/sensitivity';
import { mayEditPerson, personScope, seesSensitive } from './policy';

const PAR = 'office-par';
const TIR = 'office-tir';
const actorAs = (role: Role): Actor => ({
  userId: `u-${role}`,
  email: `${role}@x.test`,
  displayName: role,
  memberships: [{ officeId: PAR, role }],
});
const inScope = (scope: 'all' | string[], office: string) => scope === 'all' || scope.includes(office);

// role → [reads Paris people, reads Tirana people (a person transferred away is Tirana's), edits Paris people, merges in Paris, sees TR codes in Paris]
const EXPECTED: Record<Role, [boolean, boolean, boolean, boolean, boolean]> = {
  administrator: [false, false, false, false, false],
  supervisor: [true, false, true, true, true],
  caseworker: [true, false, true, false, false],
  protection_officer: [true, false, true, false, true],
  project_manager: [false, false, false, false, false],
  me_officer: [false, false, false, false, false],
  communications: [false, false, false, false, false],
  data_protection_officer: [true, true, false, false, true],
  registry_officer: [true, false, false, true, false],
  medical_officer: [true, false, false, false, false],
  partner: [false, false, false, false, false],
  donor: [false, false, false, false, false],
};

describe('registry policy', () => {
  it.each(Object.keys(EXPECTED) as Role[])('%s', (role) => {
    const actor = actorAs(role);
    const [readsOwn, readsOther, edits, merges, sensitive] = EXPECTED[role];
    expect(inScope(personScope(actor), PAR)).toBe(readsOwn);
    expect(inScope(personScope(actor), TIR)).toBe(readsOther);
    expect(mayEditPerson(actor, PAR)).toBe(edits);
    expect(mayEditPerson(actor, TIR)).toBe(false);
    expect(inScope(personScope(actor, 'persons.merge'), PAR)).toBe(merges);
    expect(seesSensitive(actor, PAR)).toBe(sensitive);
    expect(visibleNeeds(['WR-WR', 'TR-PI', 'SM-MI'], seesSensitive(actor, PAR))).toEqual(
      sensitive ? ['WR-WR', 'TR-PI', 'SM-MI'] : ['WR-WR', 'SM-MI'],
    );
  });

  it('knows the trafficking codes by their prefix', () => {
    expect(['TR-PI', 'TR-RK', 'WR-WR', 'str-x'].map(isSensitiveNeed)).toEqual([true, true, false, false]);
  });
});
