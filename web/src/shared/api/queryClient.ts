import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not get better by asking again; network hiccups and 5xx might.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** A busy server turned the request away before doing anything: asking again is safe, even for a change. */
const isBusy = (error: unknown) => error instanceof ApiError && error.code === 'server_busy';

/** As long as the server asked (Retry-After), else TanStack's doubling delay. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter !== undefined) return error.retryAfter * 1000;
  return Math.min(1000 * 2 ** failureCount, 30_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: (failureCount, error) => isBusy(error) && failureCount < 3, retryDelay },
    },
  });
}
