import { useCallback, useState } from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';
import { useDescribeError } from '../api/errors';

export interface FormErrorState {
  message: string;
  /** Field errors the form has no field for. */
  details: string[];
}

/**
 * Puts a server problem on the form: each `errors[]` entry next to its field (paths like
 * `email` or `memberships.0.role`), the rest in a message for the whole form. A form without fields
 * (`setError` null) shows the message only.
 */
export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T> | null,
  isField: (path: string) => boolean,
) {
  const describe = useDescribeError();
  const [formError, setFormError] = useState<FormErrorState | null>(null);

  const handleError = useCallback(
    (error: unknown) => {
      const details: string[] = [];
      if (error instanceof ApiError && setError) {
        let focused = false;
        for (const fieldError of error.problem.errors ?? []) {
          if (fieldError.path && isField(fieldError.path)) {
            setError(
              fieldError.path as FieldPath<T>,
              { type: 'server', message: fieldError.message },
              { shouldFocus: !focused },
            );
            focused = true;
          } else {
            details.push(fieldError.message);
          }
        }
      }
      setFormError({ message: describe(error), details });
    },
    [describe, isField, setError],
  );

  const clear = useCallback(() => setFormError(null), []);
  return { formError, handleError, clear };
}
