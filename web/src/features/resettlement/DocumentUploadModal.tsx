import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { casesKeys } from '../cases/api';
import { useDocumentChoice } from './DocumentInput';
import { documentKindLabel, type ResettlementDocumentKind } from './labels';

interface DocumentUploadModalProps {
  caseId: string;
  kind: ResettlementDocumentKind;
  /** Why the document is asked for, e.g. the step it opens. */
  intro: string;
  opened: boolean;
  onClose: () => void;
}

/** Attaches the document a generic step requires (the registration form before submission), classified. */
export function DocumentUploadModal({ caseId, kind, intro, opened, onClose }: DocumentUploadModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={documentKindLabel(kind, t)} size="md">
      {opened ? <DocumentUploadForm caseId={caseId} kind={kind} intro={intro} onClose={onClose} /> : null}
    </AppModal>
  );
}

function DocumentUploadForm({ caseId, kind, intro, onClose }: Omit<DocumentUploadModalProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const document = useDocumentChoice(caseId, kind, true);
  const save = useFormMutation({
    mutationFn: () => document.resolve(),
    successMessage: () => t('resettlement.documents.attached', { kind: documentKindLabel(kind, t) }),
    onSaved: onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: casesKeys.detail(caseId) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (document.check()) save.submit();
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.documents.attach')}
    >
      <Text size="sm">{intro}</Text>
      {document.field}
    </ModalForm>
  );
}
