/**
 * Why two records may be one person, in words: each reason of the matcher (a stable code with parameters,
 * see src/modules/registry/matching/types.ts) as a short sentence. Codes this version does not know
 * (the matcher may learn new kinds of evidence) read as "Other evidence".
 */
import type { TFunction } from 'i18next';
import { DocumentTypeSchema } from '../../../../src/modules/registry/contract';
import type { MatchReason as KnownReason, NamePart } from '../../../../src/modules/registry/matching/types';

/** A reason as the API sends it: a code, and whatever parameters that code has. */
export type MatchReason = { code: string; [key: string]: unknown };

/** The fields of a record a reason is about, for highlighting them in a comparison. */
export type ReasonField =
  | 'name'
  | 'fatherName'
  | 'birthDate'
  | 'sex'
  | 'nationalities'
  | 'placeOfOrigin'
  | 'document'
  | 'other';

/** For or against the records being one person (or neither: a missing birth date). */
export type ReasonSense = 'agrees' | 'differs' | 'neutral';

const NAME_CODES = [
  'name.same',
  'name.variant',
  'name.transliteration',
  'name.typo',
  'name.similar',
  'name.partial',
  'name.conflict',
] as const;
type NameCode = (typeof NAME_CODES)[number];
const isNameCode = (code: string): code is NameCode => (NAME_CODES as readonly string[]).includes(code);

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.abs(Math.round(value)) : null;

/** "Mohammed", or "محمد ↔ Mohammed" when the two records spell it differently. */
function pair(a: unknown, b: unknown): string {
  const left = text(a);
  const right = text(b);
  if (!left || !right) return left || right;
  return left.toLocaleLowerCase() === right.toLocaleLowerCase() ? left : `${left} ↔ ${right}`;
}

function partLabel(part: unknown, t: TFunction): string {
  switch (part as NamePart) {
    case 'given':
      return t('registry.matchReasons.parts.given');
    case 'family':
      return t('registry.matchReasons.parts.family');
    case 'father':
      return t('registry.matchReasons.parts.father');
    default:
      return t('registry.matchReasons.parts.name');
  }
}

function nameLabel(code: NameCode, reason: MatchReason, t: TFunction): string {
  const options = { part: partLabel(reason.part, t), names: pair(reason.a, reason.b) };
  switch (code) {
    case 'name.same':
      return t('registry.matchReasons.name.same', options);
    case 'name.variant':
      return t('registry.matchReasons.name.variant', options);
    case 'name.transliteration':
      return t('registry.matchReasons.name.transliteration', options);
    case 'name.typo':
      return t('registry.matchReasons.name.typo', options);
    case 'name.similar':
      return t('registry.matchReasons.name.similar', options);
    case 'name.partial':
      return t('registry.matchReasons.name.partial', options);
    case 'name.conflict':
      return t('registry.matchReasons.name.conflict', options);
  }
}

/** "Passport", or "Identity document" for a type this version does not know. */
export function documentTypeLabel(type: unknown, t: TFunction): string {
  const known = DocumentTypeSchema.safeParse(type);
  return known.success ? t(`person.documentTypes.${known.data}`) : t('duplicates.fields.document');
}

