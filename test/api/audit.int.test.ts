/**
 * The audit log: hash chain, append-only trigger, tamper detection, atomicity with the change it records,
 * and the search API (filters, keyset pagination, access).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/identity';
import { eventHash, GENESIS_HASH } from '../../src/platform/audit/chain';
import { auditEvents } from '../../src/platform/audit/tables';
import { verifyAuditChain } from '../../src/platform/audit/verify';
import { createTestApp, type TestApp } from '../harness/app';
import {
  allAudit,
  countRows,
  dbFailure,
  expectJson,
  expectNoEvent,
  expectProblem,
  lastAuditSeq,
  type Session,
} from './helpers';

type EventBody = {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  changes: Record<string, { old?: unknown; new?: unknown }> | null;
  hash: string;
};
type Page = { items: EventBody[]; nextBefore: number | null };

const DAY1 = '2026-03-02T12:00:00.000Z';
const DAY2 = '2026-03-03T12:00:00.000Z';
const DAY3 = '2026-03-04T12:00:00.000Z';

let t: TestApp;
let adminId: string;
let subjectId: string;
let officeId: string;

/** A fresh administrator session (the clock moves by days here, beyond the idle limit). */
const asAdmin = () => t.login('admin@x.test');
const search = async (session: Session, query: string) =>
  expectJson<Page>(await session.inject({ method: 'GET', url: `/api/audit${query}` }));

beforeAll(async () => {
  t = await createTestApp();
  await t.office('PAR');
  await t.office('TIR');
  adminId = (await t.user('admin@x.test', [['PAR', 'administrator']])).id;
  await t.user('dpo@x.test', [['PAR', 'data_protection_officer']]);
  await t.user('cw@x.test', [['TIR', 'caseworker']]);
  await t.user('sup@x.test', [['TIR', 'supervisor']]);

  // Day 1: an account and an office are created.
  t.clock.set(new Date(DAY1));
  let admin = await asAdmin();
  const created = await admin.inject({
    method: 'POST',
    url: '/api/users',
    payload: { email: 'subject@x.test', displayName: 'Subject', password: 'subject passphrase 1' },
  });
  subjectId = expectJson<{ user: { id: string } }>(created, 201).user.id;
  const office = await admin.inject({
    method: 'POST',
    url: '/api/offices',
    payload: { code: 'LYO', name: 'Lyon', country: 'FR', city: 'Lyon', kind: 'host' },
  });
  officeId = expectJson<{ id: string }>(office, 201).id;

  // Day 2: the account is renamed; a caseworker is refused the user directory; a failed sign-in.
  t.clock.set(new Date(DAY2));
  admin = await asAdmin();
  expectJson(
    await admin.inject({
      method: 'PATCH',
      url: `/api/users/${subjectId}`,
      payload: { version: 1, displayName: 'Subject Renamed' },
    }),
  );
  const cw = await t.login('cw@x.test');
  expectProblem(await cw.inject({ method: 'GET', url: '/api/users' }), 403, 'forbidden');
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@x.test', password: 'a wrong password' },
  });

  // Day 3: roles change, the password is reset.
  t.clock.set(new Date(DAY3));
  admin = await asAdmin();
  expectJson(
    await admin.inject({
      method: 'PUT',
      url: `/api/users/${subjectId}/memberships`,
      payload: { version: 2, memberships: [{ officeId, role: 'caseworker' }] },
    }),
  );
  expectJson(
    await admin.inject({ method: 'POST', url: `/api/users/${subjectId}/reset-password`, payload: {} }),
  );
  await t.login('dpo@x.test');
});
afterAll(() => t.close());

