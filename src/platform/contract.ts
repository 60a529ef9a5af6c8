/** Shared request/response building blocks. Browser-safe. */
import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const UuidSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: UuidSchema });

/** A trimmed, non-empty, bounded line of text. */
export const textLine = (max = 200) => z.string().trim().min(1).max(max);

/** Every editable record carries a version; a write names the version it was based on. */
export const VersionSchema = z.number().int().min(1).max(2_147_483_647);

/** RFC 9457 problem details, with a stable `code` and per-field details for validation errors. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'country_code');
