import { NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { usePlacements } from './api';
import { EmploymentNav } from './EmploymentNav';
import { PlacementsTable } from './PlacementsTable';

/** Every placement in scope, with the follow-ups due, overdue or done. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const [followUp, setFollowUp] = useState('');
  const placements = usePlacements({ followUp: followUp || undefined });
  return (
    <>
      <PageHeader title={t('employment.placements.title')} intro={t('employment.placements.intro')} />
      <EmploymentNav />
      <Stack>
        <NativeSelect
          label={t('employment.placements.filter')}
          value={followUp}
          onChange={(event) => setFollowUp(event.currentTarget.value)}
          maw={320}
          data={[
            { value: '', label: t('employment.placements.all') },
            { value: 'due', label: t('employment.placements.due') },
            { value: 'overdue', label: t('employment.placements.overdue') },
          ]}
        />
        {placements.isPending ? (
          <LoadingState />
        ) : placements.isError ? (
          <QueryError error={placements.error} onRetry={() => void placements.refetch()} />
        ) : (
          <PlacementsTable placements={placements.data} />
        )}
      </Stack>
    </>
  );
}
