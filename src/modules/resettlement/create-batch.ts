/** A submission batch: households submitted together (a dossier, or a selection mission's interviews). */
import type { z } from 'zod';
import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { forbidden } from '../../platform/errors';
import { assertProjectUsable } from '../projects';
import type { CreateBatchSchema } from './contract';
import * as repo from './repository';

export async function createBatch(ctx: ActorCtx, input: z.infer<typeof CreateBatchSchema>): Promise<string> {
  if (!can(ctx.actor, 'resettlement.write', input.officeId)) throw forbidden();
  await assertProjectUsable(ctx, input.projectId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const batch = await repo.insertBatch(tx, {
      reference: await repo.nextBatchReference(tx, now.getUTCFullYear()),
      projectId: input.projectId,
      owningOfficeId: input.officeId,
      kind: input.kind,
      resettlementCountry: input.resettlementCountry,
      missionStart: input.missionStart ?? null,
      missionEnd: input.missionEnd ?? null,
      label: input.label,
      status: 'open',
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.batch_created',
      officeId: input.officeId,
      recordType: 'submission_batch',
      recordId: batch.id,
      changes: {
        reference: { new: batch.reference },
        kind: { new: batch.kind },
        label: { new: batch.label },
      },
    });
    return batch.id;
  });
}
