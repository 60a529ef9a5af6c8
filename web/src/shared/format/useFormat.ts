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
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const monthYear = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const yearOnly = new Intl.DateTimeFormat(language, { year: 'numeric', timeZone: 'UTC' });
    let regions: Intl.DisplayNames | null = null;
    let languages: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
      languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    } catch {
      regions = null;
      languages = null;
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
      /** A calendar date (YYYY-MM-DD) shown as month and year, e.g. "mars 1990". */
      monthYear: (value: string) => {
        const parsed = parse(value.length === 10 ? `${value}T00:00:00Z` : value);
        return parsed ? monthYear.format(parsed) : value;
      },
      /** A year on its own, as a date (never grouped like a number: "1979", not "1 979"). */
      year: (value: number) => yearOnly.format(Date.UTC(value, 0, 1)),
      number: (value: number) => number.format(value),
      /** A share from 0 to 1 as a whole percentage, e.g. "87 %". */
      percent: (value: number) => percent.format(value),
      /** A size in bytes, e.g. "1,2 Mo" / "1.2 MB". */
      fileSize: (bytes: number) => {
        const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
        let value = bytes;
        let unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
          value /= 1024;
          unit++;
        }
        try {
          return new Intl.NumberFormat(language, {
            style: 'unit',
            unit: units[unit],
            unitDisplay: 'short',
            maximumFractionDigits: unit === 0 ? 0 : 1,
          }).format(value);
        } catch {
          return `${bytes} B`;
        }
      },
      /** An ISO 639 language code as a name in the UI language, e.g. "ar" → "arabe". */
      language: (code: string) => {
        try {
          return languages?.of(code) ?? code;
        } catch {
          return code;
        }
      },
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
