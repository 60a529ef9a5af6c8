/**
 * The case rules over every role and office relation. Expectations are written out by hand (not derived
 * from the role table), so a change to a role's permissions that changes who sees trafficking cases shows
 * up here as a failing row.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import type { Role } from '../../platform/permissions';
import { mayApprove, mayAssign, mayBeAssigned, mayEditCase, mayOpenCase, maySeeCase } from './policy';

const PAR = 'office-par';
const TIR = 'office-tir';
const actorAs = (role: Role, office = PAR): Actor => ({
  userId: `u-${role}`,
  email: `${role}@x.test`,
  displayName: role,
  memberships: [{ officeId: office, role }],
});

/**
 * The actor holds the role in Paris. Relations of the case to the actor:
 * own office (a Paris case), other office (Tirana's), transferred-from (Paris sent it to Tirana: it is
 * Tirana's now, so it reads as another office's), referred-to is the referrals module's (a referral,
 * never the case), partner (an outside organisation's account: no case at all).
 */
const relations = {
  own: { owningOfficeId: PAR, sensitive: false },
  ownTrafficking: { owningOfficeId: PAR, sensitive: true },
  other: { owningOfficeId: TIR, sensitive: false },
  otherTrafficking: { owningOfficeId: TIR, sensitive: true },
  transferredFrom: { owningOfficeId: TIR, sensitive: false },
} as const;
type Relation = keyof typeof relations;

// role → relations where the role may see / edit the case
const SEES: Record<Role, Relation[]> = {
  administrator: [],
  supervisor: ['own', 'ownTrafficking'],
  caseworker: ['own'],
  protection_officer: ['own', 'ownTrafficking'],
  project_manager: [],
  me_officer: [],
  communications: [],
  data_protection_officer: ['own', 'ownTrafficking', 'other', 'otherTrafficking', 'transferredFrom'],
  registry_officer: [],
  // Reads the office's resettlement cases to assess their members' health; changes no step.
  medical_officer: ['own'],
  partner: [],
  donor: [],
};
const EDITS: Record<Role, Relation[]> = {
  administrator: [],
  supervisor: ['own', 'ownTrafficking'],
  caseworker: ['own'],
  protection_officer: ['own', 'ownTrafficking'],
  project_manager: [],
  me_officer: [],
  communications: [],
  data_protection_officer: [],
  registry_officer: [],
  medical_officer: [],
  partner: [],
  donor: [],
};
const ROLES = Object.keys(SEES) as Role[];

describe('case policy', () => {
  for (const role of ROLES)
    for (const relation of Object.keys(relations) as Relation[]) {
      it(`${role} × ${relation}: sees ${SEES[role].includes(relation)}, edits ${EDITS[role].includes(relation)}`, () => {
        const actor = actorAs(role);
        expect(maySeeCase(actor, relations[relation])).toBe(SEES[role].includes(relation));
        expect(mayEditCase(actor, relations[relation])).toBe(EDITS[role].includes(relation));
      });
    }

  it.each(ROLES)('%s: opens, assigns and approves only what its role says, in its own office', (role) => {
    const actor = actorAs(role);
    const opens = ['supervisor', 'caseworker', 'protection_officer'].includes(role);
    expect(mayOpenCase(actor, PAR, false)).toBe(opens);
    expect(mayOpenCase(actor, PAR, true)).toBe(['supervisor', 'protection_officer'].includes(role));
    expect(mayOpenCase(actor, TIR, false)).toBe(false);
    expect(mayAssign(actor, PAR)).toBe(role === 'supervisor');
    expect(mayApprove(actor, PAR)).toBe(role === 'supervisor');
    expect(mayApprove(actor, TIR)).toBe(false);
  });

  it.each(ROLES)('%s can be given a Paris case only if they can work on it', (role) => {
    const memberships = [{ officeId: PAR, role }];
    expect(mayBeAssigned(memberships, PAR, false)).toBe(
      ['supervisor', 'caseworker', 'protection_officer'].includes(role),
    );
    expect(mayBeAssigned(memberships, PAR, true)).toBe(['supervisor', 'protection_officer'].includes(role));
    expect(mayBeAssigned(memberships, TIR, false)).toBe(false);
  });
});
