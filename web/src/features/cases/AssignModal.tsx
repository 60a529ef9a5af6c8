import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { assignCase, useStoreCase } from './api';
import { useAssignableUsers } from './useAssignableUsers';
import { useCaseMutationError } from './useCaseMutationError';

export function AssignModal({
  detail,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t('cases.detail.assignTitle', { reference: detail.reference })}
      size="md"
    >
      {opened ? <AssignForm detail={detail} onClose={onClose} /> : null}
    </AppModal>
  );
}

function AssignForm({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const storeCase = useStoreCase();
  const onCaseError = useCaseMutationError(detail.id);
  const assignable = useAssignableUsers(detail.officeId);
  const [assignee, setAssignee] = useState(detail.assignedTo?.id ?? '');
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () => assignCase(detail.id, { version: detail.version, assigneeId: assignee || null }),
    successMessage: () => t('cases.detail.assigned'),
    onSaved: (saved) => {
      storeCase(saved);
      onClose();
    },
    recover: (error) => {
      const handled = onCaseError(error);
      if (handled) onClose();
      return handled;
    },
  });
  // The current assignee stays choosable even if no longer in the office's list.
  const users = assignable.users.map((u) => ({ value: u.id, label: u.displayName }));
  if (detail.assignedTo && !users.some((u) => u.value === detail.assignedTo?.id))
    users.unshift({ value: detail.assignedTo.id, label: detail.assignedTo.name });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <FormErrorAlert error={formError} />
        {assignable.isPending ? (
          <LoadingState />
        ) : (
          <NativeSelect
            label={t('cases.detail.assignee')}
            value={assignee}
            onChange={(event) => setAssignee(event.currentTarget.value)}
            data={[{ value: '', label: t('cases.unassigned') }, ...users]}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
