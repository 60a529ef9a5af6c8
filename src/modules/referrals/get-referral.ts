/** Reading referrals: the audited read of one, the lists, and where a case may be referred. */
import type { z } from 'zod';
import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { notFound } from '../../platform/errors';
import { findVisibleCase } from '../cases';
import type { ReferralListQuerySchema } from './contract';
import * as repo from './repository';
import { referralTargets } from './send-referral';
import { referralDetail, summaryFor } from './views';

/** The referral as this actor may see it; every read is audited (it may carry shared personal data). */
export async function getReferral(ctx: ActorCtx, id: string) {
  const r = await repo.findReferral(ctx.db, ctx.actor, id);
  if (!r) throw notFound();
  const now = ctx.clock.now();
  const detail = await referralDetail(ctx.db, ctx.actor, r, now);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'referral.viewed',
      officeId: detail.side === 'sender' ? r.row.fromOfficeId : r.row.toOfficeId,
      recordType: 'referral',
      recordId: id,
      metadata: {
        caseId: r.row.caseId,
        side: detail.side,
        sections: detail.shared ? Object.keys(detail.shared) : [],
        progress: detail.progress !== null,
      },
    }),
  );
  return detail;
}

/** The referrals of a case the actor may see (a case they cannot see does not exist). */
export async function referralsOfCase(ctx: ActorCtx, caseId: string) {
  if (!(await findVisibleCase(ctx.db, ctx.actor, caseId))) throw notFound();
  const now = ctx.clock.now();
  const rows = await repo.referralsOfCase(ctx.db, ctx.actor, caseId);
  return { items: rows.map((row) => summaryFor(ctx.actor, row, now)) };
}

/** Referrals in scope, filtered; `overdue` keeps those past their answer date. */
export async function listReferrals(ctx: ActorCtx, query: z.infer<typeof ReferralListQuerySchema>) {
  const now = ctx.clock.now();
  const { overdue, ...rest } = query;
  const rows = await repo.listReferrals(ctx.db, ctx.actor, { ...rest, overdueAt: overdue ? now : undefined });
  return { items: rows.map((row) => summaryFor(ctx.actor, row, now)) };
}

/** The offices the actor may refer or transfer this case to. */
export async function referralTargetsOfCase(ctx: ActorCtx, caseId: string) {
  const found = await findVisibleCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found || !can(ctx.actor, 'referrals.send', found.row.owningOfficeId)) throw notFound();
  return { items: await referralTargets(ctx, [found.row.owningOfficeId]) };
}
