import { NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RecordPlacementSchema } from '../../../../src/modules/employment/contract';
import { isApiError } from '../../shared/api/client';
import { AppModal } from '../../shared/components/AppModal';
import { FormActions } from '../../shared/components/FormActions';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { today } from '../../shared/dates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { useCan } from '../auth/session';
import { caseTypeLabel, statusLabel } from '../cases/labels';
import { fetchPersonCases, personsKeys } from '../registry/api';
import { employmentApi, type Opening, type PlacementBody, useRefreshEmployment } from './api';

export interface PlaceTarget {
  personId: string;
  personName: string;
}

interface PlaceModalProps {
  opening: Opening;
  target: PlaceTarget | null;
  onClose: () => void;
}

/** Records a placement of a returnee into the opening, from a start date (and the case it belongs to). */
export function PlaceModal({ opening, target, onClose }: PlaceModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={target !== null}
      onClose={onClose}
      title={t('employment.place.title', { name: target?.personName ?? '', title: opening.title })}
      size="md"
    >
      {target ? <PlaceForm opening={opening} target={target} onDone={onClose} /> : null}
    </AppModal>
  );
}

interface PlaceValues {
  startDate: string;
  caseId: string;
}
const FIELDS = new Set(['startDate', 'caseId']);

function PlaceForm({
  opening,
  target,
  onDone,
}: {
  opening: Opening;
  target: PlaceTarget;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const refresh = useRefreshEmployment();
  const cases = useQuery({
    queryKey: personsKeys.cases(target.personId),
    queryFn: ({ signal }) => fetchPersonCases(target.personId, signal),
    enabled: can('cases.read'),
  });
  const resolver = useMemo(
    () =>
      localizedZodValidator<PlaceValues, PlacementBody>(RecordPlacementSchema, t, (v) => ({
        personId: target.personId,
        openingId: opening.id,
        startDate: v.startDate,
        caseId: v.caseId || null,
      })),
    [t, target.personId, opening.id],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PlaceValues, unknown, PlacementBody>({
    resolver,
    defaultValues: { startDate: today(), caseId: '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: PlacementBody) => employmentApi.place(body),
    successMessage: () => t('employment.place.done', { name: target.personName }),
    onSaved: onDone,
    refresh,
    onError: (error) => {
      // The opening is not as it was shown: show it as it is now behind the dialog.
      if (isApiError(error, 'opening_closed') || isApiError(error, 'opening_full')) void refresh();
    },
  });
  const openCases = (cases.data ?? []).filter((c) => c.status !== 'closed' && c.status !== 'withdrawn');
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <Text size="sm">
          {t('employment.place.intro', { employer: opening.employer.name, location: opening.location })}
        </Text>
        <FormErrorAlert error={formError} />
        <TextInput
          label={t('employment.place.startDate')}
          type="date"
          required
          error={errors.startDate?.message}
          {...register('startDate')}
        />
        {can('cases.read') ? (
          <NativeSelect
            label={t('employment.place.case')}
            description={t('employment.place.caseHint')}
            error={errors.caseId?.message}
            data={[
              { value: '', label: t('employment.place.noCase') },
              ...openCases.map((c) => ({
                value: c.id,
                label: `${c.reference} – ${caseTypeLabel(c.caseType, t)} (${statusLabel(c.status, t)})`,
              })),
            ]}
            {...register('caseId')}
          />
        ) : null}
        <FormActions onCancel={onDone} loading={isPending} submitLabel={t('employment.place.submit')} />
      </Stack>
    </form>
  );
}
