/**
 * The reintegration record of a case as the actor sees it, and its changes answered with it (the page
 * shows the plan, its budget warnings and deliveries together).
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { findVisibleCase } from '../cases';
import type { UpdatePlanItemSchema } from './contract';
import { removePlanItem, todayOf, updatePlanItem } from './plan';
import { reintegrationView } from './plan-view';
import * as repo from './repository';

/** Needs assessment, plan, budget warnings and deliveries of a case the actor may see. */
export async function reintegrationOfCase(ctx: ActorCtx, caseId: string) {
  const found = await findVisibleCase(ctx.db, ctx.actor, caseId);
  if (!found) throw notFound();
  return reintegrationView(ctx.db, ctx.actor, found.row, todayOf(ctx));
}

/** A change to the reintegration record of a case, as a use case answering the case's whole view after it. */
export function answeringView<Input>(
  change: (ctx: ActorCtx, caseId: string, input: Input) => Promise<unknown>,
) {
  return async (ctx: ActorCtx, caseId: string, input: Input) => {
    await change(ctx, caseId, input);
    return reintegrationOfCase(ctx, caseId);
  };
}

async function caseOfItem(ctx: ActorCtx, itemId: string): Promise<string> {
  const item = await repo.findItem(ctx.db, itemId);
  const plan = item ? await repo.findPlan(ctx.db, item.planId) : undefined;
  if (!plan) throw notFound();
  return plan.caseId;
}

/** Changes a plan item; answers its case's whole view. */
export async function editPlanItem(
  ctx: ActorCtx,
  itemId: string,
  input: z.infer<typeof UpdatePlanItemSchema>,
) {
  const caseId = await caseOfItem(ctx, itemId);
  await updatePlanItem(ctx, itemId, input);
  return reintegrationOfCase(ctx, caseId);
}

/** Removes a plan item; answers its case's whole view. */
export async function dropPlanItem(ctx: ActorCtx, itemId: string, planVersion: number) {
  const caseId = await caseOfItem(ctx, itemId);
  await removePlanItem(ctx, itemId, planVersion);
  return reintegrationOfCase(ctx, caseId);
}
