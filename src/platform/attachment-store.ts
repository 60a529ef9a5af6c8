/**
 * Where uploaded files live and how they are checked: a dependency the server hands to the use cases.
 * Accepted types and the size limit are checked while streaming; every file passes the scanner hook before
 * it is kept.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from './errors';

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
 * What the bytes of a file must be for its declared type, as file-type names them. Text has no signature:
 * it is checked as UTF-8 without NUL. The old Office formats are OLE compound files ('cfb').
 */
const CONTENT_OF_TYPE: Record<string, string | 'text'> = {
  'application/pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/webp': 'image/webp',
  'text/plain': 'text',
  'application/msword': 'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel': 'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text': 'application/vnd.oasis.opendocument.text',
};

/** Reads at most the first 64 KiB: enough to tell text from binary without loading a large file. */
function looksLikeText(file: string): boolean {
  const sample = Buffer.alloc(64 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    const read = fs.readSync(fd, sample, 0, sample.length, 0);
    const bytes = sample.subarray(0, read);
    if (bytes.includes(0)) return false;
    // `stream: true` lets the sample end in the middle of a multi-byte character.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the file's bytes are what its declared type says: a renamed executable is not a PDF. */
export async function contentMatchesType(file: string, contentType: string): Promise<boolean> {
  const expected = CONTENT_OF_TYPE[contentType];
  if (!expected) return false;
  if (expected === 'text') return looksLikeText(file);
  return (await fileTypeFromFile(file))?.mime === expected;
}

// Bidirectional formatting characters: U+202E makes "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Keep what a person can read of a file name: no path parts, no control characters, no bidirectional
 * overrides; bounded, keeping the extension.
 */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .replace(BIDI_CONTROLS, '')
    .replace(/[\p{Cc}"<>|:*?]/gu, '_')
    .trim();
  if (!base) return 'file';
  if (base.length <= 200) return base;
  const extension = path.extname(base).slice(0, 16);
  return base.slice(0, 200 - extension.length) + extension;
}

export type StoredUpload = {
  fileName: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
  sha256: string;
  /** Removes the file (when what was to record it failed). */
  discard(): void;
};

/**
 * Streams an upload into the store under a new key: the type must be accepted and match the extension and
 * the bytes, the size within the limit, the scanner must accept it. A refused upload leaves no file behind.
 */
export async function storeUpload(
  store: AttachmentStore,
  upload: { fileName: string; contentType: string; stream: Readable; truncated: () => boolean },
  now: Date,
): Promise<StoredUpload> {
  const fileName = safeFileName(upload.fileName);
  const extensions = ACCEPTED_TYPES[upload.contentType];
  if (!extensions?.includes(path.extname(fileName).toLowerCase())) throw new AppError('attachment_type');
  const storageKey = `${now.getUTCFullYear()}/${randomUUID()}`;
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
  const discard = () => fs.rmSync(target, { force: true });
  try {
    await pipeline(upload.stream, meter, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    if (upload.truncated()) throw new AppError('attachment_too_large', { params: { limit: store.maxBytes } });
    if (size === 0)
      throw new AppError('validation_failed', {
        fields: [{ path: 'file', code: 'too_small', message: 'empty' }],
      });
    if (!(await contentMatchesType(target, upload.contentType)))
      throw new AppError('attachment_content', {
        params: { extension: path.extname(fileName).toLowerCase() },
      });
    const sha256 = hash.digest('hex');
    const refusal = await store.scanner({ path: target, contentType: upload.contentType, sha256 });
    if (refusal) throw new AppError('attachment_type');
    return { fileName, contentType: upload.contentType, storageKey, sizeBytes: size, sha256, discard };
  } catch (error) {
    discard();
    throw error;
  }
}

/** The path of a stored file, or undefined when it is gone. */
export function storedFile(store: AttachmentStore, storageKey: string): string | undefined {
  const file = path.join(store.root, storageKey);
  return fs.existsSync(file) ? file : undefined;
}
