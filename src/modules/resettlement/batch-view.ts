/** A submission batch with its households and their outcomes. */
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../platform/actor';
import { notFound, versionConflict } from '../../platform/errors';
import type { BatchView } from './contract';
import { resettlementScope } from './policy';
import * as repo from './repository';

export async function batchView(db: Db, batch: repo.BatchRow): Promise<BatchView> {
  const households = await repo.batchHouseholds(db, batch.id);
  return {
    id: batch.id,
    reference: batch.reference,
    projectId: batch.projectId,
    officeId: batch.owningOfficeId,
    kind: batch.kind,
    resettlementCountry: batch.resettlementCountry,
    missionStart: batch.missionStart,
    missionEnd: batch.missionEnd,
    label: batch.label,
    status: batch.status,
    submittedOn: batch.submittedOn,
    households: households.map((h) => ({
      caseId: h.entry.caseId,
      caseReference: h.caseReference,
      principalName: `${h.givenName} ${h.familyName}`,
      caseStatus: h.caseStatus,
      caseVersion: h.caseVersion,
      members: h.members ?? 0,
      outcome: h.entry.outcome,
      decidedOn: h.entry.decidedOn,
    })),
    version: batch.version,
  };
}

/** A batch of an office where the actor holds resettlement.read (404 otherwise). */
export async function readableBatch(ctx: ActorCtx, id: string) {
  const batch = await repo.findBatch(ctx.db, id, resettlementScope(ctx.actor, 'read'));
  if (!batch) throw notFound();
  return batch;
}

export async function getBatch(ctx: ActorCtx, id: string) {
  return batchView(ctx.db, await readableBatch(ctx, id));
}

export async function listBatches(ctx: ActorCtx, projectId?: string) {
  const rows = await repo.listBatches(ctx.db, resettlementScope(ctx.actor, 'read'), projectId);
  return { items: await Promise.all(rows.map((b) => batchView(ctx.db, b))) };
}

/** The 409 of a batch write that found another version: the batch as committed now. */
export async function batchConflict(db: Db, ctx: ActorCtx, id: string) {
  const current = await repo.findBatch(db, id, resettlementScope(ctx.actor, 'read'));
  return versionConflict(current ? await batchView(db, current) : null);
}

/** Runs a change to a batch in one transaction and answers the batch as the change left it. */
export function changeBatch<Input>(change: (ctx: ActorCtx, id: string, input: Input) => Promise<unknown>) {
  return (ctx: ActorCtx, id: string, input: Input) =>
    ctx.db.transaction(async (tx) => {
      const inTx = { ...ctx, db: tx };
      await change(inTx, id, input);
      return getBatch(inTx, id);
    });
}
