import { ApiError } from '../../shared/api/client';

/**
 * Some refusals of the reporting routes concern one field but come without `errors[]` (a code already used,
 * an overlapping period, a breakdown the definition cannot give). This puts their localised `detail` on that
 * field, so the form shows it where the fix is; and folds `breakdowns.N` onto the breakdowns field.
 */
export function onFields(codeToField: Record<string, string>): (error: unknown) => unknown {
  return (error) => {
    if (!(error instanceof ApiError)) return error;
    const problem = error.problem;
    const field = codeToField[problem.code];
    const errors = (problem.errors ?? []).map((e) =>
      e.path?.startsWith('breakdowns.') ? { ...e, path: 'breakdowns' } : e,
    );
    if (field && errors.length === 0)
      errors.push({ path: field, code: problem.code, message: problem.detail });
    return new ApiError({ ...problem, errors }, error.retryAfter);
  };
}
