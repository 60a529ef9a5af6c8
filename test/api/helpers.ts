/** Shared assertions for the API integration tests (problem+json, audit log, database state). */
import { asc, count, eq, gt, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client';
import { type memberships, type offices, sessions, users } from '../../src/modules/identity';
import { auditEvents } from '../../src/platform/audit/tables';
import { pgErrorCode } from '../../src/platform/db-errors';
import type { TestApp } from '../harness/app';

export type Session = Awaited<ReturnType<TestApp['login']>>;
export type AuditRow = typeof auditEvents.$inferSelect;
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; code: string; message: string }[];
  current?: unknown;
};

/** Asserts an RFC 9457 problem+json response with the given status and stable code; returns its body. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect(response.statusCode, `${response.statusCode} ${response.body}`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<ProblemBody>();
  expect(body).toMatchObject({
    type: `https://passerelle.dev/problems/${code.replaceAll('_', '-')}`,
    status,
    code,
    title: expect.any(String),
    detail: expect.any(String),
    requestId: expect.any(String),
  });
  return body;
}

/** Asserts a successful JSON response and returns its body. */
export function expectJson<T = Record<string, unknown>>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, `${response.statusCode} ${response.body}`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json<T>();
}

// ---- audit log -----------------------------------------------------------------------------------

export async function lastAuditSeq(db: Db): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${auditEvents.seq}), 0)::int` })
    .from(auditEvents);
  return Number(row?.seq ?? 0);
}

export async function auditAfter(db: Db, seq: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(gt(auditEvents.seq, seq)).orderBy(asc(auditEvents.seq));
}

export async function allAudit(db: Db): Promise<AuditRow[]> {
  return auditAfter(db, 0);
}

/** Exactly one event was written after `seq`; returns it. */
export async function expectOneEvent(db: Db, seq: number, expected: Partial<AuditRow>): Promise<AuditRow> {
  const events = await auditAfter(db, seq);
  expect(
    events.map((e) => e.action),
    'exactly one audit event',
  ).toEqual([expected.action]);
  const [event] = events;
  if (!event) throw new Error('unreachable');
  expect(event).toMatchObject(expected);
  return event;
}

export async function expectNoEvent(db: Db, seq: number): Promise<void> {
  expect((await auditAfter(db, seq)).map((e) => e.action)).toEqual([]);
}

/** Asserts that no audit row, serialised, contains any of the secrets. */
export async function expectAuditFreeOf(db: Db, secrets: string[]): Promise<void> {
  const dump = JSON.stringify(await allAudit(db));
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(0);
    expect(dump.includes(secret), `audit log contains a secret (${secret.slice(0, 12)}...)`).toBe(false);
  }
}

// ---- database state ------------------------------------------------------------------------------

export async function countRows(
  db: Db,
  table: typeof users | typeof offices | typeof memberships | typeof sessions | typeof auditEvents,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

export async function sessionCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  return Number(row?.n ?? 0);
}

export async function userRow(db: Db, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

/** Runs a statement expected to fail; returns the PostgreSQL error code and the messages of the cause chain. */
export async function dbFailure(
  promise: Promise<unknown>,
): Promise<{ code: string | undefined; text: string }> {
  try {
    await promise;
  } catch (error) {
    const messages: string[] = [];
    let current: unknown = error;
    for (let depth = 0; current && depth < 5; depth++) {
      messages.push(String((current as { message?: unknown }).message ?? ''));
      current = (current as { cause?: unknown }).cause;
    }
    return { code: pgErrorCode(error), text: messages.join('\n') };
  }
  throw new Error('the statement succeeded');
}
