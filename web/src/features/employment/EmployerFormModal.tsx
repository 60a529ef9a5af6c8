import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateEmployerSchema, UpdateEmployerSchema } from '../../../../src/modules/employment/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { ModalForm } from '../../shared/components/ModalForm';
import { OfficeSelect, onlyOfficeId } from '../../shared/components/OfficeSelect';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { useOfficeRecordResolver } from '../../shared/forms/useOfficeRecordResolver';
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
  const resolver = useOfficeRecordResolver(employer, CreateEmployerSchema, UpdateEmployerSchema, toFields);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EmployerValues, unknown, CreateEmployerBody | UpdateEmployerBody>({
    resolver,
    defaultValues: {
      officeId: employer?.officeId ?? onlyOfficeId(offices.offices),
      name: employer?.name ?? '',
      sector: employer?.sector ?? '',
      country: employer?.country ?? '',
      location: employer?.location ?? '',
      contactName: employer?.contactName ?? '',
      phone: employer?.phone ?? '',
      email: employer?.email ?? '',
    },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: CreateEmployerBody | UpdateEmployerBody) =>
      employer
        ? employmentApi.updateEmployer(employer.id, body as UpdateEmployerBody)
        : employmentApi.createEmployer(body as CreateEmployerBody),
    successMessage: (saved) => t('employment.employers.saved', { name: saved.name }),
    onSaved: onDone,
    refresh,
  });
  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      {employer ? null : (
        <Controller
          control={control}
          name="officeId"
          render={({ field }) => (
            <OfficeSelect
              label={t('employment.fields.office')}
              emptyLabel={t('employment.fields.chooseOffice')}
              required
              error={errors.officeId?.message}
              offices={offices.offices}
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
    </ModalForm>
  );
}
