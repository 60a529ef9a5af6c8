/** The only place that queries case tables. Scoping (office, sensitivity) is part of every query. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { type Actor, inScope, scopeOf } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { ROLE_DEFINITIONS, type Role } from '../../platform/permissions';
import { isSensitiveNeed } from '../../platform/sensitivity';
import { memberships, offices, users } from '../identity/tables';
import { projects } from '../projects/tables';
import { persons } from '../registry/tables';
import type { CaseListQuery, CaseSummary } from './contract';
import { visibleCases } from './policy';
import { caseAttachments, caseEvents, caseNotes, caseReferenceSeq, cases, caseTasks } from './tables';
import type { CaseType } from './workflow';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;

export { visibleCases };

const assignee = alias(users, 'assignee');

const summaryColumns = {
  row: cases,
  givenName: persons.givenName,
  familyName: persons.familyName,
  givenNameOriginal: persons.givenNameOriginal,
  familyNameOriginal: persons.familyNameOriginal,
  nationalities: persons.nationalities,
  officeCode: offices.code,
  projectCode: projects.code,
  assigneeName: assignee.displayName,
};

type SummaryRow = {
  row: CaseRow;
  givenName: string;
  familyName: string;
  givenNameOriginal: string | null;
  familyNameOriginal: string | null;
  nationalities: string[];
  officeCode: string;
  projectCode: string | null;
  assigneeName: string | null;
};

export function toSummary(r: SummaryRow): CaseSummary {
  const original = [r.givenNameOriginal, r.familyNameOriginal].filter(Boolean).join(' ');
  return {
    id: r.row.id,
    reference: r.row.reference,
    personId: r.row.personId,
    personName: `${r.givenName} ${r.familyName}`,
    personNameOriginal: original || null,
    nationalities: r.nationalities,
    caseType: r.row.caseType as CaseType,
    sensitive: r.row.sensitive,
    status: r.row.status,
    pendingTransitionTo: r.row.pendingTransition?.to ?? null,
    projectId: r.row.projectId,
    projectCode: r.projectCode,
    officeId: r.row.owningOfficeId,
    officeCode: r.officeCode,
    assignedTo: r.row.assignedTo ? { id: r.row.assignedTo, name: r.assigneeName ?? '' } : null,
    departureDate: r.row.departureDate,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

function baseSelect(db: Db) {
  return db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(offices, eq(offices.id, cases.owningOfficeId))
    .leftJoin(projects, eq(projects.id, cases.projectId))
    .leftJoin(assignee, eq(assignee.id, cases.assignedTo));
}

export async function findCase(
  db: Db,
  actor: Actor,
  id: string,
  permission: 'cases.read' | 'cases.write' = 'cases.read',
) {
  const [row] = await baseSelect(db).where(and(eq(cases.id, id), visibleCases(actor, permission)));
  return row;
}

/** The case's own row, if the actor may reach it: for writes, which need neither names nor codes. */
export async function findCaseRow(
  db: Db,
  actor: Actor,
  id: string,
  permission: 'cases.read' | 'cases.write' = 'cases.read',
): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleCases(actor, permission)));
  return row;
}

export async function casesOfPerson(db: Db, actor: Actor, personId: string): Promise<CaseSummary[]> {
  const rows = await baseSelect(db)
    .where(and(eq(cases.personId, personId), visibleCases(actor)))
    .orderBy(desc(cases.createdAt));
  return rows.map(toSummary);
}

type Cursor = [string | null, string];
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_VALUE: Record<'time' | 'date' | 'text', (v: unknown) => boolean> = {
  time: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  date: (v) =>
    v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
  text: (v) => typeof v === 'string' && v.length <= 100,
};

/** A cursor is opaque to clients but not trusted: anything we did not write is refused as invalid input. */
function decodeCursor(value: string | undefined, kind: 'time' | 'date' | 'text'): Cursor | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[1] === 'string' &&
    UUID.test(parsed[1]) &&
    CURSOR_VALUE[kind](parsed[0])
  ) {
    return parsed as Cursor;
  }
  throw new AppError('validation_failed', {
    fields: [{ path: 'cursor', code: 'invalid_cursor', message: 'cursor' }],
  });
}

