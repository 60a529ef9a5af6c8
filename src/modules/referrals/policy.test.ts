/** The referral rules over every role and relation, with expectations written out by hand. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import type { Role } from '../../platform/permissions';
import { mayRespond, maySeeReferral, readerSeesSensitive, sideOf, writesThread } from './policy';

const PAR = 'office-par';
const TIR = 'office-tir';
const KYI = 'office-kyi';
const actorAs = (role: Role): Actor => ({
  userId: `u-${role}`,
  email: `${role}@x.test`,
  displayName: role,
  memberships: [{ officeId: PAR, role }],
});

/** The actor holds the role in Paris. */
const relations = {
  /** Paris sent it (to Tirana). */
  sentByOwnOffice: { fromOfficeId: PAR, toOfficeId: TIR, caseSensitive: false },
  /** Paris sent it, for a trafficking case. */
  sentByOwnOfficeTrafficking: { fromOfficeId: PAR, toOfficeId: TIR, caseSensitive: true },
  /** Tirana referred it to Paris. */
  referredTo: { fromOfficeId: TIR, toOfficeId: PAR, caseSensitive: false },
  /** Tirana referred a trafficking case to Paris: the receiver reads what was shared. */
  referredToTrafficking: { fromOfficeId: TIR, toOfficeId: PAR, caseSensitive: true },
  /** Paris transferred the case to Tirana: Paris stays the sender of the transfer. */
  transferredFrom: { fromOfficeId: PAR, toOfficeId: TIR, caseSensitive: false },
  /** Between two other offices. */
  other: { fromOfficeId: TIR, toOfficeId: KYI, caseSensitive: false },
  /** To an outside partner (no receiving office): only the sender's side exists. */
  toPartner: { fromOfficeId: TIR, toOfficeId: null, caseSensitive: false },
} as const;
type Relation = keyof typeof relations;
const ALL = Object.keys(relations) as Relation[];
const OWN_SIDE: Relation[] = ['sentByOwnOffice', 'referredTo', 'referredToTrafficking', 'transferredFrom'];

const SEES: Record<Role, Relation[]> = {
  administrator: [],
  supervisor: [...OWN_SIDE, 'sentByOwnOfficeTrafficking'],
  caseworker: OWN_SIDE,
  protection_officer: [...OWN_SIDE, 'sentByOwnOfficeTrafficking'],
  project_manager: [],
  me_officer: [],
  communications: [],
  data_protection_officer: ALL,
  registry_officer: [],
  medical_officer: [],
  partner: [],
  donor: [],
};

describe('referral policy', () => {
  for (const role of Object.keys(SEES) as Role[])
    for (const relation of ALL)
      it(`${role} × ${relation}: sees ${SEES[role].includes(relation)}`, () => {
        expect(maySeeReferral(actorAs(role), relations[relation])).toBe(SEES[role].includes(relation));
      });

  it('answers are for the receiving office’s supervisors', () => {
    expect(mayRespond(actorAs('supervisor'), relations.referredTo)).toBe(true);
    expect(mayRespond(actorAs('supervisor'), relations.sentByOwnOffice)).toBe(false);
    expect(mayRespond(actorAs('caseworker'), relations.referredTo)).toBe(false);
    expect(mayRespond(actorAs('supervisor'), relations.toPartner)).toBe(false);
  });

  it('puts the reader on the side of the office they read from, and shows trafficking sections only with cases.sensitive there', () => {
    const sent = { row: relations.sentByOwnOffice };
    const received = { row: relations.referredToTrafficking };
    expect(sideOf(actorAs('caseworker'), sent)).toBe('sender');
    expect(sideOf(actorAs('caseworker'), received)).toBe('receiver');
    expect(readerSeesSensitive(actorAs('caseworker'), received, 'receiver')).toBe(false);
    expect(readerSeesSensitive(actorAs('protection_officer'), received, 'receiver')).toBe(true);
    expect(readerSeesSensitive(actorAs('data_protection_officer'), received, 'receiver')).toBe(true);
  });

  it('lets office staff write in threads, never oversight or partner accounts', () => {
    expect(writesThread(actorAs('caseworker'), PAR)).toBe(true);
    expect(writesThread(actorAs('caseworker'), TIR)).toBe(false);
    expect(writesThread(actorAs('data_protection_officer'), PAR)).toBe(false);
    expect(writesThread(actorAs('partner'), PAR)).toBe(false);
    expect(writesThread(actorAs('administrator'), PAR)).toBe(false);
  });
});
