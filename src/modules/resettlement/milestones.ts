/** The first day of each stage, stamped as the case moves (the reaction to the cases module's stage changes). */
import type { Ctx } from '../../platform/actor';
import type { CaseStageChange } from '../../platform/reactions';
import * as repo from './repository';

export async function stampMilestone(tx: Ctx, change: CaseStageChange): Promise<void> {
  if (change.caseType !== 'resettlement' || !(change.to in repo.MILESTONE_COLUMNS)) return;
  await repo.stampMilestone(
    tx.db,
    change.caseId,
    change.to as keyof typeof repo.MILESTONE_COLUMNS,
    change.on,
  );
}