const SORTS = {
  updated_desc: { column: cases.updatedAt, dir: 'desc', kind: 'time' },
  created_desc: { column: cases.createdAt, dir: 'desc', kind: 'time' },
  departure_asc: { column: cases.departureDate, dir: 'asc', kind: 'date' },
  reference_asc: { column: cases.reference, dir: 'asc', kind: 'text' },
} as const;

export async function listCases(
  db: Db,
  actor: Actor,
  query: Omit<CaseListQuery, 'q'> & { text?: { personIds: string[]; reference: string } },
): Promise<{
  items: CaseSummary[];
  nextCursor: string | null;
  countsByStatus: Record<string, number>;
  total: number;
}> {
  const filters: SQL[] = [visibleCases(actor)];
  if (query.text) {
    const byPerson = query.text.personIds.length ? inArray(cases.personId, query.text.personIds) : sql`false`;
    filters.push(sql`(${byPerson} or ${cases.reference} = ${query.text.reference})`);
  }
  if (query.caseType?.length) filters.push(inArray(cases.caseType, query.caseType));
  if (query.projectId) filters.push(eq(cases.projectId, query.projectId));
  if (query.officeId) filters.push(eq(cases.owningOfficeId, query.officeId));
  if (query.assignedTo === 'me') filters.push(eq(cases.assignedTo, actor.userId));
  else if (query.assignedTo === 'none') filters.push(isNull(cases.assignedTo));
  else if (query.assignedTo) filters.push(eq(cases.assignedTo, query.assignedTo));
  if (query.nationality) filters.push(sql`${query.nationality} = any(${persons.nationalities})`);
  if (query.need) {
    filters.push(sql`${query.need} = any(${persons.specificNeeds})`);
    // Filtering on a trafficking code would reveal it: only where the reader may see trafficking data.
    if (isSensitiveNeed(query.need))
      filters.push(inScope(cases.owningOfficeId, scopeOf(actor, 'cases.sensitive')));
  }
  if (query.createdFrom) filters.push(gte(cases.createdAt, new Date(`${query.createdFrom}T00:00:00Z`)));
  if (query.createdTo)
    filters.push(
      lt(cases.createdAt, new Date(new Date(`${query.createdTo}T00:00:00Z`).getTime() + 86_400_000)),
    );
  if (query.updatedFrom) filters.push(gte(cases.updatedAt, new Date(`${query.updatedFrom}T00:00:00Z`)));
  if (query.updatedTo)
    filters.push(
      lt(cases.updatedAt, new Date(new Date(`${query.updatedTo}T00:00:00Z`).getTime() + 86_400_000)),
    );
  if (query.departureFrom) filters.push(gte(cases.departureDate, query.departureFrom));
  if (query.departureTo) filters.push(lte(cases.departureDate, query.departureTo));

  // Join people only when a filter needs them: counting is the costliest part of a list.
  const needsPersons = !!(query.nationality || query.need);
  const countBase = db.select({ status: cases.status, n: sql<number>`count(*)::int` }).from(cases);
  const countRows = await (needsPersons
    ? countBase.innerJoin(persons, eq(persons.id, cases.personId))
    : countBase
  )
    .where(and(...filters))
    .groupBy(cases.status);
  const countsByStatus = Object.fromEntries(countRows.map((r) => [r.status, r.n]));

  if (query.status?.length) filters.push(inArray(cases.status, query.status));
  const total = query.status?.length
    ? query.status.reduce((sum, s) => sum + (countsByStatus[s] ?? 0), 0)
    : countRows.reduce((sum, r) => sum + r.n, 0);

  const sort = SORTS[query.sort];
  const cursor = decodeCursor(query.cursor, sort.kind);
  if (cursor) {
    const [value, id] = cursor;
    const v = sort.kind === 'time' && value ? new Date(value) : value;
    const op = sort.dir === 'desc' ? sql`<` : sql`>`;
    filters.push(
      value === null
        ? sql`(${sort.column} is null and ${cases.id} > ${id})`
        : sql`((${sort.column}, ${cases.id}) ${op} (${v}, ${id}) or ${sort.column} is null)`,
    );
  }
  const order =
    sort.dir === 'desc'
      ? [sql`${sort.column} desc nulls last`, asc(cases.id)]
      : [sql`${sort.column} asc nulls last`, asc(cases.id)];
  // For descending keyset on (value, id) the id order must follow the same direction.
  if (sort.dir === 'desc') order[1] = desc(cases.id);
  const rows = await baseSelect(db)
    .where(and(...filters))
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map(toSummary);
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  let nextCursor: string | null = null;
  if (last) {
    const raw =
      last.row[
        sort.kind === 'time'
          ? query.sort === 'updated_desc'
            ? 'updatedAt'
            : 'createdAt'
          : query.sort === 'departure_asc'
            ? 'departureDate'
            : 'reference'
      ];
    nextCursor = encodeCursor([raw instanceof Date ? raw.toISOString() : (raw ?? null), last.row.id]);
  }
  return { items: page, nextCursor, countsByStatus, total };
}

