import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { Controller, type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { CLOSURE_REASONS, type RequiredField } from '../../../../src/modules/cases/workflow';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { type AvailableTransition, type TransitionRequest, transitionCase, useStoreCase } from './api';
import { isClosureReason, requiredFieldLabel, statusLabel } from './labels';
import { useCaseMutationError } from './useCaseMutationError';

interface TransitionValues {
  travelDocumentReady: boolean;
  medicalFitness: '' | 'pending' | 'fit' | 'unfit';
  declarationSignedOn: string;
  departureDate: string;
  closureReason: string;
  comment: string;
}
const REQUIRED_FIELDS: readonly RequiredField[] = [
  'travelDocumentReady',
  'medicalFitness',
  'declarationSignedOn',
  'departureDate',
  'closureReason',
];

/** Only the missing fields are validated (and sent); the others keep the case's values. */
function transitionSchema(missing: readonly string[]) {
  const need = (field: RequiredField) => missing.includes(field);
  return z.object({
    travelDocumentReady: need('travelDocumentReady')
      ? z.boolean().refine((v) => v, { message: 'validation.required' })
      : z.boolean(),
    // The requirement is fitness to travel, not merely an assessment: "pending" or "unfit" will not do.
    medicalFitness: need('medicalFitness')
      ? z.enum(['pending', 'fit', 'unfit']).refine((v) => v === 'fit', { message: 'validation.mustBeFit' })
      : z.string(),
    declarationSignedOn: need('declarationSignedOn') ? z.iso.date() : z.string(),
    departureDate: need('departureDate') ? z.iso.date() : z.string(),
    closureReason: need('closureReason') ? z.enum(CLOSURE_REASONS) : z.string(),
    comment: z.string().max(2000),
  });
}

interface TransitionModalProps {
  detail: CaseDetail;
  transition: AvailableTransition | null;
  onClose: () => void;
}

export function TransitionModal({ detail, transition, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  const state = transition ? statusLabel(transition.to, t) : '';
  return (
    <AppModal
      opened={transition !== null}
      onClose={onClose}
      title={
        transition?.approval
          ? t('cases.transition.approvalTitle', { state })
          : t('cases.transition.title', { state })
      }
    >
      {transition ? (
        <TransitionForm key={transition.to} detail={detail} transition={transition} onDone={onClose} />
      ) : null}
    </AppModal>
  );
}

function TransitionForm({
  detail,
  transition,
  onDone,
}: {
  detail: CaseDetail;
  transition: AvailableTransition;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const storeCase = useStoreCase();
  const onCaseError = useCaseMutationError(detail.id);
  const missing = transition.missing;
  const state = statusLabel(transition.to, t);
  const resolver = useMemo(
    () => localizedZodResolver<TransitionValues, unknown>(transitionSchema(missing), t),
    [t, missing],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<TransitionValues, unknown, unknown>({
    resolver,
    defaultValues: {
      travelDocumentReady: detail.travelDocumentReady,
      medicalFitness: detail.medicalFitness ?? '',
      declarationSignedOn: detail.declarationSignedOn ?? '',
      departureDate: detail.departureDate ?? '',
      closureReason: '',
      comment: '',
    },
  });
  // The server names missing fields either plainly or under `fields.`.
  const setFieldError: typeof setError = (path, error, options) =>
    setError(String(path).replace(/^fields\./, '') as FieldPath<TransitionValues>, error, options);
  const save = useFormMutation({
    setError: setFieldError,
    isField: (path) => (REQUIRED_FIELDS as readonly string[]).includes(path.replace(/^fields\./, '')),
    mutationFn: (body: TransitionRequest) => transitionCase(detail.id, body),
    successMessage: () =>
      transition.approval ? t('cases.transition.requested') : t('cases.transition.done', { state }),
    onSaved: (saved) => {
      storeCase(saved);
      onDone();
    },
    recover: (error) => {
      const handled = onCaseError(error);
      if (handled) onDone();
      return handled;
    },
  });

  const submit = handleSubmit(() => {
    const values = getValues();
    const body: TransitionRequest = { version: detail.version, to: transition.to };
    const comment = values.comment.trim();
    if (comment) body.comment = comment;
    const fields: NonNullable<TransitionRequest['fields']> = {};
    for (const field of missing) {
      if (field === 'travelDocumentReady') fields.travelDocumentReady = values.travelDocumentReady;
      if (field === 'medicalFitness' && values.medicalFitness) fields.medicalFitness = values.medicalFitness;
      if (field === 'declarationSignedOn') fields.declarationSignedOn = values.declarationSignedOn;
      if (field === 'departureDate') fields.departureDate = values.departureDate;
      if (field === 'closureReason' && isClosureReason(values.closureReason))
        body.closureReason = values.closureReason;
    }
    if (Object.keys(fields).length > 0) body.fields = fields;
    save.submit(body);
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        {transition.approval ? (
          <Alert color="orange" variant="light">
            {t('cases.transition.approvalIntro')}
          </Alert>
        ) : null}
        <FormErrorAlert error={save.formError} />
        {missing.length > 0 ? (
          <>
            <Text size="sm">{t('cases.transition.missingIntro')}</Text>
            <List size="sm">
              {missing.map((field) => (
                <List.Item key={field}>{requiredFieldLabel(field, t)}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {missing.includes('travelDocumentReady') ? (
          <Controller
            control={control}
            name="travelDocumentReady"
            render={({ field, fieldState }) => (
              <Checkbox
                label={t('cases.fields.travelDocumentReady')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldState.error?.message}
              />
            )}
          />
        ) : null}
        {missing.includes('medicalFitness') ? (
          <NativeSelect
            label={t('cases.fields.medicalFitness')}
            required
            error={errors.medicalFitness?.message}
            data={[
              { value: '', label: t('cases.fields.notAssessed') },
              ...(['pending', 'fit', 'unfit'] as const).map((v) => ({
                value: v,
                label: t(`medicalFitness.${v}`),
              })),
            ]}
            {...register('medicalFitness')}
          />
        ) : null}
        {missing.includes('declarationSignedOn') ? (
          <TextInput
            label={t('cases.fields.declarationSignedOn')}
            type="date"
            required
            error={errors.declarationSignedOn?.message}
            {...register('declarationSignedOn')}
          />
        ) : null}
        {missing.includes('departureDate') ? (
          <TextInput
            label={t('cases.fields.departureDate')}
            type="date"
            required
            error={errors.departureDate?.message}
            {...register('departureDate')}
          />
        ) : null}
        {missing.includes('closureReason') ? (
          <NativeSelect
            label={t('cases.fields.closureReason')}
            required
            error={errors.closureReason?.message}
            data={[
              { value: '', label: t('cases.fields.chooseClosureReason') },
              ...CLOSURE_REASONS.map((r) => ({ value: r, label: t(`closureReasons.${r}`) })),
            ]}
            {...register('closureReason')}
          />
        ) : null}
        <Textarea
          label={t('cases.transition.comment')}
          autosize
          minRows={2}
          maxRows={8}
          error={errors.comment?.message}
          {...register('comment')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('cases.transition.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
