import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * The server names the expected currency as the message of a `currency_mismatch` field error (e.g. "EUR"):
 * this makes it a sentence in the UI language before the form shows it.
 */
export function localizeMoneyErrors(error: unknown, t: TFunction): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  return new ApiError({
    ...error.problem,
    errors: error.problem.errors.map((fieldError) =>
      fieldError.code === 'currency_mismatch'
        ? { ...fieldError, message: t('money.currencyMismatch', { currency: fieldError.message }) }
        : fieldError,
    ),
  });
}