export async function nextCaseReference(db: Db, officeCode: string, year: number): Promise<string> {
  const result = await db.execute(sql`select nextval(${sql.raw(`'${caseReferenceSeq.seqName}'`)})::int as n`);
  const n = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  return `${officeCode}-${year}-${String(n).padStart(5, '0')}`;
}

export async function insertCase(db: Db, values: CaseInsert): Promise<CaseRow> {
  const [row] = await db.insert(cases).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateCaseAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<CaseInsert>,
  now: Date,
): Promise<CaseRow | undefined> {
  const [row] = await db
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning();
  return row;
}

export async function insertEvent(db: Db, values: typeof caseEvents.$inferInsert): Promise<void> {
  await db.insert(caseEvents).values(values);
}
export async function eventsOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.seq));
}

export async function notesOf(db: Db, caseId: string, includeConfidential: boolean) {
  return db
    .select()
    .from(caseNotes)
    .where(
      and(eq(caseNotes.caseId, caseId), includeConfidential ? sql`true` : eq(caseNotes.confidential, false)),
    )
    .orderBy(desc(caseNotes.createdAt));
}
export async function insertNote(db: Db, values: typeof caseNotes.$inferInsert) {
  const [row] = await db.insert(caseNotes).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

const taskAssignee = alias(users, 'task_assignee');
function taskSelect(db: Db) {
  return db
    .select({ task: caseTasks, caseReference: cases.reference, assigneeName: taskAssignee.displayName })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .leftJoin(taskAssignee, eq(taskAssignee.id, caseTasks.assigneeId));
}
export type TaskRow = {
  task: typeof caseTasks.$inferSelect;
  caseReference: string;
  assigneeName: string | null;
};

export async function tasksOf(db: Db, caseId: string): Promise<TaskRow[]> {
  return taskSelect(db)
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(asc(caseTasks.dueDate), asc(caseTasks.createdAt));
}
export async function myTasks(
  db: Db,
  actor: Actor,
  options: { overdueOn?: string; includeDone: boolean },
): Promise<TaskRow[]> {
  const conditions: SQL[] = [eq(caseTasks.assigneeId, actor.userId), visibleCases(actor)];
  if (!options.includeDone) conditions.push(isNull(caseTasks.doneAt));
  if (options.overdueOn) conditions.push(lt(caseTasks.dueDate, options.overdueOn), isNull(caseTasks.doneAt));
  return taskSelect(db)
    .where(and(...conditions))
    .orderBy(sql`${caseTasks.dueDate} asc nulls last`, asc(caseTasks.id))
    .limit(500);
}
/** Inserts a task unless one with its system key exists (idempotent across runs and servers). */
export async function insertTaskOnce(db: Db, values: typeof caseTasks.$inferInsert & { systemKey: string }) {
  const [row] = await db
    .insert(caseTasks)
    .values(values)
    .onConflictDoNothing({ target: caseTasks.systemKey, where: sql`system_key is not null` })
    .returning();
  return row;
}
export async function findTask(db: Db, actor: Actor, id: string): Promise<TaskRow | undefined> {
  const [row] = await taskSelect(db).where(and(eq(caseTasks.id, id), visibleCases(actor, 'cases.write')));
  return row;
}
export async function insertTask(db: Db, values: typeof caseTasks.$inferInsert) {
  const [row] = await db.insert(caseTasks).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
export async function updateTaskAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof caseTasks.$inferInsert>,
) {
  const [row] = await db
    .update(caseTasks)
    .set({ ...patch, version: sql`${caseTasks.version} + 1` })
    .where(and(eq(caseTasks.id, id), eq(caseTasks.version, version)))
    .returning();
  return row;
}

/** Active users whose role in the office lets them work on cases: who a case or task can be assigned to. */
export async function assigneesIn(
  db: Db,
  officeId: string,
  sensitive = false,
): Promise<{ id: string; name: string }[]> {
  const casework = (Object.entries(ROLE_DEFINITIONS) as [Role, { permissions: readonly string[] }][])
    .filter(
      ([, d]) =>
        d.permissions.includes('cases.write') && (!sensitive || d.permissions.includes('cases.sensitive')),
    )
    .map(([role]) => role);
  const rows = await db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.officeId, officeId),
        inArray(memberships.role, casework),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows;
}

