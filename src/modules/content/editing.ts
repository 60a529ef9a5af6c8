/**
 * What the editing use cases share: cleaning what an editor sends into a revision's snapshot (sanitised
 * text, references to the item's own images and file, the project checked), writing a new revision, the
 * 409 with what changed, and telling the site after a change it shows.
 */
import type { ActorCtx, Ctx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, type FieldError, notFound } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import type { ContentChange } from '../../platform/reactions';
import { assertProjectUsable } from '../projects';
import { auditChanges, changedFields, type Snapshot } from './changes';
import { type ContentItem, type ContentKind, SITE_LANGS, type Translations } from './contract';
import { RESERVED_PAGE_SLUGS } from './paths';
import * as repo from './repository';
import { imagesIn, plainText, sanitizeBody } from './sanitize';
import { itemView, snapshotOf } from './view';

export const RECORD_TYPE = 'content';

const fieldError = (ctx: Ctx, path: string, key: string): FieldError => ({
  path,
  code: key,
  message: validationMessage(ctx.lang, key),
});

export const invalid = (ctx: Ctx, errors: [path: string, key: string][]) =>
  new AppError('validation_failed', { fields: errors.map(([path, key]) => fieldError(ctx, path, key)) });

/** What an editor sends for a revision (create, save) or what an old revision held (restore). */
export type Draft = Snapshot;

export type Prepared = { snapshot: Snapshot; imageIds: string[] };

/**
 * The snapshot a revision keeps: titles and summaries as plain text, bodies reduced to the safe subset with
 * the item's images only; the cover and the file must be the item's (a restored revision whose image or file
 * is gone loses it); a project page names its project, which the item's office runs.
 */
export async function prepareSnapshot(
  ctx: ActorCtx,
  target: { kind: ContentKind; officeId: string; projectId: string | null },
  draft: Draft,
  media: { images: repo.ImageRow[]; files: repo.FileRow[] },
  options: { restoring?: boolean } = {},
): Promise<Prepared> {
  const errors: [string, string][] = [];
  const imageWidths = new Map(media.images.map((i) => [i.id, i.widths]));
  const translations = {} as Translations;
  for (const lang of SITE_LANGS) {
    const t = draft.translations[lang];
    if (!t) continue;
    const title = plainText(t.title);
    if (!title) errors.push([`translations.${lang}.title`, 'empty_after_cleaning']);
    if (target.kind === 'page' && RESERVED_PAGE_SLUGS.has(t.slug))
      errors.push([`translations.${lang}.slug`, 'slug_reserved']);
    translations[lang] = {
      slug: t.slug,
      title,
      summary: plainText(t.summary),
      bodyHtml: sanitizeBody(t.bodyHtml, imageWidths),
    };
  }
  let coverImageId = draft.coverImageId;
  if (coverImageId && !imageWidths.has(coverImageId)) {
    if (options.restoring) coverImageId = null;
    else errors.push(['coverImageId', 'not_an_image_of_item']);
  }
  let publicationFileId = draft.publicationFileId;
  if (publicationFileId && !media.files.some((f) => f.id === publicationFileId)) {
    if (options.restoring) publicationFileId = null;
    else errors.push(['publicationFileId', 'not_a_file_of_item']);
  }
  if (target.kind === 'project' && !draft.projectId) errors.push(['projectId', 'project_required']);
  if (errors.length) throw invalid(ctx, errors);
  if (draft.projectId && draft.projectId !== target.projectId) {
    await assertProjectUsable(ctx, draft.projectId, { inOffice: target.officeId });
    if (target.kind === 'project' && (await repo.projectPageOf(ctx.db, draft.projectId)))
      throw new AppError('content_project_page_exists');
  }
  const bodyImages = SITE_LANGS.flatMap((lang) => imagesIn(translations[lang]?.bodyHtml ?? ''));
  return {
    snapshot: {
      projectId: draft.projectId,
      tags: [...new Set(draft.tags)],
      translations,
      coverImageId,
      publicationFileId,
    },
    imageIds: [...new Set([...(coverImageId ? [coverImageId] : []), ...bodyImages])],
  };
}

export const slugClaims = (snapshot: Snapshot): repo.SlugClaim[] =>
  SITE_LANGS.flatMap((lang) => {
    const t = snapshot.translations[lang];
    return t ? [{ lang, slug: t.slug }] : [];
  });

