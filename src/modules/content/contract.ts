/**
 * Requests and responses of the office's public content (issue 14): news and press statements, project
 * pages, publications and the about/contact page, written by communications staff in the caseworker app,
 * reviewed by a second person, published (now or at a time) on the public site. Browser-safe.
 *
 * An item is edited as drafts; every save is a numbered revision. The public site shows the revision that
 * was approved and published (`publishedRevision`), never the working draft: editing a published article
 * changes nothing in public until the new revision is reviewed and published in its turn.
 */
import { z } from 'zod';
import {
  LocaleSchema,
  queryText,
  textBlock,
  textLine,
  UuidSchema,
  VersionSchema,
} from '../../platform/contract';

/** The site's languages (the URL's first segment: `/fr/...`, `/en/...`). */
export const SITE_LANGS = ['fr', 'en'] as const;
export const SiteLangSchema = LocaleSchema;
export type SiteLang = (typeof SITE_LANGS)[number];

/**
 * - `news`: an article (the CARE extension, the launch of TACT);
 * - `statement`: a press statement (the situation in Calais);
 * - `publication`: a report or brief with its PDF and cover (COP21: migration and climate);
 * - `project`: the public page of a project (its facts come from the project, its text from here);
 * - `page`: a standing page (about, contact).
 */
export const CONTENT_KINDS = ['news', 'statement', 'publication', 'project', 'page'] as const;
export const ContentKindSchema = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKindSchema>;

/**
 * - `draft`: being written (a new item, or changes asked by the reviewer);
 * - `in_review`: submitted, waiting for a second person;
 * - `approved`: the reviewer approved the submitted revision; it may be published (now or at a time);
 * - `scheduled`: approved and to be published at `publishAt` (the site shows it from then on, no job needed);
 * - `published`: on the site (the published revision; later drafts do not show until published);
 * - `unpublished`: taken off the site (kept, with its history; may be submitted again).
 *
 * A published item edited again has `status` `draft`/`in_review`/`approved` and keeps `publishedRevision`:
 * the site goes on showing the published revision.
 */
export const CONTENT_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const;
export const ContentStatusSchema = z.enum(CONTENT_STATUSES);
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

/** URL segment: lower-case letters, digits and single hyphens (`situation-a-calais`). */
export const SlugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug');

/** A tag: lower-case words (`traite`, `cop21`, `reinstallation`). */
export const TagSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:[ -][\p{Ll}\p{Lo}\p{N}]+)*$/u, 'tag');

/**
 * A live figure embedded in an article's body as `<span data-figure="CARE/persons_assisted"></span>`: the
 * project's code and a definition of the reporting catalogue that the public may see (counts of persons or of
 * things over the project's life, never a breakdown that could single someone out). Rendered from current
 * data with small-cell suppression: fewer than five shows "fewer than 5".
 */
export const FIGURE_REF = /^[A-Z0-9][A-Z0-9-]{0,31}\/[a-z][a-z0-9_]{0,63}$/;
export const FigureRefSchema = z.string().regex(FIGURE_REF, 'figure_ref');

/**
 * One language's text. `bodyHtml` is what the rich-text editor produced; the server sanitises it to the safe
 * subset (paragraphs, headings h2-h4, emphasis, lists, quotes, links, figures with the item's images, live
 * figure spans) and stores only the sanitised HTML. `title` and `summary` are plain text.
 */
export const TranslationSchema = z.strictObject({
  slug: SlugSchema,
  title: textLine(200),
  summary: textBlock(600, 0),
  // Multi-line text without control characters (like every text input); the HTML itself is sanitised.
  bodyHtml: textBlock(200_000, 0),
});
export type Translation = z.infer<typeof TranslationSchema>;

/** French is the office's language and always written; English is the translation, when there is one. */
export const TranslationsSchema = z.strictObject({
  fr: TranslationSchema,
  en: TranslationSchema.optional(),
});
export type Translations = z.infer<typeof TranslationsSchema>;

const contentFields = {
  kind: ContentKindSchema,
  /** The project the item is about (required for `project` pages, optional otherwise). */
  projectId: UuidSchema.nullable(),
  tags: z.array(TagSchema).max(10),
  translations: TranslationsSchema,
  /** An image uploaded to this item (required alt text in each written language). */
  coverImageId: UuidSchema.nullable(),
  /** The PDF of a `publication` (required to publish one). */
  publicationFileId: UuidSchema.nullable(),
};

/**
 * `officeId`: the office that owns the item (its editors and reviewers). Optional when the writer writes
 * content for one office only; required when they do for several.
 */
export const CreateContentSchema = z.strictObject({ ...contentFields, officeId: UuidSchema.optional() });
export type CreateContent = z.infer<typeof CreateContentSchema>;

/** Saves a new revision of the working draft; 409 `version_conflict` with `current` and `changed` fields. */
export const SaveContentSchema = z.strictObject({ ...contentFields, version: VersionSchema });
export type SaveContent = z.infer<typeof SaveContentSchema>;

export const SubmitForReviewSchema = z.strictObject({
  version: VersionSchema,
  comment: textBlock(2000).optional(),
});

/** A second person (not the author of any revision since the last publication) approves or asks for changes. */
export const ReviewContentSchema = z.strictObject({
  version: VersionSchema,
  decision: z.enum(['approve', 'request_changes']),
  comment: textBlock(2000).optional(),
});
export type ReviewContent = z.infer<typeof ReviewContentSchema>;

