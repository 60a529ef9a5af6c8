import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { attachmentsOf } from './attachments';
import { rolesIn } from './case-access';
import type { CaseDetail } from './contract';
import * as repo from './repository';
import { hiddenBefore, visibleAfterWithholding } from './withheld';
import { availableTransitions, type CaseType, isTerminal, missingRequirements, workflowOf } from './workflow';

type Found = NonNullable<Awaited<ReturnType<typeof repo.findCase>>>;

export function taskView(t: repo.TaskRow, today: string) {
  return {
    id: t.task.id,
    caseId: t.task.caseId,
    caseReference: t.caseReference,
    title: t.task.title,
    dueDate: t.task.dueDate,
    assignee: t.task.assigneeId ? { id: t.task.assigneeId, name: t.assigneeName ?? '' } : null,
    done: t.task.doneAt !== null,
    overdue: t.task.doneAt === null && t.task.dueDate !== null && t.task.dueDate < today,
    version: t.task.version,
  };
}

/** The case page: summary, workflow facts, what this actor may do now, timeline, notes, tasks. */
export async function caseDetail(db: Db, actor: Actor, found: Found, today: string): Promise<CaseDetail> {
  const row = found.row;
  const access = rolesIn(actor, row.owningOfficeId);
  const workflow = workflowOf(row.caseType as CaseType);
  const facts = {
    status: row.status,
    travelDocumentReady: row.travelDocumentReady,
    medicalFitness: row.medicalFitness,
    declarationSignedOn: row.declarationSignedOn,
    departureDate: row.departureDate,
    pendingTransition: row.pendingTransition,
  };
  const canSeeConfidential = access.permissions.has('cases.sensitive');
  const [allEvents, allNotes, tasks, allAttachments] = await Promise.all([
    repo.eventsOf(db, row.id),
    repo.notesOf(db, row.id, canSeeConfidential),
    repo.tasksOf(db, row.id),
    attachmentsOf({ db }, row.id),
  ]);
  // After a transfer, what the former owner did not share stays hidden (ADR 0009).
  const events = allEvents.filter((e) => {
    const before = hiddenBefore(row, 'case_history');
    return !before || e.at >= before || e.kind === 'transferred';
  });
  const notes = allNotes.filter((n) => {
    const before = hiddenBefore(row, n.confidential ? 'confidential_notes' : 'case_history');
    return !before || n.createdAt >= before;
  });
  const attachments = visibleAfterWithholding(
    row,
    'attachments',
    allAttachments,
    (a) => new Date(a.createdAt),
  );
  const documents = new Set(allAttachments.flatMap((a) => (a.documentKind ? [a.documentKind] : [])));
  return {
    ...repo.toSummary(found),
    householdId: row.householdId,
    closureReason: row.closureReason,
    travelDocumentReady: row.travelDocumentReady,
    medicalFitness: row.medicalFitness,
    declarationSignedOn: row.declarationSignedOn,
    hostCountry: row.hostCountry,
    returnCountry: row.returnCountry,
    pendingTransition: row.pendingTransition
      ? {
          to: row.pendingTransition.to,
          requestedByName: row.pendingTransition.requestedByName,
          requestedAt: row.pendingTransition.requestedAt,
          comment: row.pendingTransition.comment,
        }
      : null,
    workflowStates: [...workflow.states],
    availableTransitions: availableTransitions(workflow, facts, access).map((t) => ({
      to: t.to,
      approval: !!t.approval && !access.permissions.has('cases.approve'),
      requires: [...(t.requires ?? [])],
      // Only where they apply: most workflows have neither.
      ...(t.requiresDocuments?.length ? { requiresDocuments: [...t.requiresDocuments] } : {}),
      ...(t.action ? { action: t.action } : {}),
      missing: missingRequirements(t, { ...facts, documents }),
    })),
    canApprove: !!row.pendingTransition && access.permissions.has('cases.approve'),
    canReopen: isTerminal(workflow, row.status) && access.permissions.has('cases.reopen'),
    canAssign: access.permissions.has('cases.assign'),
    canSeeConfidential,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind as CaseDetail['timeline'][number]['kind'],
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      comment: e.comment,
      data: e.data,
      at: e.at.toISOString(),
    })),
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      confidential: n.confidential,
      authorName: n.authorName,
      createdAt: n.createdAt.toISOString(),
    })),
    tasks: tasks.map((t) => taskView(t, today)),
    attachments,
    version: row.version,
  };
}
