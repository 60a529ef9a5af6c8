/**
 * What a revision holds and what changed between two of them: the `changed` list of a revision, of a 409
 * version conflict (what the other editor changed since the caller's version), and of the audit event.
 */
import { createHash } from 'node:crypto';
import type { Changes } from '../../platform/audit/record';
import { SITE_LANGS, type Translation, type Translations } from './contract';

/** The editable fields of an item, as a revision keeps them (sanitised). */
export type Snapshot = {
  projectId: string | null;
  tags: string[];
  translations: Translations;
  coverImageId: string | null;
  publicationFileId: string | null;
};

const TOP: (keyof Omit<Snapshot, 'translations'>)[] = [
  'projectId',
  'tags',
  'coverImageId',
  'publicationFileId',
];
const TEXT: (keyof Translation)[] = ['slug', 'title', 'summary', 'bodyHtml'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ, as dotted paths in a stable order: `projectId`, `tags`, `coverImageId`,
 * `publicationFileId`, then per language `translations.fr.title`...; a translation added to or removed from
 * an item is `translations.en` as a whole. A first revision lists the fields it fills.
 */
export function changedFields(before: Snapshot | null, after: Snapshot): string[] {
  const out: string[] = [];
  const filled = (v: unknown) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  for (const field of TOP)
    if (before ? !same(before[field], after[field]) : filled(after[field])) out.push(field);
  for (const lang of SITE_LANGS) {
    const a = before?.translations[lang];
    const b = after.translations[lang];
    if (!b && !a) continue;
    if (before && (!a || !b)) {
      out.push(`translations.${lang}`);
      continue;
    }
    for (const field of TEXT)
      if (a ? a[field] !== b?.[field] : filled(b?.[field])) out.push(`translations.${lang}.${field}`);
  }
  return out;
}

/** A body in the audit log: its length and digest (the text itself is in the revision). */
const bodyDigest = (html: string) => ({
  chars: html.length,
  sha256: createHash('sha256').update(html).digest('hex'),
});

function valueAt(snapshot: Snapshot | null, path: string): unknown {
  if (!snapshot) return null;
  const [head, lang, field] = path.split('.');
  if (head !== 'translations') return snapshot[head as keyof Snapshot] ?? null;
  const translation = snapshot.translations[lang as keyof Translations];
  if (!translation) return null;
  if (!field) return { ...translation, bodyHtml: bodyDigest(translation.bodyHtml) };
  const value = translation[field as keyof Translation];
  return field === 'bodyHtml' ? bodyDigest(value) : value;
}

/** The audit event's field changes: old and new values, bodies by length and digest. */
export function auditChanges(before: Snapshot | null, after: Snapshot, changed: string[]): Changes {
  return Object.fromEntries(
    changed.map((path) => [
      path,
      { ...(before ? { old: valueAt(before, path) } : {}), new: valueAt(after, path) },
    ]),
  );
}
