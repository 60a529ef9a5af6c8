/**
 * The feedback loop: the thread between the two offices, in-app notifications for what needs each side's
 * action (received, accepted, declined, message, revoked, overdue), the former owner's read-only progress
 * view after a transfer (until the follow-up period ends or consent is withdrawn), and consent withdrawal
 * revoking the referrals resting on it in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralMessages } from '../../src/modules/referrals/tables';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectProblem,
  lastAuditSeq,
  type Session,
} from '../api/helpers';
import { getCase, openCase, tickingClock, walk } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { consentRow, registerPerson, signIn } from '../registry/helpers';
import {
  addConsent,
  answer,
  getReferral,
  notificationRows,
  notificationsOf,
  type ReferralSummaryBody,
  referralRow,
  send,
} from './helpers';

const USERS = [
  'cw.par@x.test',
  'sup.par@x.test',
  'prot.par@x.test',
  'cw.tir@x.test',
  'sup.tir@x.test',
  'sup2.tir@x.test',
  'prot.tir@x.test',
  'me.tir@x.test',
  'sup.rab@x.test',
  'dpo@x.test',
] as const;
type Email = (typeof USERS)[number];
const DAY = 86_400_000;

let t: TestApp;
let sessions: Awaited<ReturnType<typeof signIn<Email>>>;
const as = (email: Email): Session => sessions.as(email);
const userIds = {} as Record<Email, string>;
const emailOf = (id: string) => (Object.keys(userIds) as Email[]).find((e) => userIds[e] === id);
let PAR: string;
let TIR: string;
let RAB: string;

/** A person with an open ordinary case in Paris and a consent naming Tirana (and Rabat). */
async function newCase(givenName: string) {
  const cw = as('cw.par@x.test');
  const person = await registerPerson(cw, PAR, { givenName, familyName: 'Feedback' });
  const kase = await openCase(cw, { personId: person.id, officeId: PAR });
  const consent = await addConsent(cw, person.id, {
    purpose: 'referral',
    recipient: 'Office TIR and Office RAB',
  });
  return { person, kase, consentId: consent.id };
}

/** Who was notified of what about a referral, as sorted `kind email` strings. */
async function told(referralId: string, kind?: string): Promise<string[]> {
  return (await notificationRows(t.db))
    .filter((n) => n.referralId === referralId && (!kind || n.kind === kind))
    .map((n) => `${n.kind} ${emailOf(n.userId)}`)
    .sort();
}

function post(session: Session, referralId: string, body: string) {
  return session.inject({ method: 'POST', url: `/api/referrals/${referralId}/messages`, payload: { body } });
}

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  RAB = await t.office('RAB', 'origin', 'MA');
  const roles: Record<Email, [string, Parameters<TestApp['user']>[1][number][1]]> = {
    'cw.par@x.test': ['PAR', 'caseworker'],
    'sup.par@x.test': ['PAR', 'supervisor'],
    'prot.par@x.test': ['PAR', 'protection_officer'],
    'cw.tir@x.test': ['TIR', 'caseworker'],
    'sup.tir@x.test': ['TIR', 'supervisor'],
    'sup2.tir@x.test': ['TIR', 'supervisor'],
    'prot.tir@x.test': ['TIR', 'protection_officer'],
    'me.tir@x.test': ['TIR', 'me_officer'],
    'sup.rab@x.test': ['RAB', 'supervisor'],
    // A global role, recorded as a membership of Paris.
    'dpo@x.test': ['PAR', 'data_protection_officer'],
  };
  for (const email of USERS) userIds[email] = (await t.user(email, [roles[email]])).id;
  sessions = await signIn(t, USERS);
});
afterAll(() => t.close());

