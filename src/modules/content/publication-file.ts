import { type ActorCtx, scopeOf } from '../../platform/actor';
import type { AttachmentStore } from '../../platform/attachment-store';
import { recordAudit } from '../../platform/audit/record';
import { notFound } from '../../platform/errors';
import type { ContentFile } from './contract';
import { RECORD_TYPE } from './editing';
import { storePdf, type Upload } from './media';
import * as repo from './repository';
import { toFile } from './view';

/**
 * Adds a PDF to the item (a publication's document): its bytes must say PDF, its size within the
 * attachment limit. It becomes the publication's file when a save names it.
 */
export async function uploadPublicationFile(
  ctx: ActorCtx,
  store: AttachmentStore,
  id: string,
  upload: Upload,
): Promise<ContentFile> {
  const item = await repo.findItem(ctx.db, scopeOf(ctx.actor, 'content.write'), id);
  if (!item) throw notFound();
  const now = ctx.clock.now();
  const stored = await storePdf(store, upload, now);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await repo.insertFile(tx, {
        itemId: id,
        fileName: stored.fileName,
        bytes: stored.bytes,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'content.file_added',
        officeId: item.officeId,
        recordType: RECORD_TYPE,
        recordId: id,
        changes: {
          file: { new: { id: row.id, fileName: row.fileName, bytes: row.bytes, sha256: row.sha256 } },
        },
      });
      return toFile(row);
    });
  } catch (error) {
    stored.discard();
    throw error;
  }
}
