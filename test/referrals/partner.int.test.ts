/**
 * Partners without accounts: a referral to an external service provider issues an expiring, single-purpose
 * link. The partner reads the summary while pending and the non-sensitive shared sections once accepted,
 * answers and posts feedback; every visit is audited; the link dies when revoked, replaced or expired, or
 * when the referral ends; it opens nothing else.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents } from '../../src/modules/cases/tables';
import { partnerLinks } from '../../src/modules/referrals/tables';
import { sha256Hex } from '../../src/platform/crypto';
import {
  auditAfter,
  expectAuditFreeOf,
  expectJson,
  expectNoEvent,
  expectProblem,
  lastAuditSeq,
  type Session,
} from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  addConsent,
  answer,
  getReferral,
  MARKERS,
  notificationRows,
  referralRow,
  richCase,
  SHARED_KEY,
  send,
  sendRequest,
} from './helpers';

const USERS = ['prot.par@x.test', 'sup.par@x.test', 'cw.par@x.test', 'sup.tir@x.test'] as const;
type Email = (typeof USERS)[number];
const PARTNER = 'Different and Equal';
const DAY = 86_400_000;

let t: TestApp;
let sessions: Awaited<ReturnType<typeof signIn<Email>>>;
const as = (email: Email): Session => sessions.as(email);
const userIds = {} as Record<Email, string>;
let PAR: string;
let TIR: string;
let rich: Awaited<ReturnType<typeof richCase>>;
let consentId: string;

/** The partner's requests: no cookie, no CSRF token. */
const partner = {
  get: (token: string) => t.app.inject({ method: 'GET', url: `/api/partner/${token}` }),
  post: (token: string, verb: 'accept' | 'decline' | 'messages', payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/partner/${token}/${verb}`, ...(payload ? { payload } : {}) }),
};
const tokenOf = (partnerPath: string | null) => {
  expect(partnerPath).toMatch(/^\/partner\/[A-Za-z0-9_-]{43}$/);
  return (partnerPath as string).slice('/partner/'.length);
};

async function sendToPartner(body: Record<string, unknown> = {}) {
  return send(as('prot.par@x.test'), rich.kase.id, {
    kind: 'referral',
    partner: { name: PARTNER, contact: 'Ms Hoxha, intake desk' },
    sections: [
      'identity',
      'needs_summary',
      'case_history',
      'attachments',
      'trafficking_details',
      'confidential_notes',
    ],
    consentId,
    summary: 'Shelter place and vocational training.',
    ...body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  userIds['prot.par@x.test'] = (await t.user('prot.par@x.test', [['PAR', 'protection_officer']])).id;
  userIds['sup.par@x.test'] = (await t.user('sup.par@x.test', [['PAR', 'supervisor']])).id;
  userIds['cw.par@x.test'] = (await t.user('cw.par@x.test', [['PAR', 'caseworker']])).id;
  userIds['sup.tir@x.test'] = (await t.user('sup.tir@x.test', [['TIR', 'supervisor']])).id;
  sessions = await signIn(t, USERS);
  rich = await richCase(as('prot.par@x.test'), PAR, {
    givenName: 'Elona',
    familyName: 'Marku',
    caseType: 'avrr',
  });
  consentId = (
    await addConsent(as('prot.par@x.test'), rich.person.id, {
      purpose: 'referral',
      recipient: 'Shelter Different and Equal, Tirana',
    })
  ).id;
});
afterAll(() => t.close());

describe('a partner referral', () => {
  let referralId: string;
  let token: string;

  it('needs a consent naming the partner', async () => {
    const other = await addConsent(as('prot.par@x.test'), rich.person.id, {
      purpose: 'referral',
      recipient: 'Office TIR',
    });
    expectProblem(
      await sendRequest(as('prot.par@x.test'), rich.kase.id, {
        kind: 'referral',
        partner: { name: PARTNER },
        sections: ['identity'],
        summary: 'x',
        consentId: other.id,
      }),
      422,
      'referral_consent_not_covering',
    );
  });

  it('returns the link once; only its hash is stored, nowhere in the audit log', async () => {
    const seq = await lastAuditSeq(t.db);
    const { referral, partnerPath } = await sendToPartner();
    referralId = referral.id;
    token = tokenOf(partnerPath);
    expect(referral).toMatchObject({ status: 'pending', partnerName: PARTNER, toOffice: null });
    const links = await t.db.select().from(partnerLinks).where(eq(partnerLinks.referralId, referralId));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      tokenHash: sha256Hex(token),
      revokedAt: null,
      lastVisitAt: null,
      createdBy: userIds['prot.par@x.test'],
    });
    const [link] = links;
    expect((link?.expiresAt.getTime() ?? 0) - (link?.createdAt.getTime() ?? 0)).toBe(30 * DAY);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['referral.sent', 'referral.partner_link_issued']);
    expect(events[0]?.metadata).toMatchObject({ partner: PARTNER, toOfficeId: null });
    await expectAuditFreeOf(t.db, [token]);
    // No office to notify.
    expect((await notificationRows(t.db)).filter((n) => n.referralId === referralId)).toEqual([]);
    // The sender's view shows the link's state, never the link.
    const response = await as('prot.par@x.test').inject({
      method: 'GET',
      url: `/api/referrals/${referralId}`,
    });
    expect(response.body).not.toContain(token);
    expect(response.json<{ partnerLink: unknown }>().partnerLink).toEqual({
      expiresAt: links[0]?.expiresAt.toISOString(),
      revoked: false,
      lastVisitAt: null,
    });
  });

  it('shows the partner the summary only while pending, and audits the visit with the partner as actor', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await partner.get(token);
    const view = expectJson<{ status: string; shared: unknown; sections: string[]; personInitials: string }>(
      response,
    );
    expect(view).toMatchObject({
      status: 'pending',
      partnerName: PARTNER,
      fromOffice: { code: 'PAR' },
      summary: 'Shelter place and vocational training.',
      personInitials: 'E. M.',
      shared: null,
      messages: [],
    });
    // Sensitive sections are never offered to a partner, even when chosen.
    expect(view.sections).toEqual(['identity', 'needs_summary', 'case_history', 'attachments']);
    for (const marker of [...Object.values(MARKERS), 'Elona', 'Marku'])
      expect(response.body.includes(marker), marker).toBe(false);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['referral.partner_visited']);
    expect(events[0]).toMatchObject({
      actorUserId: null,
      actorEmail: `partner:${PARTNER}`,
      officeId: PAR,
      recordId: referralId,
      metadata: { partner: PARTNER, shared: false },
    });
    const [link] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.referralId, referralId));
    // Set by the visit (the test clock ticks a millisecond at each reading).
    const visited = link?.lastVisitAt?.getTime() ?? 0;
    expect(Math.abs(visited - (events[0]?.occurredAt.getTime() ?? 0))).toBeLessThan(10);
  });

  it('takes the partner’s messages, notifying the sending office', async () => {
    const seq = await lastAuditSeq(t.db);
    expectJson(await partner.post(token, 'messages', { body: 'We can offer a place from Monday.' }), 201);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorEmail])).toEqual([
      ['referral.message_posted', `partner:${PARTNER}`],
    ]);
    const told = (await notificationRows(t.db)).filter((n) => n.referralId === referralId);
    expect(told.map((n) => [n.kind, n.userId]).sort()).toEqual(
      [
        ['referral.message', userIds['prot.par@x.test']],
        ['referral.message', userIds['sup.par@x.test']],
      ].sort(),
    );
    const seen = await getReferral(as('prot.par@x.test'), referralId);
    expect(seen.messages).toEqual([
      expect.objectContaining({
        side: 'receiver',
        authorName: PARTNER,
        body: 'We can offer a place from Monday.',
      }),
    ]);
    // The sender answers on the thread; the partner reads it.
    expectJson(
      await as('prot.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${referralId}/messages`,
        payload: { body: 'Thank you, she will come on Monday.' },
      }),
      201,
    );
    const view = expectJson<{ messages: { side: string; body: string }[] }>(await partner.get(token));
    expect(view.messages.map((m) => [m.side, m.body])).toEqual([
      ['receiver', 'We can offer a place from Monday.'],
      ['sender', 'Thank you, she will come on Monday.'],
    ]);
  });

  it('ignores a staff session on partner routes: whoever opens the link acts as the partner', async () => {
    const seq = await lastAuditSeq(t.db);
    const staff = as('prot.par@x.test');
    // The staff member's session cookie, without its CSRF token: the partner route neither needs nor uses it.
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/partner/${token}/messages`,
      cookies: { passerelle_session: staff.cookie },
      payload: { body: 'Posted from a colleague’s browser.' },
    });
    expectJson(response, 201);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorEmail, e.actorUserId])).toEqual([
      ['referral.message_posted', `partner:${PARTNER}`, null],
    ]);
  });

  it('lets the partner accept once; the sending office is told', async () => {
    const seq = await lastAuditSeq(t.db);
    expectJson(await partner.post(token, 'accept'));
    expect(await referralRow(t.db, referralId)).toMatchObject({
      status: 'accepted',
      respondedBy: null,
      respondedByName: PARTNER,
      followUpUntil: null,
    });
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorEmail, e.actorUserId])).toEqual([
      ['referral.accepted', `partner:${PARTNER}`, null],
    ]);
    const answered = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, rich.kase.id));
    expect(answered.filter((e) => e.kind === 'referral_answered').map((e) => e.actorName)).toEqual([PARTNER]);
    const told = (await notificationRows(t.db)).filter(
      (n) => n.referralId === referralId && n.kind === 'referral.accepted',
    );
    expect(told.map((n) => n.userId).sort()).toEqual(
      [userIds['prot.par@x.test'], userIds['sup.par@x.test']].sort(),
    );
    const again = await lastAuditSeq(t.db);
    expectProblem(await partner.post(token, 'accept'), 409, 'referral_not_pending');
    expectProblem(
      await partner.post(token, 'decline', { reason: 'Changed our mind' }),
      409,
      'referral_not_pending',
    );
    await expectNoEvent(t.db, again);
  });

  it('shows the shared sections once accepted, never the sensitive ones', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await partner.get(token);
    const view = expectJson<{ status: string; shared: Record<string, unknown> }>(response);
    expect(view.status).toBe('accepted');
    expect(Object.keys(view.shared).sort()).toEqual(
      [SHARED_KEY.identity, SHARED_KEY.needs_summary, SHARED_KEY.case_history, SHARED_KEY.attachments].sort(),
    );
    expect(view.shared.needsSummary).toEqual(['WR-WR']);
    for (const section of ['identity', 'needs_summary', 'case_history', 'attachments'] as const)
      expect(response.body, section).toContain(MARKERS[section]);
    for (const section of [
      'trafficking_details',
      'confidential_notes',
      'medical_fitness',
      'documents',
      'household',
      'reintegration_needs',
    ] as const)
      expect(response.body.includes(MARKERS[section]), section).toBe(false);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ['referral.partner_visited', { partner: PARTNER, shared: true }],
    ]);
  });

  it('opens nothing else: a tampered token matches nothing, the token is no session', async () => {
    const seq = await lastAuditSeq(t.db);
    // Another character in the same place, whatever the random token holds there.
    const other = (c: string | undefined) => (c === 'A' ? 'B' : 'A');
    const tampered43 = [`${token.slice(0, -1)}${other(token.at(-1))}`, `${other(token[0])}${token.slice(1)}`];
    for (const tampered of [...tampered43, 'A'.repeat(43) === token ? 'B'.repeat(43) : 'A'.repeat(43)]) {
      expect(tampered).not.toBe(token);
      expectProblem(await partner.get(tampered), 404, 'partner_link_invalid');
      expectProblem(await partner.post(tampered, 'messages', { body: 'hello' }), 404, 'partner_link_invalid');
      expectProblem(await partner.post(tampered, 'accept'), 404, 'partner_link_invalid');
    }
    expectProblem(await partner.get('short'), 400, 'validation_failed');
    for (const url of [
      '/api/cases',
      `/api/referrals/${referralId}`,
      `/api/cases/${rich.kase.id}`,
      '/api/notifications',
    ]) {
      expectProblem(
        await t.app.inject({ method: 'GET', url, cookies: { passerelle_session: token } }),
        401,
        'unauthenticated',
      );
      expectProblem(
        await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
        401,
        'unauthenticated',
      );
    }
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/referrals/${referralId}/messages`,
        cookies: { passerelle_session: token },
        payload: { body: 'x' },
      }),
      401,
      'unauthenticated',
    );
    await expectNoEvent(t.db, seq);
  });

  it('kills the link when revoked (410), and the old one when a new one is issued', async () => {
    let seq = await lastAuditSeq(t.db);
    expectJson(
      await as('prot.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${referralId}/partner-link/revoke`,
      }),
    );
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ['referral.partner_link_revoked', { revoked: 1 }],
    ]);
    seq = await lastAuditSeq(t.db);
    expectProblem(await partner.get(token), 410, 'partner_link_expired');
    expectProblem(
      await partner.post(token, 'messages', { body: 'Are you there?' }),
      410,
      'partner_link_expired',
    );
    await expectNoEvent(t.db, seq);

    const issued = expectJson<{ partnerPath: string; expiresAt: string }>(
      await as('sup.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${referralId}/partner-link`,
        payload: { validDays: 10 },
      }),
      201,
    );
    const second = tokenOf(issued.partnerPath);
    expect(new Date(issued.expiresAt).getTime() - t.clock.now().getTime()).toBeGreaterThan(10 * DAY - 60_000);
    expectJson(await partner.get(second));
    const third = tokenOf(
      expectJson<{ partnerPath: string }>(
        await as('prot.par@x.test').inject({
          method: 'POST',
          url: `/api/referrals/${referralId}/partner-link`,
          payload: {},
        }),
        201,
      ).partnerPath,
    );
    expectProblem(await partner.get(second), 410, 'partner_link_expired');
    expectJson(await partner.get(third));
    const links = await t.db.select().from(partnerLinks).where(eq(partnerLinks.referralId, referralId));
    expect(links.filter((l) => l.revokedAt === null).map((l) => l.tokenHash)).toEqual([sha256Hex(third)]);
    token = third;
  });

  it('kills the link when the referral is revoked', async () => {
    expectJson(
      await answer(as('prot.par@x.test'), referralId, 'revoke', { reason: 'She found another shelter' }),
    );
    expectProblem(await partner.get(token), 410, 'partner_link_expired');
    expectProblem(await partner.post(token, 'messages', { body: 'Hello?' }), 410, 'partner_link_expired');
    const links = await t.db.select().from(partnerLinks).where(eq(partnerLinks.referralId, referralId));
    expect(links.every((l) => l.revokedAt !== null)).toBe(true);
    // No new link for an ended referral.
    expectProblem(
      await as('prot.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${referralId}/partner-link`,
        payload: {},
      }),
      409,
      'referral_not_pending',
    );
  });
});