describe('the thread and its notifications', () => {
  let referralId: string;
  let reference: string;

  it('tells the receiving office’s responders of a new referral, and no one else', async () => {
    const x = await newCase('Thread');
    const { referral } = await send(as('cw.par@x.test'), x.kase.id, {
      kind: 'referral',
      toOfficeId: TIR,
      sections: ['identity', 'needs_summary'],
      consentId: x.consentId,
    });
    referralId = referral.id;
    reference = referral.reference;
    expect(await told(referralId)).toEqual([
      'referral.received sup.tir@x.test',
      'referral.received sup2.tir@x.test',
    ]);
    const list = await notificationsOf(as('sup.tir@x.test'));
    expect(list.unread).toBe(1);
    expect(list.items).toEqual([
      {
        id: expect.any(String),
        kind: 'referral.received',
        referralId,
        referralReference: reference,
        officeCode: 'PAR',
        createdAt: expect.any(String),
        read: false,
      },
    ]);
    expect(await notificationsOf(as('cw.tir@x.test'))).toEqual({ items: [], unread: 0 });
    expect(await notificationsOf(as('dpo@x.test'))).toEqual({ items: [], unread: 0 });
  });

  it('lets both offices write on the thread, telling the other side (not the author)', async () => {
    let seq = await lastAuditSeq(t.db);
    expectJson(await post(as('cw.tir@x.test'), referralId, 'Does she have a passport?'), 201);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.officeId, e.actorUserId])).toEqual([
      ['referral.message_posted', TIR, userIds['cw.tir@x.test']],
    ]);
    expect(events[0]?.metadata).toMatchObject({ side: 'receiver' });
    // The message stays in the thread, not in the audit log.
    expect(JSON.stringify(events)).not.toContain('passport');
    // The requester and the sending office's supervisors.
    expect(await told(referralId, 'referral.message')).toEqual([
      'referral.message cw.par@x.test',
      'referral.message sup.par@x.test',
    ]);

    seq = await lastAuditSeq(t.db);
    expectJson(await post(as('sup.par@x.test'), referralId, 'Yes, valid until 2030.'), 201);
    expect((await auditAfter(t.db, seq)).map((e) => [e.action, e.officeId])).toEqual([
      ['referral.message_posted', PAR],
    ]);
    // Pending: the receiving side's responders.
    expect(await told(referralId, 'referral.message')).toEqual([
      'referral.message cw.par@x.test',
      'referral.message sup.par@x.test',
      'referral.message sup.tir@x.test',
      'referral.message sup2.tir@x.test',
    ]);
    const thread = await getReferral(as('cw.tir@x.test'), referralId);
    expect(thread.messages.map((m) => [m.side, m.authorName, m.body])).toEqual([
      ['receiver', 'cw.tir', 'Does she have a passport?'],
      ['sender', 'sup.par', 'Yes, valid until 2030.'],
    ]);
    expect(thread.canMessage).toBe(true);
  });

  it('lets the data protection officer read the thread but not write in it (403, nothing written)', async () => {
    const seen = await getReferral(as('dpo@x.test'), referralId);
    expect(seen.messages).toHaveLength(2);
    expect(seen.canMessage).toBe(false);
    expect(seen.canRespond).toBe(false);
    expect(seen.canRevoke).toBe(false);
    const seq = await lastAuditSeq(t.db);
    const notificationsBefore = await notificationRows(t.db);
    expectProblem(await post(as('dpo@x.test'), referralId, 'Oversight note'), 403, 'forbidden');
    await expectNoEvent(t.db, seq);
    expect(
      await t.db.select().from(referralMessages).where(eq(referralMessages.referralId, referralId)),
    ).toHaveLength(2);
    expect(await notificationRows(t.db)).toEqual(notificationsBefore);
    // The M&E officer of the receiving office holds no referrals.read: stopped at the route guard.
    expectProblem(await post(as('me.tir@x.test'), referralId, 'Hello'), 403, 'forbidden');
  });

  it('tells the sending side of the acceptance; messages then reach every reader of the receiving office', async () => {
    expectJson(await answer(as('sup.tir@x.test'), referralId, 'accept'));
    expect(await told(referralId, 'referral.accepted')).toEqual([
      'referral.accepted cw.par@x.test',
      'referral.accepted sup.par@x.test',
    ]);
    const [accepted] = (await notificationsOf(as('cw.par@x.test'))).items.filter(
      (n) => n.kind === 'referral.accepted',
    );
    expect(accepted).toMatchObject({ referralId, officeCode: 'TIR', read: false });
    expectJson(await post(as('cw.par@x.test'), referralId, 'She arrives on Friday.'), 201);
    const received = (await told(referralId, 'referral.message')).filter((s) => s.endsWith('tir@x.test'));
    expect(received).toEqual([
      'referral.message cw.tir@x.test',
      'referral.message prot.tir@x.test',
      'referral.message sup.tir@x.test',
      'referral.message sup.tir@x.test',
      'referral.message sup2.tir@x.test',
      'referral.message sup2.tir@x.test',
    ]);
  });

  it('tells the sending side of a decline, and the receiving side of a revocation', async () => {
    const a = await newCase('Declined');
    const declined = (
      await send(as('cw.par@x.test'), a.kase.id, {
        kind: 'referral',
        toOfficeId: TIR,
        sections: ['identity'],
        consentId: a.consentId,
      })
    ).referral;
    expectJson(
      await answer(as('sup2.tir@x.test'), declined.id, 'decline', { reason: 'No capacity this month.' }),
    );
    expect(await told(declined.id)).toEqual([
      'referral.declined cw.par@x.test',
      'referral.declined sup.par@x.test',
      'referral.received sup.tir@x.test',
      'referral.received sup2.tir@x.test',
    ]);
    // The thread of an answered-no referral is closed.
    expectProblem(await post(as('cw.par@x.test'), declined.id, 'Why?'), 409, 'referral_not_pending');

    const b = await newCase('Revoked');
    const revoked = (
      await send(as('cw.par@x.test'), b.kase.id, {
        kind: 'referral',
        toOfficeId: TIR,
        sections: ['identity'],
        consentId: b.consentId,
      })
    ).referral;
    const seq = await lastAuditSeq(t.db);
    expectJson(await answer(as('cw.par@x.test'), revoked.id, 'revoke', { reason: 'She decided to stay.' }));
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ['referral.revoked', { caseId: b.kase.id, reason: 'She decided to stay.', previousStatus: 'pending' }],
    ]);
    expect(await told(revoked.id, 'referral.revoked')).toEqual([
      'referral.revoked cw.tir@x.test',
      'referral.revoked prot.tir@x.test',
      'referral.revoked sup.tir@x.test',
      'referral.revoked sup2.tir@x.test',
    ]);
  });

  it('marks one notification read, then all; the unread count follows; others’ notifications are untouched', async () => {
    const sup = as('sup.tir@x.test');
    const before = await notificationsOf(sup);
    expect(before.unread).toBe(before.items.length);
    expect(before.unread).toBeGreaterThan(2);
    const [first, second] = before.items;
    if (!first || !second) throw new Error('two notifications expected');
    // Newest first.
    expect(first.createdAt >= second.createdAt).toBe(true);
    expect(
      expectJson<{ marked: number }>(
        await sup.inject({ method: 'POST', url: '/api/notifications/read', payload: { id: second.id } }),
      ),
    ).toEqual({ marked: 1 });
    const after = await notificationsOf(sup);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((n) => n.id === second.id)?.read).toBe(true);
    // Someone else's notification: nothing marked.
    const other = await notificationsOf(as('sup2.tir@x.test'));
    expect(
      expectJson<{ marked: number }>(
        await sup.inject({
          method: 'POST',
          url: '/api/notifications/read',
          payload: { id: other.items[0]?.id },
        }),
      ),
    ).toEqual({ marked: 0 });
    expect((await notificationsOf(as('sup2.tir@x.test'))).unread).toBe(other.unread);
    expect(
      expectJson<{ marked: number }>(
        await sup.inject({ method: 'POST', url: '/api/notifications/read', payload: {} }),
      ),
    ).toEqual({ marked: before.unread - 1 });
    expect((await notificationsOf(sup)).unread).toBe(0);
    expect(
      expectJson<{ marked: number }>(
        await sup.inject({ method: 'POST', url: '/api/notifications/read', payload: {} }),
      ),
    ).toEqual({ marked: 0 });
    expectProblem(
      await sup.inject({ method: 'POST', url: '/api/notifications/read', payload: { id: 'x' } }),
      400,
      'validation_failed',
    );
  });
});

