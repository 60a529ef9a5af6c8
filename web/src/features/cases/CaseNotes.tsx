import { Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { AutoDirTextarea } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { addNote, useRefreshCase } from './api';

export function CaseNotes({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = [...detail.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack>
      {canWrite ? <AddNoteForm detail={detail} /> : null}
      {notes.length === 0 ? (
        <Text>{t('cases.notes.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          aria-label={t('cases.notes.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {notes.map((note) => (
            <Paper
              component="li"
              key={note.id}
              withBorder
              p="sm"
              bg={note.confidential ? 'red.0' : undefined}
            >
              <Group justify="space-between" gap="xs" mb={4}>
                <Text size="sm" c="dimmed">
                  {t('cases.notes.meta', { name: note.authorName, date: format.dateTime(note.createdAt) })}
                </Text>
                {note.confidential ? (
                  <Badge
                    color="red"
                    variant="light"
                    tt="none"
                    leftSection={<IconLock size={12} aria-hidden />}
                  >
                    {t('cases.notes.confidentialBadge')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {note.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AddNoteForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const [body, setBody] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [missing, setMissing] = useState(false);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () =>
      addNote(detail.id, { body: body.trim(), confidential: detail.canSeeConfidential && confidential }),
    successMessage: () => t('cases.notes.added'),
    onSaved: () => {
      setBody('');
      setConfidential(false);
    },
    refresh: () => refresh(detail.id),
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
          label={t('cases.notes.body')}
          required
          autosize
          minRows={2}
          maxRows={10}
          value={body}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setMissing(false);
          }}
        />
        {detail.canSeeConfidential ? (
          <Checkbox
            label={t('cases.notes.confidential')}
            checked={confidential}
            onChange={(event) => setConfidential(event.currentTarget.checked)}
          />
        ) : null}
        <Group>
          <Button type="submit" size="xs" loading={isPending}>
            {t('cases.notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
