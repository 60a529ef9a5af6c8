/** Fixtures of the public content tests: an office's editors, items through the API, real images. */
import path from 'node:path';
import sharp from 'sharp';
import { siteSource } from '../../src/modules/content';
import type { ContentItem } from '../../src/modules/content/contract';
import { expectJson, type Session } from '../api/helpers';
import type { TestApp } from '../harness/app';

export type Item = ContentItem;

/** A news article in French (the office's language), with the fields a test looks at overridden. */
export function article(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'news',
    projectId: null,
    tags: ['calais'],
    translations: {
      fr: { slug, title: `Titre ${slug}`, summary: `Résumé de ${slug}`, bodyHtml: `<p>Texte de ${slug}</p>` },
    },
    coverImageId: null,
    publicationFileId: null,
    ...overrides,
  };
}

/** The editable fields of an item as the editor sends them back to save. */
export function saveBody(item: Item, overrides: Record<string, unknown> = {}) {
  return {
    kind: item.kind,
    projectId: item.projectId,
    tags: item.tags,
    translations: item.translations,
    coverImageId: item.coverImage?.id ?? null,
    publicationFileId: item.publicationFile?.id ?? null,
    version: item.version,
    ...overrides,
  };
}

export async function create(session: Session, body: Record<string, unknown>): Promise<Item> {
  return expectJson<Item>(await session.inject({ method: 'POST', url: '/api/content', payload: body }), 201);
}

export async function save(session: Session, item: Item, overrides: Record<string, unknown> = {}) {
  return session.inject({
    method: 'PUT',
    url: `/api/content/${item.id}`,
    payload: saveBody(item, overrides),
  });
}

export async function act(
  session: Session,
  item: { id: string; version: number },
  action: 'submit' | 'review' | 'publish' | 'unpublish',
  body: Record<string, unknown> = {},
) {
  return session.inject({
    method: 'POST',
    url: `/api/content/${item.id}/${action}`,
    payload: { version: item.version, ...body },
  });
}

/** Draft → submitted by the writer → approved by the reviewer → published now (or at `publishAt`). */
export async function publishThrough(
  writer: Session,
  reviewer: Session,
  item: Item,
  publishAt: string | null = null,
): Promise<Item> {
  const submitted = expectJson<Item>(await act(writer, item, 'submit'));
  const approved = expectJson<Item>(await act(reviewer, submitted, 'review', { decision: 'approve' }));
  return expectJson<Item>(await act(writer, approved, 'publish', { publishAt }));
}

/** A multipart/form-data body with one `file` field. */
export function multipart(fileName: string, contentType: string, content: Buffer) {
  const boundary = '----passerelle-content-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A real PNG of that size (a gradient, so that it is not all one colour). */
export async function png(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A real JPEG carrying EXIF metadata (a camera's copyright notice and description). */
export async function jpegWithExif(width: number, height: number): Promise<Buffer> {
  return sharp(await png(width, height))
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Secret Camera Owner', ImageDescription: 'GPS 48.85 2.35' } })
    .toBuffer();
}

/**
 * A PNG whose header declares a huge image (20000 × 20000 = 400 megapixels) with almost no data: what a
 * decompression bomb looks like before it is decoded.
 */
export function hugePngHeader(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal file that passes the PDF content check of uploads. */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1500, 0x41)]);

export async function uploadImage(
  session: Session,
  item: { id: string },
  file: Buffer,
  alt: { altFr: string; altEn?: string },
  name = 'photo.png',
  type = 'image/png',
) {
  const query = new URLSearchParams(alt).toString();
  return session.inject({
    method: 'POST',
    url: `/api/content/${item.id}/images?${query}`,
    ...multipart(name, type, file),
  });
}

/** The site's source on the test app's database, clock and attachments folder. */
export function sourceOf(t: TestApp) {
  return siteSource(t.db, t.clock, { root: path.join(t.config.dataDir, 'attachments') });
}
