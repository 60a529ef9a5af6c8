import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoDirTextarea } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import type { ReferralMessage } from './api';

interface MessageThreadProps {
  messages: ReferralMessage[];
  /** Who writes for each side: "PARIS", "TIRANA", "Shelter Different and Equal". */
  sideName: (side: ReferralMessage['side']) => string;
  /** Without it, the thread is read-only. */
  onPost?: (body: string) => Promise<unknown>;
  postLabel?: string;
}

/** The referral's thread, oldest first, and a form to write in it. */
export function MessageThread({ messages, sideName, onPost, postLabel }: MessageThreadProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const sorted = [...messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <Stack>
      {sorted.length === 0 ? (
        <Text>{t('referrals.thread.empty')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          aria-label={t('referrals.thread.label')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {sorted.map((m) => (
            <Paper
              component="li"
              key={m.id}
              withBorder
              p="sm"
              bg={m.side === 'sender' ? 'gray.0' : undefined}
            >
              <Text size="sm" c="dimmed" mb={4}>
                {t('referrals.thread.meta', {
                  name: m.authorName,
                  side: sideName(m.side),
                  date: format.dateTime(m.createdAt),
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {m.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {onPost ? <PostForm onPost={onPost} label={postLabel ?? t('referrals.thread.body')} /> : null}
    </Stack>
  );
}

function PostForm({ onPost, label }: { onPost: (body: string) => Promise<unknown>; label: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () => onPost(body.trim()),
    successMessage: () => t('referrals.thread.posted'),
    onSaved: () => setBody(''),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim()) {
          setMissing(true);
          return;
        }
        submit();
      }}
    >
      <Stack gap="xs">
        <FormErrorAlert error={formError} />
        <AutoDirTextarea
          label={label}
          required
          autosize
          minRows={2}
          maxRows={10}
          maxLength={4000}
          value={body}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setMissing(false);
          }}
        />
        <Group>
          <Button type="submit" size="xs" loading={isPending}>
            {t('referrals.thread.post')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
