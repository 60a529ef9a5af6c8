/** Labels and formats of the registry: names, birth dates with their precision, specific needs. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NEED_CATEGORIES,
  SPECIFIC_NEED_CODES,
  SPECIFIC_NEEDS,
  type SpecificNeedCode,
} from '../../../../src/modules/registry/specific-needs';
import { useFormat } from '../../shared/format/useFormat';

type Lang = 'fr' | 'en';
const lang = (language: string): Lang => (language.startsWith('en') ? 'en' : 'fr');

export type NeedCategory = keyof typeof NEED_CATEGORIES;

export function isNeedCode(code: string): code is SpecificNeedCode {
  return code in SPECIFIC_NEEDS;
}

/** The specific needs grouped by category, in the order of specific-needs.ts. */
export const NEEDS_BY_CATEGORY: { category: NeedCategory; codes: SpecificNeedCode[] }[] = (
  Object.keys(NEED_CATEGORIES) as NeedCategory[]
).map((category) => ({ category, codes: SPECIFIC_NEED_CODES.filter((c) => c.startsWith(`${category}-`)) }));

/** Trafficking (TR) is a special category of personal data. */
export const SENSITIVE_NEED_CATEGORIES: readonly NeedCategory[] = ['TR'];

export function needLabel(code: string, language: string): string {
  return isNeedCode(code) ? SPECIFIC_NEEDS[code][lang(language)] : code;
}

export function needCategoryLabel(category: NeedCategory, language: string): string {
  return NEED_CATEGORIES[category][lang(language)];
}

export interface NamedPerson {
  givenName: string;
  familyName: string;
  givenNameOriginal?: string | null;
  familyNameOriginal?: string | null;
}

export function personName(p: NamedPerson): string {
  return `${p.givenName} ${p.familyName}`.trim();
}

/** The name in the person's own script (Arabic, Cyrillic…), or '' when none was recorded. */
export function originalName(p: NamedPerson): string {
  return [p.givenNameOriginal, p.familyNameOriginal].filter(Boolean).join(' ');
}

type Precision = 'exact' | 'month' | 'year' | 'estimated';

/** A birth date as precise as it is known: "12 mars 1990", "mars 1990 (mois…)", "1990 (année seulement)". */
export function useBirthDate(): (birthDate: string | null, precision: Precision) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (birthDate: string | null, precision: Precision) => {
      if (!birthDate) return t('common.none');
      const year = birthDate.slice(0, 4);
      switch (precision) {
        case 'year':
          return t('registry.birthDate.year', { year });
        case 'month':
          return t('registry.birthDate.month', { date: format.monthYear(birthDate) });
        case 'estimated':
          return t('registry.birthDate.estimated', { year });
        default:
          return format.calendarDate(birthDate);
      }
    },
    [t, format],
  );
}

/** Nationalities (or any country codes) as names in the UI language, e.g. "Mali, Sénégal". */
export function useCountryList(): (codes: readonly string[]) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (codes: readonly string[]) =>
      codes.length === 0 ? t('common.none') : codes.map((c) => format.country(c)).join(', '),
    [t, format],
  );
}
