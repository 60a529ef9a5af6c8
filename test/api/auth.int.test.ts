/** Sign-in, sessions (idle and absolute expiry), CSRF, password change, security headers. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offices, sessions, users } from '../../src/modules/identity';
import { auditEvents } from '../../src/platform/audit/tables';
import { effectivePermissions, type Role } from '../../src/platform/permissions';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../harness/app';
import {
  auditAfter,
  countRows,
  expectJson,
  expectNoEvent,
  expectProblem,
  lastAuditSeq,
  type ProblemBody,
  sessionCount,
  userRow,
} from './helpers';

const MINUTE = 60_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
const me = (session: { inject: Awaited<ReturnType<TestApp['login']>>['inject'] }) =>
  session.inject({ method: 'GET', url: '/api/auth/me' });

describe('sign-in', () => {
  it('signs in, sets an httpOnly SameSite=Strict session cookie and records auth.login', async () => {
    const user = await t.user('ok@x.test', [['PAR', 'caseworker']]);
    const seq = await lastAuditSeq(t.db);
    const response = await login('OK@X.test', TEST_PASSWORD, { 'user-agent': 'vitest' });
    const body = expectJson<{
      user: { id: string; email: string };
      csrfToken: string;
      permissions: string[];
    }>(response);
    expect(body.user).toMatchObject({ id: user.id, email: 'ok@x.test', mustChangePassword: false });
    expect(body.permissions).toEqual(permissionsOf('caseworker'));
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const cookie = response.cookies.find((c) => c.name === 'passerelle_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).toMatch(/^[\w-]{40,}$/);
    expect(cookie).not.toHaveProperty('maxAge');
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(JSON.stringify(body)).not.toContain(cookie?.value);

    // The database keeps only a hash of the token.
    const [stored] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenHash).not.toBe(cookie?.value);
    expect(stored).toMatchObject({ csrfToken: body.csrfToken, userAgent: 'vitest' });
    expect((await userRow(t.db, user.id)).lastLoginAt?.toISOString()).toBe(t.clock.now().toISOString());

    const events = await auditAfter(t.db, seq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'auth.login',
      actorUserId: user.id,
      actorEmail: 'ok@x.test',
      recordType: 'user',
      recordId: user.id,
    });
  });

  it('answers a wrong password and an unknown email identically (401 invalid_credentials)', async () => {
    const user = await t.user('known@x.test', [['PAR', 'caseworker']]);
    const seq = await lastAuditSeq(t.db);
    const wrong = await login('known@x.test', 'not the password');
    const unknown = await login('nobody@x.test', 'not the password');
    const a = expectProblem(wrong, 401, 'invalid_credentials');
    const b = expectProblem(unknown, 401, 'invalid_credentials');
    expect(a.requestId).not.toBe(b.requestId);
    const strip = ({ requestId: _r, instance: _i, ...rest }: ProblemBody) => rest;
    expect(strip(a)).toEqual(strip(b));
    expect(a.instance).toBe('/api/auth/login');
    expect(wrong.cookies).toEqual([]);
    expect(unknown.cookies).toEqual([]);
    expect(wrong.headers['retry-after']).toBeUndefined();

    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorEmail, e.recordId, e.metadata])).toEqual([
      ['auth.login_failed', 'known@x.test', user.id, { reason: 'wrong_password', failures: 1 }],
      ['auth.login_failed', 'nobody@x.test', null, { reason: 'unknown_email', failures: 1 }],
    ]);
    expect(events.every((e) => e.actorUserId === null)).toBe(true);
  });

  it('resets the failure count after a successful sign-in', async () => {
    await t.user('reset-count@x.test', [['PAR', 'caseworker']]);
    for (let i = 0; i < 4; i++) await login('reset-count@x.test', 'wrong');
    expectJson(await login('reset-count@x.test', TEST_PASSWORD));
    for (let i = 0; i < 4; i++)
      expectProblem(await login('reset-count@x.test', 'wrong'), 401, 'invalid_credentials');
    expectJson(await login('reset-count@x.test', TEST_PASSWORD));
  });

  it('refuses a disabled account like a wrong password', async () => {
    const user = await t.user('disabled@x.test', [['PAR', 'caseworker']], { status: 'disabled' });
    const seq = await lastAuditSeq(t.db);
    const response = await login('disabled@x.test', TEST_PASSWORD);
    const disabled = expectProblem(response, 401, 'invalid_credentials');
    const wrong = expectProblem(await login('nobody-else@x.test', TEST_PASSWORD), 401, 'invalid_credentials');
    expect(disabled.detail).toBe(wrong.detail);
    expect(response.cookies).toEqual([]);
    expect(await sessionCount(t.db, user.id)).toBe(0);
    const [event] = await auditAfter(t.db, seq);
    expect(event).toMatchObject({
      action: 'auth.login_failed',
      recordId: user.id,
      metadata: { reason: 'disabled' },
    });
  });

  it('refuses malformed sign-in requests without a 500', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@x.test' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@x.test', password: 'p', remember: true },
      }),
      400,
      'validation_failed',
    );
  });
});

describe('sessions', () => {
  it('logout ends the session, clears the cookie and records auth.logout', async () => {
    const user = await t.user('logout@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('logout@x.test');
    expect(await sessionCount(t.db, user.id)).toBe(1);
    const seq = await lastAuditSeq(t.db);
    const response = await session.inject({ method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'passerelle_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    expect(await sessionCount(t.db, user.id)).toBe(0);
    expectProblem(await me(session), 401, 'unauthenticated');
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.actorUserId, e.recordId])).toEqual([
      ['auth.logout', user.id, user.id],
    ]);
  });

  it('logout without a session answers 204 and records nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(response.statusCode).toBe(204);
    await expectNoEvent(t.db, seq);
  });

  it('accepts a logout without a body (its body schema is optional)', async () => {
    const user = await t.user('bodyless@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('bodyless@x.test');
    const response = await session.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(response.statusCode, response.body).toBe(204);
    expect(await sessionCount(t.db, user.id)).toBe(0);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(anonymous.statusCode, anonymous.body).toBe(204);
  });

  it('expires a session idle for more than SESSION_IDLE_MINUTES', async () => {
    expect(t.config.sessionIdleMinutes).toBe(30);
    const user = await t.user('idle@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('idle@x.test');
    t.clock.advance(29 * MINUTE);
    expect((await me(session)).statusCode).toBe(200);
    t.clock.advance(30 * MINUTE + 1_000);
    expectProblem(await me(session), 401, 'session_expired');
    expect(await sessionCount(t.db, user.id)).toBe(0);
    // The expired session is gone: it is now simply unknown.
    expectProblem(await me(session), 401, 'unauthenticated');
  });

  it('keeps an active session alive but ends it at the absolute limit (12 h)', async () => {
    expect(t.config.sessionAbsoluteMinutes).toBe(12 * 60);
    await t.user('busy@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('busy@x.test');
    const start = t.clock.now().getTime();
    // A request every 20 minutes for two hours: longer than the idle limit, never idle.
    for (let i = 1; i <= 6; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await me(session)).statusCode, `after ${i * 20} min`).toBe(200);
    }
    // ... and on until the absolute limit.
    while (t.clock.now().getTime() + 20 * MINUTE <= start + 12 * 60 * MINUTE) {
      t.clock.advance(20 * MINUTE);
      expect((await me(session)).statusCode).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expect(t.clock.now().getTime()).toBeGreaterThan(start + 12 * 60 * MINUTE);
    expectProblem(await me(session), 401, 'session_expired');
  });

  it('accepts several sessions per user, independent of each other', async () => {
    await t.user('two-tabs@x.test', [['PAR', 'caseworker']]);
    const a = await t.login('two-tabs@x.test');
    const b = await t.login('two-tabs@x.test');
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    expect((await a.inject({ method: 'POST', url: '/api/auth/logout', payload: {} })).statusCode).toBe(204);
    expectProblem(await me(a), 401, 'unauthenticated');
    expect((await me(b)).statusCode).toBe(200);
    // A's CSRF token is useless with B's cookie.
    expectProblem(
      await b.inject({
        method: 'POST',
        url: '/api/auth/logout',
        payload: {},
        headers: { 'x-csrf-token': a.csrfToken },
      }),
      403,
      'csrf_failed',
    );
  });
});

describe('CSRF', () => {
  const newOffice = (code: string) => ({
    code,
    name: `Office ${code}`,
    country: 'FR',
    city: 'Lyon',
    kind: 'host',
  });

  it('refuses a state-changing request with the cookie but without or with a wrong token', async () => {
    await t.user('csrf-admin@x.test', [['PAR', 'administrator']]);
    const session = await t.login('csrf-admin@x.test');
    const officesBefore = await countRows(t.db, offices);
    const seq = await lastAuditSeq(t.db);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/offices',
      cookies: { passerelle_session: session.cookie },
      payload: newOffice('CSRFA'),
    });
    expectProblem(noToken, 403, 'csrf_failed');
    const wrongToken = await session.inject({
      method: 'POST',
      url: '/api/offices',
      headers: { 'x-csrf-token': `${session.csrfToken}x` },
      payload: newOffice('CSRFB'),
    });
    expectProblem(wrongToken, 403, 'csrf_failed');
    const emptyToken = await session.inject({
      method: 'POST',
      url: '/api/offices',
      headers: { 'x-csrf-token': '' },
      payload: newOffice('CSRFC'),
    });
    expectProblem(emptyToken, 403, 'csrf_failed');
    expect(await countRows(t.db, offices)).toBe(officesBefore);
    await expectNoEvent(t.db, seq);

    // The same request with the token goes through.
    expectJson(
      await session.inject({ method: 'POST', url: '/api/offices', payload: newOffice('CSRFD') }),
      201,
    );
    expect(await countRows(t.db, offices)).toBe(officesBefore + 1);
  });

  it('refuses logout and password change without the token (the session survives)', async () => {
    const user = await t.user('csrf-user@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('csrf-user@x.test');
    const bare = { cookies: { passerelle_session: session.cookie } };
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: {}, ...bare }),
      403,
      'csrf_failed',
    );
    const hashBefore = (await userRow(t.db, user.id)).passwordHash;
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        ...bare,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a forged new passphrase' },
      }),
      403,
      'csrf_failed',
    );
    expect((await userRow(t.db, user.id)).passwordHash).toBe(hashBefore);
    expect((await me(session)).statusCode).toBe(200);
  });

  it('refuses a request from a foreign Origin even with the right token, and a cross-site sign-in', async () => {
    await t.user('origin@x.test', [['PAR', 'administrator']]);
    const session = await t.login('origin@x.test');
    const officesBefore = await countRows(t.db, offices);
    for (const origin of ['https://evil.example', 'null', 'http://passerelle.test.evil.example']) {
      const response = await session.inject({
        method: 'POST',
        url: '/api/offices',
        headers: { origin, host: 'passerelle.test' },
        payload: newOffice('ORIGA'),
      });
      expectProblem(response, 403, 'csrf_failed');
    }
    const crossSite = await session.inject({
      method: 'POST',
      url: '/api/offices',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: newOffice('ORIGB'),
    });
    expectProblem(crossSite, 403, 'csrf_failed');
    expect(await countRows(t.db, offices)).toBe(officesBefore);

    const crossLogin = await login('origin@x.test', TEST_PASSWORD, { origin: 'https://evil.example' });
    expectProblem(crossLogin, 403, 'csrf_failed');
    expect(crossLogin.cookies).toEqual([]);

    // The same origin is accepted.
    const same = await session.inject({
      method: 'POST',
      url: '/api/offices',
      headers: { origin: 'https://passerelle.test', host: 'passerelle.test' },
      payload: newOffice('ORIGC'),
    });
    expectJson(same, 201);
  });

  it('does not require the token on safe methods', async () => {
    await t.user('safe@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('safe@x.test');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { passerelle_session: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ csrfToken: string }>().csrfToken).toBe(session.csrfToken);
  });
});

describe('change password', () => {
  it('refuses a wrong current password (422) and an unchanged one', async () => {
    const user = await t.user('chg-wrong@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('chg-wrong@x.test');
    const before = await userRow(t.db, user.id);
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await session.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
      }),
      422,
      'wrong_password',
    );
    expectProblem(
      await session.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      }),
      422,
      'password_unchanged',
    );
    const tooShort = expectProblem(
      await session.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      }),
      400,
      'validation_failed',
    );
    expect(tooShort.errors?.map((e) => e.path)).toEqual(['newPassword']);
    const after = await userRow(t.db, user.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.version).toBe(before.version);
    await expectNoEvent(t.db, seq);
  });

  it('changes the password, ends the other sessions, keeps this one and records it', async () => {
    const user = await t.user('chg@x.test', [['PAR', 'caseworker']]);
    const other = await t.login('chg@x.test');
    const current = await t.login('chg@x.test');
    const before = await userRow(t.db, user.id);
    const seq = await lastAuditSeq(t.db);
    const newPassword = 'a much longer passphrase now';
    const response = await current.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    expect((await me(current)).statusCode).toBe(200);
    expectProblem(await me(other), 401, 'unauthenticated');
    expect(await sessionCount(t.db, user.id)).toBe(1);

    expectProblem(await login('chg@x.test', TEST_PASSWORD), 401, 'invalid_credentials');
    expectJson(await login('chg@x.test', newPassword));

    const after = await userRow(t.db, user.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).not.toContain(newPassword);
    expect(after.version).toBe(before.version + 1);
    const events = await auditAfter(t.db, seq);
    expect(events[0]).toMatchObject({
      action: 'auth.password_changed',
      actorUserId: user.id,
      recordType: 'user',
      recordId: user.id,
      changes: { password: { new: '[changed]' } },
    });
    const dump = JSON.stringify(events);
    expect(dump).not.toContain(newPassword);
    expect(dump).not.toContain(TEST_PASSWORD);
    expect(dump).not.toContain(after.passwordHash);
  });
});

describe('audit of sign-in', () => {
  it('never stores a submitted password in the audit log', async () => {
    const rows = await t.db.select().from(auditEvents);
    const dump = JSON.stringify(rows);
    for (const secret of [TEST_PASSWORD, 'not the password', 'wrong-5', 'a much longer passphrase now']) {
      expect(dump).not.toContain(secret);
    }
    const hashes = (await t.db.select({ h: users.passwordHash }).from(users)).map((r) => r.h);
    for (const hash of hashes) expect(dump).not.toContain(hash);
  });

  it('records the request id and client address of each sign-in event', async () => {
    const user = await t.user('trace@x.test', [['PAR', 'caseworker']]);
    const response = await login('trace@x.test', TEST_PASSWORD);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login'), eq(auditEvents.recordId, user.id)));
    expect(event?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event?.ip).toBe('127.0.0.1');
    expect(response.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('sets them on API responses, successful or not', async () => {
    await t.user('headers@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('headers@x.test');
    expectHeaders((await me(session)).headers);
    expectHeaders((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).headers);
    expectHeaders((await t.app.inject({ method: 'GET', url: '/api/nowhere' })).headers);
    expectHeaders((await t.app.inject({ method: 'GET', url: '/api/health' })).headers);
  });

  it('sets them on the web app', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    // 200 when the web app is built, 503 otherwise: the headers are the same.
    expect([200, 503]).toContain(response.statusCode);
    expectHeaders(response.headers);
    if (response.statusCode === 200) expect(response.headers['cache-control']).toMatch(/no-store|max-age=0/);
  });
});

function permissionsOf(role: Role) {
  return effectivePermissions([{ officeId: 'any', role }]);
}
