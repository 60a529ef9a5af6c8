import { Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import type { FormErrorState } from '../forms/useServerErrors';
import { FormActions } from './FormActions';
import { FormErrorAlert } from './FormErrorAlert';

interface ModalFormProps {
  /** Usually react-hook-form's `handleSubmit(submit)`. */
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The server's error for the whole form, shown above the fields. */
  formError: FormErrorState | null;
  onCancel: () => void;
  /** Shows the submit button as busy while the form is being saved. */
  loading: boolean;
  /** The submit button's text; "Save" when not given. */
  submitLabel?: string;
  /** The fields. */
  children: ReactNode;
}

/** The body of a form modal: the server's error, the fields, then Cancel and the submit button. */
export function ModalForm({ onSubmit, formError, onCancel, loading, submitLabel, children }: ModalFormProps) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert error={formError} />
        {children}
        <FormActions onCancel={onCancel} loading={loading} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}