/** A case by id, without access checks: for modules that have already established access (referrals). */
export async function caseRowById(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/** Moves every case of one person to another (a merge); returns the ids moved. */
export async function movePersonCases(db: Db, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const moved = await db
    .update(cases)
    .set({ personId: toPersonId })
    .where(eq(cases.personId, fromPersonId))
    .returning({ id: cases.id });
  return moved.map((c) => c.id);
}

/** Moves those cases back to `toPersonId`, where they still belong to `fromPersonId` (undoing a merge). */
export async function moveCasesBack(
  db: Db,
  ids: string[],
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  if (!ids.length) return;
  await db
    .update(cases)
    .set({ personId: toPersonId })
    .where(and(inArray(cases.id, ids), eq(cases.personId, fromPersonId)));
}

/** The person's other cases in an office (id, type, status): is one of them still open? */
export async function otherCasesOfPersonIn(db: Db, personId: string, officeId: string, exceptCaseId: string) {
  return db
    .select({ id: cases.id, caseType: cases.caseType, status: cases.status })
    .from(cases)
    .where(and(eq(cases.personId, personId), eq(cases.owningOfficeId, officeId), ne(cases.id, exceptCaseId)));
}

// ---- attachments ---------------------------------------------------------------------------------

export type AttachmentRow = typeof caseAttachments.$inferSelect;

/** A case's attachments, newest first. */
export async function attachmentsOf(db: Db, caseId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(desc(caseAttachments.createdAt));
}

export async function insertAttachment(
  db: Db,
  values: typeof caseAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const [row] = await db.insert(caseAttachments).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** An attachment of this case (none when the id belongs to another case). */
export async function findAttachment(db: Db, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, id), eq(caseAttachments.caseId, caseId)));
  return row;
}

/** The kinds of document attached to a case (a workflow step may require one). */
export async function documentKindsOf(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: caseAttachments.documentKind })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), sql`${caseAttachments.documentKind} is not null`));
  return rows.flatMap((r) => (r.kind ? [r.kind] : []));
}

export async function classifyAttachment(db: Db, caseId: string, id: string, documentKind: string | null) {
  const [row] = await db
    .update(caseAttachments)
    .set({ documentKind })
    .where(and(eq(caseAttachments.id, id), eq(caseAttachments.caseId, caseId)))
    .returning();
  return row;
}