describe('overdue answers', () => {
  it('tells both sides once when a referral is left unanswered past its due date', async () => {
    const x = await newCase('Overdue');
    const { referral } = await send(as('cw.par@x.test'), x.kase.id, {
      kind: 'referral',
      toOfficeId: TIR,
      sections: ['identity'],
      consentId: x.consentId,
      responseDays: 2,
    });
    expect(referral.overdue).toBe(false);
    t.clock.advance(2 * DAY - 60_000);
    await sessions.refresh();
    await notificationsOf(as('sup.tir@x.test'));
    expect(await told(referral.id, 'referral.overdue')).toEqual([]);
    t.clock.advance(2 * 60_000);
    // Reading notifications runs the sweep.
    const mine = await notificationsOf(as('sup.tir@x.test'));
    expect(mine.items.filter((n) => n.kind === 'referral.overdue').map((n) => n.referralId)).toEqual([
      referral.id,
    ]);
    const overdue = [
      'referral.overdue cw.par@x.test',
      'referral.overdue sup.par@x.test',
      'referral.overdue sup.tir@x.test',
      'referral.overdue sup2.tir@x.test',
    ];
    expect(await told(referral.id, 'referral.overdue')).toEqual(overdue);
    expect((await referralRow(t.db, referral.id)).overdueNotifiedAt).not.toBeNull();
    // Not twice: other readers, later.
    await notificationsOf(as('sup2.tir@x.test'));
    await notificationsOf(as('cw.par@x.test'));
    t.clock.advance(DAY);
    await sessions.refresh();
    await notificationsOf(as('sup.tir@x.test'));
    expect(await told(referral.id, 'referral.overdue')).toEqual(overdue);
    // The list's overdue filter and the flag.
    const listed = expectJson<{ items: ReferralSummaryBody[] }>(
      await as('sup.tir@x.test').inject({
        method: 'GET',
        url: '/api/referrals?direction=incoming&overdue=true',
      }),
    ).items;
    expect(listed.map((r) => [r.id, r.overdue])).toEqual([[referral.id, true]]);
    // Answering ends it.
    expectJson(await answer(as('sup.tir@x.test'), referral.id, 'accept'));
    expect((await getReferral(as('sup.tir@x.test'), referral.id)).overdue).toBe(false);
  });
});

