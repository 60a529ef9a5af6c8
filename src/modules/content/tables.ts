/**
 * The office's public content (issue 14, ADR 0019). An item is edited as numbered revisions (full snapshots);
 * publishing one writes its editions, the public read model: one row per language of the published revision,
 * live from a time (now, or the scheduled time) until another revision or an unpublication ends it. The site
 * reads editions only, as of its clock's now: a scheduled publication needs no job.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { offices, users } from '../identity/tables';
import { projects } from '../projects/tables';
import { CONTENT_KINDS, CONTENT_STATUSES, type Translations } from './contract';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    /** The office whose editors and reviewers work on it. */
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    /** The working revision's project (a project page's own project). */
    projectId: uuid('project_id').references(() => projects.id),
    /**
     * As last written. `scheduled` with `publish_at` passed reads as `published` (workflow.ts: `effective`):
     * nothing runs at the scheduled time.
     */
    status: text('status', { enum: CONTENT_STATUSES }).notNull(),
    /** The working revision's tags (editorial lists filter on them). */
    tags: text('tags').array().notNull().default([]),
    /** The working revision's number. */
    revision: integer('revision').notNull(),
    /** The revision live since `published_revision_at` (replaced by the scheduled one once its time comes). */
    publishedRevision: integer('published_revision'),
    publishedRevisionAt: ts('published_revision_at'),
    firstPublishedAt: ts('first_published_at'),
    /** An approved revision to go live at `publish_at`. */
    scheduledRevision: integer('scheduled_revision'),
    publishAt: ts('publish_at'),
    reviewRequestedBy: uuid('review_requested_by').references(() => users.id),
    reviewRequestedByName: text('review_requested_by_name'),
    reviewRequestedAt: ts('review_requested_at'),
    reviewComment: text('review_comment'),
    reviewDecidedBy: uuid('review_decided_by').references(() => users.id),
    reviewDecidedByName: text('review_decided_by_name'),
    reviewDecidedAt: ts('review_decided_at'),
    reviewDecision: text('review_decision', { enum: ['approve', 'request_changes'] }),
    reviewDecisionComment: text('review_decision_comment'),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('content_items_office_idx').on(t.officeId, t.updatedAt),
    // A project has one public page.
    uniqueIndex('content_items_project_page_idx').on(t.projectId).where(sql`${t.kind} = 'project'`),
  ],
);

/** Every save is a revision: a full snapshot of the editable fields, never changed afterwards. */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    number: integer('number').notNull(),
    /** The item's version once this revision was saved: what a client holding that version had. */
    itemVersion: integer('item_version').notNull(),
    projectId: uuid('project_id'),
    tags: text('tags').array().notNull(),
    /** Sanitised: plain-text titles and summaries, body HTML of the safe subset (sanitize.ts). */
    translations: jsonb('translations').$type<Translations>().notNull(),
    coverImageId: uuid('cover_image_id'),
    publicationFileId: uuid('publication_file_id'),
    /** The item's images this revision shows (cover and body): those its editions make public. */
    imageIds: uuid('image_ids').array().notNull().default([]),
    /** The fields changed from the revision before (`translations.fr.title`, `tags`...). */
    changed: text('changed').array().notNull(),
    restoredFrom: integer('restored_from'),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.number] })],
);

/**
 * The addresses an item holds, per language: those of its working revision (so two drafts cannot take the
 * same one) and every one it was ever published under (a former one redirects to the current one).
 */
export const contentSlugs = pgTable(
  'content_slugs',
  {
    lang: text('lang', { enum: ['fr', 'en'] }).notNull(),
    slug: text('slug').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
  },
  (t) => [primaryKey({ columns: [t.lang, t.slug] }), index('content_slugs_item_idx').on(t.itemId)],
);

/**
 * The public read model: one row per language of a published (or scheduled) revision, live over
 * [live_from, live_until). The site reads the rows live at its now. Rows are kept when they end: a former
 * slug is found here to redirect it.
 */
export const contentEditions = pgTable(
  'content_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    revision: integer('revision').notNull(),
    lang: text('lang', { enum: ['fr', 'en'] }).notNull(),
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    tags: text('tags').array().notNull(),
    projectId: uuid('project_id'),
    coverImageId: uuid('cover_image_id'),
    publicationFileId: uuid('publication_file_id'),
    imageIds: uuid('image_ids').array().notNull(),
    liveFrom: ts('live_from').notNull(),
    liveUntil: ts('live_until'),
    /** The item's first publication (lists are ordered by it; `publishedAt` on the site). */
    firstLiveAt: ts('first_live_at').notNull(),
  },
  (t) => [
    index('content_editions_list_idx').on(t.lang, t.kind, t.firstLiveAt),
    index('content_editions_slug_idx').on(t.lang, t.slug),
    index('content_editions_item_idx').on(t.itemId, t.liveFrom),
    index('content_editions_project_idx').on(t.projectId),
  ],
);

/**
 * Images uploaded to an item: decoded, stripped of their metadata and stored as WebP at a few widths under
 * the attachments folder (`<storage_prefix>-<width>.webp`); the original is not kept.
 */
export const contentImages = pgTable(
  'content_images',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    altFr: text('alt_fr').notNull(),
    altEn: text('alt_en'),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    widths: integer('widths').array().notNull(),
    /** The uploaded file's size and digest (what was received, for the audit). */
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    storagePrefix: text('storage_prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('content_images_item_idx').on(t.itemId)],
);

/** A publication's PDF, stored as uploaded (its type checked from its bytes). */
export const contentFiles = pgTable(
  'content_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    fileName: text('file_name').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('content_files_item_idx').on(t.itemId)],
);
