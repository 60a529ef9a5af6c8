/**
 * Administration through the API: accounts, roles, offices. Every change is checked in the response,
 * in the database and in the audit log (exactly one event, with actor, record and old/new values).
 */

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, offices, users } from '../../src/modules/identity';
import { setMemberships } from '../../src/modules/identity/set-memberships';
import { updateUser } from '../../src/modules/identity/update-user';
import type { ActorCtx } from '../../src/platform/actor';
import { effectivePermissions, type Role } from '../../src/platform/permissions';
import { wireReactions } from '../../src/server/reactions';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../harness/app';
import {
  countRows,
  expectAuditFreeOf,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
  type Session,
  sessionCount,
  userRow,
} from './helpers';

type MembershipBody = { officeId: string; officeCode: string; officeName: string; role: string };
type UserBody = {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  status: string;
  signInDelayedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  memberships: MembershipBody[];
  version: number;
  createdAt: string;
};
type OfficeBody = {
  id: string;
  code: string;
  name: string;
  country: string;
  city: string;
  region: string | null;
  kind: string;
  active: boolean;
  version: number;
};
type MeBody = { permissions: string[]; memberships: MembershipBody[]; user: { mustChangePassword: boolean } };

const TEMPORARY = /^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/;

let t: TestApp;
let admin: Session;
let adminId: string;
let PAR: string;
let TIR: string;
let OLD: string;
/** Every password handed to the API in this file: none may reach the audit log. */
const secrets: string[] = [TEST_PASSWORD];

beforeAll(async () => {
  t = await createTestApp();
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  OLD = await t.office('OLD');
  await t.db.update(offices).set({ active: false }).where(eq(offices.id, OLD));
  adminId = (await t.user('admin@x.test', [['PAR', 'administrator']])).id;
  admin = await t.login('admin@x.test');
});
afterAll(() => t.close());

const createUser = (payload: object, session: Session = admin) =>
  session.inject({ method: 'POST', url: '/api/users', payload });
const getUser = async (id: string) =>
  expectJson<UserBody>(await admin.inject({ method: 'GET', url: `/api/users/${id}` }));
const me = async (session: Session) =>
  expectJson<MeBody>(await session.inject({ method: 'GET', url: '/api/auth/me' }));
