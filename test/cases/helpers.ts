/** Shared helpers of the cases integration tests: opening and moving cases through the API, their rows. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { caseEvents, cases, caseTasks } from '../../src/modules/cases/tables';
import { expectJson, type Session } from '../api/helpers';
import type { TestApp } from '../harness/app';

export type CaseSummaryBody = {
  id: string;
  reference: string;
  personId: string;
  personName: string;
  personNameOriginal: string | null;
  nationalities: string[];
  caseType: string;
  sensitive: boolean;
  status: string;
  pendingTransitionTo: string | null;
  projectId: string | null;
  projectCode: string | null;
  officeId: string;
  officeCode: string;
  assignedTo: { id: string; name: string } | null;
  departureDate: string | null;
  createdAt: string;
  updatedAt: string;
};
export type TaskBody = {
  id: string;
  caseId: string;
  caseReference: string;
  title: string;
  dueDate: string | null;
  assignee: { id: string; name: string } | null;
  done: boolean;
  overdue: boolean;
  version: number;
};
export type CaseDetailBody = CaseSummaryBody & {
  householdId: string | null;
  closureReason: string | null;
  travelDocumentReady: boolean;
  medicalFitness: string | null;
  declarationSignedOn: string | null;
  hostCountry: string | null;
  returnCountry: string | null;
  pendingTransition: {
    to: string;
    requestedByName: string;
    requestedAt: string;
    comment: string | null;
  } | null;
  workflowStates: string[];
  availableTransitions: { to: string; approval: boolean; requires: string[]; missing: string[] }[];
  canApprove: boolean;
  canReopen: boolean;
  canAssign: boolean;
  canSeeConfidential: boolean;
  timeline: {
    id: string;
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorName: string;
    comment: string | null;
    data: Record<string, unknown> | null;
    at: string;
  }[];
  notes: { id: string; body: string; confidential: boolean; authorName: string; createdAt: string }[];
  tasks: TaskBody[];
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
  version: number;
};
export type CaseListBody = {
  items: CaseSummaryBody[];
  nextCursor: string | null;
  countsByStatus: Record<string, number>;
  total: number;
};

/**
 * Makes the test clock move by a millisecond at each reading, as real time does. The case timeline is
 * ordered by time, so with a clock standing still the events of one case would come in no defined order.
 */
export function tickingClock(clock: TestApp['clock']): void {
  const read = clock.now;
  clock.now = () => {
    clock.advance(1);
    return read();
  };
}

export async function openCase(
  session: Session,
  body: { personId: string; officeId: string; caseType?: string } & Record<string, unknown>,
): Promise<CaseDetailBody> {
  const response = await session.inject({
    method: 'POST',
    url: '/api/cases',
    payload: { caseType: 'avrr', ...body },
  });
  return expectJson<CaseDetailBody>(response, 201);
}

export async function getCase(session: Session, id: string): Promise<CaseDetailBody> {
  return expectJson<CaseDetailBody>(await session.inject({ method: 'GET', url: `/api/cases/${id}` }));
}

export function transitionRequest(
  session: Session,
  id: string,
  body: { version: number; to: string } & Record<string, unknown>,
) {
  return session.inject({ method: 'POST', url: `/api/cases/${id}/transitions`, payload: body });
}

/** Takes a step that must succeed; returns the case after it. */
export async function transition(
  session: Session,
  c: { id: string; version: number },
  to: string,
  extra: Record<string, unknown> = {},
): Promise<CaseDetailBody> {
  return expectJson<CaseDetailBody>(
    await transitionRequest(session, c.id, { version: c.version, to, ...extra }),
  );
}

/** Takes several steps in a row. */
export async function walk(session: Session, c: CaseDetailBody, steps: string[]): Promise<CaseDetailBody> {
  let current = c;
  for (const to of steps) current = await transition(session, current, to);
  return current;
}

export async function listCases(session: Session, query = ''): Promise<CaseListBody> {
  return expectJson<CaseListBody>(await session.inject({ method: 'GET', url: `/api/cases${query}` }));
}

export async function caseRow(db: Db, id: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw new Error(`no case ${id}`);
  return row;
}

export async function caseEventRows(db: Db, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
}

export async function taskRow(db: Db, id: string) {
  const [row] = await db.select().from(caseTasks).where(eq(caseTasks.id, id));
  if (!row) throw new Error(`no task ${id}`);
  return row;
}
