/** Human labels of public content: kinds, statuses, the fields a revision changed. */
import type { TFunction } from 'i18next';
import {
  CONTENT_KINDS,
  CONTENT_STATUSES,
  type ContentStatus,
  SITE_LANGS,
  type SiteLang,
} from '../../../../src/modules/content/contract';

export { CONTENT_KINDS, CONTENT_STATUSES, SITE_LANGS, type SiteLang };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function kindLabel(value: string, t: TFunction): string {
  return isOneOf(CONTENT_KINDS, value) ? t(`content.kinds.${value}`) : value;
}

export function statusLabel(value: string, t: TFunction): string {
  return isOneOf(CONTENT_STATUSES, value) ? t(`content.statuses.${value}`) : value;
}

/** What the list and the editor say of an item's state. */
export type DisplayStatus = ContentStatus | 'changes_pending';

interface StatusFacts {
  status: ContentStatus;
  revision: number;
  publishedRevision: number | null;
}

/**
 * A published item edited again keeps its published revision on the site while its working draft moves on
 * (draft, in review, approved): it is "published — changes pending" until the new revision is published.
 */
export function displayStatus({ status, revision, publishedRevision }: StatusFacts): DisplayStatus {
  const editedAfterPublication =
    publishedRevision !== null &&
    revision > publishedRevision &&
    (status === 'draft' || status === 'in_review' || status === 'approved');
  return editedAfterPublication ? 'changes_pending' : status;
}

/** From the palette that passes WCAG AA contrast in the app's theme (blue, red, gray, orange, green). */
export const STATUS_COLORS: Record<DisplayStatus, string> = {
  draft: 'gray',
  in_review: 'orange',
  approved: 'blue',
  scheduled: 'blue',
  published: 'green',
  unpublished: 'red',
  changes_pending: 'green',
};

const TRANSLATION_FIELDS = ['slug', 'title', 'summary', 'bodyHtml'] as const;
const ITEM_FIELDS = ['kind', 'projectId', 'tags', 'coverImageId', 'publicationFileId'] as const;

/**
 * The name of a field a revision (or another person's save) changed: `translations.fr.title` → "Titre
 * (français)". A path the app does not know is shown as the server wrote it.
 */
export function fieldLabel(path: string, t: TFunction): string {
  const translation = /^translations\.(fr|en)(?:\.(\w+))?$/.exec(path);
  if (translation) {
    const lang = translation[1] as SiteLang;
    const field = translation[2];
    const language = t(`content.languages.${lang}`);
    if (field === undefined) return t('content.changedFields.translation', { language });
    if (isOneOf(TRANSLATION_FIELDS, field))
      return t('content.changedFields.inLanguage', { field: t(`content.fields.${field}`), language });
    return path;
  }
  if (isOneOf(ITEM_FIELDS, path)) return t(`content.fields.${path}`);
  return path;
}
