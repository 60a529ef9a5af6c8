import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { forbidden } from '../../platform/errors';
import { auditChanges, changedFields } from './changes';
import type { ContentItem, CreateContent } from './contract';
import { claimAddresses, invalid, prepareSnapshot, projectPageRace, RECORD_TYPE } from './editing';
import { owningOfficeFor } from './policy';
import * as repo from './repository';
import { itemView } from './view';

/** Starts an item of an office as a draft: its first revision. */
export async function createContent(ctx: ActorCtx, input: CreateContent): Promise<ContentItem> {
  const office = owningOfficeFor(scopeOf(ctx.actor, 'content.write'), input.officeId);
  if (office === 'forbidden') throw forbidden();
  if (office === null) throw invalid(ctx, [['officeId', 'office_required']]);
  const { officeId: _asked, kind, ...draft } = input;
  // A new item has no image or file yet: the cover and the PDF are chosen once uploaded.
  const prepared = await prepareSnapshot(ctx, { kind, officeId: office, projectId: null }, draft, {
    images: [],
    files: [],
  });
  const { snapshot } = prepared;
  const now = ctx.clock.now();
  const author = { userId: ctx.actor.userId, name: ctx.actor.displayName };
  return ctx.db
    .transaction(async (tx) => {
      const item = await repo.insertItem(tx, {
        kind,
        officeId: office,
        projectId: snapshot.projectId,
        status: 'draft',
        tags: snapshot.tags,
        revision: 1,
        createdBy: author.userId,
        createdByName: author.name,
        createdAt: now,
        updatedBy: author.userId,
        updatedByName: author.name,
        updatedAt: now,
      });
      const changed = changedFields(null, snapshot);
      await repo.insertRevision(tx, {
        itemId: item.id,
        number: 1,
        itemVersion: item.version,
        ...snapshot,
        imageIds: prepared.imageIds,
        changed,
        authorId: author.userId,
        authorName: author.name,
        createdAt: now,
      });
      await claimAddresses(tx, item.id, snapshot);
      await recordAudit(tx, ctx, {
        action: 'content.created',
        officeId: office,
        recordType: RECORD_TYPE,
        recordId: item.id,
        changes: { kind: { new: kind }, ...auditChanges(null, snapshot, changed) },
        metadata: { revision: 1 },
      });
      return itemView(tx, item, now);
    })
    .catch(projectPageRace);
}
