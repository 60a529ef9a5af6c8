import { NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { ActivityFormModal } from './ActivityFormModal';
import { type ActivitySummary, useActivities } from './api';
import { DateRange } from './DateRange';
import { ACTIVITY_KINDS, activityKindLabel } from './labels';
import { PagedListPage } from './PagedListPage';

/** Trainings of authorities, workshops, study visits and conferences, newest first. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [kind, setKind] = useState('');
  const activities = useActivities({ kind: kind || undefined });
  const [editing, setEditing] = useState<ActivitySummary | 'new' | null>(null);
  const canWrite = can('activities.write');
  return (
    <PagedListPage
      title={t('activities.activities.title')}
      intro={t('activities.activities.intro')}
      createLabel={canWrite ? t('activities.activities.create') : undefined}
      onCreate={() => setEditing('new')}
      filter={
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
      }
      query={activities}
      emptyText={t('activities.activities.empty')}
      countText={(count) => t('activities.activities.count', { count })}
      tableLabel={t('activities.activities.tableLabel')}
      columns={
        <>
          <Table.Th scope="col">{t('activities.fields.title')}</Table.Th>
          <Table.Th scope="col">{t('activities.fields.kind')}</Table.Th>
          <Table.Th scope="col">{t('activities.activities.dates')}</Table.Th>
          <Table.Th scope="col">{t('activities.fields.place')}</Table.Th>
          <Table.Th scope="col">{t('activities.fields.project')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('activities.activities.participants')}
          </Table.Th>
        </>
      }
      cells={(activity) => (
        <>
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
        </>
      )}
      onEdit={canWrite ? setEditing : undefined}
      editLabel={(activity) => t('activities.activities.editLabel', { title: activity.title })}
    >
      {canWrite ? (
        <ActivityFormModal
          activity={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </PagedListPage>
  );
}