describe('hash chain', () => {
  it('verifies after a series of changes, each event linked to the previous one', async () => {
    const rows = await allAudit(t.db);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toEqual({ ok: true, checked: rows.length, lastHash: rows.at(-1)?.hash });
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.hash).toBe(eventHash(prev, row));
      prev = row.hash;
    }
    // Small batches walk the same chain.
    expect(await verifyAuditChain(t.db, 3)).toEqual(verdict);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const [first] = await allAudit(t.db);
    if (!first) throw new Error('no events');
    const before = await countRows(t.db, auditEvents);
    for (const statement of [
      sql`update audit_events set action = 'user.deleted' where seq = ${first.seq}`,
      sql`update audit_events set changes = null`,
      sql`delete from audit_events where seq = ${first.seq}`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      const failure = await dbFailure(t.db.execute(statement));
      expect(failure.code).toBe('42501');
      expect(failure.text).toMatch(/audit_events is append-only \((UPDATE|DELETE|TRUNCATE) refused\)/);
    }
    expect(await countRows(t.db, auditEvents)).toBe(before);
    const [again] = await allAudit(t.db);
    expect(again).toEqual(first);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('atomicity', () => {
  it('a change refused inside its transaction leaves no audit event and no change', async () => {
    const admin = await asAdmin();
    const seq = await lastAuditSeq(t.db);
    const [before] = await t.db.select().from(users).where(eq(users.id, subjectId));
    // Stale version: refused after reading the row in the transaction.
    expectProblem(
      await admin.inject({
        method: 'PATCH',
        url: `/api/users/${subjectId}`,
        payload: { version: 1, displayName: 'Lost Update' },
      }),
      409,
      'version_conflict',
    );
    // Duplicate code: the INSERT itself fails inside the transaction.
    expectProblem(
      await admin.inject({
        method: 'POST',
        url: '/api/offices',
        payload: { code: 'LYO', name: 'Lyon bis', country: 'FR', city: 'Lyon', kind: 'host' },
      }),
      409,
      'office_code_taken',
    );
    await expectNoEvent(t.db, seq);
    const [after] = await t.db.select().from(users).where(eq(users.id, subjectId));
    expect(after).toEqual(before);

    // The next change chains on the last committed event.
    expectJson(
      await admin.inject({
        method: 'PATCH',
        url: `/api/offices/${officeId}`,
        payload: { version: 1, city: 'Lyon 3e' },
      }),
    );
    const [next] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.seq, await lastAuditSeq(t.db)));
    const [prev] = await t.db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
    expect(next?.action).toBe('office.updated');
    expect(next?.prevHash).toBe(prev?.hash);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('GET /api/audit', () => {
  it('lists everything newest first for the data protection officer and the administrator', async () => {
    const all = await allAudit(t.db);
    for (const email of ['dpo@x.test', 'admin@x.test']) {
      const session = await t.login(email);
      const total = await countRows(t.db, auditEvents);
      const page = await search(session, '?limit=200');
      expect(page.nextBefore).toBeNull();
      expect(page.items.length).toBe(total);
      const seqs = page.items.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      const oldest = page.items.at(-1);
      expect(oldest).toMatchObject({ seq: all[0]?.seq, hash: all[0]?.hash, action: all[0]?.action });
      expect(oldest?.occurredAt).toBe(all[0]?.occurredAt.toISOString());
    }
  });

  it('filters by actor email (any case) or actor id', async () => {
    const dpo = await t.login('dpo@x.test');
    const byEmail = await search(dpo, '?actor=ADMIN@X.test&limit=200');
    const expected = (await allAudit(t.db)).filter((e) => e.actorEmail === 'admin@x.test');
    expect(byEmail.items.map((e) => e.seq)).toEqual(expected.map((e) => e.seq).reverse());
    expect(byEmail.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'user.created']),
    );

    const byId = await search(dpo, `?actor=${adminId}&limit=200`);
    expect(byId.items.length).toBeGreaterThan(0);
    expect(byId.items.every((e) => e.actorUserId === adminId)).toBe(true);
    // The failed sign-in names the email but had no signed-in actor.
    expect(byId.items.map((e) => e.action)).not.toContain('auth.login_failed');
  });

  it('filters by record type and id: the history of one account', async () => {
    const dpo = await t.login('dpo@x.test');
    const page = await search(dpo, `?recordType=user&recordId=${subjectId}`);
    expect(page.items.map((e) => e.action)).toEqual([
      'user.password_reset',
      'user.memberships_changed',
      'user.updated',
      'user.created',
    ]);
    expect(page.items.every((e) => e.actorUserId === adminId && e.recordId === subjectId)).toBe(true);
    expect(page.items[2]?.changes).toEqual({ displayName: { old: 'Subject', new: 'Subject Renamed' } });
    const office = await search(dpo, `?recordType=office&recordId=${officeId}`);
    expect(office.items.map((e) => e.action)).toEqual(['office.updated', 'office.created']);
  });

  it('filters by exact action and by prefix ("user.")', async () => {
    const admin = await asAdmin();
    const exact = await search(admin, '?action=user.updated');
    expect(exact.items.map((e) => [e.action, e.recordId])).toEqual([['user.updated', subjectId]]);

    const prefix = await search(admin, '?action=user.&limit=200');
    expect(new Set(prefix.items.map((e) => e.action))).toEqual(
      new Set(['user.created', 'user.updated', 'user.memberships_changed', 'user.password_reset']),
    );
    const expected = (await allAudit(t.db)).filter((e) => e.action.startsWith('user.'));
    expect(prefix.items.length).toBe(expected.length);

    const auth = await search(admin, '?action=auth.&limit=200');
    expect(auth.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect(auth.items.length).toBeGreaterThan(3);

    // Without the dot a name matches exactly; LIKE wildcards are literal characters.
    expect((await search(admin, '?action=user')).items).toEqual([]);
    expect((await search(admin, '?action=us_r.')).items).toEqual([]);
    expect((await search(admin, '?action=%25.')).items).toEqual([]);
  });

  it('filters by date range (bare dates mean whole days) and by instants', async () => {
    const dpo = await t.login('dpo@x.test');
    const rows = await allAudit(t.db);
    const onDay = (day: string) => rows.filter((e) => e.occurredAt.toISOString().startsWith(day));
    const day2 = await search(dpo, '?from=2026-03-03&to=2026-03-03&limit=200');
    expect(day2.items.map((e) => e.seq)).toEqual(
      onDay('2026-03-03')
        .map((e) => e.seq)
        .reverse(),
    );
    expect(day2.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.updated', 'access.denied', 'auth.login_failed']),
    );
    const fromDay2 = await search(dpo, '?from=2026-03-03T00:00:00Z&limit=200');
    expect(fromDay2.items.some((e) => e.occurredAt.startsWith('2026-03-02'))).toBe(false);
    expect(fromDay2.items.some((e) => e.occurredAt.startsWith('2026-03-04'))).toBe(true);
    const untilDay2 = await search(dpo, '?to=2026-03-03T00:00:00%2B00:00&limit=200');
    expect(untilDay2.items.map((e) => e.seq)).toEqual(
      onDay('2026-03-02')
        .map((e) => e.seq)
        .reverse(),
    );
    const combined = await search(
      dpo,
      `?from=2026-03-03&to=2026-03-04&recordId=${subjectId}&recordType=user`,
    );
    expect(combined.items.map((e) => e.action)).toEqual([
      'user.password_reset',
      'user.memberships_changed',
      'user.updated',
    ]);
  });

  it('pages with limit and before/nextBefore, without gaps or repeats', async () => {
    const dpo = await t.login('dpo@x.test');
    const full = (await search(dpo, '?limit=200')).items.map((e) => e.seq);
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page: Page = await search(dpo, `?limit=4${before ? `&before=${before}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(4);
      if (page.items.length === 4) expect(page.nextBefore).toBe(page.items.at(-1)?.seq);
      else expect(page.nextBefore).toBeNull();
      seen.push(...page.items.map((e) => e.seq));
      before = page.nextBefore;
      pages++;
    } while (before !== null && pages < 100);
    expect(seen).toEqual(full);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(full.length / 4));

    const filtered = await search(dpo, '?action=user.&limit=2');
    expect(filtered.items.map((e) => e.action)).toEqual(['user.password_reset', 'user.memberships_changed']);
    const rest = await search(dpo, `?action=user.&limit=2&before=${filtered.nextBefore}`);
    expect(rest.items.map((e) => e.action)).toEqual(['user.updated', 'user.created']);
  });

  it('refuses office roles (403, recorded) and anonymous requests (401)', async () => {
    for (const email of ['cw@x.test', 'sup@x.test']) {
      const session = await t.login(email);
      const seq = await lastAuditSeq(t.db);
      expectProblem(await session.inject({ method: 'GET', url: '/api/audit' }), 403, 'forbidden');
      const [event] = await t.db
        .select()
        .from(auditEvents)
        .where(sql`${auditEvents.seq} > ${seq}`)
        .orderBy(asc(auditEvents.seq));
      expect(event).toMatchObject({
        action: 'access.denied',
        actorEmail: email,
        metadata: { permission: 'audit.read', method: 'GET', route: '/api/audit' },
      });
    }
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/audit' }), 401, 'unauthenticated');
  });

  it('refuses malformed queries with 400', async () => {
    const dpo = await t.login('dpo@x.test');
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?limit=ten',
      '?before=0',
      '?from=yesterday',
      '?to=2026-13-45',
    ]) {
      expectProblem(await dpo.inject({ method: 'GET', url: `/api/audit${query}` }), 400, 'validation_failed');
    }
    const unknown = expectProblem(
      await dpo.inject({ method: 'GET', url: '/api/audit?seq=1' }),
      400,
      'validation_failed',
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'seq', code: 'unknown_field' })]);
  });
});