/** Publishes the approved revision now (`publishAt` null) or at a future time (a time in the past: 422). */
export const PublishContentSchema = z.strictObject({
  version: VersionSchema,
  publishAt: z.iso.datetime({ offset: true }).nullable(),
});
export type PublishContent = z.infer<typeof PublishContentSchema>;

export const UnpublishContentSchema = z.strictObject({
  version: VersionSchema,
  reason: textBlock(1000),
});

/** Makes an old revision the working draft again (a new revision, copied from it). */
export const RestoreRevisionSchema = z.strictObject({ version: VersionSchema });

export const ContentListQuerySchema = z.strictObject({
  status: ContentStatusSchema.optional(),
  kind: ContentKindSchema.optional(),
  q: queryText(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ContentListQuery = z.infer<typeof ContentListQuerySchema>;

/** Alt text is required in every language the item is written in (multipart query of the image upload). */
export const ImageUploadQuerySchema = z.strictObject({
  altFr: textLine(300),
  altEn: textLine(300).optional(),
});

/** Changes an image's text alternatives (not versioned with the item: they apply wherever it is shown). */
export const ImageAltSchema = ImageUploadQuerySchema;
export type ImageAlt = z.infer<typeof ImageAltSchema>;

export const ImageSchema = z.object({
  id: UuidSchema,
  alt: z.object({ fr: z.string(), en: z.string().nullable() }),
  width: z.number().int(),
  height: z.number().int(),
  /** The widths the image was resized to (e.g. 480, 960, 1600; never wider than the original). */
  widths: z.array(z.number().int()),
  /** `/site/media/<id>-<width>.webp` for each width; readable by the public once the item is published. */
  url: z.string(),
});
export type Image = z.infer<typeof ImageSchema>;

export const FileSchema = z.object({
  id: UuidSchema,
  fileName: z.string(),
  bytes: z.number().int(),
  mediaType: z.literal('application/pdf'),
});

const personRef = z.object({ userId: UuidSchema.nullable(), name: z.string() });

export const ContentItemSchema = z.object({
  id: UuidSchema,
  kind: ContentKindSchema,
  status: ContentStatusSchema,
  officeId: UuidSchema,
  projectId: UuidSchema.nullable(),
  tags: z.array(z.string()),
  translations: TranslationsSchema,
  coverImage: ImageSchema.nullable(),
  publicationFile: FileSchema.nullable(),
  images: z.array(ImageSchema),
  /** The working draft's revision number. */
  revision: z.number().int(),
  /** The revision the site shows, or null. */
  publishedRevision: z.number().int().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  review: z
    .object({
      requestedBy: personRef,
      requestedAt: z.string(),
      comment: z.string().nullable(),
      decidedBy: personRef.nullable(),
      decidedAt: z.string().nullable(),
      decision: z.enum(['approve', 'request_changes']).nullable(),
      decisionComment: z.string().nullable(),
    })
    .nullable(),
  createdBy: personRef,
  createdAt: z.string(),
  updatedBy: personRef,
  updatedAt: z.string(),
  version: z.number().int(),
  /** The public addresses of the published revision, per language. */
  publicUrls: z.object({ fr: z.string().nullable(), en: z.string().nullable() }),
});
export type ContentItem = z.infer<typeof ContentItemSchema>;

export const ContentSummarySchema = ContentItemSchema.pick({
  id: true,
  kind: true,
  status: true,
  tags: true,
  revision: true,
  publishedRevision: true,
  publishAt: true,
  publishedAt: true,
  updatedAt: true,
  updatedBy: true,
  version: true,
}).extend({ title: z.string(), lang: SiteLangSchema });

export const RevisionSchema = z.object({
  number: z.number().int(),
  author: personRef,
  createdAt: z.string(),
  /** The fields this revision changed from the one before (`translations.fr.title`, `tags`...). */
  changed: z.array(z.string()),
  published: z.boolean(),
});

/** A figure that may be embedded: a project and a definition the public may see, with its label. */
export const PublicFigureOptionSchema = z.object({
  ref: FigureRefSchema,
  projectCode: z.string(),
  definition: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
});

export const PublicFigureOptionListSchema = z.object({ items: z.array(PublicFigureOptionSchema) });
export type PublicFigureOption = z.infer<typeof PublicFigureOptionSchema>;

export type ContentSummary = z.infer<typeof ContentSummarySchema>;
export const ContentListSchema = z.object({ items: z.array(ContentSummarySchema), total: z.number().int() });

export type Revision = z.infer<typeof RevisionSchema>;
export const RevisionListSchema = z.object({ items: z.array(RevisionSchema) });

/** One revision as it was saved: what the editor shows before restoring it. */
export const RevisionDetailSchema = RevisionSchema.extend({
  projectId: UuidSchema.nullable(),
  tags: z.array(z.string()),
  translations: TranslationsSchema,
  coverImageId: UuidSchema.nullable(),
  publicationFileId: UuidSchema.nullable(),
});
export type RevisionDetail = z.infer<typeof RevisionDetailSchema>;

export const RevisionParamsSchema = z.strictObject({
  id: UuidSchema,
  number: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const ImageParamsSchema = z.strictObject({ id: UuidSchema, imageId: UuidSchema });
/** A stored image width or publication file as the editor previews it (`<imageId>-<width>.webp`, `<fileId>.pdf`). */
export const MediaParamsSchema = z.strictObject({
  id: UuidSchema,
  name: z.string().regex(/^[0-9a-f-]{36}(?:-\d{1,5}\.webp|\.pdf)$/, 'media_name'),
});
export type ContentFile = z.infer<typeof FileSchema>;
