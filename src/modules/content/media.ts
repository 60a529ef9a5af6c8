/**
 * The files of content, under the attachments folder (so backups and shared storage cover them):
 * - images, received as JPEG, PNG or WebP (type read from the bytes), decoded with sharp, turned upright,
 *   stripped of their metadata (EXIF: camera, place, time) and stored as WebP at a few widths, never wider
 *   than the original; the upload itself is not kept;
 * - publication PDFs, stored as received once their bytes say PDF.
 * Every upload passes the attachment scanner hook first.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import sharp, { type Metadata } from 'sharp';
import { type AttachmentStore, type StoredUpload, storeUpload } from '../../platform/attachment-store';
import { AppError } from '../../platform/errors';

export type Upload = { fileName: string; contentType: string; stream: Readable; truncated: () => boolean };

/** The widths an image is stored at (those below its own width, and its own width when narrower). */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** Larger images are refused before they are decoded (a small file can declare a huge image). */
export const MAX_IMAGE_PIXELS = 40_000_000;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const WEBP_QUALITY = 80;

/** Where content files live, relative to the attachments folder. */
const IMAGES_DIR = 'content/images';
const FILES_DIR = 'content/files';
const INCOMING_DIR = 'content/incoming';

/** The stored widths of an image `width` pixels wide: never upscaled. */
export function targetWidths(width: number): number[] {
  const below = IMAGE_WIDTHS.filter((w) => w < width);
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] as number;
  return width >= largest ? [...IMAGE_WIDTHS] : [...below, width];
}

const tooLarge = (store: AttachmentStore) =>
  new AppError('image_too_large', {
    params: { megapixels: MAX_IMAGE_PIXELS / 1_000_000, limit: store.maxBytes },
  });

/** A file under the attachments folder, by its key; undefined when it is gone or the key leaves the folder. */
export function mediaFile(store: Pick<AttachmentStore, 'root'>, key: string): string | undefined {
  const file = path.resolve(store.root, key);
  if (!file.startsWith(path.resolve(store.root) + path.sep)) return undefined;
  return fs.existsSync(file) ? file : undefined;
}

export const imageKey = (prefix: string, width: number) => `${prefix}-${width}.webp`;

export type StoredImage = {
  id: string;
  width: number;
  height: number;
  widths: number[];
  bytes: number;
  sha256: string;
  storagePrefix: string;
  /** Removes the stored widths (when what was to record them failed). */
  discard(): void;
};

/** Receives, checks and stores an image; refuses what is not a readable JPEG, PNG or WebP of sensible size. */
export async function storeImage(store: AttachmentStore, upload: Upload, now: Date): Promise<StoredImage> {
  if (!IMAGE_TYPES.includes(upload.contentType)) {
    upload.stream.resume();
    throw new AppError('image_type');
  }
  let received: StoredUpload;
  try {
    // The declared type, the file name's extension and the bytes (file-type) must agree.
    received = await storeUpload({ ...store, root: path.join(store.root, INCOMING_DIR) }, upload, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'attachment_too_large') throw tooLarge(store);
    if (
      error instanceof AppError &&
      (error.code === 'attachment_content' || error.code === 'attachment_type')
    )
      throw new AppError('image_type');
    throw error;
  }
  const original = path.join(store.root, INCOMING_DIR, received.storageKey);
  const id = randomUUID();
  const storagePrefix = `${IMAGES_DIR}/${id}`;
  const written: string[] = [];
  const discard = () => {
    for (const file of written) fs.rmSync(file, { force: true });
  };
  try {
    let meta: Metadata;
    try {
      // Reads the header only (no pixel is decoded, so no pixel limit here): the size is known before
      // anything is decoded, and a huge one is told apart from a broken one.
      meta = await sharp(original, { limitInputPixels: false }).metadata();
    } catch {
      throw new AppError('image_unreadable');
    }
    if (!meta.width || !meta.height) throw new AppError('image_unreadable');
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw tooLarge(store);
    // EXIF orientations 5 to 8 turn the image a quarter: its upright width is its stored height.
    const turned = (meta.orientation ?? 1) >= 5;
    const width = turned ? meta.height : meta.width;
    const height = turned ? meta.width : meta.height;
    const widths = targetWidths(width);
    fs.mkdirSync(path.join(store.root, IMAGES_DIR), { recursive: true });
    for (const w of widths) {
      const target = path.join(store.root, imageKey(storagePrefix, w));
      written.push(target);
      try {
        // `failOn: 'warning'` refuses a truncated or corrupt image rather than storing half of it; the output
        // keeps no metadata (sharp writes none unless asked to).
        await sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' })
          .rotate()
          .resize({ width: w, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toFile(target);
      } catch {
        throw new AppError('image_unreadable');
      }
    }
    return {
      id,
      width,
      height,
      widths,
      bytes: received.sizeBytes,
      sha256: received.sha256,
      storagePrefix,
      discard,
    };
  } catch (error) {
    discard();
    throw error;
  } finally {
    // The upload as received (with its metadata) is never kept.
    received.discard();
  }
}

/** Removes an image's stored widths. */
export function removeImageFiles(store: AttachmentStore, storagePrefix: string, widths: number[]): void {
  for (const w of widths) {
    const file = mediaFile(store, imageKey(storagePrefix, w));
    if (file) fs.rmSync(file, { force: true });
  }
}

export type StoredPdf = {
  fileName: string;
  bytes: number;
  sha256: string;
  storageKey: string;
  discard(): void;
};

/** Receives a publication's PDF: declared as one, named .pdf, and its bytes must say so. */
export async function storePdf(store: AttachmentStore, upload: Upload, now: Date): Promise<StoredPdf> {
  if (upload.contentType !== 'application/pdf') {
    upload.stream.resume();
    throw new AppError('content_file_type');
  }
  try {
    const stored = await storeUpload({ ...store, root: path.join(store.root, FILES_DIR) }, upload, now);
    return {
      fileName: stored.fileName,
      bytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: `${FILES_DIR}/${stored.storageKey}`,
      discard: stored.discard,
    };
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'attachment_content' || error.code === 'attachment_type')
    )
      throw new AppError('content_file_type');
    throw error;
  }
}
