import { Input, NativeSelect, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesKeys, fetchCase, MAX_ATTACHMENT_BYTES } from '../cases/api';
import { uploadCaseDocument } from './api';
import { documentKindLabel, type ResettlementDocumentKind } from './labels';

const ACCEPT = '.pdf,image/*,.doc,.docx,.odt,.txt';

/** A document chosen for a step: a file of the case already classified as the kind, or a new file. */
export interface DocumentChoice {
  existingId: string;
  file: File | null;
}
export const NO_DOCUMENT: DocumentChoice = { existingId: '', file: null };

/** The case's files already classified as `kind` (the case page has them; elsewhere they are read). */
function useCaseDocuments(caseId: string, kind: ResettlementDocumentKind) {
  const detail = useQuery({
    queryKey: casesKeys.detail(caseId),
    queryFn: ({ signal }) => fetchCase(caseId, signal),
  });
  return (detail.data?.attachments ?? []).filter((a) => a.documentKind === kind);
}

/**
 * A document field and what it takes to send it: `resolve` uploads a new file (classified as the kind) and
 * answers its id, or the id of the file chosen; a file already uploaded by a failed try is not sent twice.
 */
export function useDocumentChoice(caseId: string, kind: ResettlementDocumentKind, required: boolean) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<DocumentChoice>(NO_DOCUMENT);
  const [error, setError] = useState<string | null>(null);
  const uploaded = useRef<{ file: File; id: string } | null>(null);
  /** Checks the choice; false (with the error shown) when it cannot be sent. */
  const check = useCallback(() => {
    if (choice.file && choice.file.size > MAX_ATTACHMENT_BYTES) {
      setError(t('cases.attachments.tooLarge'));
      return false;
    }
    if (required && !choice.file && !choice.existingId) {
      setError(t('resettlement.documents.required', { kind: documentKindLabel(kind, t) }));
      return false;
    }
    setError(null);
    return true;
  }, [choice, kind, required, t]);
  const resolve = useCallback(async (): Promise<string | null> => {
    if (choice.existingId) return choice.existingId;
    if (!choice.file) return null;
    if (uploaded.current?.file === choice.file) return uploaded.current.id;
    const saved = await uploadCaseDocument(caseId, choice.file, kind);
    uploaded.current = { file: choice.file, id: saved.id };
    return saved.id;
  }, [caseId, choice, kind]);
  const field = (
    <DocumentInput
      caseId={caseId}
      kind={kind}
      required={required}
      value={choice}
      error={error}
      onChange={(next) => {
        setChoice(next);
        setError(null);
      }}
    />
  );
  return { field, check, resolve };
}

interface DocumentInputProps {
  caseId: string;
  kind: ResettlementDocumentKind;
  required: boolean;
  value: DocumentChoice;
  error: string | null;
  onChange: (value: DocumentChoice) => void;
}

function DocumentInput({ caseId, kind, required, value, error, onChange }: DocumentInputProps) {
  const { t } = useTranslation();
  const existing = useCaseDocuments(caseId, kind);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const label = documentKindLabel(kind, t);
  return (
    <Stack gap="xs">
      {existing.length > 0 ? (
        <NativeSelect
          label={t('resettlement.documents.existing', { kind: label })}
          value={value.existingId}
          onChange={(event) => onChange({ existingId: event.currentTarget.value, file: null })}
          data={[
            { value: '', label: t('resettlement.documents.uploadNew') },
            ...existing.map((a) => ({ value: a.id, label: a.fileName })),
          ]}
        />
      ) : null}
      {value.existingId ? null : (
        <Input.Wrapper
          label={t('resettlement.documents.file', { kind: label })}
          description={t('resettlement.documents.hint')}
          required={required}
          error={error}
          labelProps={{ htmlFor: inputId }}
          descriptionProps={{ id: hintId }}
          errorProps={{ id: errorId }}
        >
          <input
            id={inputId}
            type="file"
            accept={ACCEPT}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            required={required}
            style={{ display: 'block', marginTop: 4 }}
            onChange={(event) => onChange({ existingId: '', file: event.currentTarget.files?.[0] ?? null })}
          />
        </Input.Wrapper>
      )}
    </Stack>
  );
}
