/**
 * The referral dashboard on a crafted set: pending, overdue, accepted and declined referrals per office and
 * direction, consent overrides, and the median time to answer incoming referrals; scoped to the reader's
 * offices (the data protection officer sees every office).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, expectProblem, type Session } from '../api/helpers';
import { openCase, tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';
import { addConsent, answer, send } from './helpers';

const USERS = [
  'cw.par@x.test',
  'sup.par@x.test',
  'sup.tir@x.test',
  'cw.tir@x.test',
  'sup.rab@x.test',
  'me.tir@x.test',
  'dpo@x.test',
] as const;
type Email = (typeof USERS)[number];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Counts = { pending: number; overdue: number; accepted: number; declined: number };
type Row = {
  office: { id: string; code: string; name: string };
  incoming: Counts;
  outgoing: Counts;
  medianResponseHours: number | null;
  consentOverrides: number;
};

let t: TestApp;
let sessions: Awaited<ReturnType<typeof signIn<Email>>>;
const as = (email: Email): Session => sessions.as(email);
let PAR: string;
let TIR: string;
let RAB: string;

const counts = (c: Partial<Counts> = {}): Counts => ({
  pending: 0,
  overdue: 0,
  accepted: 0,
  declined: 0,
  ...c,
});
const dashboard = async (email: Email) =>
  expectJson<{ offices: Row[] }>(await as(email).inject({ method: 'GET', url: '/api/referrals/dashboard' }))
    .offices;

beforeAll(async () => {
  // Sessions outlive the hours the clock moves.
  t = await createTestApp({ config: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_MINUTES: '43200' } });
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  RAB = await t.office('RAB', 'origin', 'MA');
  await t.user('cw.par@x.test', [['PAR', 'caseworker']]);
  await t.user('sup.par@x.test', [['PAR', 'supervisor']]);
  await t.user('sup.tir@x.test', [['TIR', 'supervisor']]);
  await t.user('cw.tir@x.test', [['TIR', 'caseworker']]);
  await t.user('sup.rab@x.test', [['RAB', 'supervisor']]);
  await t.user('me.tir@x.test', [['TIR', 'me_officer']]);
  await t.user('dpo@x.test', [['PAR', 'data_protection_officer']]);
  sessions = await signIn(t, USERS);

  // Paris: one case, referred many times, on a consent naming both offices and a partner.
  const cw = as('cw.par@x.test');
  const person = await registerPerson(cw, PAR, { givenName: 'Dash', familyName: 'Board' });
  const kase = await openCase(cw, { personId: person.id, officeId: PAR });
  const consent = await addConsent(cw, person.id, {
    purpose: 'referral',
    recipient: 'Office TIR, Office RAB and Shelter Nova',
  });
  const toOffice = (toOfficeId: string, extra: Record<string, unknown> = {}) =>
    send(cw, kase.id, {
      kind: 'referral',
      toOfficeId,
      sections: ['identity'],
      consentId: consent.id,
      responseDays: 30,
      ...extra,
    }).then((r) => r.referral.id);

  // Tirana answers in 2, 4 and 10 hours (median 4): accepted, declined, accepted.
  for (const [hours, verb] of [
    [2, 'accept'],
    [4, 'decline'],
    [10, 'accept'],
  ] as const) {
    const id = await toOffice(TIR);
    t.clock.advance(hours * HOUR);
    expectJson(
      await answer(as('sup.tir@x.test'), id, verb, verb === 'decline' ? { reason: 'No capacity.' } : {}),
    );
  }
  // Rabat declines in 6 hours.
  const rabat = await toOffice(RAB);
  t.clock.advance(6 * HOUR);
  expectJson(await answer(as('sup.rab@x.test'), rabat, 'decline', { reason: 'Outside our area.' }));
  // Pending in Tirana: one due in a day (overdue below), one in 30 days, one resting on an override.
  await toOffice(TIR, { responseDays: 1 });
  await toOffice(TIR);
  await send(as('sup.par@x.test'), kase.id, {
    kind: 'referral',
    toOfficeId: TIR,
    sections: ['identity'],
    overrideJustification: 'Imminent danger; the person cannot be reached to consent.',
    responseDays: 30,
  });
  // A partner referral: Paris's outgoing only.
  await send(cw, kase.id, {
    kind: 'referral',
    partner: { name: 'Shelter Nova' },
    sections: ['identity'],
    consentId: consent.id,
    responseDays: 30,
  });
  // Tirana refers one of its own cases to Paris, answered in 1 hour.
  const tirPerson = await registerPerson(as('cw.tir@x.test'), TIR, { givenName: 'Other', familyName: 'Way' });
  const tirCase = await openCase(as('cw.tir@x.test'), { personId: tirPerson.id, officeId: TIR });
  const tirConsent = await addConsent(as('cw.tir@x.test'), tirPerson.id, {
    purpose: 'referral',
    recipient: 'Office PAR',
  });
  const back = (
    await send(as('cw.tir@x.test'), tirCase.id, {
      kind: 'referral',
      toOfficeId: PAR,
      sections: ['identity'],
      consentId: tirConsent.id,
    })
  ).referral.id;
  t.clock.advance(HOUR);
  expectJson(await answer(as('sup.par@x.test'), back, 'accept'));
  // Two days on, the one-day referral is overdue.
  t.clock.advance(2 * DAY);
  await sessions.refresh();
});
afterAll(() => t.close());

describe('referral dashboard', () => {
  const expected = (): Row[] => [
    {
      office: { id: PAR, code: 'PAR', name: 'Office PAR' },
      incoming: counts({ accepted: 1 }),
      outgoing: counts({ pending: 4, overdue: 1, accepted: 2, declined: 2 }),
      medianResponseHours: 1,
      consentOverrides: 1,
    },
    {
      office: { id: RAB, code: 'RAB', name: 'Office RAB' },
      incoming: counts({ declined: 1 }),
      outgoing: counts(),
      medianResponseHours: 6,
      consentOverrides: 0,
    },
    {
      office: { id: TIR, code: 'TIR', name: 'Office TIR' },
      incoming: counts({ pending: 3, overdue: 1, accepted: 2, declined: 1 }),
      outgoing: counts({ accepted: 1 }),
      medianResponseHours: 4,
      consentOverrides: 0,
    },
  ];

  it('counts per office and direction, with overrides and the median time to answer (DPO: every office)', async () => {
    expect(await dashboard('dpo@x.test')).toEqual(expected());
  });

  it('shows each office its own row only', async () => {
    const [par, rab, tir] = expected();
    expect(await dashboard('sup.tir@x.test')).toEqual([tir]);
    expect(await dashboard('cw.tir@x.test')).toEqual([tir]);
    expect(await dashboard('sup.par@x.test')).toEqual([par]);
    expect(await dashboard('sup.rab@x.test')).toEqual([rab]);
    expectProblem(
      await as('me.tir@x.test').inject({ method: 'GET', url: '/api/referrals/dashboard' }),
      403,
      'forbidden',
    );
  });

  it('agrees with the lists of each side', async () => {
    const incoming = expectJson<{ items: { status: string; overdue: boolean }[] }>(
      await as('sup.tir@x.test').inject({ method: 'GET', url: '/api/referrals?direction=incoming' }),
    ).items;
    expect(incoming.filter((r) => r.status === 'pending')).toHaveLength(3);
    expect(incoming.filter((r) => r.overdue)).toHaveLength(1);
    const outgoing = expectJson<{ items: { status: string; consentOverride: boolean }[] }>(
      await as('sup.par@x.test').inject({ method: 'GET', url: '/api/referrals?direction=outgoing' }),
    ).items;
    expect(outgoing).toHaveLength(8);
    expect(outgoing.filter((r) => r.consentOverride)).toHaveLength(1);
  });
});
