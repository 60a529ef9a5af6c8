import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../src/modules/cases/contract';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { bulkAssign, casesKeys } from './api';
import { useAssignableUsers } from './useAssignableUsers';

interface BulkAssignModalProps {
  opened: boolean;
  cases: CaseSummary[];
  onClose: () => void;
  onDone: () => void;
}

export function BulkAssignModal({ opened, cases, onClose, onDone }: BulkAssignModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('cases.bulk.title')} size="md">
      {opened ? <BulkAssignForm cases={cases} onCancel={onClose} onDone={onDone} /> : null}
    </AppModal>
  );
}

const NOBODY = 'none';

/** Assigns every selected case to one user of their office (the cases must share one office). */
function BulkAssignForm({
  cases,
  onCancel,
  onDone,
}: Omit<BulkAssignModalProps, 'opened' | 'onClose'> & {
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const officeIds = [...new Set(cases.map((c) => c.officeId))];
  const officeId = officeIds.length === 1 ? officeIds[0] : null;
  const assignable = useAssignableUsers(officeId);
  const [assignee, setAssignee] = useState('');
  const [missing, setMissing] = useState(false);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () =>
      bulkAssign(
        cases.map((c) => c.id),
        assignee === NOBODY ? null : assignee,
      ),
    successMessage: (result) => t('cases.bulk.done', { assigned: result.assigned }),
    onSaved: (result) => {
      if (result.notFound.length > 0)
        notifications.show({
          color: 'orange',
          message: t('cases.bulk.notFound', { count: result.notFound.length }),
        });
    },
    refresh: async () => {
      await queryClient.invalidateQueries({ queryKey: casesKeys.all });
      onDone();
    },
  });

  if (!officeId) {
    return (
      <Stack>
        <Alert color="orange" variant="light" role="alert">
          {t('cases.bulk.severalOffices')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!assignee) {
          setMissing(true);
          return;
        }
        submit();
      }}
    >
      <Stack>
        <Text size="sm">
          {t('cases.bulk.intro', { count: cases.length, office: cases[0]?.officeCode ?? '' })}
        </Text>
        <FormErrorAlert error={formError} />
        {assignable.isPending ? (
          <LoadingState />
        ) : (
          <NativeSelect
            label={t('cases.bulk.assignee')}
            required
            value={assignee}
            error={missing ? t('validation.required') : undefined}
            onChange={(event) => {
              setAssignee(event.currentTarget.value);
              setMissing(false);
            }}
            data={[
              { value: '', label: t('cases.bulk.chooseAssignee') },
              ...assignable.users.map((u) => ({ value: u.id, label: u.displayName })),
              { value: NOBODY, label: t('cases.bulk.nobody') },
            ]}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('cases.bulk.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
