import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

/** A message for the user: the server's localised `detail`, or a localised fallback. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_error') return t('errors.network');
    if (error.code === 'invalid_response') return t('errors.invalidResponse');
    if (!error.isClientSide && error.problem.detail) return error.problem.detail;
  }
  return t('errors.unexpected');
}

export function useDescribeError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => describeError(error, t), [t]);
}
