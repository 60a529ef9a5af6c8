/** An item as the editors see it (the contract's ContentItem), read in the caller's transaction. */
import type { Db } from '../../db/client';
import type { Lang } from '../../platform/i18n';
import { findProject } from '../projects';
import type { Snapshot } from './changes';
import type { ContentFile, ContentItem, ContentStatus, Image, SiteLang } from './contract';
import { imageUrl, publicPath } from './paths';
import * as repo from './repository';
import { effective } from './workflow';

export function toImage(row: repo.ImageRow): Image {
  return {
    id: row.id,
    alt: { fr: row.altFr, en: row.altEn },
    width: row.width,
    height: row.height,
    widths: row.widths,
    url: imageUrl(row.id, Math.max(...row.widths)),
  };
}

export function toFile(row: repo.FileRow): ContentFile {
  return { id: row.id, fileName: row.fileName, bytes: row.bytes, mediaType: 'application/pdf' };
}

export const snapshotOf = (r: repo.RevisionRow): Snapshot => ({
  projectId: r.projectId,
  tags: r.tags,
  translations: r.translations,
  coverImageId: r.coverImageId,
  publicationFileId: r.publicationFileId,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The item with its working revision, images, file, and public addresses as of `now`. */
export async function itemView(db: Db, item: repo.ItemRow, now: Date): Promise<ContentItem> {
  // One after the other: `db` may be a transaction, one connection that runs one statement at a time.
  const revision = await repo.findRevision(db, item.id, item.revision);
  const images = await repo.imagesOf(db, item.id);
  const files = await repo.filesOf(db, item.id);
  const live = await repo.liveEditionsOf(db, item.id, now);
  if (!revision) throw new Error(`content item ${item.id} has no revision ${item.revision}`);
  const state = effective(item, now);
  const project =
    item.kind === 'project' && item.projectId ? await findProject(db, 'all', item.projectId) : null;
  const urlOf = (lang: SiteLang) => {
    const edition = live.find((e) => e.lang === lang);
    return edition ? publicPath(lang, item.kind, edition.slug, project?.code ?? null) : null;
  };
  const cover = images.find((i) => i.id === revision.coverImageId);
  const file = files.find((f) => f.id === revision.publicationFileId);
  return {
    id: item.id,
    kind: item.kind,
    status: state.status,
    officeId: item.officeId,
    projectId: revision.projectId,
    tags: revision.tags,
    translations: revision.translations,
    coverImage: cover ? toImage(cover) : null,
    publicationFile: file ? toFile(file) : null,
    images: images.map(toImage),
    revision: item.revision,
    publishedRevision: state.publishedRevision,
    publishAt: iso(state.publishAt),
    publishedAt: state.publishedRevision === null ? null : iso(state.publishedRevisionAt),
    review:
      item.reviewRequestedAt && item.reviewRequestedByName
        ? {
            requestedBy: { userId: item.reviewRequestedBy, name: item.reviewRequestedByName },
            requestedAt: item.reviewRequestedAt.toISOString(),
            comment: item.reviewComment,
            decidedBy: item.reviewDecidedByName
              ? { userId: item.reviewDecidedBy, name: item.reviewDecidedByName }
              : null,
            decidedAt: iso(item.reviewDecidedAt),
            decision: item.reviewDecision,
            decisionComment: item.reviewDecisionComment,
          }
        : null,
    createdBy: { userId: item.createdBy, name: item.createdByName },
    createdAt: item.createdAt.toISOString(),
    updatedBy: { userId: item.updatedBy, name: item.updatedByName },
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
    publicUrls: { fr: urlOf('fr'), en: urlOf('en') },
  };
}

const STATUS_LABELS: Record<Lang, Record<ContentStatus, string>> = {
  fr: {
    draft: 'en brouillon',
    in_review: 'en relecture',
    approved: 'approuvé',
    scheduled: 'programmé',
    published: 'publié',
    unpublished: 'dépublié',
  },
  en: {
    draft: 'a draft',
    in_review: 'in review',
    approved: 'approved',
    scheduled: 'scheduled',
    published: 'published',
    unpublished: 'unpublished',
  },
};

export const statusLabel = (lang: Lang, status: ContentStatus) => STATUS_LABELS[lang][status];
