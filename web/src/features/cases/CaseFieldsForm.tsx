import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type CaseDetail, CaseDetailSchema, UpdateCaseSchema } from '../../../../src/modules/cases/contract';
import { ConflictDialog, type ConflictField } from '../../shared/components/ConflictDialog';
import { conflictCurrent } from '../../shared/components/conflict';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { CountrySelect } from '../offices/CountrySelect';
import { type UpdateCase, updateCase, useStoreCase } from './api';

interface CaseFieldValues {
  travelDocumentReady: boolean;
  medicalFitness: '' | 'pending' | 'fit' | 'unfit';
  declarationSignedOn: string;
  departureDate: string;
  hostCountry: string;
  returnCountry: string;
}
type Field = keyof CaseFieldValues;
const FIELDS: readonly Field[] = [
  'travelDocumentReady',
  'medicalFitness',
  'declarationSignedOn',
  'departureDate',
  'hostCountry',
  'returnCountry',
];
type UpdateBody = z.output<typeof UpdateCaseSchema>;

function toValues(detail: CaseDetail): CaseFieldValues {
  return {
    travelDocumentReady: detail.travelDocumentReady,
    medicalFitness: detail.medicalFitness ?? '',
    declarationSignedOn: detail.declarationSignedOn ?? '',
    departureDate: detail.departureDate ?? '',
    hostCountry: detail.hostCountry ?? '',
    returnCountry: detail.returnCountry ?? '',
  };
}

/** The PATCH body: the version and the changed fields only, blanks sent as null. */
function toPatch(version: number, before: CaseFieldValues, after: CaseFieldValues): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const field of FIELDS) {
    if (before[field] === after[field]) continue;
    const value = after[field];
    body[field] = value === '' ? null : value;
  }
  return body;
}

function useFieldDisplay() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = (field: Field) => t(`cases.fields.${field}`);
  const display = (field: Field, values: CaseFieldValues): string => {
    switch (field) {
      case 'travelDocumentReady':
        return values.travelDocumentReady ? t('common.yes') : t('common.no');
      case 'medicalFitness':
        return values.medicalFitness
          ? t(`medicalFitness.${values.medicalFitness}`)
          : t('cases.fields.notAssessed');
      case 'declarationSignedOn':
      case 'departureDate':
        return values[field] ? format.calendarDate(values[field]) : t('common.none');
      default:
        return values[field] ? format.country(values[field]) : t('common.none');
    }
  };
  return { label, display };
}

/** The case's practical fields: read-only without cases.write. */
export function CaseFieldsView({ detail }: { detail: CaseDetail }) {
  const { label, display } = useFieldDisplay();
  const values = toValues(detail);
  return <DescriptionList items={FIELDS.map((f) => ({ term: label(f), description: display(f, values) }))} />;
}

export function CaseFieldsForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const storeCase = useStoreCase();
  const { label, display } = useFieldDisplay();
  /** The version the edits are based on: never moved past someone else's change to these fields. */
  const [base, setBase] = useState(detail);
  const [conflict, setConflict] = useState<{ current: CaseDetail; mine: CaseFieldValues } | null>(null);
  const resolver = useMemo(
    () =>
      localizedZodResolver<CaseFieldValues, UpdateBody>(UpdateCaseSchema, t, (values) =>
        toPatch(base.version, toValues(base), values),
      ),
    [t, base],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = useForm<CaseFieldValues, unknown, UpdateBody>({ resolver, defaultValues: toValues(detail) });

  useEffect(() => {
    if (detail.version === base.version) return;
    const before = toValues(base);
    const now = toValues(detail);
    if (!isDirty) {
      setBase(detail);
      reset(now);
    } else if (FIELDS.every((f) => before[f] === now[f])) {
      setBase(detail); // Only other parts of the case changed: keep the edits, on the new version.
    }
  }, [detail, base, isDirty, reset]);

  const save = useFormMutation({
    setError,
    isField: (path) => (FIELDS as readonly string[]).includes(path),
    mutationFn: (body: UpdateCase) => updateCase(detail.id, body),
    successMessage: () => t('cases.fields.saved'),
    onSaved: (saved) => {
      setBase(saved);
      reset(toValues(saved));
      storeCase(saved);
    },
    recover: (error) => {
      const current = conflictCurrent(error, CaseDetailSchema);
      if (current) setConflict({ current, mine: getValues() });
      return current !== null;
    },
  });

  const conflictFields: ConflictField[] = conflict
    ? FIELDS.map((field) => ({
        key: field,
        label: label(field),
        base: display(field, toValues(base)),
        current: display(field, toValues(conflict.current)),
        mine: display(field, conflict.mine),
      }))
    : [];

  return (
    <>
      <form
        noValidate
        aria-label={t('cases.fields.title')}
        onSubmit={handleSubmit((body) => {
          if (Object.keys(body).length > 1) save.submit(body);
          else save.clear();
        })}
      >
        <Stack>
          <FormErrorAlert error={save.formError} />
          <Controller
            control={control}
            name="travelDocumentReady"
            render={({ field }) => (
              <Checkbox
                label={t('cases.fields.travelDocumentReady')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={errors.travelDocumentReady?.message}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('cases.fields.medicalFitness')}
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
            <TextInput
              label={t('cases.fields.declarationSignedOn')}
              type="date"
              error={errors.declarationSignedOn?.message}
              {...register('declarationSignedOn')}
            />
            <TextInput
              label={t('cases.fields.departureDate')}
              type="date"
              error={errors.departureDate?.message}
              {...register('departureDate')}
            />
            <CountrySelect
              label={t('cases.fields.hostCountry')}
              error={errors.hostCountry?.message}
              {...register('hostCountry')}
            />
            <CountrySelect
              label={t('cases.fields.returnCountry')}
              error={errors.returnCountry?.message}
              {...register('returnCountry')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        opened={conflict !== null}
        fields={conflictFields}
        onClose={() => setConflict(null)}
        onReload={() => {
          if (!conflict) return;
          setBase(conflict.current);
          reset(toValues(conflict.current));
          storeCase(conflict.current);
          setConflict(null);
        }}
      />
    </>
  );
}
