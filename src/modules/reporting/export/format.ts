/**
 * How the exports write numbers, dates, money, countries and breakdown categories for people, in the
 * report's language (Intl). Machine-readable outputs (CSV values, IATI) use `plainDecimal` instead.
 */
import { CURRENCIES } from '../../../platform/money';
import type { Breakdown } from '../contract';
import { EXPORT_LABELS, type ExportLabelSet, type ExportLanguage } from './labels';
import { isMoneyUnit, moneyDigits, parseChangeCell, type Unit } from './report-view';

/** British English for EU donors: day-month-year dates, "1,234.5". */
const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const satisfies Record<ExportLanguage, string>;

/** A date-only ISO string (YYYY-MM-DD) at midnight UTC, so no time zone shifts it by a day. */
const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A number as a plain decimal ("1234.5", at most `digits` decimals), for CSV and XML. */
export function plainDecimal(n: number, digits = 2): string {
  const fixed = n.toFixed(digits);
  return digits === 0 ? fixed : fixed.replace(/\.?0+$/, '') || '0';
}

export type ExportFormatter = ReturnType<typeof exportFormatter>;

export function exportFormatter(language: ExportLanguage) {
  const labels: ExportLabelSet = EXPORT_LABELS[language];
  const locale = LOCALES[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const money = new Map<string, Intl.NumberFormat>();
  // Indicator amounts are read in whole euros; cents stay in the budget and in the machine formats.
  const euros = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });

  const country = (code: string): string => {
    if (code === 'unknown' || code === '') return labels.unknown;
    // DisplayNames throws on malformed codes: show what was stored rather than failing the export.
    try {
      return regions.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };

  const fmt = {
    language,
    labels,
    integer: (n: number) => integer.format(n),
    number: (n: number) => decimal.format(n),
    /** A ratio (0.456) as a percentage ("45,6 %"). */
    ratio: (r: number) => percent.format(r),
    date: (iso: string) => date.format(dateOnly(iso)),
    shortDate: (iso: string) => shortDate.format(dateOnly(iso)),
    dateTime: (iso: string) => `${dateTime.format(new Date(iso))} UTC`,
    periodRange: (start: string, end: string | null) =>
      labels.periodRange(fmt.date(start), end ? fmt.date(end) : labels.ongoing),
    /** Minor units of a currency ("482 500,00 €"). */
    money: (minor: number, currency: string) => {
      let f = money.get(currency);
      if (!f) {
        const digits = currency in CURRENCIES ? moneyDigits(currency) : 2;
        try {
          f = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
        } catch {
          f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        }
        money.set(currency, f);
      }
      return f.format(minor / 10 ** moneyDigits(currency));
    },
    country,
    countries: (codes: readonly string[]) => (codes.length ? codes.map(country).join(', ') : labels.none),
    unit: (unit: Unit) => labels.units[unit],
    breakdown: (dimension: Breakdown) => labels.breakdowns[dimension],
    /** `sex*age_band` → "Sex × Age band". */
    spec: (dimensions: readonly Breakdown[]) => dimensions.map((d) => labels.breakdowns[d]).join(' × '),
    /** A category of a breakdown, for people: "Female", "Morocco", an office or budget-line code as is. */
    category: (dimension: Breakdown, key: string): string => {
      switch (dimension) {
        case 'nationality':
        case 'host_country':
        case 'return_country':
          return country(key);
        case 'sex':
        case 'age_band':
        case 'assistance_type':
        case 'assistance_mode':
        case 'assistance_timing': {
          const names: Record<string, string> = labels.values[dimension];
          return names[key] ?? (key === 'unknown' ? labels.unknown : key);
        }
        case 'vulnerability':
        case 'office':
        case 'budget_line':
          return key === 'unknown' ? labels.unknown : key;
      }
    },
    /**
     * A figure of an indicator for people: whole euros, percentages of a `percent` indicator
     * (stored as points, 0–100), counts as integers. Null is the suppression mark or a dash.
     */
    figure: (unit: Unit, n: number | null, suppressed: boolean): string => {
      if (n === null) return suppressed ? labels.suppressedMark : labels.missing;
      if (isMoneyUnit(unit)) return euros.format(Math.round(n));
      if (unit === 'percent') return percent.format(n / 100);
      return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
    },
    /** A cell of a breakdown table: null is always a hidden cell there. */
    cell: (unit: Unit, n: number | null) => fmt.figure(unit, n, true),
    progress: (r: number | null) => (r === null ? labels.missing : percent.format(r)),
  };
  return fmt;
}

/** "Sex × Age band: Female × Unaccompanied minors", or "Total". */
export function changeCellLabel(fmt: ExportFormatter, cell: string): string {
  const ref = parseChangeCell(cell);
  if (!ref) return fmt.labels.columns.total;
  const categories = [ref.row, ...(ref.col === null ? [] : [ref.col])].map((key, i) => {
    const dimension = ref.dimensions[i];
    return dimension ? fmt.category(dimension, key) : key;
  });
  return fmt.labels.cellRef(fmt.spec(ref.dimensions), categories.join(' × '));
}
