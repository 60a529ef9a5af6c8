/** The only place that queries referral tables. Who sees a referral is part of every query. */

import { and, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { type Actor, inScope, scopeOf } from '../../platform/actor';
import { type Permission, ROLE_DEFINITIONS, type Role } from '../../platform/permissions';
import { cases } from '../cases/tables';
import { memberships, offices, users } from '../identity/tables';
import { persons } from '../registry/tables';
import { visibleReferrals } from './policy';
import { notifications, partnerLinks, referralMessages, referralReferenceSeq, referrals } from './tables';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;

const fromOffice = alias(offices, 'from_office');
const toOffice = alias(offices, 'to_office');

export { visibleReferrals };

export function referralSelect(db: Db) {
  return db
    .select({
      row: referrals,
      caseReference: cases.reference,
      caseType: cases.caseType,
      caseSensitive: cases.sensitive,
      caseStatus: cases.status,
      returnCountry: cases.returnCountry,
      givenName: persons.givenName,
      familyName: persons.familyName,
      sex: persons.sex,
      birthDate: persons.birthDate,
      nationalities: persons.nationalities,
      from: { id: fromOffice.id, code: fromOffice.code, name: fromOffice.name },
      to: { id: toOffice.id, code: toOffice.code, name: toOffice.name },
    })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(fromOffice, eq(fromOffice.id, referrals.fromOfficeId))
    .leftJoin(toOffice, eq(toOffice.id, referrals.toOfficeId));
}
export type ReferralJoined = Awaited<ReturnType<ReturnType<typeof referralSelect>['execute']>>[number];

export async function findReferral(db: Db, actor: Actor, id: string): Promise<ReferralJoined | undefined> {
  const [row] = await referralSelect(db).where(and(eq(referrals.id, id), visibleReferrals(actor)));
  return row;
}

/** For partner links and internal steps that have already checked access. */
export async function findReferralById(db: Db, id: string): Promise<ReferralJoined | undefined> {
  const [row] = await referralSelect(db).where(eq(referrals.id, id));
  return row;
}

export async function listReferrals(
  db: Db,
  actor: Actor,
  query: { direction: 'incoming' | 'outgoing'; status?: string; overdueAt?: Date; limit: number },
): Promise<ReferralJoined[]> {
  const read = scopeOf(actor, 'referrals.read');
  const conditions: SQL[] = [visibleReferrals(actor)];
  conditions.push(
    query.direction === 'incoming'
      ? inScope(referrals.toOfficeId, read)
      : inScope(referrals.fromOfficeId, read),
  );
  if (query.status) conditions.push(eq(referrals.status, query.status as ReferralRow['status']));
  if (query.overdueAt) conditions.push(eq(referrals.status, 'pending'), lt(referrals.dueOn, query.overdueAt));
  return referralSelect(db)
    .where(and(...conditions))
    .orderBy(desc(referrals.requestedAt), desc(referrals.id))
    .limit(query.limit);
}

export async function referralsOfCase(db: Db, actor: Actor, caseId: string): Promise<ReferralJoined[]> {
  return referralSelect(db)
    .where(and(eq(referrals.caseId, caseId), visibleReferrals(actor)))
    .orderBy(desc(referrals.requestedAt));
}

export async function nextReferralReference(db: Db, year: number): Promise<string> {
  const result = await db.execute(
    sql`select nextval(${sql.raw(`'${referralReferenceSeq.seqName}'`)})::int as n`,
  );
  const n = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  return `REF-${year}-${String(n).padStart(5, '0')}`;
}

export async function insertReferral(db: Db, values: ReferralInsert): Promise<ReferralRow> {
  const [row] = await db.insert(referrals).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Conditional on the status it was read in: a second answer to the same referral changes nothing. */
export async function updateReferralIf(
  db: Db,
  id: string,
  expected: readonly ReferralRow['status'][],
  patch: Partial<ReferralInsert>,
): Promise<ReferralRow | undefined> {
  const [row] = await db
    .update(referrals)
    .set({ ...patch, version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.id, id), inArray(referrals.status, [...expected])))
    .returning();
  return row;
}

export async function pendingTransferOf(db: Db, caseId: string): Promise<ReferralRow | undefined> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(
      and(eq(referrals.caseId, caseId), eq(referrals.kind, 'transfer'), eq(referrals.status, 'pending')),
    );
  return row;
}

/** Referrals resting on a consent that are still in force. */
export async function referralsOfConsent(db: Db, consentId: string): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(and(eq(referrals.consentId, consentId), inArray(referrals.status, ['pending', 'accepted'])));
}

/** Referrals (not transfers) of a case made by an office and still in force. */
export async function openReferralsOfCase(
  db: Db,
  caseId: string,
  fromOfficeId: string,
): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.caseId, caseId),
        eq(referrals.fromOfficeId, fromOfficeId),
        eq(referrals.kind, 'referral'),
        inArray(referrals.status, ['pending', 'accepted']),
      ),
    );
}

