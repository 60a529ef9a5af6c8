import { Checkbox } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../shared/api/errors';
import { type CaseTask, casesKeys, updateTask } from './api';

/** Marks a task done (or not done again), with its version; then the case and the task lists refresh. */
export function TaskDoneCheckbox({ task, disabled = false }: { task: CaseTask; disabled?: boolean }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (done: boolean) => updateTask(task.id, { version: task.version, done }),
    onSuccess: async (saved) => {
      if (saved.done) notifications.show({ color: 'blue', message: t('cases.tasks.markedDone') });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: casesKeys.myTasks }),
        queryClient.invalidateQueries({ queryKey: casesKeys.detail(task.caseId) }),
      ]);
    },
    onError: async (error) => {
      notifications.show({ color: 'red', message: describe(error) });
      // A version conflict: show the task as it is now.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: casesKeys.myTasks }),
        queryClient.invalidateQueries({ queryKey: casesKeys.detail(task.caseId) }),
      ]);
    },
  });
  const checked = mutation.isPending ? Boolean(mutation.variables) : task.done;
  return (
    <Checkbox
      aria-label={t('cases.tasks.markDone', { title: task.title })}
      checked={checked}
      disabled={disabled || mutation.isPending}
      onChange={(event) => mutation.mutate(event.currentTarget.checked)}
    />
  );
}
