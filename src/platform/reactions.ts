import type { Reactions } from './actor';

export type { CaseStageChange, ContentChange, PersonRecordMover, Reactions } from './actor';

/** No reactions: for contexts where nothing reacts (and tests of a module on its own). */
export function noReactions(): Reactions {
  return { consentWithdrawn: [], personRecordsMoved: [], caseStageChanged: [], contentChanged: [] };
}
