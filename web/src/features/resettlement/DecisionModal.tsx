import { Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { today } from '../../shared/dates';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { type HouseholdView, householdApi, useHousehold } from './api';
import { useDocumentChoice } from './DocumentInput';
import { DECISION_OUTCOMES, outcomeLabel } from './labels';
import { useHouseholdSave } from './useHouseholdSave';

const DecisionFormSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  decidedOn: z.iso.date(),
  comment: z.string().max(2000),
});
type DecisionValues = { outcome: string; decidedOn: string; comment: string };
type DecisionFields = z.output<typeof DecisionFormSchema>;
const FIELDS = ['outcome', 'decidedOn', 'comment'];

interface DecisionModalProps {
  caseId: string;
  caseReference: string;
  opened: boolean;
  onClose: () => void;
  /** After the decision is saved (e.g. to read the batch again). */
  onSaved?: (household: HouseholdView) => unknown;
}

/** The resettlement country's decision on a submitted household, with its decision letter. */
export function DecisionModal({ caseId, caseReference, opened, onClose, onSaved }: DecisionModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t('resettlement.decision.title', { reference: caseReference })}
    >
      {opened ? <DecisionLoader caseId={caseId} onClose={onClose} onSaved={onSaved} /> : null}
    </AppModal>
  );
}

function DecisionLoader({ caseId, onClose, onSaved }: Omit<DecisionModalProps, 'opened' | 'caseReference'>) {
  const household = useHousehold(caseId);
  if (household.isPending) return <LoadingState />;
  if (household.isError)
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  return <DecisionForm household={household.data} onClose={onClose} onSaved={onSaved} />;
}

function DecisionForm({
  household,
  onClose,
  onSaved,
}: {
  household: HouseholdView;
  onClose: () => void;
  onSaved?: (household: HouseholdView) => unknown;
}) {
  const { t } = useTranslation();
  const document = useDocumentChoice(household.caseId, 'decision_letter', true);
  const resolver = useMemo(
    () => localizedZodResolver<DecisionValues, DecisionFields>(DecisionFormSchema, t),
    [t],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DecisionValues, unknown, DecisionFields>({
    resolver,
    defaultValues: { outcome: '', decidedOn: today(), comment: '' },
  });
  const save = useHouseholdSave<DecisionValues, DecisionFields>({
    caseId: household.caseId,
    setError,
    isField: (path) => FIELDS.includes(path),
    mutationFn: async (fields) => {
      const decisionDocumentId = (await document.resolve()) ?? '';
      return householdApi.decision(household.caseId, {
        version: household.version,
        outcome: fields.outcome,
        decidedOn: fields.decidedOn,
        decisionDocumentId,
        ...(fields.comment.trim() ? { comment: fields.comment.trim() } : {}),
      });
    },
    successMessage: (saved) => t('resettlement.decision.saved', { reference: saved.caseReference }),
    onDone: (saved) => {
      void onSaved?.(saved);
      onClose();
    },
  });
  // The document is checked with the fields, so that every missing answer shows at once.
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
      submitLabel={t('resettlement.decision.submit')}
    >
      <Stack gap="sm">
        <Controller
          control={control}
          name="outcome"
          render={({ field }) => (
            <Radio.Group
              label={t('resettlement.decision.outcome')}
              required
              error={errors.outcome?.message}
              value={field.value}
              onChange={field.onChange}
              name={field.name}
            >
              <Stack gap={6} mt={4}>
                {DECISION_OUTCOMES.map((o) => (
                  <Radio key={o} value={o} label={outcomeLabel(o, t)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <TextInput
          type="date"
          label={t('resettlement.decision.decidedOn')}
          required
          error={errors.decidedOn?.message}
          {...register('decidedOn')}
        />
        {document.field}
        <Textarea
          label={t('resettlement.decision.comment')}
          autosize
          minRows={2}
          error={errors.comment?.message}
          {...register('comment')}
        />
      </Stack>
    </ModalForm>
  );
}
