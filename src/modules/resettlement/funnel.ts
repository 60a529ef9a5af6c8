/** The funnel per project: households and persons per stage, conversion, median days between stages. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import type { FunnelQuerySchema, FunnelSchema } from './contract';
import { FUNNEL_STAGES, funnelFigures } from './funnel-repository';
import { resettlementScope } from './policy';

export async function resettlementFunnel(
  ctx: ActorCtx,
  query: z.infer<typeof FunnelQuerySchema>,
): Promise<z.infer<typeof FunnelSchema>> {
  const { current, reached } = await funnelFigures(ctx.db, {
    projectId: query.projectId,
    officeId: query.officeId,
    scope: resettlementScope(ctx.actor, 'read'),
  });
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const stages = FUNNEL_STAGES.map((stage, i) => {
    const n = num(reached[`reached_${i}`]) ?? 0;
    const before = i > 0 ? (num(reached[`reached_${i - 1}`]) ?? 0) : null;
    const median = num(reached[`median_${i}`]);
    return {
      stage,
      reached: n,
      persons: num(reached[`persons_${i}`]) ?? 0,
      conversion: before ? Math.round((n / before) * 1000) / 1000 : null,
      medianDaysFromPrevious: median === null ? null : Math.round(median * 10) / 10,
    };
  });
  const sum = (k: 'rejected' | 'merged') => current.reduce((s, r) => s + r[k], 0);
  return {
    projectId: query.projectId,
    current: current
      .map(({ stage, households, persons }) => ({ stage, households, persons }))
      .sort((a, b) => a.stage.localeCompare(b.stage)),
    stages,
    exits: {
      rejected: sum('rejected'),
      withdrawn: current.find((r) => r.stage === 'withdrawn')?.households ?? 0,
      merged: sum('merged'),
    },
  };
}
