export { casesRoutes } from './routes';
import type { PersonRecordMover } from '../../platform/reactions';
import { moveCasesBack, movePersonCases } from './repository';

/** Merging two records of one person moves the merged record's cases to the kept one (and back on undo). */
export const casesFollowTheirPerson: PersonRecordMover = {
  key: 'cases',
  moveAll: movePersonCases,
  moveBack: moveCasesBack,
};
