import { type ActorCtx, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { changedFields } from './changes';
import type { ContentItem, SaveContent } from './contract';
import { conflict, invalid, prepareSnapshot, writeRevision } from './editing';
import * as repo from './repository';
import { itemView, snapshotOf } from './view';

/**
 * Saves the working draft as a new revision (optimistic concurrency: a stale version answers 409 with the
 * item as it is and the fields changed since). Saving what is already there changes nothing.
 */
export async function saveContent(ctx: ActorCtx, id: string, input: SaveContent): Promise<ContentItem> {
  const scope = scopeOf(ctx.actor, 'content.write');
  const item = await repo.findItem(ctx.db, scope, id);
  if (!item) throw notFound();
  const { version, kind, ...draft } = input;
  if (version !== item.version) throw await conflict(ctx, item, version);
  if (kind !== item.kind) throw invalid(ctx, [['kind', 'kind_fixed']]);
  const [images, files, current] = await Promise.all([
    repo.imagesOf(ctx.db, id),
    repo.filesOf(ctx.db, id),
    repo.findRevision(ctx.db, id, item.revision),
  ]);
  if (!current) throw new Error(`content item ${id} has no revision ${item.revision}`);
  const prepared = await prepareSnapshot(ctx, item, draft, { images, files });
  const before = snapshotOf(current);
  const changed = changedFields(before, prepared.snapshot);
  if (changed.length === 0) return itemView(ctx.db, item, ctx.clock.now());
  return writeRevision(ctx, scope, item, version, prepared, changed, before, null);
}
