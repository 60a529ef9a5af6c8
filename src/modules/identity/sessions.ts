/** Sign-in, sign-out and session resolution. */
import type { Db } from '../../db/client';
import type { Actor, Ctx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import type { Clock } from '../../platform/clock';
import { randomToken, sha256Hex, verifyAgainstDummy, verifyPassword } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { effectivePermissions } from '../../platform/permissions';
import type { Me } from './contract';
import * as repo from './repository';

export type SessionPolicy = {
  idleMinutes: number;
  absoluteMinutes: number;
  maxFailures: number;
  lockMinutes: number;
};

const MINUTE = 60_000;
/** Writing last_seen_at on every request would turn reads into writes; a minute's slack is enough. */
const TOUCH_INTERVAL_MS = MINUTE;

export type LoginResult = { token: string; me: Me };

export async function login(
  ctx: Ctx,
  policy: SessionPolicy,
  input: { email: string; password: string },
  client: { userAgent: string | null },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const user = await repo.findUserByEmail(ctx.db, input.email);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        actorEmail: input.email,
        metadata: { reason: 'unknown_email' },
      }),
    );
    throw new AppError('invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    // Still check nothing and say locked: a locked account gives no password oracle.
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        actorEmail: user.email,
        recordType: 'user',
        recordId: user.id,
        metadata: { reason: 'locked' },
      }),
    );
    throw lockedError(user.lockedUntil, now);
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || user.status !== 'active') {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= policy.maxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + policy.lockMinutes * MINUTE) : null;
    await ctx.db.transaction(async (tx) => {
      await repo.updateUserSecurityState(tx, user.id, {
        failedLoginCount: lock ? 0 : failures,
        lockedUntil,
      });
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        actorEmail: user.email,
        recordType: 'user',
        recordId: user.id,
        metadata: { reason: passwordOk ? 'disabled' : 'wrong_password', failures },
      });
      if (lock) {
        await recordAudit(tx, ctx, {
          action: 'auth.account_locked',
          actorEmail: user.email,
          recordType: 'user',
          recordId: user.id,
          metadata: { until: lockedUntil?.toISOString(), minutes: policy.lockMinutes },
        });
      }
    });
    // A disabled account answers like a wrong password: no hint about which accounts exist.
    if (lock && lockedUntil) throw lockedError(lockedUntil, now);
    throw new AppError('invalid_credentials');
  }

  const token = randomToken();
  const tokenHash = sha256Hex(token);
  const csrfToken = randomToken();
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
    await repo.updateUserSecurityState(tx, user.id, {
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
    });
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
  return { token, me: buildMe(user, memberships, csrfToken) };
}

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return new AppError('account_locked', {
    params: { minutes },
    headers: { 'retry-after': String(minutes * 60) },
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
