/**
 * Case attachments: files under DATA_DIR/attachments, metadata in the database. Accepted types and the
 * size limit are checked while streaming; every file passes the scanner hook before it is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ActorCtx } from '../../platform/actor';
import { type AttachmentStore, storeUpload } from '../../platform/attachment-store';
import { recordAudit } from '../../platform/audit/record';
import { notFound } from '../../platform/errors';
import * as repo from './repository';
import { hiddenBefore } from './withheld';

export {
  type AttachmentScanner,
  type AttachmentStore,
  acceptAll,
  safeFileName,
} from '../../platform/attachment-store';

export function toAttachment(row: repo.AttachmentRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function attachmentsOf(ctx: Pick<ActorCtx, 'db'>, caseId: string) {
  return (await repo.attachmentsOf(ctx.db, caseId)).map(toAttachment);
}

export async function addAttachment(
  ctx: ActorCtx,
  store: AttachmentStore,
  caseId: string,
  upload: { fileName: string; contentType: string; stream: Readable; truncated: () => boolean },
) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found) throw notFound();
  const stored = await storeUpload(store, upload, ctx.clock.now());
  const { fileName, storageKey, sizeBytes: size, sha256 } = stored;
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await repo.insertAttachment(tx, {
        caseId,
        fileName,
        contentType: upload.contentType,
        sizeBytes: size,
        sha256,
        storageKey,
        uploadedBy: ctx.actor.userId,
        uploadedByName: ctx.actor.displayName,
        createdAt: ctx.clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'case.attachment_added',
        officeId: found.row.owningOfficeId,
        recordType: 'case',
        recordId: caseId,
        changes: {
          attachment: {
            new: { id: row.id, fileName, contentType: row.contentType, sizeBytes: size, sha256 },
          },
        },
      });
      return toAttachment(row);
    });
  } catch (error) {
    // Nothing half-kept: a failed write leaves no file behind.
    stored.discard();
    throw error;
  }
}

export async function openAttachment(
  ctx: ActorCtx,
  store: AttachmentStore,
  caseId: string,
  attachmentId: string,
) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId);
  if (!found) throw notFound();
  const row = await repo.findAttachment(ctx.db, caseId, attachmentId);
  if (!row) throw notFound();
  const before = hiddenBefore(found.row, 'attachments');
  if (before && row.createdAt < before) throw notFound();
  const file = path.join(store.root, row.storageKey);
  if (!fs.existsSync(file)) throw notFound();
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'case.attachment_downloaded',
      officeId: found.row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: { attachmentId, fileName: row.fileName },
    }),
  );
  return { row, stream: fs.createReadStream(file) };
}
