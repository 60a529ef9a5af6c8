import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { useDescribeError } from '../api/errors';
import { useServerErrors } from './useServerErrors';

/** What every save to the API shares, whether a form submits it or a button does. */
export interface SaveOptions<TBody, TSaved> {
  /** Sends the body (validated, for a form). */
  mutationFn: (body: TBody) => Promise<TSaved>;
  /** The text of the notification shown once it is saved; none when absent or when it returns null. */
  successMessage?: (saved: TSaved, body: TBody) => string | null;
  /** Called after the notification, e.g. to close the modal. */
  onSaved?: (saved: TSaved, body: TBody) => void;
  /** Called last on success and awaited: refetches what the save changed (or goes where it leads). */
  refresh?: (saved: TSaved, body: TBody) => unknown;
  /**
   * Called first on failure: returns true when it dealt with the error itself (e.g. a version conflict that
   * reloads the record and closes the dialog), which is then not shown.
   */
  recover?: (error: unknown) => boolean;
  /** Rewrites the error before it is shown (e.g. a server message made a sentence in the UI language). */
  localizeError?: (error: unknown) => unknown;
  /** Called after the error is shown (and awaited when it returns a promise). */
  onError?: (error: unknown) => unknown;
}

export interface FormMutationOptions<TForm extends FieldValues, TBody, TSaved>
  extends SaveOptions<TBody, TSaved> {
  /**
   * The form's `setError`: server errors on a field are shown next to it. A form without react-hook-form
   * fields leaves it out; the server's message is then shown for the whole form.
   */
  setError?: UseFormSetError<TForm>;
  /** Whether a server error's path (`email`, `participants.0.count`) names a field of the form. */
  isField?: (path: string) => boolean;
}

const noField = () => false;

/** The save and its error plumbing, shared by `useFormMutation` and `useActionMutation`. */
function useSave<TForm extends FieldValues, TBody, TSaved>(
  {
    setError,
    isField,
    mutationFn,
    successMessage,
    onSaved,
    refresh,
    recover,
    localizeError,
    onError,
  }: FormMutationOptions<TForm, TBody, TSaved>,
  show: (error: unknown, put: (error: unknown) => void) => void,
) {
  const { formError, handleError, clear } = useServerErrors<TForm>(setError ?? null, isField ?? noField);
  const mutation = useMutation({
    mutationFn,
    onSuccess: async (saved: TSaved, body: TBody) => {
      const message = successMessage?.(saved, body);
      if (message) notifications.show({ color: 'blue', message });
      onSaved?.(saved, body);
      await refresh?.(saved, body);
    },
    onError: (error: unknown) => {
      if (recover?.(error)) return;
      const shown = localizeError ? localizeError(error) : error;
      show(shown, handleError);
      return onError?.(error);
    },
  });
  const reset = () => {
    clear();
    mutation.reset();
  };
  return { formError, clear, reset, mutation };
}

/**
 * Saves a form: each submit clears the last server error, then sends the body; success shows a notification,
 * calls `onSaved` and awaits `refresh`; a failure goes on the form (see `useServerErrors`): each `errors[]`
 * entry next to its field, the rest in `formError` above the fields.
 */
export function useFormMutation<TForm extends FieldValues = FieldValues, TBody = void, TSaved = unknown>(
  options: FormMutationOptions<TForm, TBody, TSaved>,
) {
  const { formError, clear, reset, mutation } = useSave(options, (error, put) => put(error));
  /** The form's submit handler, for `handleSubmit(submit)`. */
  const submit = (body: TBody) => {
    clear();
    mutation.mutate(body);
  };
  /** Like `submit`, for a caller that waits for the save (it rejects when the save fails). */
  const submitAsync = (body: TBody) => {
    clear();
    return mutation.mutateAsync(body);
  };
  return {
    formError,
    submit,
    submitAsync,
    /** Clears the last server error, for a submit that turns out to have nothing to send. */
    clear,
    /** Forgets the last save and its error, e.g. when the dialog closes. */
    reset,
    isPending: mutation.isPending,
  };
}

export interface ActionMutationOptions<TBody, TSaved> extends SaveOptions<TBody, TSaved> {
  /**
   * Where a failure is said: in a red notification (a button on a page), or in `formError` for the dialog
   * that asked to confirm the action to show (`<FormErrorAlert error={formError} />`); or not at all, for a
   * background action whose `onError` puts things right (e.g. refetches what it could not change).
   */
  showError: 'notification' | 'inline' | 'none';
}

/**
 * A button's action (approve, revoke, mark as read…) that is not a form: the same success and error plumbing
 * as `useFormMutation`, the error said in a notification or kept for a confirmation dialog.
 */
export function useActionMutation<TBody = void, TSaved = unknown>(
  options: ActionMutationOptions<TBody, TSaved>,
) {
  const describe = useDescribeError();
  const { formError, clear, reset, mutation } = useSave<FieldValues, TBody, TSaved>(
    options,
    options.showError === 'notification'
      ? (error) => notifications.show({ color: 'red', message: describe(error) })
      : options.showError === 'inline'
        ? (error, put) => put(error)
        : () => undefined,
  );
  const run = (body: TBody) => {
    clear();
    mutation.mutate(body);
  };
  return {
    run,
    reset,
    isPending: mutation.isPending,
    formError,
    /** The last failure, for a component that says it in its own way. */
    error: mutation.error,
    /** What the pending (or last) run was given, e.g. to show a checkbox as it will be. */
    variables: mutation.variables,
  };
}
