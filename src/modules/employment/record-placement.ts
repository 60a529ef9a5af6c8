/**
 * Recording a placement: a returnee starts (or is to start) a job of an opening. The opening must be open
 * with a post left, checked under a lock on the opening so two placements cannot take its last post.
 */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, type FieldError, notFound } from '../../platform/errors';
import { errorMessage } from '../../platform/i18n';
import { findVisibleCase } from '../cases';
import { findPerson } from '../registry';
import type { Placement, RecordPlacementSchema } from './contract';
import * as repo from './repository';
import { todayOf, toPlacement } from './views';

export async function readPlacement(
  ctx: ActorCtx,
  id: string,
  permission: 'employment.read' | 'employment.write',
) {
  const found = await repo.findPlacement(
    ctx.db,
    scopeOf(ctx.actor, permission),
    scopeOf(ctx.actor, 'persons.read'),
    id,
  );
  if (!found) throw notFound();
  return found;
}

export async function placementView(ctx: ActorCtx, id: string): Promise<Placement> {
  return toPlacement(ctx.db, await readPlacement(ctx, id, 'employment.read'), todayOf(ctx));
}

/** The person must be one the actor may see; a case, if named, one of theirs the actor may see. */
async function assertReferences(ctx: ActorCtx, input: z.infer<typeof RecordPlacementSchema>): Promise<void> {
  const fields: FieldError[] = [];
  const missing = (path: string) =>
    fields.push({ path, code: 'not_found', message: errorMessage(ctx.lang, 'not_found') });
  const person = await findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), input.personId);
  if (!person) missing('personId');
  if (input.caseId) {
    const found = await findVisibleCase(ctx.db, ctx.actor, input.caseId);
    if (!found || found.row.personId !== input.personId) missing('caseId');
  }
  if (fields.length) throw new AppError('validation_failed', { fields });
}

export async function recordPlacement(
  ctx: ActorCtx,
  input: z.infer<typeof RecordPlacementSchema>,
): Promise<Placement> {
  const opening = await repo.findOpening(ctx.db, scopeOf(ctx.actor, 'employment.write'), input.openingId);
  if (!opening) throw notFound();
  await assertReferences(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockOpening(tx, opening.row.id);
    if (!locked) throw notFound();
    if (locked.status === 'closed') throw new AppError('opening_closed');
    if ((await repo.filledCount(tx, locked.id)) >= locked.posts) throw new AppError('opening_full');
    const row = await repo.insertPlacement(tx, {
      personId: input.personId,
      caseId: input.caseId ?? null,
      openingId: locked.id,
      officeId: locked.officeId,
      startDate: input.startDate,
      outcome: 'employed',
      recordedBy: ctx.actor.userId,
      recordedByName: ctx.actor.displayName,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'placement.recorded',
      officeId: row.officeId,
      recordType: 'placement',
      recordId: row.id,
      changes: {
        personId: { new: row.personId },
        openingId: { new: row.openingId },
        caseId: { new: row.caseId },
        startDate: { new: row.startDate },
        outcome: { new: row.outcome },
      },
    });
    return row.id;
  });
  return placementView(ctx, id);
}