const signIn = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('creating accounts', () => {
  it('creates an account with a temporary password, returned once, to change at first sign-in', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await createUser({
      email: '  New.Person@X.test ',
      displayName: 'New Person',
      memberships: [{ officeId: PAR, role: 'caseworker' }],
    });
    const body = expectJson<{ user: UserBody; temporaryPassword: string }>(response, 201);
    expect(body.temporaryPassword).toMatch(TEMPORARY);
    secrets.push(body.temporaryPassword);
    expect(body.user).toEqual({
      id: expect.any(String),
      email: 'new.person@x.test',
      displayName: 'New Person',
      locale: 'fr',
      status: 'active',
      signInDelayedUntil: null,
      lastLoginAt: null,
      mustChangePassword: true,
      memberships: [{ officeId: PAR, officeCode: 'PAR', officeName: 'Office PAR', role: 'caseworker' }],
      pendingMembershipChange: null,
      version: 1,
      createdAt: expect.any(String),
    });
    await expectOneEvent(t.db, seq, {
      action: 'user.created',
      actorUserId: adminId,
      actorEmail: 'admin@x.test',
      recordType: 'user',
      recordId: body.user.id,
      changes: {
        email: { new: 'new.person@x.test' },
        displayName: { new: 'New Person' },
        locale: { new: 'fr' },
        password: { new: '[set]' },
        memberships: { new: ['PAR:caseworker'] },
      },
    });

    // Shown once: reading the account again never returns it.
    const again = await admin.inject({ method: 'GET', url: `/api/users/${body.user.id}` });
    expect(again.body).not.toContain(body.temporaryPassword);
    expect(again.json()).not.toHaveProperty('temporaryPassword');

    const row = await userRow(t.db, body.user.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(body.temporaryPassword);

    const session = await t.login('new.person@x.test', body.temporaryPassword);
    const profile = await me(session);
    expect(profile.user.mustChangePassword).toBe(true);
    expect(profile.permissions).toEqual(permissionsOf('caseworker'));

    // Until the password is changed the session opens nothing else, whatever the client.
    for (const [method, url, payload] of [
      ['GET', '/api/cases', undefined],
      ['GET', '/api/persons', undefined],
      ['GET', '/api/offices', undefined],
      ['POST', '/api/persons', { givenName: 'A', familyName: 'B', sex: 'female', officeId: PAR }],
      ['POST', `/api/cases/${randomUUID()}/notes`, { body: 'x' }],
    ] as const) {
      const refused = expectProblem(
        await session.inject({ method, url, ...(payload ? { payload } : {}) }),
        403,
        'password_change_required',
      );
      expect(refused.detail).toMatch(/temporaire/);
    }
    const newPassword = 'a passphrase of my own choosing';
    secrets.push(newPassword);
    const changed = await session.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: body.temporaryPassword, newPassword },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expectJson(await session.inject({ method: 'GET', url: '/api/cases' }));
    expect((await session.inject({ method: 'POST', url: '/api/auth/logout', payload: {} })).statusCode).toBe(
      204,
    );
  });

  it('creates an account with a chosen password', async () => {
    const password = 'a chosen passphrase for Ana';
    secrets.push(password);
    const seq = await lastAuditSeq(t.db);
    const response = await createUser({
      email: 'ana@x.test',
      displayName: 'Ana',
      locale: 'en',
      password,
      memberships: [
        { officeId: TIR, role: 'supervisor' },
        { officeId: PAR, role: 'caseworker' },
      ],
    });
    const body = expectJson<{ user: UserBody; temporaryPassword?: string }>(response, 201);
    expect(body).not.toHaveProperty('temporaryPassword');
    expect(body.user).toMatchObject({ email: 'ana@x.test', locale: 'en', mustChangePassword: false });
    expect(body.user.memberships.map((m) => `${m.officeCode}:${m.role}`)).toEqual([
      'PAR:caseworker',
      'TIR:supervisor',
    ]);
    const event = await expectOneEvent(t.db, seq, { action: 'user.created', recordId: body.user.id });
    expect(event.changes?.memberships).toEqual({ new: ['PAR:caseworker', 'TIR:supervisor'] });
    const session = await t.login('ana@x.test', password);
    expect((await me(session)).user.mustChangePassword).toBe(false);
  });

  it('refuses a taken email, whatever its case (409 email_taken), and writes nothing', async () => {
    await t.user('taken@x.test', [['PAR', 'caseworker']]);
    const usersBefore = await countRows(t.db, users);
    const seq = await lastAuditSeq(t.db);
    for (const email of ['taken@x.test', 'TAKEN@X.TEST', ' Taken@x.test']) {
      expectProblem(
        await createUser({ email, displayName: 'Dup', password: 'another passphrase' }),
        409,
        'email_taken',
      );
    }
    expect(await countRows(t.db, users)).toBe(usersBefore);
    await expectNoEvent(t.db, seq);
  });

  it('creates one account when the same email is submitted twice at once', async () => {
    const usersBefore = await countRows(t.db, users);
    const seq = await lastAuditSeq(t.db);
    const payload = { email: 'race@x.test', displayName: 'Race', password: 'a racing passphrase' };
    const responses = await Promise.all([createUser(payload), createUser(payload), createUser(payload)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of responses.filter((x) => x.statusCode === 409)) expectProblem(r, 409, 'email_taken');
    expect(await countRows(t.db, users)).toBe(usersBefore + 1);
    await expectOneEvent(t.db, seq, { action: 'user.created' });
  });

  it('refuses a membership in an unknown office (400, field memberships.N.officeId)', async () => {
    const usersBefore = await countRows(t.db, users);
    const membershipsBefore = await countRows(t.db, memberships);
    const seq = await lastAuditSeq(t.db);
    const unknown = randomUUID();
    const first = expectProblem(
      await createUser({
        email: 'ghost@x.test',
        displayName: 'Ghost',
        memberships: [{ officeId: unknown, role: 'caseworker' }],
      }),
      400,
      'validation_failed',
    );
    expect(first.errors?.[0]).toMatchObject({ path: 'memberships.0.officeId', code: 'not_found' });
    const second = expectProblem(
      await createUser({
        email: 'ghost@x.test',
        displayName: 'Ghost',
        memberships: [
          { officeId: PAR, role: 'caseworker' },
          { officeId: unknown, role: 'supervisor' },
        ],
      }),
      400,
      'validation_failed',
    );
    expect(second.errors).toEqual([
      { path: 'memberships.1.officeId', code: 'not_found', message: 'Introuvable.' },
    ]);
    expect(await countRows(t.db, users)).toBe(usersBefore);
    expect(await countRows(t.db, memberships)).toBe(membershipsBefore);
    await expectNoEvent(t.db, seq);
  });

  it('refuses a membership in an inactive office (400 with office_inactive)', async () => {
    const usersBefore = await countRows(t.db, users);
    const response = await admin.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'accept-language': 'en' },
      payload: {
        email: 'late@x.test',
        displayName: 'Late',
        memberships: [{ officeId: OLD, role: 'caseworker' }],
      },
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      { path: 'memberships.0.officeId', code: 'office_inactive', message: 'The office OLD is inactive.' },
    ]);
    expect(await countRows(t.db, users)).toBe(usersBefore);
  });
});

