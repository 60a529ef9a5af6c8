/**
 * A react-hook-form resolver for the contract's zod schemas whose messages follow the UI language.
 * (zod's own messages are English and the contract's custom ones are not localised.)
 */
import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || input === '';
}

/** Custom refinements in the web app use an i18n key under `validation.` as their message. */
function isValidationKey(message: string): message is `validation.${string}` {
  return message.startsWith('validation.');
}

export function issueMessage(issue: Issue, t: TFunction): string {
  // An empty field is "required", whatever rule it then fails (format, enum, pattern...).
  if (issue.code !== 'custom' && 'input' in issue && isEmpty(issue.input)) return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(issue.minimum);
        return min <= 1 ? t('validation.required') : t('validation.tooShort', { min });
      }
      // An end date before the start date (the contracts report it on the end date).
      if (issue.origin === 'date') return t('validation.dateRange');
      return t('validation.invalidValue');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { max: Number(issue.maximum) });
      return t('validation.invalidValue');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.invalidEmail');
      if (issue.format === 'date' || issue.format === 'datetime') return t('validation.invalidDate');
      // The contract's text building blocks (src/platform/contract.ts) name control characters.
      if (issue.message === 'control_characters') return t('validation.controlCharacters');
      return t('validation.invalidFormat');
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union':
      return isEmpty(issue.input) ? t('validation.required') : t('validation.invalidValue');
    case 'custom':
      // The contract's money schema (src/platform/money.ts) names a bad amount `amount`.
      if (issue.message === 'amount') return t('validation.invalidAmount');
      // biome-ignore lint/suspicious/noExplicitAny: i18next's key type does not accept a runtime-checked string.
      return isValidationKey(issue.message) ? t(issue.message as any) : t('validation.invalidValue');
    default:
      return t('validation.invalidValue');
  }
}

export function localizedZodResolver<TForm extends FieldValues, TOut>(
  schema: z.ZodType<TOut>,
  t: TFunction,
  /** Turns form values into the API shape before validation (e.g. '' into undefined). */
  prepare: (values: TForm) => unknown = (values) => values,
): Resolver<TForm, unknown, TOut> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(prepare(values), { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!flat[path]) flat[path] = { type: issue.code, message: issueMessage(issue, t) };
    }
    return { values: {}, errors: toNestErrors<TForm>(flat, options) };
  };
}

/**
 * Like `localizedZodResolver`, but the form submits the prepared input rather than the parsed output: for
 * bodies the server must receive as typed (amounts in words like "1 500,50", which the contract's schema
 * turns into minor units).
 */
export function localizedZodValidator<TForm extends FieldValues, TBody>(
  schema: z.ZodType,
  t: TFunction,
  prepare: (values: TForm) => TBody,
): Resolver<TForm, unknown, TBody> {
  const resolver = localizedZodResolver<TForm, unknown>(schema, t, prepare);
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (Object.keys(result.errors).length > 0) return { values: {}, errors: result.errors };
    return { values: prepare(values), errors: {} };
  };
}

/** '' and whitespace-only strings become undefined, for optional API fields. */
export function blankToUndefined(value: string | undefined | null): string | undefined {
  return value === undefined || value === null || value.trim() === '' ? undefined : value;
}
