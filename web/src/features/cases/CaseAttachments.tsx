import { Anchor, Badge, Button, Group, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../src/modules/cases/workflow';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { attachmentUrl, MAX_ATTACHMENT_BYTES, uploadAttachment, useRefreshCase } from './api';
import { documentKindLabel } from './labels';

const ACCEPT = '.pdf,image/*,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.csv';

export function CaseAttachments({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const attachments = [...detail.attachments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack>
      {attachments.length === 0 ? (
        <Text>{t('cases.attachments.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          aria-label={t('cases.attachments.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconDownload size={16} aria-hidden style={{ marginTop: 3 }} />
                <div>
                  <Anchor
                    href={attachmentUrl(detail.id, attachment.id)}
                    download={attachment.fileName}
                    size="sm"
                    fw={600}
                    aria-label={t('cases.attachments.download', { name: attachment.fileName })}
                  >
                    {attachment.fileName}
                  </Anchor>
                  {attachment.documentKind ? (
                    <Badge size="xs" variant="light" tt="none" ms="xs">
                      {documentKindLabel(attachment.documentKind, t)}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t('cases.attachments.meta', {
                      size: format.fileSize(attachment.sizeBytes),
                      name: attachment.uploadedByName,
                      date: format.dateTime(attachment.createdAt),
                    })}
                  </Text>
                </div>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {canWrite ? <UploadForm caseId={detail.id} /> : null}
    </Stack>
  );
}

function UploadForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: (chosen: File) => uploadAttachment(caseId, chosen, kind || undefined),
    successMessage: (attachment) => t('cases.attachments.uploaded', { name: attachment.fileName }),
    onSaved: () => {
      setFile(null);
      setKind('');
      if (input.current) input.current.value = '';
    },
    refresh: () => refresh(caseId),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!file) return setProblem(t('cases.attachments.chooseFile'));
        if (file.size > MAX_ATTACHMENT_BYTES) return setProblem(t('cases.attachments.tooLarge'));
        setProblem(null);
        submit(file);
      }}
    >
      <Stack gap="xs">
        <FormErrorAlert error={formError} />
        <Input.Wrapper
          label={t('cases.attachments.file')}
          description={t('cases.attachments.hint')}
          error={problem}
          labelProps={{ htmlFor: inputId }}
          descriptionProps={{ id: hintId }}
          errorProps={{ id: errorId }}
        >
          <input
            ref={input}
            id={inputId}
            type="file"
            name="file"
            accept={ACCEPT}
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
            aria-invalid={problem ? true : undefined}
            style={{ display: 'block', marginTop: 4 }}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setProblem(null);
            }}
          />
        </Input.Wrapper>
        <NativeSelect
          label={t('cases.attachments.kind')}
          description={t('cases.attachments.kindHint')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as DocumentKind | '')}
          data={[
            { value: '', label: t('cases.attachments.noKind') },
            ...DOCUMENT_KINDS.map((k) => ({ value: k, label: documentKindLabel(k, t) })),
          ]}
          maw={360}
        />
        <Group>
          <Button
            type="submit"
            size="xs"
            leftSection={<IconPaperclip size={14} aria-hidden />}
            loading={isPending}
          >
            {t('cases.attachments.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
