import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../../src/modules/registry/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ConflictDialog } from '../../shared/components/ConflictDialog';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { type Match, mergePersons, useRefreshAfterMerge } from './api';
import { personName } from './labels';
import { MatchCard, MatchList } from './MatchCard';
import { MergeConfirmModal } from './MergeConfirmModal';
import { PersonFields } from './PersonFields';
import { PERSON_FIELDS } from './personForm';
import { useCanMerge } from './useCanMerge';
import { usePersonEditForm } from './usePersonEditForm';

const IDENTITY_FIELDS = PERSON_FIELDS.filter((field) => field !== 'specificNeeds');

export function PersonIdentityForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const edit = usePersonEditForm(person, IDENTITY_FIELDS, t('person.identity.saved'), { checkMatches: true });
  const {
    register,
    control,
    getValues,
    formState: { errors, isDirty },
  } = edit.form;
  const canMerge = useCanMerge();
  const refresh = useRefreshAfterMerge();
  const [mergeTarget, setMergeTarget] = useState<Match | null>(null);
  const merge = useActionMutation({
    showError: 'inline',
    mutationFn: async (other: Match) => {
      await edit.savePending();
      return mergePersons({ keepId: person.id, mergeId: other.person.id });
    },
    successMessage: (_result, other) =>
      t('registry.merge.done', {
        merged: personName(other.person),
        mergedReference: other.person.reference,
        keptReference: person.reference,
      }),
    onSaved: () => setMergeTarget(null),
    refresh: () => refresh(),
  });

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
      <AppModal
        opened={edit.pendingMatches !== null && mergeTarget === null}
        onClose={edit.backToEditing}
        title={t('person.identity.matchCheck.title')}
        size="xl"
      >
        <Stack>
          <Alert color="orange" variant="light" role="alert">
            {t('person.identity.matchCheck.intro')}
          </Alert>
          <MatchList label={t('person.identity.matchCheck.listLabel')}>
            {(edit.pendingMatches ?? []).map((match) => (
              <MatchCard
                key={match.person.id}
                match={match}
                actions={(nameId) => (
                  <>
                    <Button
                      component={Link}
                      to={`/registry/${match.person.id}`}
                      variant="default"
                      size="xs"
                      aria-describedby={nameId}
                    >
                      {t('person.identity.matchCheck.openOther')}
                    </Button>
                    {canMerge(person.officeCode, match.person.officeCode) ? (
                      <Button
                        variant="light"
                        size="xs"
                        aria-describedby={nameId}
                        onClick={() => setMergeTarget(match)}
                      >
                        {t('person.identity.matchCheck.mergeInto')}
                      </Button>
                    ) : null}
                  </>
                )}
              />
            ))}
          </MatchList>
          <Group justify="flex-end">
            <Button variant="default" onClick={edit.backToEditing}>
              {t('person.identity.matchCheck.back')}
            </Button>
            <Button color="orange" loading={edit.saving} onClick={edit.saveAnyway}>
              {t('person.identity.matchCheck.saveAnyway')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <MergeConfirmModal
        pair={
          mergeTarget
            ? {
                kept: { name: personName(getValues()), reference: person.reference },
                merged: { name: personName(mergeTarget.person), reference: mergeTarget.person.reference },
              }
            : null
        }
        note={edit.pendingMatches ? t('registry.merge.saveFirst') : undefined}
        loading={merge.isPending}
        formError={merge.formError}
        onConfirm={() => {
          if (mergeTarget) merge.run(mergeTarget);
        }}
        onClose={() => {
          setMergeTarget(null);
          merge.reset();
        }}
      />
      <ConflictDialog
        opened={edit.conflict}
        fields={edit.conflictFields}
        onClose={edit.closeConflict}
        onReload={edit.reload}
      />
    </>
  );
}
