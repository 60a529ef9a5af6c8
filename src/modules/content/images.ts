/** Images of an item: upload (resized, stripped), their text alternatives, removal. */
import { type ActorCtx, scopeOf } from '../../platform/actor';
import type { AttachmentStore } from '../../platform/attachment-store';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import type { Image, ImageAlt } from './contract';
import { announce, invalid, RECORD_TYPE } from './editing';
import { removeImageFiles, storeImage, type Upload } from './media';
import * as repo from './repository';
import { toImage } from './view';

/** The item (in the writer's scope) and its working revision. */
async function editable(ctx: ActorCtx, id: string) {
  const item = await repo.findItem(ctx.db, scopeOf(ctx.actor, 'content.write'), id);
  if (!item) throw notFound();
  const revision = await repo.findRevision(ctx.db, id, item.revision);
  if (!revision) throw new Error(`content item ${id} has no revision ${item.revision}`);
  return { item, revision };
}

/** A text alternative in each language the item is written in. */
function assertAlt(ctx: ActorCtx, revision: repo.RevisionRow, alt: ImageAlt) {
  if (revision.translations.en && !alt.altEn) throw invalid(ctx, [['altEn', 'alt_required']]);
}

/** Adds an image to the item: stored at a few widths as WebP, without its metadata. */
export async function uploadImage(
  ctx: ActorCtx,
  store: AttachmentStore,
  id: string,
  upload: Upload,
  alt: ImageAlt,
): Promise<Image> {
  const { item, revision } = await editable(ctx, id);
  assertAlt(ctx, revision, alt);
  const now = ctx.clock.now();
  const stored = await storeImage(store, upload, now);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await repo.insertImage(tx, {
        id: stored.id,
        itemId: id,
        altFr: alt.altFr,
        altEn: alt.altEn ?? null,
        width: stored.width,
        height: stored.height,
        widths: stored.widths,
        bytes: stored.bytes,
        sha256: stored.sha256,
        storagePrefix: stored.storagePrefix,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'content.image_added',
        officeId: item.officeId,
        recordType: RECORD_TYPE,
        recordId: id,
        changes: {
          image: {
            new: {
              id: row.id,
              altFr: row.altFr,
              altEn: row.altEn,
              width: row.width,
              height: row.height,
              widths: row.widths,
              bytes: row.bytes,
              sha256: row.sha256,
            },
          },
        },
      });
      return toImage(row);
    });
  } catch (error) {
    // Nothing half-kept: a failed write leaves no file behind.
    stored.discard();
    throw error;
  }
}

/** Changes an image's text alternatives; the site shows them at once where the image is published. */
export async function updateImageAlt(
  ctx: ActorCtx,
  id: string,
  imageId: string,
  alt: ImageAlt,
): Promise<Image> {
  const { item, revision } = await editable(ctx, id);
  const image = await repo.findImage(ctx.db, id, imageId);
  if (!image) throw notFound();
  assertAlt(ctx, revision, alt);
  const now = ctx.clock.now();
  const next = { altFr: alt.altFr, altEn: alt.altEn ?? null };
  if (next.altFr === image.altFr && next.altEn === image.altEn) return toImage(image);
  const { row, shown } = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateImageAlt(tx, imageId, next);
    if (!row) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'content.image_updated',
      officeId: item.officeId,
      recordType: RECORD_TYPE,
      recordId: id,
      changes: {
        [`image.${imageId}.altFr`]: { old: image.altFr, new: row.altFr },
        [`image.${imageId}.altEn`]: { old: image.altEn, new: row.altEn },
      },
    });
    return { row, shown: await repo.imageShownOrScheduled(tx, imageId, now) };
  });
  if (shown) await announce(ctx, { itemId: id, kind: item.kind, what: 'media', at: now });
  return toImage(row);
}

/**
 * Removes an image and its files. Not one the working revision shows, nor one the site shows or will
 * (409 content_image_in_use): take it out of the text, save, publish, then remove it.
 */
export async function deleteImage(ctx: ActorCtx, store: AttachmentStore, id: string, imageId: string) {
  const { item, revision } = await editable(ctx, id);
  const image = await repo.findImage(ctx.db, id, imageId);
  if (!image) throw notFound();
  const now = ctx.clock.now();
  if (revision.imageIds.includes(imageId) || (await repo.imageShownOrScheduled(ctx.db, imageId, now)))
    throw new AppError('content_image_in_use');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteImage(tx, imageId);
    await recordAudit(tx, ctx, {
      action: 'content.image_removed',
      officeId: item.officeId,
      recordType: RECORD_TYPE,
      recordId: id,
      changes: { image: { old: { id: imageId, altFr: image.altFr, sha256: image.sha256 } } },
    });
  });
  // After the commit: a failed transaction keeps its files.
  removeImageFiles(store, image.storagePrefix, image.widths);
}
