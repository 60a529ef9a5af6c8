import { Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { today } from '../../shared/dates';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { type HouseholdView, householdApi, useHousehold } from './api';
import { useDocumentChoice } from './DocumentInput';
import { useHouseholdSave } from './useHouseholdSave';

const HandoverFormSchema = z.object({
  handedOverOn: z.iso.date(),
  receivedBy: z.string().trim().min(1).max(200),
});
type HandoverValues = z.infer<typeof HandoverFormSchema>;
const FIELDS = ['handedOverOn', 'receivedBy'];

interface HandoverModalProps {
  caseId: string;
  caseReference: string;
  opened: boolean;
  onClose: () => void;
  onSaved?: (household: HouseholdView) => unknown;
}

/** The arrived household handed over to the reception service: its case closes. */
export function HandoverModal({ caseId, caseReference, opened, onClose, onSaved }: HandoverModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t('resettlement.handover.title', { reference: caseReference })}
    >
      {opened ? <HandoverLoader caseId={caseId} onClose={onClose} onSaved={onSaved} /> : null}
    </AppModal>
  );
}

function HandoverLoader({ caseId, onClose, onSaved }: Omit<HandoverModalProps, 'opened' | 'caseReference'>) {
  const household = useHousehold(caseId);
  if (household.isPending) return <LoadingState />;
  if (household.isError)
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  return <HandoverForm household={household.data} onClose={onClose} onSaved={onSaved} />;
}

function HandoverForm({
  household,
  onClose,
  onSaved,
}: {
  household: HouseholdView;
  onClose: () => void;
  onSaved?: (household: HouseholdView) => unknown;
}) {
  const { t } = useTranslation();
  const document = useDocumentChoice(household.caseId, 'handover_receipt', false);
  const resolver = useMemo(
    () => localizedZodResolver<HandoverValues, HandoverValues>(HandoverFormSchema, t),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<HandoverValues, unknown, HandoverValues>({
    resolver,
    defaultValues: { handedOverOn: today(), receivedBy: '' },
  });
  const save = useHouseholdSave<HandoverValues, HandoverValues>({
    caseId: household.caseId,
    setError,
    isField: (path) => FIELDS.includes(path),
    mutationFn: async (fields) =>
      householdApi.handover(household.caseId, {
        version: household.version,
        handedOverOn: fields.handedOverOn,
        receivedBy: fields.receivedBy,
        documentId: await document.resolve(),
      }),
    successMessage: (saved) => t('resettlement.handover.saved', { reference: saved.caseReference }),
    onDone: (saved) => {
      void onSaved?.(saved);
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const documentOk = document.check();
    void handleSubmit((fields) => (documentOk ? save.submit(fields) : undefined))(event);
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.handover.submit')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('resettlement.handover.intro')}</Text>
        <TextInput
          type="date"
          label={t('resettlement.handover.handedOverOn')}
          required
          error={errors.handedOverOn?.message}
          {...register('handedOverOn')}
        />
        <TextInput
          label={t('resettlement.handover.receivedBy')}
          description={t('resettlement.handover.receivedByHint')}
          required
          error={errors.receivedBy?.message}
          {...register('receivedBy')}
        />
        {document.field}
      </Stack>
    </ModalForm>
  );
}
