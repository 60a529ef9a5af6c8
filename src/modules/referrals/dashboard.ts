import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import type { DashboardSchema } from './contract';
import * as repo from './repository';

type Row = z.infer<typeof DashboardSchema>['offices'][number];
const empty = () => ({ pending: 0, overdue: 0, accepted: 0, declined: 0 });

/** The referral dashboard: one row per office in scope, incoming and outgoing side by side. */
export async function dashboardView(ctx: ActorCtx): Promise<z.infer<typeof DashboardSchema>> {
  const rows = await repo.dashboard(ctx.db, ctx.actor, ctx.clock.now());
  const byOffice = new Map<string, Row>();
  for (const r of rows) {
    const row = byOffice.get(r.officeId) ?? {
      office: { id: r.officeId, code: r.code, name: r.name },
      incoming: empty(),
      outgoing: empty(),
      medianResponseHours: null,
      consentOverrides: 0,
    };
    row[r.direction] = { pending: r.pending, overdue: r.overdue, accepted: r.accepted, declined: r.declined };
    if (r.direction === 'incoming')
      row.medianResponseHours = r.medianHours === null ? null : Math.round(r.medianHours * 10) / 10;
    else row.consentOverrides = r.overrides;
    byOffice.set(r.officeId, row);
  }
  return { offices: [...byOffice.values()] };
}
