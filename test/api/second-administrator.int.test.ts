/**
 * Administrators run the system, not the caseload (ADR 0005), and that holds against an administrator too:
 * nobody changes their own roles, and an administrator account gains a role that reads beneficiaries' data
 * (or such an account the administrator role) only with a second administrator's approval, every step
 * audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectProblem,
  lastAuditSeq,
  type Session,
  userRow,
} from './helpers';

type Membership = { officeId: string; role: string };
type UserBody = {
  id: string;
  version: number;
  memberships: (Membership & { officeCode: string })[];
  pendingMembershipChange: {
    id: string;
    memberships: (Membership & { officeCode: string })[];
    requestedBy: { id: string; name: string };
  } | null;
};
type RequestBody = {
  id: string;
  status: string;
  user: { id: string };
  memberships: Membership[];
  currentMemberships: Membership[];
  decidedBy: { id: string } | null;
  comment: string | null;
};

let t: TestApp;
let alice: Session;
let bruno: Session;
let chloe: Session;
const ids: Record<string, string> = {};
let PAR: string;

beforeAll(async () => {
  t = await createTestApp();
  PAR = await t.office('PAR');
  for (const name of ['alice', 'bruno', 'chloe'])
    ids[name] = (await t.user(`${name}@x.test`, [['PAR', 'administrator']])).id;
  ids.sami = (await t.user('sami@x.test', [['PAR', 'supervisor']])).id;
  alice = await t.login('alice@x.test');
  bruno = await t.login('bruno@x.test');
  chloe = await t.login('chloe@x.test');
});
afterAll(() => t.close());

const getUser = async (id: string) =>
  expectJson<UserBody>(await alice.inject({ method: 'GET', url: `/api/users/${id}` }));
const putMemberships = async (session: Session, userId: string, memberships: Membership[]) =>
  session.inject({
    method: 'PUT',
    url: `/api/users/${userId}/memberships`,
    payload: { version: (await getUser(userId)).version, memberships },
  });
const decide = (session: Session, requestId: string, action: 'approve' | 'reject' | 'cancel', payload = {}) =>
  session.inject({ method: 'POST', url: `/api/membership-requests/${requestId}/${action}`, payload });

describe('one’s own roles', () => {
  it('cannot be changed by oneself, not even to add a role', async () => {
    const seq = await lastAuditSeq(t.db);
    for (const memberships of [
      [
        { officeId: PAR, role: 'administrator' },
        { officeId: PAR, role: 'supervisor' },
      ],
      [
        { officeId: PAR, role: 'administrator' },
        { officeId: PAR, role: 'partner' },
      ],
    ])
      expectProblem(
        await putMemberships(alice, ids.alice ?? '', memberships),
        409,
        'cannot_change_own_access',
      );
    await expectNoEvent(t.db, seq);
    expectProblem(await alice.inject({ method: 'GET', url: '/api/cases' }), 403, 'forbidden');
  });
});

describe('an administrator gaining casework roles', () => {
  it('waits for another administrator: nothing changes until then, and the request is audited', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await putMemberships(alice, ids.bruno ?? '', [
      { officeId: PAR, role: 'administrator' },
      { officeId: PAR, role: 'supervisor' },
    ]);
    const pending = expectJson<UserBody>(response, 202);
    expect(pending.memberships.map((m) => m.role)).toEqual(['administrator']);
    expect(pending.pendingMembershipChange).toMatchObject({
      requestedBy: { id: ids.alice, name: 'alice' },
      memberships: [
        { officeId: PAR, role: 'administrator', officeCode: 'PAR' },
        { officeId: PAR, role: 'supervisor', officeCode: 'PAR' },
      ],
    });
    // Bruno reads no beneficiary data yet.
    expectProblem(await bruno.inject({ method: 'GET', url: '/api/cases' }), 403, 'forbidden');
    const events = (await auditAfter(t.db, seq)).filter((e) => e.action.startsWith('user.'));
    expect(events.map((e) => [e.action, e.actorUserId, e.recordId])).toEqual([
      ['user.membership_change_requested', ids.alice, ids.bruno],
    ]);
    expect(events[0]?.changes).toEqual({
      memberships: { old: ['PAR:administrator'], new: ['PAR:administrator', 'PAR:supervisor'] },
    });

    // One request at a time per account.
    expectProblem(
      await putMemberships(chloe, ids.bruno ?? '', [
        { officeId: PAR, role: 'administrator' },
        { officeId: PAR, role: 'caseworker' },
      ]),
      409,
      'membership_change_pending',
    );
  });

  it('is decided neither by the one who asked nor by the account’s owner', async () => {
    const requestId = (await getUser(ids.bruno ?? '')).pendingMembershipChange?.id ?? '';
    const seq = await lastAuditSeq(t.db);
    expectProblem(await decide(alice, requestId, 'approve'), 403, 'second_administrator_required');
    expectProblem(await decide(bruno, requestId, 'approve'), 403, 'second_administrator_required');
    expectProblem(
      await decide(bruno, requestId, 'reject', { reason: 'no' }),
      403,
      'second_administrator_required',
    );
    await expectNoEvent(t.db, seq);
    const listed = expectJson<{ items: RequestBody[] }>(
      await chloe.inject({ method: 'GET', url: '/api/membership-requests' }),
    ).items;
    expect(listed.map((r) => [r.id, r.user.id, r.status])).toEqual([[requestId, ids.bruno, 'pending']]);
    expect(listed[0]?.currentMemberships.map((m) => m.role)).toEqual(['administrator']);
  });

  it('applies when a second administrator approves, recording both the approval and the change', async () => {
    const requestId = (await getUser(ids.bruno ?? '')).pendingMembershipChange?.id ?? '';
    const seq = await lastAuditSeq(t.db);
    const approved = expectJson<RequestBody>(
      await decide(chloe, requestId, 'approve', { comment: 'Interim supervisor' }),
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: { id: ids.chloe },
      comment: 'Interim supervisor',
    });
    const user = await getUser(ids.bruno ?? '');
    expect(user.memberships.map((m) => m.role)).toEqual(['administrator', 'supervisor']);
    expect(user.pendingMembershipChange).toBeNull();
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorUserId, e.recordId])).toEqual([
      ['user.memberships_changed', ids.chloe, ids.bruno],
      ['user.membership_change_approved', ids.chloe, ids.bruno],
    ]);
    expect(events[0]?.metadata).toEqual({ requestId, requestedBy: ids.alice });
    // Deciding twice is refused.
    expectProblem(await decide(chloe, requestId, 'approve'), 409, 'membership_change_not_pending');
    // Taking the casework role away again needs no one.
    expectJson(await putMemberships(alice, ids.bruno ?? '', [{ officeId: PAR, role: 'administrator' }]));
  });

  it('stays unapplied when rejected, with the reason, or withdrawn by the one who asked', async () => {
    // A supervisor made administrator: the same rule, the other way round.
    const asked = expectJson<UserBody>(
      await putMemberships(bruno, ids.sami ?? '', [
        { officeId: PAR, role: 'supervisor' },
        { officeId: PAR, role: 'administrator' },
      ]),
      202,
    );
    const first = asked.pendingMembershipChange?.id ?? '';
    const rejected = expectJson<RequestBody>(
      await decide(alice, first, 'reject', { reason: 'Use a separate administrator account.' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', comment: 'Use a separate administrator account.' });
    expect((await getUser(ids.sami ?? '')).memberships.map((m) => m.role)).toEqual(['supervisor']);
    expectProblem(await decide(alice, first, 'reject', {}), 400, 'validation_failed');

    const again = expectJson<UserBody>(
      await putMemberships(bruno, ids.sami ?? '', [
        { officeId: PAR, role: 'supervisor' },
        { officeId: PAR, role: 'administrator' },
      ]),
      202,
    );
    const second = again.pendingMembershipChange?.id ?? '';
    expectProblem(await decide(chloe, second, 'cancel'), 403, 'forbidden');
    expect(expectJson<RequestBody>(await decide(bruno, second, 'cancel')).status).toBe('cancelled');
    expect((await getUser(ids.sami ?? '')).memberships.map((m) => m.role)).toEqual(['supervisor']);
  });

  it('refuses to approve a request made on an account that has changed since', async () => {
    const asked = expectJson<UserBody>(
      await putMemberships(alice, ids.chloe ?? '', [
        { officeId: PAR, role: 'administrator' },
        { officeId: PAR, role: 'protection_officer' },
      ]),
      202,
    );
    const requestId = asked.pendingMembershipChange?.id ?? '';
    const version = (await userRow(t.db, ids.chloe ?? '')).version;
    expectJson(
      await alice.inject({
        method: 'PATCH',
        url: `/api/users/${ids.chloe}`,
        payload: { version, displayName: 'Chloé' },
      }),
    );
    expectProblem(await decide(bruno, requestId, 'approve'), 409, 'membership_change_stale');
    expect((await getUser(ids.chloe ?? '')).memberships.map((m) => m.role)).toEqual(['administrator']);
    expectJson(await decide(bruno, requestId, 'reject', { reason: 'Stale' }));
  });

  it('refuses to create an account holding both from the start', async () => {
    const response = await alice.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'accept-language': 'en' },
      payload: {
        email: 'both@x.test',
        displayName: 'Both',
        memberships: [
          { officeId: PAR, role: 'administrator' },
          { officeId: PAR, role: 'caseworker' },
        ],
      },
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      {
        path: 'memberships',
        code: 'needs_second_administrator',
        message: expect.stringMatching(/second administrator/),
      },
    ]);
  });
});
