import { NativeSelect, TextInput } from '@mantine/core';
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RepeatingRows } from '../../shared/components/RepeatingRows';
import type { SaveProfileBody } from './api';
import { sectorOptions } from './labels';
import type { ProfileValues } from './SkillsProfileForm';

interface WorkExperienceRowsProps {
  control: Control<ProfileValues, unknown, SaveProfileBody>;
  register: UseFormRegister<ProfileValues>;
  errors: FieldErrors<ProfileValues>;
}

/** Jobs the person has held: title, sector, years; each row its own labelled group. */
export function WorkExperienceRows({ control, register, errors }: WorkExperienceRowsProps) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'workExperience' });
  return (
    <RepeatingRows
      legend={t('employment.profile.workExperience')}
      emptyText={t('employment.profile.noExperience')}
      rows={fields}
      rowLabel={(index) => t('employment.profile.experienceRow', { index: index + 1 })}
      removeLabel={(index) => t('employment.profile.removeExperience', { index: index + 1 })}
      onRemove={remove}
      addLabel={t('employment.profile.addExperience')}
      onAdd={() => append({ title: '', sector: '', years: '' })}
      gap="sm"
      renderRow={(index) => {
        const rowErrors = errors.workExperience?.[index];
        return (
          <>
            <TextInput
              label={t('employment.profile.jobTitle')}
              required
              autoComplete="off"
              style={{ flex: 2 }}
              error={rowErrors?.title?.message}
              {...register(`workExperience.${index}.title`)}
            />
            <NativeSelect
              label={t('employment.fields.sector')}
              required
              style={{ flex: 1 }}
              error={rowErrors?.sector?.message}
              data={[{ value: '', label: t('employment.fields.chooseSector') }, ...sectorOptions(t)]}
              {...register(`workExperience.${index}.sector`)}
            />
            <TextInput
              label={t('employment.profile.years')}
              type="number"
              min={0}
              step="0.5"
              required
              w={100}
              error={rowErrors?.years?.message}
              {...register(`workExperience.${index}.years`)}
            />
          </>
        );
      }}
    />
  );
}
