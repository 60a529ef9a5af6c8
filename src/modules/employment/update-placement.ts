/** The outcome of a placement: still employed, ended (with the date), or did not start. */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { AppError, versionConflict } from '../../platform/errors';
import { fieldErrors } from '../../platform/i18n';
import type { Placement, UpdatePlacementSchema } from './contract';
import { placementView, readPlacement } from './record-placement';
import * as repo from './repository';
import { todayOf, toPlacement } from './views';

type Issue = Parameters<typeof fieldErrors>[1][number];

export async function updatePlacement(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof UpdatePlacementSchema>,
): Promise<Placement> {
  const found = await readPlacement(ctx, id, 'employment.write');
  const before = found.row;
  if (before.version !== input.version) throw versionConflict(await toPlacement(ctx.db, found, todayOf(ctx)));

  const outcome = input.outcome ?? before.outcome;
  const endedOn = outcome === 'ended' ? (input.endedOn === undefined ? before.endedOn : input.endedOn) : null;
  // An end date belongs to an ended placement, on or after its start.
  const issues: Issue[] = [];
  if (outcome === 'ended' && !endedOn)
    issues.push({
      code: 'invalid_type',
      expected: 'string',
      path: ['endedOn'],
      message: 'required',
    } as Issue);
  if (outcome !== 'ended' && input.endedOn)
    issues.push({ code: 'invalid_type', expected: 'null', path: ['endedOn'], message: '' } as Issue);
  if (endedOn && endedOn < before.startDate)
    issues.push({
      code: 'too_small',
      origin: 'date',
      minimum: before.startDate,
      inclusive: true,
      path: ['endedOn'],
      message: '',
    } as unknown as Issue);
  if (issues.length) throw new AppError('validation_failed', { fields: fieldErrors(ctx.lang, issues) });

  await ctx.db.transaction(async (tx) => {
    // Back from "did not start", the placement takes a post again: there must be one left.
    if (before.outcome === 'did_not_start' && outcome !== 'did_not_start') {
      const opening = await repo.lockOpening(tx, before.openingId);
      if (opening && (await repo.filledCount(tx, opening.id)) >= opening.posts)
        throw new AppError('opening_full');
    }
    const after = await repo.updatePlacementAt(tx, id, input.version, { outcome, endedOn });
    if (!after) {
      const current = await readPlacement({ ...ctx, db: tx }, id, 'employment.write');
      throw versionConflict(await toPlacement(tx, current, todayOf(ctx)));
    }
    await recordAudit(tx, ctx, {
      action: 'placement.updated',
      officeId: after.officeId,
      recordType: 'placement',
      recordId: id,
      changes: diffFields(before, after, ['outcome', 'endedOn']),
    });
  });
  return placementView(ctx, id);
}
