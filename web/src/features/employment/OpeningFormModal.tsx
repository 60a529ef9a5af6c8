import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateOpeningSchema, UpdateOpeningSchema } from '../../../../src/modules/employment/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextarea, AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { ModalForm } from '../../shared/components/ModalForm';
import { listError } from '../../shared/forms/listError';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { CountrySelect } from '../offices/CountrySelect';
import {
  type CreateOpeningBody,
  employmentApi,
  type Opening,
  type UpdateOpeningBody,
  useEmployers,
  useRefreshEmployment,
} from './api';
import { sectorOptions } from './labels';
import { LanguagesInput, SkillsInput } from './SkillInputs';

interface OpeningValues {
  employerId: string;
  title: string;
  description: string;
  sector: string;
  country: string;
  location: string;
  skills: string[];
  languages: string[];
  posts: string;
  openedOn: string;
}
const FIELDS = new Set([
  'employerId',
  'title',
  'description',
  'sector',
  'country',
  'location',
  'skills',
  'languages',
  'posts',
  'openedOn',
]);

const blank = (s: string) => (s.trim() === '' ? null : s);
const postsOf = (s: string) => (s.trim() === '' ? undefined : Number(s)) as number;

interface OpeningFormModalProps {
  opening: Opening | null;
  /** For a new opening: the employer to preselect. */
  employerId?: string;
  opened: boolean;
  onClose: () => void;
}

export function OpeningFormModal({ opening, employerId, opened, onClose }: OpeningFormModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={
        opening
          ? t('employment.openings.editTitle', { title: opening.title })
          : t('employment.openings.createTitle')
      }
      size="xl"
    >
      {opened ? <OpeningForm opening={opening} employerId={employerId} onDone={onClose} /> : null}
    </AppModal>
  );
}

function OpeningForm({
  opening,
  employerId,
  onDone,
}: {
  opening: Opening | null;
  employerId?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshEmployment();
  const employers = useEmployers({});
  const resolver = useMemo(
    () =>
      opening
        ? localizedZodValidator<OpeningValues, UpdateOpeningBody>(UpdateOpeningSchema, t, (v) => ({
            title: v.title,
            description: blank(v.description),
            sector: v.sector as UpdateOpeningBody['sector'],
            country: v.country,
            location: v.location,
            skills: v.skills,
            languages: v.languages,
            posts: postsOf(v.posts),
            version: opening.version,
          }))
        : localizedZodValidator<OpeningValues, CreateOpeningBody>(CreateOpeningSchema, t, (v) => ({
            employerId: v.employerId,
            title: v.title,
            description: blank(v.description),
            // The employer's sector, country and town when left blank.
            sector: (blank(v.sector) ?? undefined) as CreateOpeningBody['sector'],
            country: blank(v.country) ?? undefined,
            location: blank(v.location) ?? undefined,
            skills: v.skills,
            languages: v.languages,
            posts: postsOf(v.posts),
            openedOn: blank(v.openedOn) ?? undefined,
          })),
    [t, opening],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<OpeningValues, unknown, CreateOpeningBody | UpdateOpeningBody>({
    resolver,
    defaultValues: {
      employerId: opening?.employer.id ?? employerId ?? '',
      title: opening?.title ?? '',
      description: opening?.description ?? '',
      sector: opening?.sector ?? '',
      country: opening?.country ?? '',
      location: opening?.location ?? '',
      skills: opening?.skills ?? [],
      languages: opening?.languages ?? [],
      posts: String(opening?.posts ?? 1),
      openedOn: '',
    },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path.split('.')[0] ?? path),
    mutationFn: (body: CreateOpeningBody | UpdateOpeningBody) =>
      opening
        ? employmentApi.updateOpening(opening.id, body as UpdateOpeningBody)
        : employmentApi.createOpening(body as CreateOpeningBody),
    successMessage: (saved) => t('employment.openings.saved', { title: saved.title }),
    onSaved: onDone,
    refresh,
  });
  const inherit = opening ? undefined : t('employment.openings.fromEmployer');
  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      {opening ? null : (
        <Controller
          control={control}
          name="employerId"
          render={({ field }) => (
            <NativeSelect
              label={t('employment.fields.employer')}
              required
              error={errors.employerId?.message}
              data={[
                { value: '', label: t('employment.fields.chooseEmployer') },
                ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
              ]}
              {...field}
            />
          )}
        />
      )}
      <AutoDirTextInput
        label={t('employment.fields.title')}
        required
        autoComplete="off"
        error={errors.title?.message}
        {...register('title')}
      />
      <AutoDirTextarea
        label={t('employment.fields.description')}
        autosize
        minRows={2}
        maxRows={8}
        error={errors.description?.message}
        {...register('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('employment.fields.sector')}
          required={opening !== null}
          description={inherit}
          error={errors.sector?.message}
          data={[{ value: '', label: t('employment.fields.chooseSector') }, ...sectorOptions(t)]}
          {...register('sector')}
        />
        <CountrySelect
          label={t('employment.fields.country')}
          required={opening !== null}
          description={inherit}
          error={errors.country?.message}
          {...register('country')}
        />
        <AutoDirTextInput
          label={t('employment.fields.location')}
          required={opening !== null}
          description={inherit}
          autoComplete="off"
          error={errors.location?.message}
          {...register('location')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={control}
          name="skills"
          render={({ field }) => (
            <SkillsInput value={field.value} onChange={field.onChange} error={listError(errors.skills)} />
          )}
        />
        <Controller
          control={control}
          name="languages"
          render={({ field }) => (
            <LanguagesInput
              value={field.value}
              onChange={field.onChange}
              error={listError(errors.languages)}
            />
          )}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('employment.fields.posts')}
          type="number"
          min={1}
          required
          error={errors.posts?.message}
          {...register('posts')}
        />
        {opening ? null : (
          <TextInput
            label={t('employment.fields.openedOn')}
            description={t('employment.fields.openedOnHint')}
            type="date"
            error={errors.openedOn?.message}
            {...register('openedOn')}
          />
        )}
      </SimpleGrid>
    </ModalForm>
  );
}
