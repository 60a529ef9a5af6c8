/**
 * Images and publication files of content: real PNG and JPEG files resized to WebP at a few widths without
 * their metadata, a broken file, a huge declared image, the wrong type, required text alternatives; a
 * publication's PDF; and the site serving a file only while a published revision shows it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEncryptionKey } from '../../src/config';
import { writeBackup } from '../../src/db/backup';
import { createFieldCipher } from '../../src/platform/field-crypto';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  act,
  article,
  create,
  hugePngHeader,
  type Item,
  jpegWithExif,
  multipart,
  PDF,
  png,
  publishThrough,
  save,
  sourceOf,
  uploadImage,
} from './helpers';

type ImageBody = Item['images'][number];

const USERS = ['com.paris@x.test', 'com2.paris@x.test', 'com.tirana@x.test'] as const;
let t: TestApp;
let as: (email: (typeof USERS)[number]) => Awaited<ReturnType<TestApp['login']>>;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  await t.office('PAR');
  await t.office('TIR', 'origin', 'AL');
  await t.user('com.paris@x.test', [['PAR', 'communications']]);
  await t.user('com2.paris@x.test', [['PAR', 'communications']]);
  await t.user('com.tirana@x.test', [['TIR', 'communications']]);
  ({ as } = await signIn(t, USERS));
});
afterAll(() => t.close());

const writer = () => as('com.paris@x.test');
const reviewer = () => as('com2.paris@x.test');

describe('images', () => {
  it('stores a PNG as WebP at the widths below its own, never upscaled, audited', async () => {
    const item = await create(writer(), article('image-png'));
    const seq = await lastAuditSeq(t.db);
    const image = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(1200, 800), { altFr: 'Un bateau à Calais' }),
      201,
    );
    expect(image).toMatchObject({
      alt: { fr: 'Un bateau à Calais', en: null },
      width: 1200,
      height: 800,
      widths: [480, 960, 1200],
      url: `/site/media/${image.id}-1200.webp`,
    });
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['content.image_added']);
    expect(events[0]?.changes).toMatchObject({ image: { new: { id: image.id, widths: [480, 960, 1200] } } });
    // The editors preview it before it is public.
    const preview = await writer().inject({
      method: 'GET',
      url: `/api/content/${item.id}/media/${image.id}-480.webp`,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('image/webp');
    const meta = await sharp(preview.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 480, 320]);
    const small = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(300, 200), { altFr: 'Petit' }),
      201,
    );
    expect(small.widths).toEqual([300]);
  });

  it('strips the metadata of a JPEG (camera, place)', async () => {
    const item = await create(writer(), article('image-jpeg'));
    const jpeg = await jpegWithExif(2000, 1000);
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const image = expectJson<ImageBody>(
      await uploadImage(writer(), item, jpeg, { altFr: 'Réunion' }, 'photo.jpg', 'image/jpeg'),
      201,
    );
    expect(image.widths).toEqual([480, 960, 1600]);
    for (const width of image.widths) {
      const response = await writer().inject({
        method: 'GET',
        url: `/api/content/${item.id}/media/${image.id}-${width}.webp`,
      });
      const meta = await sharp(response.rawPayload).metadata();
      expect(meta.width).toBe(width);
      expect(meta.exif).toBeUndefined();
      expect(response.rawPayload.includes(Buffer.from('Secret Camera Owner'))).toBe(false);
    }
    // Nothing of the upload itself is kept.
    const incoming = `${t.config.dataDir}/attachments/content/incoming`;
    const left = fs.existsSync(incoming) ? fs.readdirSync(incoming, { recursive: true }) : [];
    expect(left.filter((f) => !fs.statSync(`${incoming}/${f}`).isDirectory())).toEqual([]);
  });

  it('refuses a broken image, a huge one, and what is not JPEG, PNG or WebP', async () => {
    const item = await create(writer(), article('images-refusees'));
    const seq = await lastAuditSeq(t.db);
    const good = await png(640, 480);
    const broken = Buffer.concat([good.subarray(0, 100), Buffer.alloc(400, 0x00)]);
    expectProblem(await uploadImage(writer(), item, broken, { altFr: 'x' }), 422, 'image_unreadable');
    const huge = await uploadImage(writer(), item, hugePngHeader(), { altFr: 'x' });
    expect(expectProblem(huge, 413, 'image_too_large').detail).toContain('40');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary');
    expectProblem(
      await uploadImage(writer(), item, gif, { altFr: 'x' }, 'a.gif', 'image/gif'),
      415,
      'image_type',
    );
    // A PDF renamed .png is not an image.
    expectProblem(await uploadImage(writer(), item, PDF, { altFr: 'x' }), 415, 'image_type');
    // Over the attachment size limit.
    const limit = t.config.attachmentMaxBytes;
    const tooBig = Buffer.concat([good, Buffer.alloc(limit + 10)]);
    expectProblem(await uploadImage(writer(), item, tooBig, { altFr: 'x' }), 413, 'image_too_large');
    expect(await auditAfter(t.db, seq)).toEqual([]);
    const files = fs.readdirSync(`${t.config.dataDir}/attachments/content/images`);
    expect(files.every((f) => !f.includes('undefined'))).toBe(true);
  });

  it('requires a text alternative in each language the item is written in', async () => {
    const item = await create(writer(), {
      ...article('bilingue-images'),
      translations: {
        fr: { slug: 'bilingue-images', title: 'Titre', summary: '', bodyHtml: '' },
        en: { slug: 'bilingual-images', title: 'Title', summary: '', bodyHtml: '' },
      },
    });
    const missing = await uploadImage(writer(), item, await png(100, 100), { altFr: 'Texte' });
    expect(expectProblem(missing, 400, 'validation_failed').errors?.[0]?.path).toBe('altEn');
    const missingFr = await writer().inject({
      method: 'POST',
      url: `/api/content/${item.id}/images?altEn=Text`,
      ...multipart('a.png', 'image/png', await png(100, 100)),
    });
    expectProblem(missingFr, 400, 'validation_failed');
    const image = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(100, 100), { altFr: 'Texte', altEn: 'Text' }),
      201,
    );
    const changed = expectJson<ImageBody>(
      await writer().inject({
        method: 'PATCH',
        url: `/api/content/${item.id}/images/${image.id}`,
        payload: { altFr: 'Nouveau texte', altEn: 'New text' },
      }),
    );
    expect(changed.alt).toEqual({ fr: 'Nouveau texte', en: 'New text' });
  });

  it('keeps a body’s images only if they are the item’s, and refuses removing one in use', async () => {
    const item = await create(writer(), article('corps-images'));
    const other = await create(writer(), article('autre-images'));
    const mine = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(600, 400), { altFr: 'A' }),
      201,
    );
    const theirs = expectJson<ImageBody>(
      await uploadImage(writer(), other, await png(600, 400), { altFr: 'B' }),
      201,
    );
    const body =
      `<figure><img src="/site/media/${mine.id}-480.webp" alt="Un bateau"><figcaption>Calais</figcaption></figure>` +
      `<p><img src="/site/media/${theirs.id}-480.webp" alt="Pas à moi"></p>`;
    const saved = expectJson<Item>(
      await save(writer(), item, {
        coverImageId: mine.id,
        translations: { fr: { ...item.translations.fr, bodyHtml: body } },
      }),
    );
    expect(saved.translations.fr.bodyHtml).toBe(
      `<figure><img src="/site/media/${mine.id}-480.webp" alt="Un bateau" /><figcaption>Calais</figcaption></figure><p></p>`,
    );
    expect(saved.coverImage?.id).toBe(mine.id);
    const foreignCover = await save(writer(), saved, { coverImageId: theirs.id });
    expect(expectProblem(foreignCover, 400, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'coverImageId',
      code: 'not_an_image_of_item',
    });
    expectProblem(
      await writer().inject({ method: 'DELETE', url: `/api/content/${item.id}/images/${mine.id}` }),
      409,
      'content_image_in_use',
    );
    // Another item's image is not found through this one.
    expectProblem(
      await writer().inject({ method: 'DELETE', url: `/api/content/${item.id}/images/${theirs.id}` }),
      404,
      'not_found',
    );
    const seq = await lastAuditSeq(t.db);
    const removed = await writer().inject({
      method: 'DELETE',
      url: `/api/content/${other.id}/images/${theirs.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['content.image_removed']);
    expect(fs.existsSync(`${t.config.dataDir}/attachments/content/images/${theirs.id}-480.webp`)).toBe(false);
  });

  it('lets only the item’s office upload to it', async () => {
    const item = await create(writer(), article('images-bureau'));
    expectProblem(
      await uploadImage(as('com.tirana@x.test'), item, await png(100, 100), { altFr: 'x' }),
      404,
      'not_found',
    );
  });
});

describe('publication files', () => {
  it('stores a PDF and refuses what is not one', async () => {
    const item = await create(writer(), article('rapport', { kind: 'publication' }));
    const seq = await lastAuditSeq(t.db);
    const file = expectJson<{ id: string; fileName: string; bytes: number; mediaType: string }>(
      await writer().inject({
        method: 'POST',
        url: `/api/content/${item.id}/file`,
        ...multipart('Migration et climat.pdf', 'application/pdf', PDF),
      }),
      201,
    );
    expect(file).toMatchObject({
      fileName: 'Migration et climat.pdf',
      bytes: PDF.length,
      mediaType: 'application/pdf',
    });
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['content.file_added']);
    const notPdf = await writer().inject({
      method: 'POST',
      url: `/api/content/${item.id}/file`,
      ...multipart('rapport.pdf', 'application/pdf', await png(10, 10)),
    });
    expectProblem(notPdf, 415, 'content_file_type');
    const declaredOther = await writer().inject({
      method: 'POST',
      url: `/api/content/${item.id}/file`,
      ...multipart(
        'rapport.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        PDF,
      ),
    });
    expectProblem(declaredOther, 415, 'content_file_type');
  });
});

describe('public media', () => {
  it('are served only while a published revision shows them', async () => {
    const site = sourceOf(t);
    const item = await create(writer(), article('media-publics', { kind: 'publication' }));
    const cover = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(800, 600), { altFr: 'Couverture' }),
      201,
    );
    const unused = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(800, 600), { altFr: 'Inutilisée' }),
      201,
    );
    const file = expectJson<{ id: string }>(
      await writer().inject({
        method: 'POST',
        url: `/api/content/${item.id}/file`,
        ...multipart('cop21.pdf', 'application/pdf', PDF),
      }),
      201,
    );
    const draft = expectJson<Item>(
      await save(writer(), item, { coverImageId: cover.id, publicationFileId: file.id }),
    );
    // A draft's files are not public.
    expect(await site.media(`${cover.id}-480.webp`)).toBeNull();
    expect(await site.media(`${file.id}.pdf`)).toBeNull();

    const published = await publishThrough(writer(), reviewer(), draft);
    const media = await site.media(`${cover.id}-480.webp`);
    expect(media).toMatchObject({ mediaType: 'image/webp', bytes: expect.any(Number) });
    expect(fs.existsSync(media?.path ?? '')).toBe(true);
    expect(await site.media(`${file.id}.pdf`)).toMatchObject({
      mediaType: 'application/pdf',
      bytes: PDF.length,
    });
    // Not an uploaded image the revision does not show, nor a width that was not stored, nor a made-up name.
    expect(await site.media(`${unused.id}-480.webp`)).toBeNull();
    expect(await site.media(`${cover.id}-1600.webp`)).toBeNull();
    expect(await site.media(`../${cover.id}-480.webp`)).toBeNull();
    expect(await site.media('passerelle.lock')).toBeNull();
    const listed = await site.item('fr', ['publication'], 'media-publics');
    expect(listed).toMatchObject({
      cover: {
        alt: 'Couverture',
        width: 800,
        height: 600,
        sources: [
          { width: 480, url: `/site/media/${cover.id}-480.webp` },
          { width: 800, url: `/site/media/${cover.id}-800.webp` },
        ],
      },
    });

    expectJson(await act(writer(), published, 'unpublish', { reason: 'Retiré' }));
    expect(await site.media(`${cover.id}-480.webp`)).toBeNull();
    expect(await site.media(`${file.id}.pdf`)).toBeNull();
  });
});

describe('backups', () => {
  it('carry the content’s stored images and publication files', async () => {
    const item = await create(writer(), article('sauvegarde', { kind: 'publication' }));
    const image = expectJson<ImageBody>(
      await uploadImage(writer(), item, await png(700, 500), { altFr: 'x' }),
      201,
    );
    const file = expectJson<{ id: string }>(
      await writer().inject({
        method: 'POST',
        url: `/api/content/${item.id}/file`,
        ...multipart('sauvegarde.pdf', 'application/pdf', PDF),
      }),
      201,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-content-backup-'));
    try {
      const archive = path.join(dir, 'backup.tar.gz');
      const manifest = await writeBackup({
        database: t.database,
        cipher: createFieldCipher(resolveEncryptionKey(t.config)),
        dataDir: t.config.dataDir,
        file: archive,
      });
      expect(manifest.attachments.missing).toEqual([]);
      const names: string[] = [];
      await tar.list({ file: archive, onReadEntry: (entry) => names.push(entry.path) });
      expect(names).toEqual(
        expect.arrayContaining([
          `attachments/content/images/${image.id}-480.webp`,
          `attachments/content/images/${image.id}-700.webp`,
        ]),
      );
      const [row] = await t.db
        .execute<{ storage_key: string }>(sql`select storage_key from content_files where id = ${file.id}`)
        .then((r) => (r as unknown as { rows: { storage_key: string }[] }).rows);
      expect(names).toContain(`attachments/${row?.storage_key}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