describe('partner links: who manages them, decline, expiry', () => {
  it('manages links for partner referrals of the sending office only', async () => {
    const consent = await addConsent(as('prot.par@x.test'), rich.person.id, {
      purpose: 'referral',
      recipient: 'Office TIR',
    });
    const { referral } = await send(as('prot.par@x.test'), rich.kase.id, {
      kind: 'referral',
      toOfficeId: TIR,
      sections: ['identity'],
      consentId: consent.id,
    });
    const seq = await lastAuditSeq(t.db);
    // An office referral has no partner link.
    expectProblem(
      await as('prot.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${referral.id}/partner-link`,
        payload: {},
      }),
      404,
      'not_found',
    );
    const { referral: toPartner } = await sendToPartner();
    const afterSend = await lastAuditSeq(t.db);
    // The receiving side of nothing: Tirana does not see a partner referral of Paris.
    expectProblem(
      await as('sup.tir@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${toPartner.id}/partner-link`,
        payload: {},
      }),
      404,
      'not_found',
    );
    expectProblem(
      await as('sup.tir@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${toPartner.id}/partner-link/revoke`,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await as('prot.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${toPartner.id}/partner-link`,
        payload: { validDays: 365 },
      }),
      400,
      'validation_failed',
    );
    await expectNoEvent(t.db, afterSend);
    expect(seq).toBeLessThan(afterSend);
  });

  it('lets the partner decline with a reason; the link then stops working', async () => {
    const { referral, partnerPath } = await sendToPartner();
    const token = tokenOf(partnerPath);
    expectProblem(await partner.post(token, 'decline', {}), 400, 'validation_failed');
    expectProblem(
      await partner.post(token, 'decline', { reason: 'Full', extra: 1 }),
      400,
      'validation_failed',
    );
    expect((await referralRow(t.db, referral.id)).status).toBe('pending');
    const seq = await lastAuditSeq(t.db);
    expectJson(await partner.post(token, 'decline', { reason: 'No place before June.' }));
    expect(await referralRow(t.db, referral.id)).toMatchObject({
      status: 'declined',
      declineReason: 'No place before June.',
      respondedByName: PARTNER,
    });
    expect((await auditAfter(t.db, seq)).map((e) => [e.action, e.actorEmail])).toEqual([
      ['referral.declined', `partner:${PARTNER}`],
    ]);
    expectProblem(await partner.get(token), 410, 'partner_link_expired');
    const seen = await getReferral(as('prot.par@x.test'), referral.id);
    expect(seen).toMatchObject({ status: 'declined', declineReason: 'No place before June.' });
  });

  it('expires the link after its validity (410), without a visit being recorded', async () => {
    const { referral, partnerPath } = await sendToPartner({ linkValidDays: 2 });
    const token = tokenOf(partnerPath);
    expectJson(await partner.get(token));
    t.clock.advance(2 * DAY - 60_000);
    expectJson(await partner.get(token));
    t.clock.advance(2 * 60_000);
    const seq = await lastAuditSeq(t.db);
    expectProblem(await partner.get(token), 410, 'partner_link_expired');
    expectProblem(await partner.post(token, 'accept'), 410, 'partner_link_expired');
    expectProblem(await partner.post(token, 'messages', { body: 'Late' }), 410, 'partner_link_expired');
    await expectNoEvent(t.db, seq);
    // The sender issues a fresh link (sessions renewed after the clock moved).
    await sessions.refresh();
    const fresh = expectJson<{ partnerPath: string }>(
      await as('prot.par@x.test').inject({
        method: 'POST',
        url: `/api/referrals/${referral.id}/partner-link`,
        payload: { validDays: 5 },
      }),
      201,
    );
    expectJson(await partner.get(tokenOf(fresh.partnerPath)));
  });
});