describe('after a transfer: the former owner follows progress', () => {
  it('shows status and milestones, not content, until the follow-up period ends', async () => {
    const x = await newCase('Followed');
    const { referral } = await send(as('cw.par@x.test'), x.kase.id, {
      kind: 'transfer',
      toOfficeId: TIR,
      sections: ['identity'],
      consentId: x.consentId,
      followUpMonths: 1,
    });
    expectJson(await answer(as('sup.tir@x.test'), referral.id, 'accept'));
    const row = await referralRow(t.db, referral.id);
    const until = new Date(row.respondedAt as Date);
    until.setUTCMonth(until.getUTCMonth() + 1);
    expect(row.followUpUntil).toEqual(until);
    const tirana = as('cw.tir@x.test');
    await walk(tirana, await getCase(tirana, x.kase.id), ['counselling', 'eligibility']);
    const followed = await getReferral(as('cw.par@x.test'), referral.id);
    expect(followed).toMatchObject({ side: 'sender', status: 'accepted', shared: null, canRevoke: false });
    expect(followed.progress).toEqual({
      status: 'eligibility',
      milestones: [
        { toStatus: 'counselling', at: expect.any(String) },
        { toStatus: 'eligibility', at: expect.any(String) },
      ],
      monitoring: [],
      until: until.toISOString(),
    });
    // The receiver (now the owner) has the case itself: no progress view, no copy.
    expect((await getReferral(as('sup.tir@x.test'), referral.id)).progress).toBeNull();

    t.clock.advance(32 * DAY);
    await sessions.refresh();
    const ended = await getReferral(as('cw.par@x.test'), referral.id);
    expect(ended).toMatchObject({ status: 'accepted', progress: null, shared: null });
  });

  it('ends the follow-up when the consent is withdrawn, telling the new owner', async () => {
    const x = await newCase('Withdrawn');
    const { referral } = await send(as('cw.par@x.test'), x.kase.id, {
      kind: 'transfer',
      toOfficeId: TIR,
      sections: ['identity'],
      consentId: x.consentId,
    });
    expectJson(await answer(as('sup.tir@x.test'), referral.id, 'accept'));
    expect((await getReferral(as('cw.par@x.test'), referral.id)).progress).not.toBeNull();
    // The person's record is Tirana's now: Tirana records the withdrawal.
    expectJson(
      await as('cw.tir@x.test').inject({
        method: 'POST',
        url: `/api/persons/${x.person.id}/consents/${x.consentId}/withdraw`,
        payload: { withdrawnOn: '2026-04-01' },
      }),
    );
    const after = await getReferral(as('cw.par@x.test'), referral.id);
    expect(after).toMatchObject({ status: 'revoked', revokedReason: 'consent_withdrawn', progress: null });
    expect(await told(referral.id, 'referral.revoked')).toEqual([
      'referral.revoked cw.tir@x.test',
      'referral.revoked prot.tir@x.test',
      'referral.revoked sup.tir@x.test',
      'referral.revoked sup2.tir@x.test',
    ]);
    // The case stays with Tirana.
    expect((await getCase(as('cw.tir@x.test'), x.kase.id)).officeCode).toBe('TIR');
  });
});

