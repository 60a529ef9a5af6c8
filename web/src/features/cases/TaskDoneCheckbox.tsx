import { Checkbox } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { type CaseTask, casesKeys, updateTask } from './api';

/** Marks a task done (or not done again), with its version; then the case and the task lists refresh. */
export function TaskDoneCheckbox({ task, disabled = false }: { task: CaseTask; disabled?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: casesKeys.myTasks }),
      queryClient.invalidateQueries({ queryKey: casesKeys.detail(task.caseId) }),
    ]);
  const mutation = useActionMutation({
    showError: 'notification',
    mutationFn: (done: boolean) => updateTask(task.id, { version: task.version, done }),
    successMessage: (saved) => (saved.done ? t('cases.tasks.markedDone') : null),
    refresh,
    // A version conflict: show the task as it is now.
    onError: refresh,
  });
  const checked = mutation.isPending ? Boolean(mutation.variables) : task.done;
  return (
    <Checkbox
      aria-label={t('cases.tasks.markDone', { title: task.title })}
      checked={checked}
      disabled={disabled || mutation.isPending}
      onChange={(event) => mutation.run(event.currentTarget.checked)}
    />
  );
}
