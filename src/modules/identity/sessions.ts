/** Sign-in, sign-out and session resolution. */
import type { Db } from '../../db/client';
import type { Actor, Ctx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import type { Clock } from '../../platform/clock';
import { randomToken, sha256Hex, verifyAgainstDummy, verifyPassword } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { inDuration, type Lang } from '../../platform/i18n';
import { effectivePermissions } from '../../platform/permissions';
import type { Me } from './contract';
import { delayAfter, FAILURE_MEMORY_MS, thresholdOf, throttleKeys, waitFor } from './login-throttle';
import * as repo from './repository';

export type SessionPolicy = {
  idleMinutes: number;
  absoluteMinutes: number;
  /** Failures of one address on one account before sign-ins are delayed (login-throttle.ts). */
  maxFailures: number;
  /** The longest delay. */
  lockMinutes: number;
};

const MINUTE = 60_000;
/** Writing last_seen_at on every request would turn reads into writes; a minute's slack is enough. */
const TOUCH_INTERVAL_MS = MINUTE;

/** How long a browser stays a known device of an account without signing in again. */
export const KNOWN_DEVICE_DAYS = 180;

export type LoginResult = { token: string; me: Me; deviceToken: string };

export type LoginClient = {
  userAgent: string | null;
  /** The known-device cookie this browser presented, if any. */
  deviceToken: string | null;
};

/**
 * Signs in. Failed attempts delay further attempts from the same address (and, after many, on the same
 * account from unknown devices) with growing waits; nothing ever locks an account but an administrator
 * disabling it. Unknown emails, wrong passwords and disabled accounts answer alike, with the same delays.
 */
export async function login(
  ctx: Ctx,
  policy: SessionPolicy,
  input: { email: string; password: string },
  client: LoginClient,
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const address = ctx.ip ?? 'unknown';
  const keys = throttleKeys(input.email, address);
  const deviceUserId = client.deviceToken
    ? await repo.knownDeviceUser(ctx.db, sha256Hex(client.deviceToken))
    : undefined;
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const knownDevice = deviceUserId !== undefined && deviceUserId === user?.id;
  const wait = waitFor(
    await repo.throttleRows(
      ctx.db,
      keys.map((k) => k.key),
    ),
    keys,
    now,
    knownDevice,
  );
  if (wait > 0) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        actorEmail: input.email,
        ...(user ? { recordType: 'user', recordId: user.id } : {}),
        metadata: { reason: 'delayed', seconds: Math.ceil(wait / 1000) },
      }),
    );
    throw delayedError(ctx.lang, wait);
  }

  let passwordOk = false;
  // An unknown email costs the same hashing time as a known one.
  if (user) passwordOk = await verifyPassword(user.passwordHash, input.password);
  else await verifyAgainstDummy(input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    const reason = !user ? 'unknown_email' : passwordOk ? 'disabled' : 'wrong_password';
    await ctx.db.transaction(async (tx) => {
      const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
      const counted: Record<string, number> = {};
      for (const key of keys) {
        const failures = await repo.countFailure(tx, key, now, forgetBefore);
        counted[key.scope] = failures;
        const delay = delayAfter(
          failures,
          thresholdOf(key.scope, policy.maxFailures),
          policy.lockMinutes * MINUTE,
        );
        if (delay === 0) continue;
        await repo.delayKey(tx, key.key, new Date(now.getTime() + delay));
        if (failures === thresholdOf(key.scope, policy.maxFailures))
          await recordAudit(tx, ctx, {
            action: 'auth.login_delayed',
            actorEmail: input.email,
            ...(user ? { recordType: 'user', recordId: user.id } : {}),
            metadata: { scope: key.scope, failures, seconds: delay / 1000 },
          });
      }
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        actorEmail: input.email,
        ...(user ? { recordType: 'user', recordId: user.id } : {}),
        metadata: { reason, failures: counted.pair ?? 1 },
      });
    });
    // The same answer whatever went wrong: no hint about which accounts exist or are disabled.
    throw new AppError('invalid_credentials');
  }

  const token = randomToken();
  const tokenHash = sha256Hex(token);
  const csrfToken = randomToken();
  // The browser is remembered as a device of this account (the same token again if it already was one).
  const deviceToken = knownDevice && client.deviceToken ? client.deviceToken : randomToken();
  await ctx.db.transaction(async (tx) => {
    // Sessions that expired without being presented again are purged here, so the table stays small.
    await repo.deleteExpiredSessions(tx, new Date(now.getTime() - policy.idleMinutes * MINUTE), now);
    await repo.insertSession(tx, {
      tokenHash,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + policy.absoluteMinutes * MINUTE),
      ip: ctx.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateUserSecurityState(tx, user.id, { lastLoginAt: now });
    // This address on this account starts afresh; the guesses made elsewhere (the address on other
    // accounts, the account from other addresses) stay counted.
    await repo.clearThrottleKeys(
      tx,
      keys.filter((k) => k.scope === 'pair').map((k) => k.key),
    );
    await repo.rememberDevice(tx, sha256Hex(deviceToken), user.id, now);
    await recordAudit(
      tx,
      {
        ...ctx,
        actor: { userId: user.id, email: user.email, displayName: user.displayName, memberships: [] },
      },
      {
        action: 'auth.login',
        recordType: 'user',
        recordId: user.id,
      },
    );
  });
  const memberships = (await repo.membershipsOf(ctx.db, [user.id])).get(user.id) ?? [];
  return { token, me: buildMe(user, memberships, csrfToken), deviceToken };
}

