import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../shared/forms/useFormMutation';

interface ReasonModalProps {
  opened: boolean;
  title: string;
  intro?: ReactNode;
  reasonLabel: string;
  submitLabel: string;
  danger?: boolean;
  /** Sends the (required) reason; the modal closes when it resolves, then `onSuccess` runs. */
  action: (reason: string) => Promise<unknown>;
  onSuccess?: () => void;
  /** Called with the error; return true when it was handled (the modal then closes). */
  onError?: (error: unknown) => boolean;
  onClose: () => void;
}

/** A decision that needs a written reason: declining, revoking. */
export function ReasonModal(props: ReasonModalProps) {
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {props.opened ? <ReasonForm {...props} /> : null}
    </AppModal>
  );
}

function ReasonForm(props: ReasonModalProps) {
  const { intro, reasonLabel, submitLabel, danger, action, onSuccess, onError, onClose } = props;
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () => action(reason.trim()),
    onSaved: () => {
      onClose();
      onSuccess?.();
    },
    recover: (error) => {
      const handled = onError?.(error) ?? false;
      if (handled) onClose();
      return handled;
    },
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        submit();
      }}
    >
      <Stack>
        {intro ? <Text size="sm">{intro}</Text> : null}
        <FormErrorAlert error={formError} />
        <Textarea
          label={reasonLabel}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={reason}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissing(false);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={danger ? 'red' : undefined} loading={isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
