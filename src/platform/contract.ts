/** Shared request/response building blocks. Browser-safe. */
import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const UuidSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: UuidSchema });

/*
 * Text that people type never holds control characters: PostgreSQL refuses NUL outright (a 500 if it got
 * that far), and the others hide text, break lines in logs and exports, or spoof what a reader sees.
 * Every free-text input of every contract is built from the helpers below, so the rule lives here once;
 * test/api/control-characters.int.test.ts walks every route's schemas to keep it so.
 */
// \p{Cc}: the C0 controls (NUL to US), DEL and the C1 controls.
const NO_CONTROLS = /^\P{Cc}*$/u;
// The same, but tab, line feed and carriage return are allowed in multi-line text.
const NO_CONTROLS_MULTILINE = /^(?:[\t\n\r]|\P{Cc})*$/u;

/** Any string without control characters (not trimmed): the base of the helpers below. */
export const plainString = () => z.string().regex(NO_CONTROLS, 'control_characters');

/** A trimmed, non-empty, bounded line of text. */
export const textLine = (max = 200) =>
  z.string().trim().min(1).max(max).regex(NO_CONTROLS, 'control_characters');

/** A trimmed, bounded line of text that may be empty (search boxes, filters). */
export const queryText = (max = 200) => z.string().trim().max(max).regex(NO_CONTROLS, 'control_characters');

/** Multi-line text (notes, messages, reasons): tabs and line breaks allowed. */
export const textBlock = (max = 4000, min = 1) =>
  z.string().trim().min(min).max(max).regex(NO_CONTROLS_MULTILINE, 'control_characters');

/** A secret typed by a person (a password): kept exactly as typed, but never with control characters. */
export const secretText = (min: number, max: number) =>
  z.string().min(min).max(max).regex(NO_CONTROLS, 'control_characters');

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
  /** With a version conflict, where the record keeps its history: the fields changed since the client's version. */
  changed: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'country_code');