/** One reason as a short sentence in the UI language, e.g. "Birth date: day and month swapped". */
export function matchReasonLabel(reason: MatchReason, t: TFunction): string {
  const code = reason.code as KnownReason['code'];
  if (isNameCode(code)) return nameLabel(code, reason, t);
  const years = count(reason.years);
  const places = { names: pair(reason.a, reason.b) };
  switch (code) {
    case 'name.orderSwapped':
      return t('registry.matchReasons.name.orderSwapped');
    case 'birthDate.same':
      return t('registry.matchReasons.birthDate.same');
    case 'birthDate.placeholder':
      return t('registry.matchReasons.birthDate.placeholder');
    case 'birthDate.sameYear':
      return t('registry.matchReasons.birthDate.sameYear');
    case 'birthDate.sameMonth':
      return t('registry.matchReasons.birthDate.sameMonth');
    case 'birthDate.dayMonthSwapped':
      return t('registry.matchReasons.birthDate.dayMonthSwapped');
    case 'birthDate.dayDiffers':
      return t('registry.matchReasons.birthDate.dayDiffers');
    case 'birthDate.yearOff':
      return years === null || years === 1
        ? t('registry.matchReasons.birthDate.yearOffOne')
        : t('registry.matchReasons.birthDate.yearOff', { years });
    case 'birthDate.conflict':
      if (!years) return t('registry.matchReasons.birthDate.conflictUnknown');
      return years === 1
        ? t('registry.matchReasons.birthDate.conflictOne')
        : t('registry.matchReasons.birthDate.conflict', { years });
    case 'birthDate.missing':
      return t('registry.matchReasons.birthDate.missing');
    case 'sex.same':
      return t('registry.matchReasons.sex.same');
    case 'sex.conflict':
      return t('registry.matchReasons.sex.conflict');
    case 'nationality.same':
      return t('registry.matchReasons.nationality.same');
    case 'nationality.conflict':
      return t('registry.matchReasons.nationality.conflict');
    case 'place.same':
      return t('registry.matchReasons.place.same', places);
    case 'place.variant':
      return t('registry.matchReasons.place.variant', places);
    case 'place.conflict':
      return t('registry.matchReasons.place.conflict', places);
    case 'document.same':
      return t('registry.matchReasons.document.same', { type: documentTypeLabel(reason.type, t) });
    default:
      return t('registry.matchReasons.other');
  }
}

const KNOWN = new Set<string>([
  ...NAME_CODES,
  'name.orderSwapped',
  'birthDate.same',
  'birthDate.placeholder',
  'birthDate.sameYear',
  'birthDate.sameMonth',
  'birthDate.dayMonthSwapped',
  'birthDate.dayDiffers',
  'birthDate.yearOff',
  'birthDate.conflict',
  'birthDate.missing',
  'sex.same',
  'sex.conflict',
  'nationality.same',
  'nationality.conflict',
  'place.same',
  'place.variant',
  'place.conflict',
  'document.same',
]);

const DIFFERS = new Set([
  'name.conflict',
  'birthDate.conflict',
  'sex.conflict',
  'nationality.conflict',
  'place.conflict',
]);

export function reasonSense(reason: MatchReason): ReasonSense {
  if (DIFFERS.has(reason.code)) return 'differs';
  if (reason.code === 'birthDate.missing' || !KNOWN.has(reason.code)) return 'neutral';
  return 'agrees';
}

/** Which field of the records a reason is about. */
export function reasonField(reason: MatchReason): ReasonField {
  const { code } = reason;
  if (!KNOWN.has(code)) return 'other';
  if (code.startsWith('name.')) return reason.part === 'father' ? 'fatherName' : 'name';
  if (code.startsWith('birthDate.')) return 'birthDate';
  if (code.startsWith('sex.')) return 'sex';
  if (code.startsWith('nationality.')) return 'nationalities';
  if (code.startsWith('place.')) return 'placeOfOrigin';
  if (code.startsWith('document.')) return 'document';
  return 'other';
}

/**
 * The few reasons that best say why a search result was found: agreeing names first, then a swapped
 * order, then other agreeing evidence. Disagreements and "birth date missing" (a typed name has none)
 * are left out.
 */
export function topReasons(reasons: readonly MatchReason[], max = 3): MatchReason[] {
  const rank = (reason: MatchReason): number => {
    const field = reasonField(reason);
    if (field === 'name' || field === 'fatherName') return reason.code === 'name.orderSwapped' ? 1 : 0;
    return 2;
  };
  return reasons
    .filter((reason) => reasonSense(reason) === 'agrees')
    .map((reason, index) => ({ reason, index }))
    .sort((x, y) => rank(x.reason) - rank(y.reason) || x.index - y.index)
    .slice(0, max)
    .map((x) => x.reason);
}
