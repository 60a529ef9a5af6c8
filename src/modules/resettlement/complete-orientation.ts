/** Pre-departure orientation → exit permits: every member aged twelve or more attended a session. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { validationMessage } from '../../platform/i18n';
import type { StageGateSchema } from './contract';
import { isUnder } from './household-rules';
import { householdCase, referredHousehold, todayOf } from './household-view';
import * as repo from './repository';
import { passStageGate } from './stage-gate';

/** Children younger than this are not expected at the sessions (they attend with a parent, or not at all). */
export const ORIENTATION_MIN_AGE = 12;

export async function completeOrientation(
  ctx: ActorCtx,
  caseId: string,
  input: z.infer<typeof StageGateSchema>,
) {
  const row = await householdCase(ctx, caseId, 'write');
  await referredHousehold(ctx.db, caseId);
  const today = todayOf(ctx);
  const [members, attended] = await Promise.all([
    repo.activeMembersOf(ctx.db, [caseId]),
    repo.attendedOf(ctx.db, caseId),
  ]);
  const missing = members.flatMap(({ member, person }, i) =>
    attended.has(member.personId) || isUnder(person, ORIENTATION_MIN_AGE, today)
      ? []
      : [
          {
            path: `members.${i}.orientation`,
            code: 'not_at_orientation',
            message: validationMessage(ctx.lang, 'not_at_orientation'),
          },
        ],
  );
  await passStageGate(ctx, row, {
    action: 'complete_orientation',
    to: 'exit_permits',
    version: input.version,
    comment: input.comment ?? null,
    missing,
    members: members.length,
  });
}