describe('tamper detection', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await createTestApp();
    await t2.office('PAR');
    await t2.user('admin@x.test', [['PAR', 'administrator']]);
    const admin = await t2.login('admin@x.test');
    for (const code of ['AAA', 'BBB', 'CCC', 'DDD']) {
      expectJson(
        await admin.inject({
          method: 'POST',
          url: '/api/offices',
          payload: { code, name: `Office ${code}`, country: 'FR', city: 'Paris', kind: 'host' },
        }),
        201,
      );
    }
    expect((await verifyAuditChain(t2.db)).ok).toBe(true);
  });
  afterAll(() => t2.close());

  /** Runs SQL around the append-only trigger, as a superuser could. */
  async function aroundTrigger(statement: ReturnType<typeof sql>): Promise<void> {
    await t2.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    try {
      await t2.db.execute(statement);
    } finally {
      await t2.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    }
  }
  const eventAt = async (index: number) => {
    const rows = await allAudit(t2.db);
    const row = rows[index];
    if (!row) throw new Error(`no event #${index}`);
    return { row, next: rows[index + 1] };
  };

  it('reports hash_mismatch at the event whose action was changed', async () => {
    const { row } = await eventAt(2);
    await aroundTrigger(sql`update audit_events set action = 'office.updated' where seq = ${row.seq}`);
    const verdict = await verifyAuditChain(t2.db);
    expect(verdict).toEqual({ ok: false, checked: 2, brokenAt: row.seq, reason: 'hash_mismatch' });
    // The trigger is back on.
    expect(
      (await dbFailure(t2.db.execute(sql`update audit_events set action = 'x' where seq = ${row.seq}`))).code,
    ).toBe('42501');
    await aroundTrigger(sql`update audit_events set action = ${row.action} where seq = ${row.seq}`);
    expect((await verifyAuditChain(t2.db)).ok).toBe(true);
  });

  it('reports hash_mismatch at the event whose changes were edited', async () => {
    const { row } = await eventAt(3);
    const forged = { ...row.changes, name: { new: 'Forged name' } };
    await aroundTrigger(
      sql`update audit_events set changes = ${JSON.stringify(forged)}::jsonb where seq = ${row.seq}`,
    );
    expect(await verifyAuditChain(t2.db)).toMatchObject({
      ok: false,
      brokenAt: row.seq,
      reason: 'hash_mismatch',
    });
    await aroundTrigger(
      sql`update audit_events set changes = ${JSON.stringify(row.changes)}::jsonb where seq = ${row.seq}`,
    );
    expect((await verifyAuditChain(t2.db)).ok).toBe(true);
  });

  it('reports link_mismatch at the next event when the edited event is re-hashed', async () => {
    const { row, next } = await eventAt(2);
    if (!next) throw new Error('no next event');
    const forged = { ...row, actorEmail: 'someone-else@x.test' };
    const hash = eventHash(row.prevHash, forged);
    await aroundTrigger(
      sql`update audit_events set actor_email = ${forged.actorEmail}, hash = ${hash} where seq = ${row.seq}`,
    );
    expect(await verifyAuditChain(t2.db)).toEqual({
      ok: false,
      checked: 3,
      brokenAt: next.seq,
      reason: 'link_mismatch',
    });
    await aroundTrigger(
      sql`update audit_events set actor_email = ${row.actorEmail}, hash = ${row.hash} where seq = ${row.seq}`,
    );
    expect((await verifyAuditChain(t2.db)).ok).toBe(true);
  });

  it('reports link_mismatch at the event following a deleted one', async () => {
    const { row, next } = await eventAt(2);
    if (!next) throw new Error('no next event');
    await aroundTrigger(sql`delete from audit_events where seq = ${row.seq}`);
    expect(await verifyAuditChain(t2.db)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: next.seq,
      reason: 'link_mismatch',
    });
  });
});

