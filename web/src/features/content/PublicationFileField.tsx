import { Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { type ContentFile, type ContentItem, contentApi } from './api';

interface PublicationFileFieldProps {
  /** The saved item; null before the first save (nothing can be uploaded to it yet). */
  item: ContentItem | null;
  /** The chosen file's id, '' for none. */
  value: string;
  onChange: (id: string) => void;
  error?: string;
}

function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

/** A publication's PDF: the one saved with the item, or a new one uploaded, kept with the next save. */
export function PublicationFileField({ item, value, onChange, error }: PublicationFileFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<ContentFile | null>(null);
  const upload = useActionMutation({
    showError: 'inline',
    mutationFn: (chosen: File) => contentApi.uploadPublicationFile(item?.id ?? '', chosen),
    successMessage: (saved) => t('content.publicationFile.uploaded', { name: saved.fileName }),
    onSaved: (saved) => {
      setUploaded(saved);
      setFile(null);
      onChange(saved.id);
    },
  });
  const current =
    value && uploaded?.id === value
      ? uploaded
      : value && item?.publicationFile?.id === value
        ? item.publicationFile
        : null;
  const shownError = fileError ?? upload.formError?.message ?? error ?? null;

  return (
    <Stack gap="xs">
      <Input.Wrapper
        label={t('content.publicationFile.label')}
        description={item ? t('content.publicationFile.hint') : t('content.publicationFile.saveFirst')}
        error={shownError}
        labelProps={{ htmlFor: inputId }}
        descriptionProps={{ id: hintId }}
        errorProps={{ id: errorId }}
      >
        <Group gap="xs" mt={4}>
          <input
            id={inputId}
            type="file"
            accept="application/pdf,.pdf"
            disabled={!item}
            aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={shownError ? true : undefined}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setFileError(null);
              upload.reset();
            }}
          />
          <Button
            variant="light"
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!item || !file}
            loading={upload.isPending}
            onClick={() => {
              if (!file) return;
              if (!isPdf(file)) return setFileError(t('content.publicationFile.notPdf'));
              upload.run(file);
            }}
          >
            {t('content.publicationFile.upload')}
          </Button>
        </Group>
      </Input.Wrapper>
      {current ? (
        <Group gap="xs">
          <Text size="sm">
            {t('content.publicationFile.current', {
              name: current.fileName,
              size: format.fileSize(current.bytes),
            })}
          </Text>
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => onChange('')}>
            {t('content.publicationFile.remove')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('content.publicationFile.none')}
        </Text>
      )}
    </Stack>
  );
}