describe('consent withdrawal', () => {
  let failOn: string | null = null;
  beforeAll(() => {
    // A later subscriber that fails on demand: proves the revocations share the withdrawal's transaction.
    t.reactions.consentWithdrawn.push(async (_ctx, consentId) => {
      if (consentId === failOn) throw new Error('subscriber failure');
    });
  });

  it('revokes a pending and an accepted referral resting on the consent, atomically with the withdrawal', async () => {
    const x = await newCase('Atomic');
    const toTirana = (
      await send(as('cw.par@x.test'), x.kase.id, {
        kind: 'referral',
        toOfficeId: TIR,
        sections: ['identity'],
        consentId: x.consentId,
      })
    ).referral;
    expectJson(await answer(as('sup.tir@x.test'), toTirana.id, 'accept'));
    const toRabat = (
      await send(as('cw.par@x.test'), x.kase.id, {
        kind: 'referral',
        toOfficeId: RAB,
        sections: ['identity'],
        consentId: x.consentId,
      })
    ).referral;
    // Another consent's referral is not touched.
    const other = await addConsent(as('cw.par@x.test'), x.person.id, {
      purpose: 'data_sharing',
      recipient: 'Office TIR',
    });
    const untouched = (
      await send(as('cw.par@x.test'), x.kase.id, {
        kind: 'referral',
        toOfficeId: TIR,
        sections: ['identity'],
        consentId: other.id,
      })
    ).referral;
    const withdraw = () =>
      as('cw.par@x.test').inject({
        method: 'POST',
        url: `/api/persons/${x.person.id}/consents/${x.consentId}/withdraw`,
        payload: { withdrawnOn: '2026-05-01' },
      });

    // A failure after the revocations rolls everything back.
    failOn = x.consentId;
    const rowsBefore = await Promise.all([toTirana, toRabat, untouched].map((r) => referralRow(t.db, r.id)));
    const notificationsBefore = await notificationRows(t.db);
    let seq = await lastAuditSeq(t.db);
    expectProblem(await withdraw(), 500, 'internal_error');
    expect((await consentRow(t.db, x.consentId)).withdrawnOn).toBeNull();
    expect(await Promise.all([toTirana, toRabat, untouched].map((r) => referralRow(t.db, r.id)))).toEqual(
      rowsBefore,
    );
    expect(await notificationRows(t.db)).toEqual(notificationsBefore);
    await expectNoEvent(t.db, seq);

    failOn = null;
    seq = await lastAuditSeq(t.db);
    expectJson(await withdraw());
    expect((await consentRow(t.db, x.consentId)).withdrawnOn).toBe('2026-05-01');
    expect(await referralRow(t.db, toTirana.id)).toMatchObject({
      status: 'revoked',
      revokedReason: 'consent_withdrawn',
    });
    expect(await referralRow(t.db, toRabat.id)).toMatchObject({
      status: 'revoked',
      revokedReason: 'consent_withdrawn',
    });
    expect((await referralRow(t.db, untouched.id)).status).toBe('pending');
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.recordId])).toEqual(
      expect.arrayContaining([
        ['person.consent_withdrawn', x.person.id],
        ['referral.revoked', toTirana.id],
        ['referral.revoked', toRabat.id],
      ]),
    );
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.requestId)).size).toBe(1);
    expect(events.filter((e) => e.action === 'referral.revoked').map((e) => e.metadata)).toEqual([
      expect.objectContaining({ reason: 'consent_withdrawn', previousStatus: 'accepted' }),
      expect.objectContaining({ reason: 'consent_withdrawn', previousStatus: 'pending' }),
    ]);
    // Both receivers are told; the receiver of the accepted referral no longer reads what was shared.
    expect(await told(toRabat.id, 'referral.revoked')).toEqual(['referral.revoked sup.rab@x.test']);
    expect(await told(toTirana.id, 'referral.revoked')).toHaveLength(4);
    const tirana = await getReferral(as('sup.tir@x.test'), toTirana.id);
    expect(tirana).toMatchObject({ status: 'revoked', shared: null, canMessage: false });
    expectProblem(await post(as('sup.tir@x.test'), toTirana.id, 'Still there?'), 409, 'referral_not_pending');
  });
});
