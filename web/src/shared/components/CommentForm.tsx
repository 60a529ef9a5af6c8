import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrorState } from '../forms/useServerErrors';
import { FormErrorAlert } from './FormErrorAlert';

interface CommentFormProps {
  /** A sentence above the comment, e.g. what the decision does. */
  intro?: string;
  commentLabel: string;
  /** A comment (reason) is required, e.g. to reject or return. */
  required?: boolean;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  /** The last failure of the decision, said above the comment (from `useActionMutation`). */
  formError: FormErrorState | null;
  /** The comment, trimmed. */
  onSubmit: (comment: string) => void;
  onCancel: () => void;
}

/** The form of a decision that takes a comment (approve, reject, reopen, return a plan). */
export function CommentForm({
  intro,
  commentLabel,
  required = false,
  submitLabel,
  danger,
  pending,
  formError,
  onSubmit,
  onCancel,
}: CommentFormProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (required && !comment.trim()) {
          setMissing(true);
          return;
        }
        onSubmit(comment.trim());
      }}
    >
      <Stack>
        {intro ? <Text size="sm">{intro}</Text> : null}
        <FormErrorAlert error={formError} />
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
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