export async function overdueUnnotified(db: Db, now: Date): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(
      and(eq(referrals.status, 'pending'), lt(referrals.dueOn, now), isNull(referrals.overdueNotifiedAt)),
    )
    .limit(1000);
}

// ---- thread ---------------------------------------------------------------------------------------

export async function messagesOf(db: Db, referralId: string) {
  return db
    .select()
    .from(referralMessages)
    .where(eq(referralMessages.referralId, referralId))
    .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id));
}

export async function insertMessage(db: Db, values: typeof referralMessages.$inferInsert) {
  const [row] = await db.insert(referralMessages).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

// ---- partner links --------------------------------------------------------------------------------

export type PartnerLinkRow = typeof partnerLinks.$inferSelect;

export async function currentPartnerLink(db: Db, referralId: string): Promise<PartnerLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(partnerLinks)
    .where(eq(partnerLinks.referralId, referralId))
    .orderBy(desc(partnerLinks.createdAt))
    .limit(1);
  return row;
}

export async function partnerLinkByHash(db: Db, tokenHash: string): Promise<PartnerLinkRow | undefined> {
  const [row] = await db.select().from(partnerLinks).where(eq(partnerLinks.tokenHash, tokenHash));
  return row;
}

export async function insertPartnerLink(db: Db, values: typeof partnerLinks.$inferInsert): Promise<void> {
  await db.insert(partnerLinks).values(values);
}

export async function revokePartnerLinks(db: Db, referralId: string, at: Date): Promise<number> {
  const rows = await db
    .update(partnerLinks)
    .set({ revokedAt: at })
    .where(and(eq(partnerLinks.referralId, referralId), isNull(partnerLinks.revokedAt)))
    .returning({ id: partnerLinks.id });
  return rows.length;
}

export async function touchPartnerLink(db: Db, id: string, at: Date): Promise<void> {
  await db.update(partnerLinks).set({ lastVisitAt: at }).where(eq(partnerLinks.id, id));
}

// ---- notifications --------------------------------------------------------------------------------

/** Active users holding `permission` through a role in the office (global roles excluded: they oversee, not act). */
export async function usersWith(db: Db, officeId: string, permission: Permission): Promise<string[]> {
  const roles = (
    Object.entries(ROLE_DEFINITIONS) as [Role, { scope: string; permissions: readonly string[] }][]
  )
    .filter(([, d]) => d.scope === 'office' && d.permissions.includes(permission))
    .map(([role]) => role);
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(eq(memberships.officeId, officeId), inArray(memberships.role, roles), eq(users.status, 'active')),
    );
  return rows.map((r) => r.id);
}

export async function insertNotifications(
  db: Db,
  rows: { userId: string; kind: string; referralId: string; officeId: string | null; createdAt: Date }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

const notifiedOffice = alias(offices, 'notified_office');
export async function notificationsOf(db: Db, userId: string, limit: number) {
  const items = await db
    .select({
      row: notifications,
      referralReference: referrals.reference,
      officeCode: sql<string>`coalesce(${notifiedOffice.code}, '')`,
    })
    .from(notifications)
    .innerJoin(referrals, eq(referrals.id, notifications.referralId))
    .leftJoin(notifiedOffice, eq(notifiedOffice.id, notifications.officeId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: unread?.n ?? 0 };
}

export async function markNotificationsRead(db: Db, userId: string, at: Date, id?: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : sql`true`,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

// ---- dashboard -------------------------------------------------------------------------------------

export type DashboardCounts = {
  officeId: string;
  code: string;
  name: string;
  direction: 'incoming' | 'outgoing';
  pending: number;
  overdue: number;
  accepted: number;
  declined: number;
  overrides: number;
  medianHours: number | null;
};

/** Counts per office and direction, and the median time to answer incoming referrals. */
export async function dashboard(db: Db, actor: Actor, now: Date): Promise<DashboardCounts[]> {
  const read = scopeOf(actor, 'referrals.read');
  const result = await db.execute(sql`
    with sides as (
      select r.to_office_id as office_id, 'incoming' as direction, r.* from referrals r where r.to_office_id is not null
      union all
      select r.from_office_id as office_id, 'outgoing' as direction, r.* from referrals r
    )
    select o.id as "officeId", o.code, o.name, s.direction,
      count(*) filter (where s.status = 'pending')::int as pending,
      count(*) filter (where s.status = 'pending' and s.due_on < ${now.toISOString()}::timestamptz)::int as overdue,
      count(*) filter (where s.status = 'accepted')::int as accepted,
      count(*) filter (where s.status = 'declined')::int as declined,
      count(*) filter (where s.override_justification is not null)::int as overrides,
      (percentile_cont(0.5) within group (order by extract(epoch from (s.responded_at - s.requested_at)) / 3600.0)
        filter (where s.responded_at is not null))::float8 as "medianHours"
    from sides s join offices o on o.id = s.office_id
    where ${inScope(sql`s.office_id`, read)}
    group by o.id, o.code, o.name, s.direction
    order by o.code, s.direction`);
  return (result as unknown as { rows: DashboardCounts[] }).rows;
}
