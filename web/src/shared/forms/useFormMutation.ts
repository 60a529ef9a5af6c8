import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { useServerErrors } from './useServerErrors';

export interface FormMutationOptions<TForm extends FieldValues, TBody, TSaved> {
  /** The form's `setError`: server errors on a field are shown next to it. */
  setError: UseFormSetError<TForm>;
  /** Whether a server error's path (`email`, `participants.0.count`) names a field of the form. */
  isField: (path: string) => boolean;
  /** Sends the validated body. */
  mutationFn: (body: TBody) => Promise<TSaved>;
  /** The text of the notification shown once it is saved. */
  successMessage: (saved: TSaved) => string;
  /** Called after the notification, e.g. to close the modal. */
  onSaved?: (saved: TSaved) => void;
  /** Called last on success and awaited: refetches what the save changed. */
  refresh?: () => Promise<unknown>;
  /** Called after the error is put on the form (and awaited when it returns a promise). */
  onError?: (error: unknown) => unknown;
}

/**
 * Saves a form: each submit clears the last server error, then sends the body; success shows a notification,
 * calls `onSaved` and awaits `refresh`; a failure goes on the form (see `useServerErrors`).
 */
export function useFormMutation<TForm extends FieldValues, TBody, TSaved>({
  setError,
  isField,
  mutationFn,
  successMessage,
  onSaved,
  refresh,
  onError,
}: FormMutationOptions<TForm, TBody, TSaved>) {
  const { formError, handleError, clear } = useServerErrors(setError, isField);
  const mutation = useMutation({
    mutationFn,
    onSuccess: async (saved: TSaved) => {
      notifications.show({ color: 'blue', message: successMessage(saved) });
      onSaved?.(saved);
      await refresh?.();
    },
    onError: (error: unknown) => {
      handleError(error);
      return onError?.(error);
    },
  });
  /** The form's submit handler, for `handleSubmit(submit)`. */
  const submit = (body: TBody) => {
    clear();
    mutation.mutate(body);
  };
  return { formError, submit, isPending: mutation.isPending };
}
