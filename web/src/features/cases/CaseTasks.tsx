import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type CaseDetail, CreateTaskSchema } from '../../../../src/modules/cases/contract';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { addTask, useRefreshCase } from './api';
import { TaskDoneCheckbox } from './TaskDoneCheckbox';
import { useAssignableUsers } from './useAssignableUsers';

/** Open tasks first (overdue ones at the top), by due date; done tasks last. */
function sortTasks<T extends { done: boolean; overdue: boolean; dueDate: string | null }>(tasks: T[]): T[] {
  const rank = (task: T) => (task.done ? 2 : task.overdue ? 0 : 1);
  return [...tasks].sort(
    (a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
}

export { sortTasks };

export function CaseTasks({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tasks = sortTasks(detail.tasks);
  return (
    <Stack>
      {tasks.length === 0 ? (
        <Text>{t('cases.tasks.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('cases.tasks.listLabel')} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={60}>
                  {t('cases.tasks.done')}
                </Table.Th>
                <Table.Th scope="col">{t('cases.tasks.taskTitle')}</Table.Th>
                <Table.Th scope="col">{t('cases.tasks.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('cases.tasks.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => {
                const overdue = task.overdue && !task.done;
                return (
                  <Table.Tr key={task.id} bg={overdue ? 'red.0' : undefined}>
                    <Table.Td>
                      <TaskDoneCheckbox task={task} disabled={!canWrite} />
                    </Table.Td>
                    <Table.Th scope="row">
                      <Text
                        size="sm"
                        fw={600}
                        td={task.done ? 'line-through' : undefined}
                        c={overdue ? 'red.9' : undefined}
                      >
                        {task.title}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
                          {task.dueDate ? format.calendarDate(task.dueDate) : t('cases.tasks.noDueDate')}
                        </Text>
                        {overdue ? (
                          <Badge color="red" variant="filled" tt="none">
                            {t('cases.tasks.overdue')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{task.assignee?.name ?? t('cases.tasks.nobody')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite ? <AddTaskForm detail={detail} /> : null}
    </Stack>
  );
}

type TaskValues = { title: string; dueDate: string; assigneeId: string };
type TaskBody = z.output<typeof CreateTaskSchema>;
const TASK_FIELDS = new Set(['title', 'dueDate', 'assigneeId']);

function AddTaskForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const assignable = useAssignableUsers(detail.officeId);
  const resolver = useMemo(
    () =>
      localizedZodResolver<TaskValues, TaskBody>(CreateTaskSchema, t, (values) => ({
        title: values.title,
        dueDate: values.dueDate || null,
        assigneeId: values.assigneeId || null,
      })),
    [t],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<TaskValues, unknown, TaskBody>({
    resolver,
    defaultValues: { title: '', dueDate: '', assigneeId: detail.assignedTo?.id ?? '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => TASK_FIELDS.has(path),
    mutationFn: (body: TaskBody) => addTask(detail.id, body),
    successMessage: () => t('cases.tasks.added'),
    onSaved: () => reset({ title: '', dueDate: '', assigneeId: detail.assignedTo?.id ?? '' }),
    refresh: () => refresh(detail.id),
  });
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="xs">
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('cases.tasks.taskTitle')}
            required
            autoComplete="off"
            error={errors.title?.message}
            {...register('title')}
          />
          <TextInput
            label={t('cases.tasks.dueDate')}
            type="date"
            error={errors.dueDate?.message}
            {...register('dueDate')}
          />
          {/* Controlled: the options change when the assignable users arrive, and an uncontrolled select
              would keep the selected position (showing someone else) rather than the chosen person. */}
          <Controller
            control={control}
            name="assigneeId"
            render={({ field }) => (
              <NativeSelect
                label={t('cases.tasks.assignee')}
                error={errors.assigneeId?.message}
                data={[
                  { value: '', label: t('cases.tasks.nobody') },
                  ...assignable.users.map((u) => ({ value: u.id, label: u.displayName })),
                  ...(detail.assignedTo && !assignable.users.some((u) => u.id === detail.assignedTo?.id)
                    ? [{ value: detail.assignedTo.id, label: detail.assignedTo.name }]
                    : []),
                ]}
                {...field}
              />
            )}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" size="xs" loading={isPending}>
            {t('cases.tasks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
