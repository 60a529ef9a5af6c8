import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
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
    <Fieldset legend={t('employment.profile.workExperience')} variant="unstyled">
      <Stack gap="sm">
        {fields.length === 0 ? <Text size="sm">{t('employment.profile.noExperience')}</Text> : null}
        {fields.map((field, index) => {
          const rowErrors = errors.workExperience?.[index];
          return (
            <Group
              key={field.id}
              role="group"
              aria-label={t('employment.profile.experienceRow', { index: index + 1 })}
              align="flex-start"
              gap="sm"
              wrap="nowrap"
            >
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
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                aria-label={t('employment.profile.removeExperience', { index: index + 1 })}
                onClick={() => remove(index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => append({ title: '', sector: '', years: '' })}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('employment.profile.addExperience')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
