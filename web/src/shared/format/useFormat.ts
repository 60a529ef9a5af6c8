import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates, numbers and country names in the UI language. */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    const number = new Intl.NumberFormat(language);
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    } catch {
      regions = null;
    }
    const parse = (value: string) => {
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? null : parsed;
    };
    return {
      /** An ISO timestamp, e.g. "12 mars 2025, 14:05". */
      dateTime: (value: string | null | undefined) => {
        const parsed = value ? parse(value) : null;
        return parsed ? dateTime.format(parsed) : t('common.none');
      },
      /** An ISO timestamp shown as a date. */
      date: (value: string | null | undefined) => {
        const parsed = value ? parse(value) : null;
        return parsed ? date.format(parsed) : t('common.none');
      },
      /** A calendar date (YYYY-MM-DD): formatted in UTC so it never shifts by a day. */
      calendarDate: (value: string) => {
        const parsed = parse(value.length === 10 ? `${value}T00:00:00Z` : value);
        return parsed ? dateOnly.format(parsed) : value;
      },
      number: (value: number) => number.format(value),
      country: (code: string) => {
        try {
          return regions?.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
      list: (items: string[]) => {
        try {
          return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
        } catch {
          return items.join(', ');
        }
      },
    };
  }, [language, t]);
}
