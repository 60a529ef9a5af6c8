import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Office, OfficeSchema, UpdateOfficeSchema } from '../../../../src/modules/identity/contract';
import { AppModal } from '../../shared/components/AppModal';
import { type ConflictField, ConflictPanel } from '../../shared/components/ConflictDialog';
import { conflictCurrent } from '../../shared/components/conflict';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { officesQueryKey, updateOffice } from './api';

type EditOfficeValues = {
  name: string;
  city: string;
  region: string;
  kind: 'host' | 'origin';
  active: boolean;
};
type UpdateOffice = z.output<typeof UpdateOfficeSchema>;

const FIELDS = new Set(['name', 'city', 'region', 'kind', 'active']);
const isField = (path: string) => FIELDS.has(path);

function toValues(office: Office): EditOfficeValues {
  return {
    name: office.name,
    city: office.city,
    region: office.region ?? '',
    kind: office.kind,
    active: office.active,
  };
}

export function EditOfficeModal({ office, onClose }: { office: Office | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={office !== null}
      onClose={onClose}
      title={t('offices.editTitle', { name: office?.name ?? '' })}
    >
      {office ? <EditOfficeForm key={office.id} office={office} onDone={onClose} /> : null}
    </AppModal>
  );
}

function EditOfficeForm({ office, onDone }: { office: Office; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  /** The version the user is editing; replaced when they reload after a conflict. */
  const [base, setBase] = useState(office);
  const [conflict, setConflict] = useState<{ current: Office; mine: EditOfficeValues } | null>(null);

  const resolver = useMemo(
    () =>
      localizedZodResolver<EditOfficeValues, UpdateOffice>(UpdateOfficeSchema, t, (values) => ({
        version: base.version,
        ...values,
        region: values.region.trim() === '' ? null : values.region,
      })),
    [t, base.version],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors },
  } = useForm<EditOfficeValues, unknown, UpdateOffice>({ resolver, defaultValues: toValues(office) });
  const save = useFormMutation({
    setError,
    isField,
    mutationFn: (body: UpdateOffice) => updateOffice(base.id, body),
    successMessage: (saved) => t('offices.saved', { name: saved.name }),
    onSaved: (saved) => {
      queryClient.setQueryData<Office[]>(officesQueryKey, (list) =>
        list?.map((o) => (o.id === saved.id ? saved : o)),
      );
      void queryClient.invalidateQueries({ queryKey: officesQueryKey });
      onDone();
    },
    recover: (error) => {
      const current = conflictCurrent(error, OfficeSchema);
      if (current) setConflict({ current, mine: getValues() });
      return current !== null;
    },
  });

  const submit = handleSubmit((values) => {
    save.clear();
    // Send only what changed, against the version the user started from.
    const patch: UpdateOffice = { version: base.version };
    if (values.name !== base.name) patch.name = values.name;
    if (values.city !== base.city) patch.city = values.city;
    if ((values.region ?? null) !== base.region) patch.region = values.region ?? null;
    if (values.kind !== base.kind) patch.kind = values.kind;
    if (values.active !== base.active) patch.active = values.active;
    if (Object.keys(patch).length === 1) {
      onDone();
      return;
    }
    save.submit(patch);
  });

  const conflictFields = (c: { current: Office; mine: EditOfficeValues }): ConflictField[] => {
    const show = {
      name: (o: EditOfficeValues) => o.name,
      city: (o: EditOfficeValues) => o.city,
      region: (o: EditOfficeValues) => o.region || t('common.none'),
      kind: (o: EditOfficeValues) => t(`offices.kinds.${o.kind}`),
      active: (o: EditOfficeValues) => (o.active ? t('common.yes') : t('common.no')),
    };
    const labels = {
      name: t('offices.fields.name'),
      city: t('offices.fields.city'),
      region: t('offices.fields.region'),
      kind: t('offices.fields.kind'),
      active: t('offices.fields.active'),
    };
    const before = toValues(base);
    const now = toValues(c.current);
    return (Object.keys(show) as (keyof typeof show)[]).map((key) => ({
      key,
      label: labels[key],
      base: show[key](before),
      current: show[key](now),
      mine: show[key](c.mine),
    }));
  };

  if (conflict) {
    return (
      <ConflictPanel
        withTitle
        fields={conflictFields(conflict)}
        onClose={() => setConflict(null)}
        onReload={() => {
          const current = conflict.current;
          queryClient.setQueryData<Office[]>(officesQueryKey, (list) =>
            list?.map((o) => (o.id === current.id ? current : o)),
          );
          setBase(current);
          reset(toValues(current));
          setConflict(null);
        }}
      />
    );
  }

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <FormErrorAlert error={save.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('offices.fields.name')}
            required
            autoComplete="off"
            error={errors.name?.message}
            {...register('name')}
          />
          <TextInput
            label={t('offices.fields.city')}
            required
            autoComplete="off"
            error={errors.city?.message}
            {...register('city')}
          />
          <TextInput
            label={t('offices.fields.region')}
            autoComplete="off"
            error={errors.region?.message}
            {...register('region')}
          />
          <NativeSelect
            label={t('offices.fields.kind')}
            required
            error={errors.kind?.message}
            data={[
              { value: 'host', label: t('offices.kinds.host') },
              { value: 'origin', label: t('offices.kinds.origin') },
            ]}
            {...register('kind')}
          />
        </SimpleGrid>
        <Checkbox label={t('offices.fields.active')} error={errors.active?.message} {...register('active')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
