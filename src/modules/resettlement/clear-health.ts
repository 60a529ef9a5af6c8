/** Health assessment → pre-departure orientation: every travelling member fit to travel, valid today. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { validationMessage } from '../../platform/i18n';
import type { StageGateSchema } from './contract';
import { fitCoverage } from './expiry';
import { householdCase, memberFactsOf, referredHousehold, todayOf } from './household-view';
import { passStageGate } from './stage-gate';

export async function clearHealth(ctx: ActorCtx, caseId: string, input: z.infer<typeof StageGateSchema>) {
  const row = await householdCase(ctx, caseId, 'write');
  await referredHousehold(ctx.db, caseId);
  const today = todayOf(ctx);
  const members = (await memberFactsOf(ctx.db, [caseId])).get(caseId) ?? [];
  const missing = members.flatMap((m, i) =>
    fitCoverage(m.health, today, { from: today, to: today }).status === 'ok'
      ? []
      : [
          {
            path: `members.${i}.fitToTravel`,
            code: 'not_fit_to_travel',
            message: validationMessage(ctx.lang, 'not_fit_to_travel'),
          },
        ],
  );
  await passStageGate(ctx, row, {
    action: 'clear_health',
    to: 'pre_departure_orientation',
    version: input.version,
    // The household's fitness on the case row, for the case lists and the medical section of referrals.
    patch: { medicalFitness: missing.length === 0 ? 'fit' : row.medicalFitness },
    comment: input.comment ?? null,
    missing,
    members: members.length,
  });
}
