import { Button, Group, Stack } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/modules/registry/contract';
import { ConflictDialog } from '../../shared/components/ConflictDialog';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useCanIn } from '../referrals/useCanIn';
import type { PersonField } from './personForm';
import { SpecificNeedsInput } from './SpecificNeedsInput';
import { usePersonEditForm } from './usePersonEditForm';

const NEEDS_FIELDS: readonly PersonField[] = ['specificNeeds'];

export function PersonNeedsForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const edit = usePersonEditForm(person, NEEDS_FIELDS, t('person.needs.saved'));
  const canIn = useCanIn();
  const {
    control,
    formState: { isDirty },
  } = edit.form;
  return (
    <>
      <form noValidate onSubmit={edit.submit} aria-label={t('person.needs.title')}>
        <Stack>
          <FormErrorAlert error={edit.formError} />
          <Controller
            control={control}
            name="specificNeeds"
            render={({ field, fieldState }) => (
              <SpecificNeedsInput
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                withSensitive={canIn('cases.sensitive', person.officeId)}
              />
            )}
          />
          <Group>
            <Button type="submit" loading={edit.saving} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        opened={edit.conflict}
        fields={edit.conflictFields}
        onClose={edit.closeConflict}
        onReload={edit.reload}
      />
    </>
  );
}
