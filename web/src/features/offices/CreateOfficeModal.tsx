import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CreateOfficeSchema } from '../../../../src/modules/identity/contract';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { blankToUndefined, localizedZodResolver } from '../../shared/forms/zodResolver';
import { createOffice, officesQueryKey } from './api';
import { CountrySelect } from './CountrySelect';

type CreateOfficeValues = {
  code: string;
  name: string;
  country: string;
  city: string;
  region: string;
  kind: 'host' | 'origin';
};
type CreateOfficeOutput = z.output<typeof CreateOfficeSchema>;

const FIELDS = new Set(['code', 'name', 'country', 'city', 'region', 'kind']);
const isField = (path: string) => FIELDS.has(path);
const EMPTY: CreateOfficeValues = { code: '', name: '', country: '', city: '', region: '', kind: 'host' };

export function CreateOfficeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('offices.createTitle')}>
      {opened ? <CreateOfficeForm onDone={onClose} /> : null}
    </AppModal>
  );
}

function CreateOfficeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resolver = useMemo(
    () =>
      localizedZodResolver<CreateOfficeValues, CreateOfficeOutput>(CreateOfficeSchema, t, (values) => ({
        ...values,
        region: blankToUndefined(values.region),
      })),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateOfficeValues, unknown, CreateOfficeOutput>({ resolver, defaultValues: EMPTY });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField,
    mutationFn: createOffice,
    successMessage: (office) => t('offices.created', { name: office.name }),
    refresh: async () => {
      await queryClient.invalidateQueries({ queryKey: officesQueryKey });
      onDone();
    },
  });

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('offices.fields.code')}
            description={t('offices.fields.codeHint')}
            required
            autoComplete="off"
            error={errors.code?.message}
            {...register('code')}
          />
          <TextInput
            label={t('offices.fields.name')}
            required
            autoComplete="off"
            error={errors.name?.message}
            {...register('name')}
          />
          <CountrySelect
            label={t('offices.fields.country')}
            required
            error={errors.country?.message}
            {...register('country')}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
