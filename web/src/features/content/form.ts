/** The editor's form values, and how they become the API's body and back. */
import type { ContentItem, ContentKind, CreateContent } from './api';
import type { SiteLang } from './labels';

export interface TranslationValues {
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
}

export interface ContentFormValues {
  kind: ContentKind;
  /** '' for none. */
  projectId: string;
  tags: string[];
  /** Whether the item has an English translation (French is always written). */
  withEnglish: boolean;
  translations: Record<SiteLang, TranslationValues>;
  /** '' for none. */
  coverImageId: string;
  /** '' for none. */
  publicationFileId: string;
}

const EMPTY_TRANSLATION: TranslationValues = { slug: '', title: '', summary: '', bodyHtml: '' };

export const NEW_CONTENT: ContentFormValues = {
  kind: 'news',
  projectId: '',
  tags: [],
  withEnglish: false,
  translations: { fr: EMPTY_TRANSLATION, en: EMPTY_TRANSLATION },
  coverImageId: '',
  publicationFileId: '',
};

export function toValues(item: ContentItem): ContentFormValues {
  const { fr, en } = item.translations;
  return {
    kind: item.kind,
    projectId: item.projectId ?? '',
    tags: [...item.tags],
    withEnglish: en !== undefined,
    translations: { fr: { ...fr }, en: en ? { ...en } : EMPTY_TRANSLATION },
    coverImageId: item.coverImage?.id ?? '',
    publicationFileId: item.publicationFile?.id ?? '',
  };
}

/** The body the API takes (without the version): the English translation only when there is one. */
export function toBody(values: ContentFormValues): CreateContent {
  return {
    kind: values.kind,
    projectId: values.projectId || null,
    tags: values.tags,
    translations: {
      fr: values.translations.fr,
      ...(values.withEnglish ? { en: values.translations.en } : {}),
    },
    coverImageId: values.coverImageId || null,
    publicationFileId: values.publicationFileId || null,
  };
}

/** The body of a saved item, to compare what two versions hold. */
export function itemBody(item: ContentItem): CreateContent {
  return toBody(toValues(item));
}

const TRANSLATION_KEYS = ['slug', 'title', 'summary', 'bodyHtml'] as const;

/** The paths (as the server names them: `translations.fr.title`, `tags`) whose values differ. */
export function changedPaths(a: CreateContent, b: CreateContent): string[] {
  const changed: string[] = [];
  if (a.kind !== b.kind) changed.push('kind');
  if (a.projectId !== b.projectId) changed.push('projectId');
  if (a.tags.join('\n') !== b.tags.join('\n')) changed.push('tags');
  for (const lang of ['fr', 'en'] as const) {
    const x = a.translations[lang];
    const y = b.translations[lang];
    if (!x && !y) continue;
    if (!x || !y) {
      changed.push(`translations.${lang}`);
      continue;
    }
    for (const key of TRANSLATION_KEYS) if (x[key] !== y[key]) changed.push(`translations.${lang}.${key}`);
  }
  if (a.coverImageId !== b.coverImageId) changed.push('coverImageId');
  if (a.publicationFileId !== b.publicationFileId) changed.push('publicationFileId');
  return changed;
}

/** The value at a path of `changedPaths`, for showing it (bodies as their text). */
export function valueAt(body: CreateContent, path: string): string | string[] | null | undefined {
  const translation = /^translations\.(fr|en)(?:\.(\w+))?$/.exec(path);
  if (translation) {
    const t = body.translations[translation[1] as SiteLang];
    const key = translation[2] as (typeof TRANSLATION_KEYS)[number] | undefined;
    if (!t) return undefined;
    if (key === undefined) return t.title;
    return key === 'bodyHtml' ? plainText(t.bodyHtml) : t[key];
  }
  switch (path) {
    case 'kind':
      return body.kind;
    case 'projectId':
      return body.projectId;
    case 'tags':
      return body.tags;
    case 'coverImageId':
      return body.coverImageId;
    case 'publicationFileId':
      return body.publicationFileId;
    default:
      return undefined;
  }
}

/** The text of an HTML fragment (no markup), e.g. to compare two bodies in words. */
export function plainText(html: string): string {
  if (!html) return '';
  // Blocks and line breaks part words, as they do on the page.
  const spaced = html.replace(/<\/(?:p|h[1-6]|li|blockquote|figure|figcaption)>|<br\s*\/?>/gi, '$& ');
  const doc = new DOMParser().parseFromString(spaced, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A slug proposed from a title: letters without their accents, lower case, words joined by single hyphens
 * ("Situation à Calais : l'urgence" → "situation-a-calais-l-urgence"), at most 120 characters.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '');
}

/** A tag as the contract wants it: lower case, single spaces. */
export function normalizeTag(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
