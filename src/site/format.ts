/** Dates, numbers, countries, sizes and live figures, written in the page's language with Intl. */

import { stringsOf } from './i18n';
import type { SiteLang } from './langs';
import type { PublicFigure } from './source';

/** The office's time zone: a statement published at 00:30 in Paris is dated that day, not the day before. */
export const SITE_TIME_ZONE = 'Europe/Paris';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Intl formatters are costly to build (a large part of a page's render when built per call): each is built
 * once per language and options, and kept.
 */
const formatters = new Map<string, unknown>();
function memo<T>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateFormat(lang: SiteLang, dateOnly: boolean): Intl.DateTimeFormat {
  // A calendar date (a project's start) is the same day everywhere: read and written in UTC.
  return memo(
    `date:${lang}:${dateOnly}`,
    () =>
      new Intl.DateTimeFormat(stringsOf(lang).locale, {
        dateStyle: 'long',
        timeZone: dateOnly ? 'UTC' : SITE_TIME_ZONE,
      }),
  );
}

/** `1 mai 2015` / `1 May 2015`; an unreadable value comes back as is rather than failing the page. */
export function formatDate(lang: SiteLang, value: string): string {
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(lang, dateOnly).format(date);
}

export function formatNumber(lang: SiteLang, value: number): string {
  return memo(`number:${lang}`, () => new Intl.NumberFormat(stringsOf(lang).locale)).format(value);
}

/** `1,2 Mo` / `1.2 MB`. */
export function formatBytes(lang: SiteLang, bytes: number): string {
  const locale = stringsOf(lang).locale;
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return memo(
    `bytes:${lang}:${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }),
  ).format(value);
}

const REGION = /^[A-Z]{2}$/;

/** Country codes as names in the page's language, joined as a list (`Espagne, France et Grèce`). */
export function formatCountries(lang: SiteLang, codes: string[]): string {
  const locale = stringsOf(lang).locale;
  const names = memo(
    `regions:${lang}`,
    () => new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }),
  );
  const words = codes.map((code) => (REGION.test(code) ? (names.of(code) ?? code) : code));
  return memo(
    `list:${lang}`,
    () => new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }),
  ).format(words);
}

/** How a live figure reads: the number, "fewer than 5" when suppressed, or a dash when unavailable. */
export type FigureText = { text: string; state: 'value' | 'suppressed' | 'unavailable' };

export function figureText(lang: SiteLang, figure: PublicFigure | undefined): FigureText {
  if (!figure || figure.unavailable) return { text: '—', state: 'unavailable' };
  if (figure.suppressed || figure.value === null) {
    return { text: stringsOf(lang).figure.fewerThanFive, state: 'suppressed' };
  }
  return { text: formatNumber(lang, figure.value), state: 'value' };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * A live figure span of a sanitised body, with what it holds (the editor leaves it empty or with a placeholder).
 * The sanitiser writes attributes double-quoted; the reference is checked against the contract's pattern
 * before anything is asked about it.
 */
const FIGURE_SPAN = /<span\b[^>]*?\sdata-figure="([^"]*)"[^>]*>[^<]*<\/span>/g;
const FIGURE_REF = /^[A-Z0-9][A-Z0-9-]{0,31}\/[a-z][a-z0-9_]{0,63}$/;

/** The valid figure references a body holds, once each. */
export function figureRefs(html: string): string[] {
  const refs = new Set<string>();
  for (const match of html.matchAll(FIGURE_SPAN)) {
    const ref = match[1] ?? '';
    if (FIGURE_REF.test(ref)) refs.add(ref);
  }
  return [...refs];
}

/**
 * The body with each figure span holding its formatted value. The text is escaped (a figure is a number or a
 * fixed wording, but nothing from data goes into HTML unescaped); an unknown or malformed reference reads as
 * unavailable.
 */
export function fillFigures(html: string, figures: Map<string, PublicFigure>, lang: SiteLang): string {
  const unavailable = escapeHtml(stringsOf(lang).figure.unavailable);
  return html.replace(FIGURE_SPAN, (_span, ref: string) => {
    const valid = FIGURE_REF.test(ref);
    const { text, state } = figureText(lang, valid ? figures.get(ref) : undefined);
    const attr = valid ? ` data-figure="${escapeHtml(ref)}"` : '';
    const hidden = state === 'unavailable' ? `<span class="visually-hidden"> (${unavailable})</span>` : '';
    return `<span class="live-figure live-figure--${state}"${attr}>${escapeHtml(text)}${hidden}</span>`;
  });
}
