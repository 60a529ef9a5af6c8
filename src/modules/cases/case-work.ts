/** Assignment, notes and tasks of cases. */
import type { z } from 'zod';
import { type ActorCtx, type Ctx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { refuseRestricted } from '../../platform/restricted';
import { taskView } from './case-view';
import type { CreateNoteSchema, CreateTaskSchema, TaskListQuerySchema, UpdateTaskSchema } from './contract';
import { assertAssignable } from './open-case';
import * as repo from './repository';
import { caseConflict, todayOf } from './transition-case';

export async function assignCase(
  ctx: ActorCtx,
  caseId: string,
  input: { version: number; assigneeId: string | null },
): Promise<void> {
  const row = await repo.findCaseRow(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!row) throw notFound();
  if (!can(ctx.actor, 'cases.assign', row.owningOfficeId)) throw forbidden();
  await assertAssignable(ctx, row.owningOfficeId, input.assigneeId, row.sensitive);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateCaseAt(tx, caseId, input.version, { assignedTo: input.assigneeId }, now);
    if (!after) throw await caseConflict(ctx, tx, caseId);
    await repo.insertEvent(tx, {
      caseId,
      kind: 'assigned',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      data: { assigneeId: input.assigneeId },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'case.assigned',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: { assignedTo: { old: row.assignedTo, new: input.assigneeId } },
    });
  });
}

/** Assigns many cases at once; cases the actor cannot assign are reported as not found, nothing else changes. */
export async function bulkAssign(
  ctx: ActorCtx,
  input: { caseIds: string[]; assigneeId: string | null },
): Promise<{ assigned: number; notFound: string[] }> {
  const missing: string[] = [];
  let assigned = 0;
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    for (const caseId of [...new Set(input.caseIds)]) {
      const found = await repo.findCase(tx, ctx.actor, caseId, 'cases.write');
      if (!found || !can(ctx.actor, 'cases.assign', found.row.owningOfficeId)) {
        missing.push(caseId);
        continue;
      }
      await assertAssignable(txCtx, found.row.owningOfficeId, input.assigneeId, found.row.sensitive);
      const now = ctx.clock.now();
      await repo.updateCaseAt(tx, caseId, found.row.version, { assignedTo: input.assigneeId }, now);
      await repo.insertEvent(tx, {
        caseId,
        kind: 'assigned',
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        data: { assigneeId: input.assigneeId, bulk: true },
        at: now,
      });
      await recordAudit(tx, ctx, {
        action: 'case.assigned',
        officeId: found.row.owningOfficeId,
        recordType: 'case',
        recordId: caseId,
        changes: { assignedTo: { old: found.row.assignedTo, new: input.assigneeId } },
        metadata: { bulk: true },
      });
      assigned++;
    }
  });
  return { assigned, notFound: missing };
}

export async function addNote(ctx: ActorCtx, caseId: string, input: z.infer<typeof CreateNoteSchema>) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found) throw notFound();
  if (input.confidential && !can(ctx.actor, 'cases.sensitive', found.row.owningOfficeId))
    refuseRestricted(ctx.lang, ['confidential']);
  return ctx.db.transaction(async (tx) => {
    const note = await repo.insertNote(tx, {
      caseId,
      body: input.body,
      confidential: input.confidential,
      authorId: ctx.actor.userId,
      authorName: ctx.actor.displayName,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'case.note_added',
      officeId: found.row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      // The note's text stays in the case; the audit records that it was written.
      metadata: { noteId: note.id, confidential: note.confidential },
    });
    return {
      id: note.id,
      body: note.body,
      confidential: note.confidential,
      authorName: note.authorName,
      createdAt: note.createdAt.toISOString(),
    };
  });
}

export async function addTask(ctx: ActorCtx, caseId: string, input: z.infer<typeof CreateTaskSchema>) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found) throw notFound();
  await assertAssignable(ctx, found.row.owningOfficeId, input.assigneeId, found.row.sensitive);
  const id = await ctx.db.transaction(async (tx) => {
    const task = await repo.insertTask(tx, {
      caseId,
      title: input.title,
      dueDate: input.dueDate ?? null,
      assigneeId: input.assigneeId ?? null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'case.task_added',
      officeId: found.row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: {
        task: { new: { id: task.id, title: task.title, dueDate: task.dueDate, assigneeId: task.assigneeId } },
      },
    });
    return task.id;
  });
  const row = await repo.findTask(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return taskView(row, todayOf(ctx));
}

export async function updateTask(ctx: ActorCtx, taskId: string, input: z.infer<typeof UpdateTaskSchema>) {
  const found = await repo.findTask(ctx.db, ctx.actor, taskId);
  if (!found) throw notFound();
  const caseRow = await repo.findCase(ctx.db, ctx.actor, found.task.caseId, 'cases.write');
  if (!caseRow) throw notFound();
  if (input.assigneeId !== undefined)
    await assertAssignable(ctx, caseRow.row.owningOfficeId, input.assigneeId, caseRow.row.sensitive);
  const { version, done, ...rest } = input;
  const patch = { ...rest, ...(done === undefined ? {} : { doneAt: done ? ctx.clock.now() : null }) };
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateTaskAt(tx, taskId, version, patch);
    if (!after) {
      const current = await repo.findTask(tx, ctx.actor, taskId);
      throw versionConflict(current ? taskView(current, todayOf(ctx)) : null);
    }
    await recordAudit(tx, ctx, {
      action: 'case.task_updated',
      officeId: caseRow.row.owningOfficeId,
      recordType: 'case',
      recordId: found.task.caseId,
      changes: Object.fromEntries(
        Object.entries(patch).map(([k, v]) => [
          k,
          {
            old: (found.task as Record<string, unknown>)[k] ?? null,
            new: v instanceof Date ? v.toISOString() : v,
          },
        ]),
      ),
      metadata: { taskId },
    });
  });
  const row = await repo.findTask(ctx.db, ctx.actor, taskId);
  if (!row) throw new AppError('not_found');
  return taskView(row, todayOf(ctx));
}

/** The actor's tasks on cases they may see, overdue first; `overdue` keeps those past due, `includeDone` adds done ones. */
export async function myTasks(ctx: ActorCtx, query: z.output<typeof TaskListQuerySchema>) {
  const today = todayOf(ctx);
  const rows = await repo.myTasks(ctx.db, ctx.actor, {
    overdueOn: query.overdue ? today : undefined,
    includeDone: query.includeDone ?? false,
  });
  const items = rows.map((t) => taskView(t, today));
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return { items };
}

/**
 * A task a job makes (a visa about to expire...), once per key: running the job again, or on two servers,
 * makes no second task. In the caller's transaction. Answers whether it was made now.
 */
export async function ensureSystemTask(
  ctx: Ctx,
  task: {
    caseId: string;
    officeId: string;
    key: string;
    title: string;
    dueDate: string | null;
    assigneeId: string | null;
  },
): Promise<boolean> {
  const row = await repo.insertTaskOnce(ctx.db, {
    caseId: task.caseId,
    title: task.title,
    dueDate: task.dueDate,
    assigneeId: task.assigneeId,
    systemKey: task.key,
    createdBy: null,
    createdAt: ctx.clock.now(),
  });
  if (!row) return false;
  await recordAudit(ctx.db, ctx, {
    action: 'case.task_added',
    officeId: task.officeId,
    recordType: 'case',
    recordId: task.caseId,
    changes: {
      task: { new: { id: row.id, title: row.title, dueDate: row.dueDate, assigneeId: row.assigneeId } },
    },
    metadata: { system: true, key: task.key },
  });
  return true;
}
