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
import type { DocumentKind } from './workflow';

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
    documentKind: (row.documentKind ?? null) as DocumentKind | null,
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
  /** What the file is, when a workflow step requires one of its kind. */
  documentKind: DocumentKind | null = null,
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
        documentKind,
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
            new: {
              id: row.id,
              fileName,
              contentType: row.contentType,
              sizeBytes: size,
              sha256,
              documentKind,
            },
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

/** Says what an attached file is (or no longer is): a workflow step may require a document of a kind. */
export async function classifyAttachment(
  ctx: ActorCtx,
  caseId: string,
  attachmentId: string,
  documentKind: DocumentKind | null,
) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found) throw notFound();
  const before = await repo.findAttachment(ctx.db, caseId, attachmentId);
  if (!before) throw notFound();
  const withheld = hiddenBefore(found.row, 'attachments');
  if (withheld && before.createdAt < withheld) throw notFound();
  if (before.documentKind === documentKind) return toAttachment(before);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.classifyAttachment(tx, caseId, attachmentId, documentKind);
    if (!row) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'case.attachment_classified',
      officeId: found.row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      changes: { documentKind: { old: before.documentKind, new: documentKind } },
      metadata: { attachmentId },
    });
    return toAttachment(row);
  });
}
