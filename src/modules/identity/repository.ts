/** The only place that queries identity tables. Every function takes the database or a transaction. */
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import type { Role } from '../../platform/permissions';
import type { Office, User } from './contract';
import { accountHash, type ThrottleKey } from './login-throttle';
import {
  knownDevices,
  loginThrottles,
  membershipRequests,
  memberships,
  offices,
  sessions,
  users,
} from './tables';

export type UserRow = typeof users.$inferSelect;
export type OfficeRow = typeof offices.$inferSelect;
export type MembershipView = { officeId: string; officeCode: string; officeName: string; role: Role };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toOffice(row: OfficeRow): Office {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    city: row.city,
    region: row.region,
    kind: row.kind,
    active: row.active,
    version: row.version,
  };
}

export function toUser(
  row: UserRow,
  userMemberships: MembershipView[],
  signInDelayedUntil: Date | null,
  pendingMembershipChange: User['pendingMembershipChange'] = null,
): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    status: row.status,
    signInDelayedUntil: iso(signInDelayedUntil),
    lastLoginAt: iso(row.lastLoginAt),
    mustChangePassword: row.mustChangePassword,
    memberships: userMemberships,
    pendingMembershipChange,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

// ---- users -------------------------------------------------------------------------------------

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Memberships in active offices only: deactivating an office suspends every role held there. */
export async function membershipsOf(db: Db, userIds: string[]): Promise<Map<string, MembershipView[]>> {
  const out = new Map<string, MembershipView[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: memberships.userId,
      officeId: memberships.officeId,
      officeCode: offices.code,
      officeName: offices.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(offices, eq(offices.id, memberships.officeId))
    .where(and(inArray(memberships.userId, userIds), eq(offices.active, true)))
    .orderBy(asc(offices.code), asc(memberships.role));
  for (const { userId, ...m } of rows) out.get(userId)?.push({ ...m, role: m.role as Role });
  return out;
}

/** A user is visible when they hold a role in an office of the scope (administrators see everyone). */
function userVisible(scope: OfficeScope): SQL {
  if (scope === 'all') return sql`true`;
  return sql`exists (select 1 from ${memberships} m where m.user_id = ${users.id} and ${inScope(sql`m.office_id`, scope)})`;
}

export async function listUsers(
  db: Db,
  scope: OfficeScope,
  filter: { q?: string; officeId?: string; role?: Role; status?: 'active' | 'disabled' },
): Promise<UserRow[]> {
  const conditions: SQL[] = [userVisible(scope)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.officeId || filter.role) {
    const byOffice = filter.officeId ? sql`and m.office_id = ${filter.officeId}` : sql``;
    const byRole = filter.role ? sql`and m.role = ${filter.role}` : sql``;
    conditions.push(
      sql`exists (select 1 from ${memberships} m where m.user_id = ${users.id} ${byOffice} ${byRole})`,
    );
  }
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(1000);
}

export async function findVisibleUser(db: Db, scope: OfficeScope, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userVisible(scope)));
  return row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Optimistic update: applies only if the row is still at `version`; returns undefined otherwise. */
export async function updateUserAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/** Updates that are not user edits (last sign-in): no version bump, no conflict. */
export async function updateUserSecurityState(
  db: Db,
  id: string,
  patch: Pick<Partial<typeof users.$inferInsert>, 'lastLoginAt'>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function replaceMemberships(
  db: Db,
  userId: string,
  next: { officeId: string; role: Role }[],
): Promise<void> {
  await db.delete(memberships).where(eq(memberships.userId, userId));
  if (next.length > 0) await db.insert(memberships).values(next.map((m) => ({ ...m, userId })));
}

// Serialises every change that could remove the last administrator (two admins disabling each other).
const ADMINISTRATORS_LOCK = 7_243_002;
export async function lockAdministrators(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADMINISTRATORS_LOCK})`);
}

/** Active administrators left, not counting one user or the memberships held in one office. */
export async function countActiveAdministrators(
  db: Db,
  excluding: { userId?: string; officeId?: string },
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(offices, eq(offices.id, memberships.officeId))
    .where(
      and(
        eq(memberships.role, 'administrator'),
        eq(users.status, 'active'),
        eq(offices.active, true),
        excluding.userId ? sql`${users.id} <> ${excluding.userId}` : sql`true`,
        excluding.officeId ? sql`${offices.id} <> ${excluding.officeId}` : sql`true`,
      ),
    );
  return row?.n ?? 0;
}

// ---- offices -----------------------------------------------------------------------------------

export async function listOffices(db: Db): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(asc(offices.code));
}

export async function findOffices(db: Db, ids: string[]): Promise<OfficeRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(offices).where(inArray(offices.id, ids));
}

export async function findOffice(db: Db, id: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.id, id));
  return row;
}

export async function findOfficeByCode(db: Db, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row;
}

export async function insertOffice(db: Db, values: typeof offices.$inferInsert): Promise<OfficeRow> {
  const [row] = await db.insert(offices).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateOfficeAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof offices.$inferInsert>,
  now: Date,
): Promise<OfficeRow | undefined> {
  const [row] = await db
    .update(offices)
    .set({ ...patch, version: sql`${offices.version} + 1`, updatedAt: now })
    .where(and(eq(offices.id, id), eq(offices.version, version)))
    .returning();
  return row;
}

// ---- sessions ----------------------------------------------------------------------------------

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, values: SessionRow): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, optionally sparing one (the one that changed its own password). */
export async function deleteUserSessions(db: Db, userId: string, except?: string): Promise<void> {
  const condition = except
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${except}`)
    : eq(sessions.userId, userId);
  await db.delete(sessions).where(condition);
}

