import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../src/modules/cases/contract';
import { useDescribeError } from '../../shared/api/errors';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
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
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const officeIds = [...new Set(cases.map((c) => c.officeId))];
  const officeId = officeIds.length === 1 ? officeIds[0] : null;
  const assignable = useAssignableUsers(officeId);
  const [assignee, setAssignee] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      bulkAssign(
        cases.map((c) => c.id),
        assignee === NOBODY ? null : assignee,
      ),
    onSuccess: async (result) => {
      notifications.show({ color: 'blue', message: t('cases.bulk.done', { assigned: result.assigned }) });
      if (result.notFound.length > 0)
        notifications.show({
          color: 'orange',
          message: t('cases.bulk.notFound', { count: result.notFound.length }),
        });
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
        mutation.mutate();
      }}
    >
      <Stack>
        <Text size="sm">
          {t('cases.bulk.intro', { count: cases.length, office: cases[0]?.officeCode ?? '' })}
        </Text>
        {mutation.isError ? (
          <FormErrorAlert error={{ message: describe(mutation.error), details: [] }} />
        ) : null}
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
          <Button type="submit" loading={mutation.isPending}>
            {t('cases.bulk.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
