/**
 * The cases module's door: what other modules and the composition root may use. Everything else in
 * this folder is internal (enforced by the dependency rules in `.dependency-cruiser.cjs`).
 */
import type { Db } from '../../db/client';
import type { PersonRecordMover } from '../../platform/reactions';
import {
  type CaseRow,
  caseRowById,
  findAttachment,
  insertEvent,
  moveCasesBack,
  movePersonCases,
  updateCaseAt,
} from './repository';
import { type CaseType, isTerminal, workflowOf } from './workflow';

export {
  type AttachmentScanner,
  type AttachmentStore,
  acceptAll,
  addAttachment,
  attachmentsOf,
} from './attachments';
export { assignCase, ensureSystemTask } from './case-work';
export { CaseTypeSchema } from './contract';
export { assertAssignable, openCase } from './open-case';
export { mayApprove, mayEditCase, maySeeCase, visibleCases } from './policy';
export {
  type CaseRow,
  eventsOf as timelineOf,
  findCase as findVisibleCase,
  notesOf,
  otherCasesOfPersonIn,
} from './repository';
export { casesRoutes } from './routes';
export {
  type ActionStep,
  caseConflict,
  decideApproval,
  takeTransitionByAction,
  touchCase,
  transitionCase,
  updateCaseFields,
} from './transition-case';
export { visibleAfterWithholding } from './withheld';
export {
  CASE_TYPES,
  type ClosureReason,
  DOCUMENT_KINDS,
  type DocumentKind,
  findTransition,
  isTerminal,
  RESETTLEMENT_WORKFLOW,
  workflowOf,
} from './workflow';
export type { CaseType };

/** A case by id, without access checks: for modules that have already established access (a referral's case). */
export const caseRecord = caseRowById;

/** An attachment of this case, with its document kind (none when the id belongs to another case). */
export const caseAttachmentOf = findAttachment;

/** Adds an entry to a case's timeline (in the caller's transaction). */
export const appendTimeline = insertEvent;

/** Is the case closed (a terminal state of its type's workflow)? */
export const isCaseClosed = (c: Pick<CaseRow, 'caseType' | 'status'>): boolean =>
  isTerminal(workflowOf(c.caseType as CaseType), c.status);

/**
 * A transferred case changes hands: its office and assignee, and what the sender did not share stays
 * hidden from the new owner from `now` (ADR 0009). Conditional on the version read; undefined if it moved.
 */
export function handOverCase(
  tx: Db,
  c: Pick<CaseRow, 'id' | 'version'>,
  change: { toOfficeId: string; assigneeId: string | null; withheld: string[]; dropMedicalFitness: boolean },
  now: Date,
): Promise<CaseRow | undefined> {
  return updateCaseAt(
    tx,
    c.id,
    c.version,
    {
      owningOfficeId: change.toOfficeId,
      assignedTo: change.assigneeId,
      withheldSections: change.withheld,
      withheldBefore: now,
      ...(change.dropMedicalFitness ? { medicalFitness: null } : {}),
    },
    now,
  );
}

/** Merging two records of one person moves the merged record's cases to the kept one (and back on undo). */
export const casesFollowTheirPerson: PersonRecordMover = {
  key: 'cases',
  moveAll: movePersonCases,
  moveBack: moveCasesBack,
};
