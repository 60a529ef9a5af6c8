import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateEmployerSchema, UpdateEmployerSchema } from '../../../../src/modules/employment/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useServerErrors } from '../../shared/forms/useServerErrors';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { CountrySelect } from '../offices/CountrySelect';
import { useOfficesWith } from '../offices/useOfficesWith';
import {
  type CreateEmployerBody,
  type Employer,
  employmentApi,
  type UpdateEmployerBody,
  useRefreshEmployment,
} from './api';
import { sectorOptions } from './labels';

interface EmployerValues {
  officeId: string;
  name: string;
  sector: string;
  country: string;
  location: string;
  contactName: string;
  phone: string;
  email: string;
}
const FIELDS = new Set([
  'officeId',
  'name',
  'sector',
  'country',
  'location',
  'contactName',
  'phone',
  'email',
]);

function toFields(v: EmployerValues) {
  const blank = (s: string) => (s.trim() === '' ? null : s);
  return {
    name: v.name,
    sector: v.sector as CreateEmployerBody['sector'],
    country: v.country,
    location: v.location,
    contactName: blank(v.contactName),
    phone: blank(v.phone),
    email: blank(v.email),
  };
}

interface EmployerFormModalProps {
  employer: Employer | null;
  opened: boolean;
  onClose: () => void;
}

export function EmployerFormModal({ employer, opened, onClose }: EmployerFormModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={
        employer
          ? t('employment.employers.editTitle', { name: employer.name })
          : t('employment.employers.createTitle')
      }
    >
      {opened ? <EmployerForm employer={employer} onDone={onClose} /> : null}
    </AppModal>
  );
}

function EmployerForm({ employer, onDone }: { employer: Employer | null; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshEmployment();
  const offices = useOfficesWith('employment.write');
  const resolver = useMemo(
    () =>
      employer
        ? localizedZodValidator<EmployerValues, UpdateEmployerBody>(UpdateEmployerSchema, t, (v) => ({
            ...toFields(v),
            version: employer.version,
          }))
        : localizedZodValidator<EmployerValues, CreateEmployerBody>(CreateEmployerSchema, t, (v) => ({
            ...toFields(v),
            officeId: v.officeId,
          })),
    [t, employer],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EmployerValues, unknown, CreateEmployerBody | UpdateEmployerBody>({
    resolver,
    defaultValues: {
      officeId: employer?.officeId ?? (offices.offices.length === 1 ? (offices.offices[0]?.id ?? '') : ''),
      name: employer?.name ?? '',
      sector: employer?.sector ?? '',
      country: employer?.country ?? '',
      location: employer?.location ?? '',
      contactName: employer?.contactName ?? '',
      phone: employer?.phone ?? '',
      email: employer?.email ?? '',
    },
  });
  const { formError, handleError, clear } = useServerErrors(setError, (path) => FIELDS.has(path));
  const mutation = useMutation({
    mutationFn: (body: CreateEmployerBody | UpdateEmployerBody) =>
      employer
        ? employmentApi.updateEmployer(employer.id, body as UpdateEmployerBody)
        : employmentApi.createEmployer(body as CreateEmployerBody),
    onSuccess: async (saved) => {
      notifications.show({ color: 'blue', message: t('employment.employers.saved', { name: saved.name }) });
      onDone();
      await refresh();
    },
    onError: handleError,
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit((body) => {
        clear();
        mutation.mutate(body);
      })}
    >
      <Stack>
        <FormErrorAlert error={formError} />
        {employer ? null : (
          <Controller
            control={control}
            name="officeId"
            render={({ field }) => (
              <NativeSelect
                label={t('employment.fields.office')}
                required
                error={errors.officeId?.message}
                data={[
                  { value: '', label: t('employment.fields.chooseOffice') },
                  ...offices.offices.map((o) => ({ value: o.id, label: o.name })),
                ]}
                {...field}
              />
            )}
          />
        )}
        <AutoDirTextInput
          label={t('employment.fields.employerName')}
          required
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('employment.fields.sector')}
            required
            error={errors.sector?.message}
            data={[{ value: '', label: t('employment.fields.chooseSector') }, ...sectorOptions(t)]}
            {...register('sector')}
          />
          <CountrySelect
            label={t('employment.fields.country')}
            required
            error={errors.country?.message}
            {...register('country')}
          />
          <AutoDirTextInput
            label={t('employment.fields.location')}
            required
            autoComplete="off"
            error={errors.location?.message}
            {...register('location')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <AutoDirTextInput
            label={t('employment.fields.contactName')}
            autoComplete="off"
            error={errors.contactName?.message}
            {...register('contactName')}
          />
          <TextInput
            label={t('employment.fields.phone')}
            type="tel"
            autoComplete="off"
            error={errors.phone?.message}
            {...register('phone')}
          />
          <TextInput
            label={t('employment.fields.email')}
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
