import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/modules/registry/contract';
import { ConflictDialog } from '../../shared/components/ConflictDialog';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { PersonFields } from './PersonFields';
import { PERSON_FIELDS } from './personForm';
import { usePersonEditForm } from './usePersonEditForm';

const IDENTITY_FIELDS = PERSON_FIELDS.filter((field) => field !== 'specificNeeds');

export function PersonIdentityForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const edit = usePersonEditForm(person, IDENTITY_FIELDS, t('person.identity.saved'));
  const {
    register,
    control,
    formState: { errors, isDirty },
  } = edit.form;
  return (
    <>
      <form noValidate onSubmit={edit.submit} aria-label={t('person.identity.title')}>
        <Stack>
          <FormErrorAlert error={edit.formError} />
          <PersonFields control={control} register={register} errors={errors} />
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
