/**
 * Case attachments: files under DATA_DIR/attachments, metadata in the database. Accepted types and the
 * size limit are checked while streaming; every file passes the scanner hook before it is kept.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq } from 'drizzle-orm';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import * as repo from './repository';
import { caseAttachments } from './tables';
import { hiddenBefore } from './withheld';

export const ACCEPTED_TYPES: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'text/plain': ['.txt'],
  'application/msword': ['.doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
};

/**
 * Hook point for a virus scanner (e.g. clamd over its socket): resolve to refuse the file with a reason,
 * or undefined to accept it. The default accepts everything; deployments that receive files from outside
 * should plug one in through buildApp's `attachmentScanner` option.
 */
export type AttachmentScanner = (file: {
  path: string;
  contentType: string;
  sha256: string;
}) => Promise<string | undefined>;
export const acceptAll: AttachmentScanner = async () => undefined;

export type AttachmentStore = { root: string; maxBytes: number; scanner: AttachmentScanner };

/** Keep what a person can read of a file name; no path parts, no control characters. */
export function safeFileName(name: string): string {
  const base = [...path.basename(name.replaceAll('\\', '/'))]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '"<>|:*?'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return (base || 'file').slice(0, 200);
}

export function toAttachment(row: typeof caseAttachments.$inferSelect) {
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
  return (
    await ctx.db
      .select()
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, caseId))
      .orderBy(desc(caseAttachments.createdAt))
  ).map(toAttachment);
}

export async function addAttachment(
  ctx: ActorCtx,
  store: AttachmentStore,
  caseId: string,
  upload: { fileName: string; contentType: string; stream: Readable; truncated: () => boolean },
) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found) throw notFound();
  const fileName = safeFileName(upload.fileName);
  const extensions = ACCEPTED_TYPES[upload.contentType];
  if (!extensions?.includes(path.extname(fileName).toLowerCase())) throw new AppError('attachment_type');

  const storageKey = `${ctx.clock.now().getUTCFullYear()}/${randomUUID()}`;
  const target = path.join(store.root, storageKey);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(upload.stream, meter, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    if (upload.truncated()) throw new AppError('attachment_too_large', { params: { limit: store.maxBytes } });
    if (size === 0)
      throw new AppError('validation_failed', {
        fields: [{ path: 'file', code: 'too_small', message: 'empty' }],
      });
    const sha256 = hash.digest('hex');
    const refusal = await store.scanner({ path: target, contentType: upload.contentType, sha256 });
    if (refusal) throw new AppError('attachment_type');
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(caseAttachments)
        .values({
          caseId,
          fileName,
          contentType: upload.contentType,
          sizeBytes: size,
          sha256,
          storageKey,
          uploadedBy: ctx.actor.userId,
          uploadedByName: ctx.actor.displayName,
          createdAt: ctx.clock.now(),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
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
    // Nothing half-kept: a refused or failed upload leaves no file behind.
    fs.rmSync(target, { force: true });
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
  const [row] = await ctx.db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
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
