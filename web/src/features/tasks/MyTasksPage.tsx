import { Anchor, Badge, Checkbox, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { casesKeys, fetchMyTasks } from '../cases/api';
import { sortTasks } from '../cases/CaseTasks';
import { TaskDoneCheckbox } from '../cases/TaskDoneCheckbox';

/** The signed-in user's open tasks across their cases, overdue ones first and highlighted. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const tasks = useQuery({
    queryKey: casesKeys.myTaskList(overdueOnly),
    queryFn: ({ signal }) => fetchMyTasks(overdueOnly, signal),
    placeholderData: keepPreviousData,
  });
  const rows = sortTasks((tasks.data ?? []).filter((task) => !task.done));

  return (
    <>
      <PageHeader title={t('myTasks.title')} intro={t('myTasks.intro')} />
      <Checkbox
        mb="md"
        label={t('myTasks.overdueOnly')}
        checked={overdueOnly}
        onChange={(event) => setOverdueOnly(event.currentTarget.checked)}
      />
      {tasks.isPending ? (
        <LoadingState />
      ) : tasks.isError ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <>
          <VisuallyHidden role="status">{t('myTasks.count', { count: rows.length })}</VisuallyHidden>
          {rows.length === 0 ? (
            <Text>{overdueOnly ? t('myTasks.emptyOverdue') : t('myTasks.empty')}</Text>
          ) : (
            <Paper withBorder>
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label={t('myTasks.tableLabel')} verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={60}>
                        {t('myTasks.done')}
                      </Table.Th>
                      <Table.Th scope="col">{t('myTasks.task')}</Table.Th>
                      <Table.Th scope="col">{t('myTasks.dueDate')}</Table.Th>
                      <Table.Th scope="col">{t('myTasks.case')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((task) => (
                      <Table.Tr key={task.id} bg={task.overdue ? 'red.0' : undefined}>
                        <Table.Td>
                          <TaskDoneCheckbox task={task} disabled={!can('cases.write')} />
                        </Table.Td>
                        <Table.Th scope="row">
                          <Text size="sm" fw={600} c={task.overdue ? 'red.9' : undefined}>
                            {task.title}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text
                              size="sm"
                              c={task.overdue ? 'red.9' : undefined}
                              fw={task.overdue ? 700 : undefined}
                            >
                              {task.dueDate ? format.calendarDate(task.dueDate) : t('cases.tasks.noDueDate')}
                            </Text>
                            {task.overdue ? (
                              <Badge color="red" variant="filled" tt="none">
                                {t('cases.tasks.overdue')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm">
                            {task.caseReference}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </>
      )}
    </>
  );
}
