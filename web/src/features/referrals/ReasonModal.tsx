import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../shared/api/errors';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';

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
  const describe = useDescribeError();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () => action(reason.trim()),
    onSuccess: () => {
      onClose();
      onSuccess?.();
    },
    onError: (error) => {
      if (onError?.(error)) onClose();
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
        mutation.mutate();
      }}
    >
      <Stack>
        {intro ? <Text size="sm">{intro}</Text> : null}
        {mutation.isError ? (
          <FormErrorAlert error={{ message: describe(mutation.error), details: [] }} />
        ) : null}
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
          <Button type="submit" color={danger ? 'red' : undefined} loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
