import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, SaveProfileSchema } from '../../../../src/modules/employment/contract';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { TagListInput } from '../../shared/components/TagListInput';
import { listError } from '../../shared/forms/listError';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { employmentApi, employmentKeys, type SaveProfileBody, type SkillsProfile } from './api';
import { educationLabel, sectorOptions } from './labels';
import { LanguagesInput, SkillsInput } from './SkillInputs';
import { WorkExperienceRows } from './WorkExperienceRows';

export interface ProfileValues {
  educationLevel: string;
  workExperience: { title: string; sector: string; years: string }[];
  skills: string[];
  languages: string[];
  preferredSectors: string[];
  preferredLocations: string[];
}
const FIELDS = new Set([
  'educationLevel',
  'workExperience',
  'skills',
  'languages',
  'preferredSectors',
  'preferredLocations',
]);

function toValues(profile: SkillsProfile | null, personLanguages: string[]): ProfileValues {
  return {
    educationLevel: profile?.educationLevel ?? '',
    workExperience: (profile?.workExperience ?? []).map((w) => ({ ...w, years: String(w.years) })),
    skills: profile?.skills ?? [],
    // A new profile starts from the languages on the person's record.
    languages: profile?.languages ?? personLanguages,
    preferredSectors: profile?.preferredSectors ?? [],
    preferredLocations: profile?.preferredLocations ?? [],
  };
}

function toBody(v: ProfileValues, version: number | undefined): SaveProfileBody {
  const years = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.'))) as number;
  return {
    educationLevel: v.educationLevel as SaveProfileBody['educationLevel'],
    workExperience: v.workExperience.map((w) => ({
      title: w.title,
      sector: w.sector as NonNullable<SaveProfileBody['workExperience']>[number]['sector'],
      years: years(w.years),
    })),
    skills: v.skills,
    languages: v.languages,
    preferredSectors: v.preferredSectors as SaveProfileBody['preferredSectors'],
    preferredLocations: v.preferredLocations,
    ...(version === undefined ? {} : { version }),
  };
}

interface SkillsProfileFormProps {
  personId: string;
  personLanguages: string[];
  profile: SkillsProfile | null;
}

export function SkillsProfileForm({ personId, personLanguages, profile }: SkillsProfileFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const version = profile?.version;
  const resolver = useMemo(
    () =>
      localizedZodValidator<ProfileValues, SaveProfileBody>(SaveProfileSchema, t, (v) => toBody(v, version)),
    [t, version],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<ProfileValues, unknown, SaveProfileBody>({
    resolver,
    defaultValues: toValues(profile, personLanguages),
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path.split('.')[0] ?? path),
    mutationFn: (body: SaveProfileBody) => employmentApi.saveProfile(personId, body),
    successMessage: () => t('employment.profile.saved'),
    onSaved: (saved) => {
      queryClient.setQueryData(employmentKeys.profile(personId), saved);
      reset(toValues(saved, personLanguages));
    },
    refresh: () => queryClient.invalidateQueries({ queryKey: employmentKeys.matches(personId) }),
    // Someone saved it meanwhile: fetch it, so that saving again is based on their version.
    onError: () => queryClient.invalidateQueries({ queryKey: employmentKeys.profile(personId) }),
  });
  return (
    <form noValidate aria-label={t('employment.profile.title')} onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <NativeSelect
          label={t('employment.profile.education')}
          required
          maw={360}
          error={errors.educationLevel?.message}
          data={[
            { value: '', label: t('employment.profile.chooseEducation') },
            ...EDUCATION_LEVELS.map((level) => ({ value: level, label: educationLabel(level, t) })),
          ]}
          {...register('educationLevel')}
        />
        <WorkExperienceRows control={control} register={register} errors={errors} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
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
        <Controller
          control={control}
          name="preferredSectors"
          render={({ field }) => (
            <Checkbox.Group
              label={t('employment.profile.preferredSectors')}
              value={field.value}
              onChange={field.onChange}
              error={listError(errors.preferredSectors)}
            >
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} mt="xs" spacing="xs">
                {sectorOptions(t).map((option) => (
                  <Checkbox key={option.value} value={option.value} label={option.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={control}
          name="preferredLocations"
          render={({ field }) => (
            <TagListInput
              label={t('employment.profile.preferredLocations')}
              addLabel={t('employment.profile.addLocation')}
              value={field.value}
              onChange={field.onChange}
              max={10}
              error={listError(errors.preferredLocations)}
            />
          )}
        />
        <Group>
          <Button type="submit" loading={isPending} disabled={profile !== null && !isDirty}>
            {t('employment.profile.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
