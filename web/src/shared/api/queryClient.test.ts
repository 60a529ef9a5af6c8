import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { createQueryClient, retryDelay } from './queryClient';

const problem = (status: number, code: string) => ({
  type: `https://passerelle.dev/problems/${code}`,
  title: code,
  status,
  code,
  detail: code,
});

describe('retries', () => {
  it('wait as long as the server asked, else double', () => {
    expect(retryDelay(1, new ApiError(problem(503, 'server_busy'), 3))).toBe(3000);
    expect(retryDelay(1, new ApiError(problem(500, 'internal_error')))).toBe(2000);
    expect(retryDelay(2, new Error('network'))).toBe(4000);
  });

  it('repeat a change only when a busy server turned it away before doing anything', () => {
    const retry = createQueryClient().getDefaultOptions().mutations?.retry as (
      n: number,
      e: unknown,
    ) => boolean;
    expect(retry(0, new ApiError(problem(503, 'server_busy'), 1))).toBe(true);
    expect(retry(3, new ApiError(problem(503, 'server_busy'), 1))).toBe(false);
    expect(retry(0, new ApiError(problem(500, 'internal_error')))).toBe(false);
    expect(retry(0, new ApiError(problem(409, 'version_conflict')))).toBe(false);
  });
});
