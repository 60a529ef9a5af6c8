import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { useDescribeError } from '../../shared/api/errors';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useStoreCase } from './api';
import { useCaseMutationError } from './useCaseMutationError';

interface CommentActionModalProps {
  opened: boolean;
  caseId: string;
  title: string;
  commentLabel: string;
  /** A comment (reason) is required, e.g. to reject or reopen. */
  required?: boolean;
  submitLabel: string;
  danger?: boolean;
  successMessage: string;
  action: (comment: string) => Promise<CaseDetail>;
  onClose: () => void;
}

/** A decision on a case that takes a comment: approve, reject, reopen. */
export function CommentActionModal(props: CommentActionModalProps) {
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {props.opened ? <CommentActionForm {...props} /> : null}
    </AppModal>
  );
}

function CommentActionForm({
  caseId,
  commentLabel,
  required = false,
  submitLabel,
  danger,
  successMessage,
  action,
  onClose,
}: CommentActionModalProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const storeCase = useStoreCase();
  const onCaseError = useCaseMutationError(caseId);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () => action(comment.trim()),
    onSuccess: (saved) => {
      storeCase(saved);
      notifications.show({ color: 'blue', message: successMessage });
      onClose();
    },
    onError: (error) => {
      if (onCaseError(error)) onClose();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (required && !comment.trim()) {
          setMissing(true);
          return;
        }
        mutation.mutate();
      }}
    >
      <Stack>
        {mutation.isError ? (
          <FormErrorAlert error={{ message: describe(mutation.error), details: [] }} />
        ) : null}
        <Textarea
          label={commentLabel}
          required={required}
          autosize
          minRows={3}
          maxRows={10}
          value={comment}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setComment(event.currentTarget.value);
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
