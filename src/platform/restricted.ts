/**
 * Writing what one may not read. Trafficking codes, confidential notes, trafficking case types and the
 * sensitive sections of a referral need `cases.sensitive` to be read; writing them needs it too, or a
 * caseworker could record what only the protection officer and the DPO then see. A refusal names every
 * field concerned, so the person knows what to take out.
 */
import { AppError } from './errors';
import { type Lang, validationMessage } from './i18n';

/** The paths of `values` (under `path`) that the `restricted` test picks, as `path.index`. */
export function restrictedPaths<T>(
  path: string,
  values: readonly T[],
  restricted: (value: T) => boolean,
): string[] {
  return values.flatMap((value, index) => (restricted(value) ? [`${path}.${index}`] : []));
}

/** Throws 403 `restricted_field` naming `paths`, when there are any. */
export function refuseRestricted(lang: Lang, paths: readonly string[]): void {
  if (paths.length === 0) return;
  throw new AppError('restricted_field', {
    fields: paths.map((path) => ({
      path,
      code: 'restricted_field',
      message: validationMessage(lang, 'restricted_field'),
    })),
  });
}