function delayedError(lang: Lang, waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('too_many_attempts', {
    params: { when: inDuration(lang, seconds) },
    headers: { 'retry-after': String(seconds) },
  });
}

export function buildMe(user: repo.UserRow, memberships: repo.MembershipView[], csrfToken: string): Me {
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
    },
    memberships,
    permissions: effectivePermissions(memberships),
    csrfToken,
  };
}

export type ResolvedSession = { actor: Actor; tokenHash: string; csrfToken: string; me: Me };

/**
 * The actor behind a session token, or `expired`/`none`. Idle and absolute expiry are checked here;
 * a disabled user's sessions die with the next request.
 */
export async function resolveSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<ResolvedSession | 'expired' | 'none'> {
  const tokenHash = sha256Hex(token);
  const session = await repo.findSession(db, tokenHash);
  if (!session) return 'none';
  const now = clock.now();
  const idleDeadline = session.lastSeenAt.getTime() + policy.idleMinutes * MINUTE;
  if (now.getTime() > idleDeadline || now > session.absoluteExpiresAt) {
    await repo.deleteSession(db, tokenHash);
    return 'expired';
  }
  const user = await repo.findUserById(db, session.userId);
  if (user?.status !== 'active') {
    await repo.deleteSession(db, tokenHash);
    return 'expired';
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
    await repo.touchSession(db, tokenHash, now);
  const memberships = (await repo.membershipsOf(db, [user.id])).get(user.id) ?? [];
  return {
    tokenHash,
    csrfToken: session.csrfToken,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      memberships: memberships.map((m) => ({ officeId: m.officeId, role: m.role })),
    },
    me: buildMe(user, memberships, session.csrfToken),
  };
}

export async function logout(ctx: Ctx, tokenHash: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, tokenHash);
    if (ctx.actor)
      await recordAudit(tx, ctx, { action: 'auth.logout', recordType: 'user', recordId: ctx.actor.userId });
  });
}

/** Forgets failures nobody repeated for a day (their delays over) and devices unused for 180 days. */
export async function purgeSignInRecords(db: Db, now: Date): Promise<void> {
  await repo.purgeThrottles(db, new Date(now.getTime() - FAILURE_MEMORY_MS), now);
  await repo.purgeKnownDevices(db, new Date(now.getTime() - KNOWN_DEVICE_DAYS * 24 * 60 * MINUTE));
}

/** The actor a user is now (active account, memberships in active offices), for work done on their behalf later. */
export async function actorOf(db: Db, userId: string): Promise<Actor | undefined> {
  const user = await repo.findUserById(db, userId);
  if (user?.status !== 'active') return undefined;
  const memberships = (await repo.membershipsOf(db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    memberships: memberships.map((m) => ({ officeId: m.officeId, role: m.role })),
  };
}