export async function deleteExpiredSessions(db: Db, idleBefore: Date, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(or(sql`${sessions.lastSeenAt} < ${idleBefore}`, sql`${sessions.absoluteExpiresAt} < ${now}`));
}

// ---- sign-in delays and known devices ----------------------------------------------------------

export type ThrottleRow = typeof loginThrottles.$inferSelect;

export async function throttleRows(db: Db, keys: string[]): Promise<ThrottleRow[]> {
  return db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/**
 * Counts one failure on a key, atomically (concurrent failures all count); failures older than
 * `forgetBefore` start again from one. Returns the key's failure count after this one.
 */
export async function countFailure(db: Db, key: ThrottleKey, now: Date, forgetBefore: Date): Promise<number> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ key: key.key, accountHash: key.accountHash, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.lastFailureAt} < ${forgetBefore} then 1 else ${loginThrottles.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginThrottles.failures });
  return row?.failures ?? 1;
}

export async function delayKey(db: Db, key: string, until: Date): Promise<void> {
  await db.update(loginThrottles).set({ blockedUntil: until }).where(eq(loginThrottles.key, key));
}

export async function clearThrottleKeys(db: Db, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/** Lifts every delay of an account (from every address); returns how many keys were cleared. */
export async function clearAccountThrottles(db: Db, email: string): Promise<number> {
  const rows = await db
    .delete(loginThrottles)
    .where(eq(loginThrottles.accountHash, accountHash(email)))
    .returning({ key: loginThrottles.key });
  return rows.length;
}

/**
 * The end of the latest account-wide delay of each account (by email): sign-ins from addresses that are not
 * known devices wait until then. It may be past; the row goes when its failures are forgotten.
 */
export async function accountDelays(db: Db, emails: string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (emails.length === 0) return out;
  const byHash = new Map(emails.map((e) => [accountHash(e), e]));
  const rows = await db
    .select({ accountHash: loginThrottles.accountHash, blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(
      and(
        inArray(
          loginThrottles.key,
          [...byHash.keys()].map((h) => `account:${h}`),
        ),
        sql`${loginThrottles.blockedUntil} is not null`,
      ),
    );
  for (const row of rows) {
    const email = row.accountHash ? byHash.get(row.accountHash) : undefined;
    if (email && row.blockedUntil) out.set(email, row.blockedUntil);
  }
  return out;
}

/** Forgets failures nobody has repeated for a while, once their delay is over. */
export async function purgeThrottles(db: Db, forgetBefore: Date, now: Date): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(
      and(
        sql`${loginThrottles.lastFailureAt} < ${forgetBefore}`,
        or(sql`${loginThrottles.blockedUntil} is null`, sql`${loginThrottles.blockedUntil} < ${now}`),
      ),
    );
}

/** The account a known-device token was given to, if any. */
export async function knownDeviceUser(db: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .where(eq(knownDevices.tokenHash, tokenHash));
  return row?.userId;
}

export async function rememberDevice(db: Db, tokenHash: string, userId: string, now: Date): Promise<void> {
  await db
    .insert(knownDevices)
    .values({ tokenHash, userId, createdAt: now, lastUsedAt: now })
    .onConflictDoUpdate({ target: knownDevices.tokenHash, set: { lastUsedAt: now } });
}

export async function purgeKnownDevices(db: Db, unusedSince: Date): Promise<void> {
  await db.delete(knownDevices).where(sql`${knownDevices.lastUsedAt} < ${unusedSince}`);
}

// ---- changes of roles waiting for a second administrator -------------------------------------------

export type MembershipRequestRow = typeof membershipRequests.$inferSelect;

export async function insertMembershipRequest(
  db: Db,
  values: typeof membershipRequests.$inferInsert,
): Promise<MembershipRequestRow> {
  const [row] = await db.insert(membershipRequests).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** One request, locked for the decision when `forUpdate`. */
export async function findMembershipRequest(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<MembershipRequestRow | undefined> {
  const query = db.select().from(membershipRequests).where(eq(membershipRequests.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function pendingMembershipRequests(
  db: Db,
  userIds: string[],
): Promise<Map<string, MembershipRequestRow>> {
  const out = new Map<string, MembershipRequestRow>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select()
    .from(membershipRequests)
    .where(and(inArray(membershipRequests.userId, userIds), eq(membershipRequests.status, 'pending')));
  for (const row of rows) out.set(row.userId, row);
  return out;
}

export async function listMembershipRequests(
  db: Db,
  status: MembershipRequestRow['status'],
): Promise<MembershipRequestRow[]> {
  return db
    .select()
    .from(membershipRequests)
    .where(eq(membershipRequests.status, status))
    .orderBy(desc(membershipRequests.requestedAt), asc(membershipRequests.id))
    .limit(500);
}

/** Records the decision on a pending request; undefined when it was no longer pending. */
export async function decideMembershipRequest(
  db: Db,
  id: string,
  decision: {
    status: 'approved' | 'rejected' | 'cancelled';
    decidedBy: string;
    decidedAt: Date;
    comment: string | null;
  },
): Promise<MembershipRequestRow | undefined> {
  const [row] = await db
    .update(membershipRequests)
    .set(decision)
    .where(and(eq(membershipRequests.id, id), eq(membershipRequests.status, 'pending')))
    .returning();
  return row;
}

/** Display names of users, by id (for who asked and who decided). */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
