import { type ActorCtx, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { changedFields } from './changes';
import type { ContentItem } from './contract';
import { conflict, prepareSnapshot, writeRevision } from './editing';
import * as repo from './repository';
import { itemView, snapshotOf } from './view';

/**
 * Makes an old revision the working draft again: a new revision copied from it (history is never
 * rewritten), cleaned as a save is (an image or file deleted since is left out). It goes through review
 * like any other change.
 */
export async function restoreRevision(
  ctx: ActorCtx,
  id: string,
  number: number,
  version: number,
): Promise<ContentItem> {
  const scope = scopeOf(ctx.actor, 'content.write');
  const item = await repo.findItem(ctx.db, scope, id);
  if (!item) throw notFound();
  if (version !== item.version) throw await conflict(ctx, item, version);
  const [old, current, images, files] = await Promise.all([
    repo.findRevision(ctx.db, id, number),
    repo.findRevision(ctx.db, id, item.revision),
    repo.imagesOf(ctx.db, id),
    repo.filesOf(ctx.db, id),
  ]);
  if (!old) throw notFound();
  if (!current) throw new Error(`content item ${id} has no revision ${item.revision}`);
  const prepared = await prepareSnapshot(ctx, item, snapshotOf(old), { images, files }, { restoring: true });
  const before = snapshotOf(current);
  const changed = changedFields(before, prepared.snapshot);
  if (changed.length === 0) return itemView(ctx.db, item, ctx.clock.now());
  return writeRevision(ctx, scope, item, version, prepared, changed, before, number);
}
