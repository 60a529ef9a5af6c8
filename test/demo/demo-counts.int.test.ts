/**
 * The demo tells the same story whichever way it is loaded: the number of rows of every table (the audit
 * log apart, which only grows with the steps the loader takes), and their groupings that make the story
 * (cases by office, status and type; referrals by kind, status and offices; people by office; the
 * duplicate pairs a scan finds...). The expected numbers are those of demo-counts.json.
 */

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { seedDemo } from '../../src/demo/seed';
import { runScheduledScan } from '../../src/modules/registry/duplicates';
import { fixedClock } from '../../src/platform/clock';
import { wireReactions } from '../../src/server/reactions';
import { createTestDatabase } from '../harness/db';

/** Tables whose rows depend on sign-ins or time rather than on the demo story. */
const NOT_COUNTED = new Set([
  'audit_events',
  'sessions',
  'login_throttles',
  'known_devices',
  '__drizzle_migrations',
]);

type Rows = Record<string, unknown>[];

let database: Database;
const summary: Record<string, unknown> = {};

async function rows(query: ReturnType<typeof sql>): Promise<Rows> {
  const result = await database.db.execute(query);
  return (result as unknown as { rows: Rows }).rows;
}

/** `{ "a|b|c": n }`, keys sorted, from rows of (k1, k2, ..., n). */
async function grouped(query: ReturnType<typeof sql>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const row of await rows(query)) {
    const { n, ...keys } = row;
    out[Object.values(keys).map(String).join('|')] = Number(n);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  await seedDemo(database, clock, 'demo-password', Buffer.alloc(32, 1));

  const tables = await rows(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) {
    const name = String(t);
    if (NOT_COUNTED.has(name)) continue;
    const [row] = await rows(sql`select count(*)::int as n from ${sql.identifier(name)}`);
    counts[name] = Number(row?.n);
  }
  summary.tables = counts;

  summary.casesByOfficeStatusType = await grouped(sql`
    select o.code, c.status, c.case_type, count(*)::int as n from cases c join offices o on o.id = c.owning_office_id
    group by 1, 2, 3 order by 1, 2, 3`);
  summary.casesByProject = await grouped(sql`
    select coalesce(p.code, '-') as code, count(*)::int as n from cases c left join projects p on p.id = c.project_id
    group by 1 order by 1`);
  summary.casesPendingApproval = await grouped(sql`
    select o.code, c.pending_transition->>'to' as to, count(*)::int as n from cases c
    join offices o on o.id = c.owning_office_id where c.pending_transition is not null group by 1, 2 order by 1, 2`);
  summary.casesClosedBy = await grouped(sql`
    select c.closure_reason, c.status_before_closure, count(*)::int as n from cases c
    where c.closure_reason is not null group by 1, 2 order by 1, 2`);
  summary.caseFacts = await grouped(sql`
    select c.travel_document_ready, coalesce(c.medical_fitness, '-'), c.declaration_signed_on is not null,
      c.departure_date is not null, count(*)::int as n from cases c group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  summary.casesWithheld = await grouped(sql`
    select array_to_string(c.withheld_sections, ',') as s, count(*)::int as n from cases c
    where cardinality(c.withheld_sections) > 0 group by 1 order by 1`);
  summary.casesAssigned = await grouped(sql`
    select o.code, c.assigned_to is not null as assigned, count(*)::int as n from cases c
    join offices o on o.id = c.owning_office_id group by 1, 2 order by 1, 2`);
  summary.caseEventsByKind = await grouped(sql`
    select kind, coalesce(from_status, '-'), coalesce(to_status, '-'), count(*)::int as n from case_events
    group by 1, 2, 3 order by 1, 2, 3`);
  summary.notes = await grouped(sql`
    select confidential, count(*)::int as n from case_notes group by 1 order by 1`);
  summary.tasks = await grouped(sql`
    select done_at is not null as done, assignee_id is not null as assigned, count(*)::int as n from case_tasks
    group by 1, 2 order by 1, 2`);
  summary.personsByOffice = await grouped(sql`
    select o.code, count(*)::int as n from persons p join offices o on o.id = p.owning_office_id
    group by 1 order by 1`);
  summary.householdsByOffice = await grouped(sql`
    select o.code, count(*)::int as n from households h join offices o on o.id = h.owning_office_id
    group by 1 order by 1`);
  summary.documents = await grouped(sql`
    select type, withheld, count(*)::int as n from identity_documents group by 1, 2 order by 1, 2`);
  summary.consents = await grouped(sql`
    select purpose, recipient, withdrawn_on is not null as withdrawn, count(*)::int as n from consents group by 1, 2, 3 order by 1, 2, 3`);
  summary.referrals = await grouped(sql`
    select r.kind, r.status, f.code as from_office, coalesce(t.code, 'partner') as to_office, count(*)::int as n
    from referrals r join offices f on f.id = r.from_office_id left join offices t on t.id = r.to_office_id
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  summary.referralsOverdueNotified = await grouped(sql`
    select overdue_notified_at is not null as notified, count(*)::int as n from referrals group by 1 order by 1`);
  summary.referralMessages = await grouped(sql`
    select side, count(*)::int as n from referral_messages group by 1 order by 1`);
  summary.notifications = await grouped(sql`
    select n.kind, u.email, n.read_at is not null as read, count(*)::int as n from notifications n
    join users u on u.id = n.user_id group by 1, 2, 3 order by 1, 2, 3`);
  summary.plans = await grouped(sql`
    select status, approved_version, count(*)::int as n from reintegration_plans group by 1, 2 order by 1, 2`);
  summary.planItems = await grouped(sql`
    select dimension, removed, count(*)::int as n from plan_items group by 1, 2 order by 1, 2`);
  summary.deliveries = await grouped(sql`
    select currency, count(*)::int as n, sum(amount_minor)::bigint as total from deliveries group by 1 order by 1`);
  summary.placements = await grouped(sql`
    select outcome, count(*)::int as n from placements group by 1 order by 1`);
  summary.followUps = await grouped(sql`
    select month, still_employed, count(*)::int as n from placement_follow_ups group by 1, 2 order by 1, 2`);
  summary.openings = await grouped(sql`
    select status, count(*)::int as n from job_openings group by 1 order by 1`);

  // The duplicate pairs the periodic scan of the whole registry finds, by offices of the two records.
  await runScheduledScan(
    {
      db: database.db,
      clock,
      actor: null,
      requestId: null,
      ip: null,
      lang: 'en',
      reactions: wireReactions(),
    },
    1,
  );
  summary.duplicatePairs = await grouped(sql`
    select least(oa.code, ob.code) as a, greatest(oa.code, ob.code) as b, count(*)::int as n
    from duplicate_candidates d join persons pa on pa.id = d.person_a join persons pb on pb.id = d.person_b
    join offices oa on oa.id = pa.owning_office_id join offices ob on ob.id = pb.owning_office_id
    group by 1, 2 order by 1, 2`);
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe('the demo story', () => {
  it('has the same rows, and groups of them, as demo-counts.json records', async () => {
    await expect(`${JSON.stringify(summary, null, 2)}\n`).toMatchFileSnapshot('demo-counts.json');
  });

  it('leaves an intact audit chain that records the load', async () => {
    const [loaded] = await rows(
      sql`select count(*)::int as n from audit_events where action = 'system.demo_loaded'`,
    );
    expect(loaded?.n).toBe(1);
  });
});