describe('editing accounts', () => {
  it('edits with the current version and refuses a stale one (409 with the record as it is now)', async () => {
    const target = await t.user('edit@x.test', [['PAR', 'caseworker']]);
    let seq = await lastAuditSeq(t.db);
    const first = expectJson<UserBody>(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${target.id}`,
        payload: { version: 1, displayName: 'Edited Once', locale: 'en' },
      }),
    );
    expect(first).toMatchObject({ displayName: 'Edited Once', locale: 'en', version: 2 });
    await expectOneEvent(t.db, seq, {
      action: 'user.updated',
      actorUserId: adminId,
      recordType: 'user',
      recordId: target.id,
      changes: { displayName: { old: 'edit', new: 'Edited Once' }, locale: { old: 'fr', new: 'en' } },
    });

    seq = await lastAuditSeq(t.db);
    const stale = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      payload: { version: 1, displayName: 'Edited From A Stale Form' },
    });
    const problem = expectProblem(stale, 409, 'version_conflict');
    expect(problem.current).toEqual(await getUser(target.id));
    expect(problem.current).toMatchObject({ id: target.id, displayName: 'Edited Once', version: 2 });
    expect(await userRow(t.db, target.id)).toMatchObject({ displayName: 'Edited Once', version: 2 });
    await expectNoEvent(t.db, seq);

    expectProblem(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${randomUUID()}`,
        payload: { version: 1, displayName: 'X' },
      }),
      404,
      'not_found',
    );
  });

  it('disabling an account ends its sessions at once; enabling lets it sign in again', async () => {
    const target = await t.user('leaver@x.test', [['PAR', 'caseworker']]);
    const s1 = await t.login('leaver@x.test');
    const s2 = await t.login('leaver@x.test');
    expect(await sessionCount(t.db, target.id)).toBe(2);
    const seq = await lastAuditSeq(t.db);
    const disabled = expectJson<UserBody>(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${target.id}`,
        payload: { version: 1, status: 'disabled' },
      }),
    );
    expect(disabled).toMatchObject({ status: 'disabled', version: 2 });
    await expectOneEvent(t.db, seq, {
      action: 'user.updated',
      recordId: target.id,
      changes: { status: { old: 'active', new: 'disabled' } },
    });
    expect(await sessionCount(t.db, target.id)).toBe(0);
    for (const s of [s1, s2])
      expectProblem(await s.inject({ method: 'GET', url: '/api/auth/me' }), 401, 'unauthenticated');
    expectProblem(await signIn('leaver@x.test', TEST_PASSWORD), 401, 'invalid_credentials');

    expectJson(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${target.id}`,
        payload: { version: 2, status: 'active' },
      }),
    );
    expectJson(await signIn('leaver@x.test', TEST_PASSWORD));
  });

  it('does not let administrators disable themselves or drop their own administrator role', async () => {
    const seq = await lastAuditSeq(t.db);
    const version = (await userRow(t.db, adminId)).version;
    expectProblem(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${adminId}`,
        payload: { version, status: 'disabled' },
      }),
      409,
      'cannot_change_own_access',
    );
    expectProblem(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${adminId}/memberships`,
        payload: { version, memberships: [{ officeId: PAR, role: 'supervisor' }] },
      }),
      409,
      'cannot_change_own_access',
    );
    await expectNoEvent(t.db, seq);
    expect(await userRow(t.db, adminId)).toMatchObject({ status: 'active', version });
    expect((await me(admin)).permissions).toContain('users.manage');

    // Not even to add a role while keeping administrator: that is how an administrator would read cases.
    expectProblem(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${adminId}/memberships`,
        payload: {
          version,
          memberships: [
            { officeId: PAR, role: 'administrator' },
            { officeId: TIR, role: 'supervisor' },
          ],
        },
      }),
      409,
      'cannot_change_own_access',
    );
    await expectNoEvent(t.db, seq);
  });

  it('with two administrators, one may remove the other’s role, then cannot lose their own', async () => {
    const b = await t.user('admin.b@x.test', [['TIR', 'administrator']]);
    const sessionB = await t.login('admin.b@x.test');
    expect((await me(sessionB)).permissions).toContain('users.manage');
    const seq = await lastAuditSeq(t.db);
    const demoted = expectJson<UserBody>(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${b.id}/memberships`,
        payload: { version: 1, memberships: [{ officeId: TIR, role: 'caseworker' }] },
      }),
    );
    expect(demoted.memberships.map((m) => `${m.officeCode}:${m.role}`)).toEqual(['TIR:caseworker']);
    await expectOneEvent(t.db, seq, {
      action: 'user.memberships_changed',
      actorUserId: adminId,
      recordId: b.id,
      changes: { memberships: { old: ['TIR:administrator'], new: ['TIR:caseworker'] } },
    });
    // B's open session loses the rights at once.
    expect((await me(sessionB)).permissions).toEqual(permissionsOf('caseworker'));
    expectProblem(
      await sessionB.inject({
        method: 'PATCH',
        url: `/api/users/${adminId}`,
        payload: { version: 1, status: 'disabled' },
      }),
      403,
      'forbidden',
    );
    // A is the last administrator now, and still may not drop their role.
    const version = (await userRow(t.db, adminId)).version;
    expectProblem(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${adminId}/memberships`,
        payload: { version, memberships: [] },
      }),
      409,
      'cannot_change_own_access',
    );
    expect((await me(admin)).permissions).toContain('users.manage');
  });

  it('guards the last active administrator in the use cases themselves', async () => {
    // Through the API only an active administrator can act, so the guard is reached by a process acting
    // outside a session (a CLI, a script); it must hold there too.
    const other = await t.user('lone-admin-check@x.test', []);
    const system: ActorCtx = {
      db: t.db,
      clock: t.clock,
      actor: {
        userId: other.id,
        email: 'lone-admin-check@x.test',
        displayName: 'script',
        memberships: [{ officeId: PAR, role: 'administrator' }],
      },
      requestId: null,
      ip: null,
      lang: 'en',
      reactions: wireReactions(),
    };
    const version = (await userRow(t.db, adminId)).version;
    const seq = await lastAuditSeq(t.db);
    await expect(updateUser(system, { userId: adminId, version, status: 'disabled' })).rejects.toMatchObject({
      code: 'last_administrator',
    });
    await expect(setMemberships(system, { userId: adminId, version, memberships: [] })).rejects.toMatchObject(
      {
        code: 'last_administrator',
      },
    );
    await expectNoEvent(t.db, seq);
    expect(await userRow(t.db, adminId)).toMatchObject({ status: 'active', version });
  });
});

describe('passwords and sign-in delays', () => {
  it('reset-password issues a new temporary password, ends the sessions and lifts sign-in delays', async () => {
    const target = await t.user('forgetful@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('forgetful@x.test');
    for (let i = 0; i < 5; i++) await signIn('forgetful@x.test', 'wrong guess');
    expectProblem(await signIn('forgetful@x.test', TEST_PASSWORD), 429, 'too_many_attempts');
    const seq = await lastAuditSeq(t.db);
    const response = await admin.inject({
      method: 'POST',
      url: `/api/users/${target.id}/reset-password`,
      payload: {},
    });
    const body = expectJson<{ user: UserBody; temporaryPassword: string }>(response);
    expect(body.temporaryPassword).toMatch(TEMPORARY);
    secrets.push(body.temporaryPassword);
    expect(body.user).toMatchObject({
      id: target.id,
      mustChangePassword: true,
      signInDelayedUntil: null,
      version: 2,
    });
    await expectOneEvent(t.db, seq, {
      action: 'user.password_reset',
      actorUserId: adminId,
      recordType: 'user',
      recordId: target.id,
      changes: { password: { new: '[changed]' } },
    });
    expect(await sessionCount(t.db, target.id)).toBe(0);
    expectProblem(await session.inject({ method: 'GET', url: '/api/auth/me' }), 401, 'unauthenticated');
    expectProblem(await signIn('forgetful@x.test', TEST_PASSWORD), 401, 'invalid_credentials');
    const fresh = await t.login('forgetful@x.test', body.temporaryPassword);
    expect((await me(fresh)).user.mustChangePassword).toBe(true);

    expectProblem(
      await admin.inject({ method: 'POST', url: `/api/users/${randomUUID()}/reset-password`, payload: {} }),
      404,
      'not_found',
    );
  });

  it('unlock lifts the delays on an account’s sign-ins at once', async () => {
    const target = await t.user('locked@x.test', [['PAR', 'caseworker']]);
    for (let i = 0; i < 5; i++) await signIn('locked@x.test', 'wrong guess');
    expectProblem(await signIn('locked@x.test', TEST_PASSWORD), 429, 'too_many_attempts');
    const seq = await lastAuditSeq(t.db);
    const unlocked = expectJson<UserBody>(
      await admin.inject({ method: 'POST', url: `/api/users/${target.id}/unlock`, payload: {} }),
    );
    expect(unlocked.signInDelayedUntil).toBeNull();
    await expectOneEvent(t.db, seq, {
      action: 'user.unlocked',
      actorUserId: adminId,
      recordType: 'user',
      recordId: target.id,
      metadata: { delaysLifted: 2 },
    });
    expectJson(await signIn('locked@x.test', TEST_PASSWORD));
  });
});

describe('roles', () => {
  it('PUT memberships replaces the roles, deduplicates them and bumps the version', async () => {
    const target = await t.user('mover@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('mover@x.test');
    const seq = await lastAuditSeq(t.db);
    const updated = expectJson<UserBody>(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${target.id}/memberships`,
        payload: {
          version: 1,
          memberships: [
            { officeId: TIR, role: 'supervisor' },
            { officeId: TIR, role: 'caseworker' },
            { officeId: TIR, role: 'supervisor' },
          ],
        },
      }),
    );
    expect(updated.version).toBe(2);
    expect(updated.memberships.map((m) => `${m.officeCode}:${m.role}`)).toEqual([
      'TIR:caseworker',
      'TIR:supervisor',
    ]);
    const rows = await t.db.select().from(memberships).where(eq(memberships.userId, target.id));
    expect(rows.map((r) => `${r.officeId === TIR ? 'TIR' : r.officeId}:${r.role}`).sort()).toEqual([
      'TIR:caseworker',
      'TIR:supervisor',
    ]);
    await expectOneEvent(t.db, seq, {
      action: 'user.memberships_changed',
      recordId: target.id,
      changes: { memberships: { old: ['PAR:caseworker'], new: ['TIR:caseworker', 'TIR:supervisor'] } },
    });
    expect((await me(session)).permissions).toEqual(permissionsOf('supervisor'));

    const stale = expectProblem(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${target.id}/memberships`,
        payload: { version: 1, memberships: [] },
      }),
      409,
      'version_conflict',
    );
    expect(stale.current).toEqual(await getUser(target.id));
    expect((await getUser(target.id)).memberships).toHaveLength(2);
  });

  it('PUT memberships refuses unknown and inactive offices without changing anything', async () => {
    const target = await t.user('stay@x.test', [['PAR', 'caseworker']]);
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await admin.inject({
        method: 'PUT',
        url: `/api/users/${target.id}/memberships`,
        payload: {
          version: 1,
          memberships: [
            { officeId: PAR, role: 'caseworker' },
            { officeId: OLD, role: 'caseworker' },
            { officeId: randomUUID(), role: 'caseworker' },
          ],
        },
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([
      ['memberships.1.officeId', 'office_inactive'],
      ['memberships.2.officeId', 'not_found'],
    ]);
    expect((await getUser(target.id)).memberships.map((m) => m.officeCode)).toEqual(['PAR']);
    expect((await userRow(t.db, target.id)).version).toBe(1);
    await expectNoEvent(t.db, seq);
  });
});

describe('offices', () => {
  const lyon = { code: 'lyo', name: 'Lyon', country: 'FR', city: 'Lyon', kind: 'host' };

  it('creates an office (201), refuses a taken code (409) and edits with versions', async () => {
    let seq = await lastAuditSeq(t.db);
    const created = expectJson<OfficeBody>(
      await admin.inject({ method: 'POST', url: '/api/offices', payload: lyon }),
      201,
    );
    expect(created).toEqual({
      id: expect.any(String),
      code: 'LYO',
      name: 'Lyon',
      country: 'FR',
      city: 'Lyon',
      region: null,
      kind: 'host',
      active: true,
      version: 1,
    });
    await expectOneEvent(t.db, seq, {
      action: 'office.created',
      actorUserId: adminId,
      officeId: created.id,
      recordType: 'office',
      recordId: created.id,
      changes: {
        code: { new: 'LYO' },
        name: { new: 'Lyon' },
        country: { new: 'FR' },
        city: { new: 'Lyon' },
        region: { new: null },
        kind: { new: 'host' },
        active: { new: true },
      },
    });

    seq = await lastAuditSeq(t.db);
    const officesBefore = await countRows(t.db, offices);
    for (const code of ['LYO', 'lyo']) {
      expectProblem(
        await admin.inject({
          method: 'POST',
          url: '/api/offices',
          payload: { ...lyon, code, name: 'Another' },
        }),
        409,
        'office_code_taken',
      );
    }
    expect(await countRows(t.db, offices)).toBe(officesBefore);
    await expectNoEvent(t.db, seq);

    const patched = expectJson<OfficeBody>(
      await admin.inject({
        method: 'PATCH',
        url: `/api/offices/${created.id}`,
        payload: { version: 1, name: 'Lyon Part-Dieu', region: 'Auvergne-Rhône-Alpes' },
      }),
    );
    expect(patched).toMatchObject({ name: 'Lyon Part-Dieu', region: 'Auvergne-Rhône-Alpes', version: 2 });
    await expectOneEvent(t.db, seq, {
      action: 'office.updated',
      actorUserId: adminId,
      officeId: created.id,
      recordType: 'office',
      recordId: created.id,
      changes: {
        name: { old: 'Lyon', new: 'Lyon Part-Dieu' },
        region: { old: null, new: 'Auvergne-Rhône-Alpes' },
      },
    });

    seq = await lastAuditSeq(t.db);
    const stale = expectProblem(
      await admin.inject({
        method: 'PATCH',
        url: `/api/offices/${created.id}`,
        payload: { version: 1, name: 'Lyon 2' },
      }),
      409,
      'version_conflict',
    );
    expect(stale.current).toEqual(patched);
    await expectNoEvent(t.db, seq);
    const [row] = await t.db.select().from(offices).where(eq(offices.id, created.id));
    expect(row).toMatchObject({ name: 'Lyon Part-Dieu', version: 2 });

    expectProblem(
      await admin.inject({
        method: 'PATCH',
        url: `/api/offices/${randomUUID()}`,
        payload: { version: 1, name: 'X' },
      }),
      404,
      'not_found',
    );
  });

  it('deactivating an office suspends the permissions its members hold there', async () => {
    const created = expectJson<OfficeBody>(
      await admin.inject({
        method: 'POST',
        url: '/api/offices',
        payload: { code: 'RBT', name: 'Rabat', country: 'MA', city: 'Rabat', kind: 'origin' },
      }),
      201,
    );
    // The office was created through the API: attach the member to it directly.
    const rabat = await t.user('rabat@x.test', []);
    await t.db.insert(memberships).values({ userId: rabat.id, officeId: created.id, role: 'supervisor' });

    const session = await t.login('rabat@x.test');
    expect((await me(session)).permissions).toEqual(permissionsOf('supervisor'));
    const seq = await lastAuditSeq(t.db);
    expectJson(
      await admin.inject({
        method: 'PATCH',
        url: `/api/offices/${created.id}`,
        payload: { version: 1, active: false },
      }),
    );
    await expectOneEvent(t.db, seq, {
      action: 'office.updated',
      recordId: created.id,
      changes: { active: { old: true, new: false } },
    });
    const suspended = await me(session);
    expect(suspended.permissions).toEqual([]);
    expect(suspended.memberships).toEqual([]);
    expectProblem(await session.inject({ method: 'GET', url: '/api/projects' }), 403, 'forbidden');

    expectJson(
      await admin.inject({
        method: 'PATCH',
        url: `/api/offices/${created.id}`,
        payload: { version: 2, active: true },
      }),
    );
    expect((await me(session)).permissions).toEqual(permissionsOf('supervisor'));
  });
});

describe('audit of administration', () => {
  it('never records a password or a password hash', async () => {
    const hashes = (await t.db.select({ h: users.passwordHash }).from(users)).map((r) => r.h);
    expect(hashes.length).toBeGreaterThan(5);
    await expectAuditFreeOf(t.db, [...secrets, ...hashes]);
  });
});

describe('the last administrator', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await createTestApp();
  });
  afterAll(() => t2.close());

  it('cannot lock everyone out by deactivating the office where they hold the role', async () => {
    const office = await t2.office('HQ');
    await t2.user('only-admin@x.test', [['HQ', 'administrator']]);
    const session = await t2.login('only-admin@x.test');
    const response = await session.inject({
      method: 'PATCH',
      url: `/api/offices/${office}`,
      payload: { version: 1, active: false },
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(['last_administrator', 'cannot_change_own_access']).toContain(
      response.json<{ code: string }>().code,
    );
    const [row] = await t2.db.select().from(offices).where(eq(offices.id, office));
    expect(row?.active).toBe(true);
    expect(
      (await session.inject({ method: 'GET', url: '/api/auth/me' })).json<MeBody>().permissions,
    ).toContain('users.manage');
  });

  it('survives two administrators disabling each other at the same moment', async () => {
    // A race: repeated so that an unguarded check-then-write (write skew) shows up reliably on PostgreSQL.
    for (let round = 1; round <= 5; round++) {
      // Only this round's pair is an active administrator.
      await t2.db.update(users).set({ status: 'disabled' });
      const a = await t2.user(`mutual.a${round}@x.test`, [['MUT', 'administrator']]);
      const b = await t2.user(`mutual.b${round}@x.test`, [['MUT', 'administrator']]);
      const sa = await t2.login(`mutual.a${round}@x.test`);
      const sb = await t2.login(`mutual.b${round}@x.test`);
      const [ra, rb] = await Promise.all([
        sa.inject({
          method: 'PATCH',
          url: `/api/users/${b.id}`,
          payload: { version: 1, status: 'disabled' },
        }),
        sb.inject({
          method: 'PATCH',
          url: `/api/users/${a.id}`,
          payload: { version: 1, status: 'disabled' },
        }),
      ]);
      // Whoever goes second finds their session ended (401) or the last-administrator guard (409).
      for (const r of [ra, rb]) expect([200, 401, 409], r.body).toContain(r.statusCode);
      const active = await t2.db.select({ id: users.id }).from(users).where(eq(users.status, 'active'));
      expect(
        active.length,
        `round ${round}: ${ra.statusCode} ${rb.statusCode}, no active administrator left`,
      ).toBe(1);
    }
  });
});

function permissionsOf(role: Role) {
  return effectivePermissions([{ officeId: 'any', role }]);
}
