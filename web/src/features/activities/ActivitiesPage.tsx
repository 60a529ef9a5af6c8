import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { ActivitiesNav } from './ActivitiesNav';
import { ActivityFormModal } from './ActivityFormModal';
import { type ActivitySummary, useActivities } from './api';
import { DateRange } from './DateRange';
import { ACTIVITY_KINDS, activityKindLabel } from './labels';

/** Trainings of authorities, workshops, study visits and conferences, newest first. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [kind, setKind] = useState('');
  const activities = useActivities({ kind: kind || undefined });
  const [editing, setEditing] = useState<ActivitySummary | 'new' | null>(null);
  const canWrite = can('activities.write');
  const rows = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const total = activities.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('activities.activities.title')}
        intro={t('activities.activities.intro')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('activities.activities.create')}
            </Button>
          ) : null
        }
      />
      <ActivitiesNav />
      <Stack>
        <NativeSelect
          label={t('activities.fields.kind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          maw={280}
          data={[
            { value: '', label: t('activities.activities.allKinds') },
            ...ACTIVITY_KINDS.map((k) => ({ value: k, label: activityKindLabel(k, t) })),
          ]}
        />
        {activities.isPending ? (
          <LoadingState />
        ) : activities.isError ? (
          <QueryError error={activities.error} onRetry={() => void activities.refetch()} />
        ) : rows.length === 0 ? (
          <Text>{t('activities.activities.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('activities.activities.count', { count: total })}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label={t('activities.activities.tableLabel')} withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('activities.fields.title')}</Table.Th>
                    <Table.Th scope="col">{t('activities.fields.kind')}</Table.Th>
                    <Table.Th scope="col">{t('activities.activities.dates')}</Table.Th>
                    <Table.Th scope="col">{t('activities.fields.place')}</Table.Th>
                    <Table.Th scope="col">{t('activities.fields.project')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('activities.activities.participants')}
                    </Table.Th>
                    {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((activity) => (
                    <Table.Tr key={activity.id}>
                      <Table.Th scope="row">
                        <Text size="sm" fw={600}>
                          <bdi>{activity.title}</bdi>
                        </Text>
                        <Text size="xs" c="dimmed">
                          <bdi>{activity.topic}</bdi>
                        </Text>
                      </Table.Th>
                      <Table.Td>{activityKindLabel(activity.kind, t)}</Table.Td>
                      <Table.Td>
                        <DateRange start={activity.startDate} end={activity.endDate} />
                      </Table.Td>
                      <Table.Td>
                        <bdi>{activity.place}</bdi>, {format.country(activity.country)}
                      </Table.Td>
                      <Table.Td>{activity.projectCode ?? t('common.none')}</Table.Td>
                      <Table.Td ta="right">{format.number(activity.participantCount)}</Table.Td>
                      {canWrite ? (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="light"
                            aria-label={t('activities.activities.editLabel', { title: activity.title })}
                            onClick={() => setEditing(activity)}
                          >
                            {t('activities.edit')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {activities.hasNextPage ? (
              <Group>
                <Button
                  variant="default"
                  loading={activities.isFetchingNextPage}
                  onClick={() => void activities.fetchNextPage()}
                >
                  {t('activities.loadMore')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
      {canWrite ? (
        <ActivityFormModal
          activity={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
