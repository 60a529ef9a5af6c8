/**
 * Failed sign-ins slow the guesser down without locking anyone out (ADR 0012): answers are the same for
 * unknown and real accounts, delays grow per address and account, the owner signs in from another address
 * or from a browser that signed in before, and only an administrator disables an account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../harness/app';
import { auditAfter, expectJson, expectProblem, lastAuditSeq, type ProblemBody } from './helpers';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await createTestApp();
  await t.user('admin@x.test', [['PAR', 'administrator']]);
  admin = await t.login('admin@x.test');
});
afterAll(() => t.close());

const FAILURE_MEMORY = 24 * 60 * 60_000 + 1;
let nextAddress = 1;
/** A client address of its own, so tests do not share the per-address count. */
const freshAddress = () => `10.1.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

const signIn = (email: string, password: string, from: string, cookies: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: from,
    cookies,
  });
const strip = ({ requestId: _r, ...rest }: ProblemBody) => rest;

describe('delays after failed sign-ins', () => {
  it('answers an unknown email and a real account alike, attempt after attempt, delays included', async () => {
    await t.user('real@x.test', [['PAR', 'caseworker']]);
    const from = freshAddress();
    for (let attempt = 1; attempt <= 7; attempt++) {
      const real = await signIn('real@x.test', `guess-${attempt}`, from);
      const unknown = await signIn('nobody-here@x.test', `guess-${attempt}`, from);
      expect(real.statusCode, `attempt ${attempt}`).toBe(unknown.statusCode);
      expect(real.headers['retry-after']).toBe(unknown.headers['retry-after']);
      expect(strip(real.json())).toEqual(strip(unknown.json()));
      expect(real.statusCode).toBe(attempt <= 5 ? 401 : 429);
    }
  });

  it('delays the address after LOGIN_MAX_FAILURES failures, doubling, the right password included', async () => {
    expect(t.config.loginMaxFailures).toBe(5);
    const user = await t.user('owner@x.test', [['PAR', 'caseworker']]);
    const attacker = freshAddress();
    const seq = await lastAuditSeq(t.db);
    for (let i = 1; i <= 5; i++)
      expectProblem(await signIn('owner@x.test', `wrong-${i}`, attacker), 401, 'invalid_credentials');

    const delayed = await signIn('owner@x.test', TEST_PASSWORD, attacker);
    const problem = expectProblem(delayed, 429, 'too_many_attempts');
    expect(delayed.headers['retry-after']).toBe('30');
    expect(problem.detail).toBe(
      'Trop de connexions échouées depuis cet endroit. Réessayez dans 30 secondes.',
    );
    expect(delayed.cookies).toEqual([]);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@x.test', password: 'x' },
      remoteAddress: attacker,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().detail).toBe('Too many failed sign-ins from here. Try again in 30 seconds.');

    const events = await auditAfter(t.db, seq);
    const delayedEvent = events.find((e) => e.action === 'auth.login_delayed');
    expect(delayedEvent).toMatchObject({
      recordId: user.id,
      metadata: { scope: 'pair', failures: 5, seconds: 30 },
    });
    expect(events.filter((e) => e.action === 'auth.login_failed').at(-1)?.metadata).toEqual({
      reason: 'delayed',
      seconds: 30,
    });

    // Once the wait is over, one more failure doubles it.
    t.clock.advance(31_000);
    expectProblem(await signIn('owner@x.test', 'wrong-6', attacker), 401, 'invalid_credentials');
    expect((await signIn('owner@x.test', TEST_PASSWORD, attacker)).headers['retry-after']).toBe('60');
    t.clock.advance(61_000);
    expectProblem(await signIn('owner@x.test', 'wrong-7', attacker), 401, 'invalid_credentials');
    expect((await signIn('owner@x.test', TEST_PASSWORD, attacker)).headers['retry-after']).toBe('120');

    // Meanwhile the owner, from their own address, is not held back at all.
    expectJson(await signIn('owner@x.test', TEST_PASSWORD, freshAddress()));
    // And after the wait, the right password works from there too and the count starts again.
    t.clock.advance(121_000);
    expectJson(await signIn('owner@x.test', TEST_PASSWORD, attacker));
    for (let i = 1; i <= 4; i++)
      expectProblem(await signIn('owner@x.test', 'again', attacker), 401, 'invalid_credentials');
    expectJson(await signIn('owner@x.test', TEST_PASSWORD, attacker));
  });

  it('delays an address that tries many accounts, without touching those accounts elsewhere', async () => {
    const sprayer = freshAddress();
    await t.user('sprayed@x.test', [['PAR', 'caseworker']]);
    // Four tries on each account stay under the per-account threshold; the address's total does not.
    for (let account = 0; account < 12; account++)
      for (let i = 0; i < 4; i++) await signIn(`spray-${account}@x.test`, 'Passw0rd!', sprayer);
    for (let i = 0; i < 2; i++) await signIn('sprayed@x.test', 'Passw0rd!', sprayer);
    expectProblem(await signIn('sprayed@x.test', TEST_PASSWORD, sprayer), 429, 'too_many_attempts');
    expectJson(await signIn('sprayed@x.test', TEST_PASSWORD, freshAddress()));
  });

  it('delays an account attacked from everywhere, except on browsers that signed in to it before', async () => {
    const target = await t.user('targeted@x.test', [['PAR', 'caseworker']]);
    // The owner's own browser, from an earlier sign-in.
    const earlier = await signIn('targeted@x.test', TEST_PASSWORD, freshAddress());
    const device = earlier.cookies.find((c) => c.name === 'passerelle_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });
    // Fifty failures from ten addresses, each staying under its own threshold.
    for (let a = 0; a < 10; a++) {
      const from = freshAddress();
      for (let i = 0; i < 5; i++) await signIn('targeted@x.test', `botnet-${a}-${i}`, from);
    }
    const stranger = await signIn('targeted@x.test', TEST_PASSWORD, freshAddress());
    expectProblem(stranger, 429, 'too_many_attempts');
    const user = expectJson<{ signInDelayedUntil: string | null }>(
      await admin.inject({ method: 'GET', url: `/api/users/${target.id}` }),
    );
    expect(user.signInDelayedUntil).toBe(new Date(t.clock.now().getTime() + 30_000).toISOString());

    // The owner's browser, even from a new address, signs in.
    expectJson(
      await signIn('targeted@x.test', TEST_PASSWORD, freshAddress(), {
        passerelle_device: device?.value ?? '',
      }),
    );
    // A device cookie of another account does not help.
    const other = await t.user('other@x.test', [['PAR', 'caseworker']]);
    expect(other.id).toBeTruthy();
    const otherDevice = (await signIn('other@x.test', TEST_PASSWORD, freshAddress())).cookies.find(
      (c) => c.name === 'passerelle_device',
    );
    expectProblem(
      await signIn('targeted@x.test', TEST_PASSWORD, freshAddress(), {
        passerelle_device: otherDevice?.value ?? '',
      }),
      429,
      'too_many_attempts',
    );
  });

  it('never locks an account by itself: only an administrator disabling it does', async () => {
    t.clock.advance(FAILURE_MEMORY);
    const user = await t.user('patient@x.test', [['PAR', 'caseworker']]);
    const attacker = freshAddress();
    for (let round = 0; round < 8; round++) {
      await signIn('patient@x.test', 'wrong', attacker);
      t.clock.advance(16 * 60_000);
    }
    // Hours of failures later, the owner from anywhere else still signs in at once.
    expectJson(await signIn('patient@x.test', TEST_PASSWORD, freshAddress()));
    admin = await t.login('admin@x.test');
    const version = expectJson<{ version: number }>(
      await admin.inject({ method: 'GET', url: `/api/users/${user.id}` }),
    ).version;
    expectJson(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { version, status: 'disabled' },
      }),
    );
    expectProblem(await signIn('patient@x.test', TEST_PASSWORD, freshAddress()), 401, 'invalid_credentials');
  });
});
