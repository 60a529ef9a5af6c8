/** Reading content for the editors: lists, one item, its revisions, its files before they are public. */
import fs from 'node:fs';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import type { AttachmentStore } from '../../platform/attachment-store';
import { notFound } from '../../platform/errors';
import { publicFigureOptions } from '../reporting';
import type {
  ContentItem,
  ContentListQuery,
  ContentSummary,
  PublicFigureOption,
  Revision,
  RevisionDetail,
} from './contract';
import { imageKey, mediaFile } from './media';
import { parseMediaName } from './paths';
import * as repo from './repository';
import { itemView } from './view';
import { effective } from './workflow';

const readScope = (ctx: ActorCtx) => scopeOf(ctx.actor, 'content.read');

/** Items of the reader's offices, most recently changed first, titled in the reader's language if written. */
export async function listContent(
  ctx: ActorCtx,
  query: ContentListQuery,
): Promise<{ items: ContentSummary[]; total: number }> {
  const now = ctx.clock.now();
  const { rows, total } = await repo.listItems(ctx.db, readScope(ctx), query, ctx.lang, now);
  return {
    items: rows.map(({ item, status, title, titleLang }) => {
      const state = effective(item, now);
      return {
        id: item.id,
        kind: item.kind,
        status,
        tags: item.tags,
        revision: item.revision,
        publishedRevision: state.publishedRevision,
        publishAt: state.publishAt?.toISOString() ?? null,
        publishedAt:
          state.publishedRevision === null ? null : (state.publishedRevisionAt?.toISOString() ?? null),
        updatedAt: item.updatedAt.toISOString(),
        updatedBy: { userId: item.updatedBy, name: item.updatedByName },
        version: item.version,
        title,
        lang: titleLang,
      };
    }),
    total,
  };
}

async function readable(ctx: ActorCtx, id: string) {
  const item = await repo.findItem(ctx.db, readScope(ctx), id);
  if (!item) throw notFound();
  return item;
}

export async function getContent(ctx: ActorCtx, id: string): Promise<ContentItem> {
  return itemView(ctx.db, await readable(ctx, id), ctx.clock.now());
}

/** The history of an item, newest first, the revision the site shows marked. */
export async function listRevisions(ctx: ActorCtx, id: string): Promise<{ items: Revision[] }> {
  const item = await readable(ctx, id);
  const live = effective(item, ctx.clock.now()).publishedRevision;
  const rows = await repo.revisionsOf(ctx.db, id);
  return { items: rows.map((r) => toRevision(r, live)) };
}

function toRevision(r: repo.RevisionRow, live: number | null): Revision {
  return {
    number: r.number,
    author: { userId: r.authorId, name: r.authorName },
    createdAt: r.createdAt.toISOString(),
    changed: r.changed,
    published: r.number === live,
  };
}

/** One revision as it was saved. */
export async function getRevision(ctx: ActorCtx, id: string, number: number): Promise<RevisionDetail> {
  const item = await readable(ctx, id);
  const row = await repo.findRevision(ctx.db, id, number);
  if (!row) throw notFound();
  return {
    ...toRevision(row, effective(item, ctx.clock.now()).publishedRevision),
    projectId: row.projectId,
    tags: row.tags,
    translations: row.translations,
    coverImageId: row.coverImageId,
    publicationFileId: row.publicationFileId,
  };
}

/** An image width or file of the item, for the editors' preview (the public sees it once published). */
export async function openDraftMedia(ctx: ActorCtx, store: AttachmentStore, id: string, name: string) {
  await readable(ctx, id);
  const parsed = parseMediaName(name);
  if (!parsed) throw notFound();
  if (parsed.kind === 'image') {
    const image = await repo.findImage(ctx.db, id, parsed.id);
    const file =
      image?.widths.includes(parsed.width) && mediaFile(store, imageKey(image.storagePrefix, parsed.width));
    if (!file) throw notFound();
    return {
      stream: fs.createReadStream(file),
      mediaType: 'image/webp',
      bytes: fs.statSync(file).size,
      fileName: name,
    };
  }
  const row = await repo.findFile(ctx.db, id, parsed.id);
  const file = row && mediaFile(store, row.storageKey);
  if (!row || !file) throw notFound();
  return {
    stream: fs.createReadStream(file),
    mediaType: 'application/pdf',
    bytes: row.bytes,
    fileName: row.fileName,
  };
}

/** The figures a writer may embed: each public definition for each project of their offices. */
export async function figureOptions(ctx: ActorCtx): Promise<{ items: PublicFigureOption[] }> {
  return { items: await publicFigureOptions(ctx.db, scopeOf(ctx.actor, 'content.write')) };
}