describe('beneficiaries’ data in the log', () => {
  it('shows an administrator that a person was changed, by whom and when, never what it said; the DPO all', async () => {
    t.clock.set(new Date(DAY3));
    const supervisor = await t.login('sup@x.test');
    const registered = expectJson<{ person: { id: string } }>(
      await supervisor.inject({
        method: 'POST',
        url: '/api/persons',
        payload: {
          givenName: 'Elona',
          familyName: 'Marku',
          sex: 'female',
          officeId: await t.office('TIR'),
          acknowledgeMatches: true,
          specificNeeds: ['TR-PI'],
        },
      }),
      201,
    );
    const query = `?recordType=person&recordId=${registered.person.id}`;
    const [asAdministrator] = (await search(await asAdmin(), query)).items;
    expect(asAdministrator).toMatchObject({
      action: 'person.created',
      actorEmail: 'sup@x.test',
      changes: null,
      metadata: null,
      withheld: true,
    });
    expect(JSON.stringify(asAdministrator)).not.toMatch(/Elona|TR-PI/);
    const [asDpo] = (await search(await t.login('dpo@x.test'), query)).items;
    expect(asDpo).toMatchObject({ action: 'person.created', withheld: false });
    expect(JSON.stringify(asDpo?.changes)).toMatch(/Elona/);
  });
});