/** Claims the working revision's addresses for the item, or refuses with the one another item holds. */
export async function claimAddresses(tx: ActorCtx['db'], itemId: string, snapshot: Snapshot): Promise<void> {
  const claims = slugClaims(snapshot);
  const taken = await repo.claimSlugs(tx, itemId, claims);
  if (taken) throw new AppError('content_slug_taken', { params: { slug: taken.slug, lang: taken.lang } });
  await repo.releaseSlugs(tx, itemId, claims);
}

/** A unique index turned a race into an error: two items cannot both be a project's page. */
export function projectPageRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('content_project_page_exists');
  throw error;
}

/** The item as it is now and what changed since the caller's version: the 409 of a stale write. */
export async function conflict(ctx: Ctx, item: repo.ItemRow, callerVersion: number): Promise<AppError> {
  const now = ctx.clock.now();
  // One after the other: `ctx.db` may be the transaction whose conditional write missed.
  const theirs = await repo.revisionAtVersion(ctx.db, item.id, callerVersion);
  const current = await repo.findRevision(ctx.db, item.id, item.revision);
  const changed =
    current && callerVersion < item.version
      ? changedFields(theirs ? snapshotOf(theirs) : null, snapshotOf(current))
      : [];
  return new AppError('version_conflict', { current: await itemView(ctx.db, item, now), changed });
}

/** Reads the item again after a conditional write missed, in the same transaction, and refuses with it. */
export async function conflictAfterMiss(
  ctx: ActorCtx,
  tx: ActorCtx['db'],
  scope: Parameters<typeof repo.findItem>[1],
  id: string,
  callerVersion: number,
): Promise<never> {
  const now = await repo.findItem(tx, scope, id);
  if (!now) throw notFound();
  throw await conflict({ ...ctx, db: tx }, now, callerVersion);
}

/**
 * Writes a new working revision (a save, or a restore of an old one): the item goes back to draft (a
 * revision live or scheduled stays so), the revision keeps what changed, the audit event says it.
 */
export async function writeRevision(
  ctx: ActorCtx,
  scope: Parameters<typeof repo.findItem>[1],
  item: repo.ItemRow,
  version: number,
  prepared: Prepared,
  changed: string[],
  before: Snapshot,
  restoredFrom: number | null,
): Promise<ContentItem> {
  const now = ctx.clock.now();
  const number = item.revision + 1;
  return ctx.db
    .transaction(async (tx) => {
      const row = await repo.updateItemAt(tx, item.id, version, {
        status: 'draft',
        projectId: prepared.snapshot.projectId,
        tags: prepared.snapshot.tags,
        revision: number,
        updatedBy: ctx.actor.userId,
        updatedByName: ctx.actor.displayName,
        updatedAt: now,
      });
      if (!row) return conflictAfterMiss(ctx, tx, scope, item.id, version);
      await repo.insertRevision(tx, {
        itemId: item.id,
        number,
        itemVersion: row.version,
        ...prepared.snapshot,
        imageIds: prepared.imageIds,
        changed,
        restoredFrom,
        authorId: ctx.actor.userId,
        authorName: ctx.actor.displayName,
        createdAt: now,
      });
      await claimAddresses(tx, item.id, prepared.snapshot);
      await recordAudit(tx, ctx, {
        action: restoredFrom === null ? 'content.saved' : 'content.restored',
        officeId: item.officeId,
        recordType: RECORD_TYPE,
        recordId: item.id,
        changes: auditChanges(before, prepared.snapshot, changed),
        metadata: { revision: number, ...(restoredFrom === null ? {} : { restoredFrom }) },
      });
      return itemView(tx, row, now);
    })
    .catch(projectPageRace);
}

/**
 * Tells the site (its page cache) that what it shows changed: after the commit, so that a cache emptied now
 * cannot be filled again with what was there before. A listener's failure does not undo the change.
 */
export async function announce(ctx: Ctx, change: ContentChange): Promise<void> {
  for (const listener of ctx.reactions.contentChanged) {
    try {
      await listener(change);
    } catch {
      // The change is committed; a cache that failed to empty catches up when its entries expire.
    }
  }
}
