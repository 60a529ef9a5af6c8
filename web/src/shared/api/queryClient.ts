import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not get better by asking again; network hiccups and 5xx might.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
