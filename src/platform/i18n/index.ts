/** Server-side localisation of error messages: French by default, English on request. */
import { z } from 'zod';
import type { ErrorCode, FieldError } from '../errors';
import { messages } from './messages';

export type Lang = 'fr' | 'en';

/** Picks fr or en from an Accept-Language header by q-value; French when neither is asked for. */
export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return 'fr';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number.parseFloat(qParam.trim().slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? 'fr';
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR'),
  en: new Intl.NumberFormat('en-GB'),
};

/** "in 30 seconds", "dans 4 minutes": a wait as the reader says it. */
export function inDuration(lang: Lang, seconds: number): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  return seconds < 120 ? format.format(seconds, 'second') : format.format(Math.ceil(seconds / 60), 'minute');
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Fills {{placeholders}}, writing numbers and dates the reader's way: 262 144 and 2 juin 2026 in French,
 * 262,144 and 2 June 2026 in English. Dates are passed as ISO calendar dates (YYYY-MM-DD).
 */
function interpolate(lang: Lang, template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = params[key];
    if (typeof value === 'number') return numberFormats[lang].format(value);
    if (value !== undefined && ISO_DATE.test(value))
      return dateFormats[lang].format(new Date(`${value}T00:00:00Z`));
    return String(value ?? '');
  });
}

export function errorMessage(lang: Lang, code: ErrorCode, params?: Record<string, string | number>): string {
  return interpolate(lang, messages[lang].errors[code], params);
}
export function validationMessage(lang: Lang, key: string, params?: Record<string, string | number>): string {
  return interpolate(lang, messages[lang].validation[key] ?? key, params);
}
export function errorTitle(lang: Lang, code: ErrorCode): string {
  return messages[lang].titles[code];
}

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };
const typeNames: Record<Lang, Record<string, string>> = {
  en: { string: 'text', number: 'a number', boolean: 'true or false', object: 'an object', array: 'a list' },
  fr: { string: 'texte', number: 'nombre', boolean: 'vrai ou faux', object: 'objet', array: 'liste' },
};

type Issue = z.core.$ZodIssue;

/** One localised, person-readable message per zod issue, keyed by a dotted field path. */
export function fieldErrors(lang: Lang, issues: readonly Issue[]): FieldError[] {
  const catalogue = messages[lang].validation;
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: path ? `${path}.${key}` : key,
          code: 'unknown_field',
          message: interpolate(lang, catalogue.unknown_field ?? '', { key }),
        });
      }
      continue;
    }
    let message: string;
    if (issue.message && catalogue[issue.message]) {
      // Schemas name a catalogue key as their custom message (e.g. 'country_code').
      message = catalogue[issue.message] ?? issue.message;
    } else if (issue.code === 'invalid_type') {
      // The validator does not keep the input, so "received undefined" would often be false: say what is expected.
      const missing = issue.message.includes('received undefined');
      message = missing
        ? (catalogue.required ?? '')
        : interpolate(lang, catalogue.invalid_type ?? '', {
            expected: typeNames[lang][issue.expected] ?? issue.expected,
          });
    } else {
      const localised = zodLocales[lang].localeError?.(issue as never);
      message = typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
    }
    out.push({ path, code: issue.code, message });
  }
  return out;
}
