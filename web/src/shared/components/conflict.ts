import type { z } from 'zod';
import { isApiError } from '../api/client';

/** On `409 version_conflict`, the record as it is now on the server (validated), else `null`. */
export function conflictCurrent<T>(error: unknown, schema: z.ZodType<T>): T | null {
  if (!isApiError(error, 'version_conflict')) return null;
  const parsed = schema.safeParse(error.problem.current);
  return parsed.success ? parsed.data : null;
}
