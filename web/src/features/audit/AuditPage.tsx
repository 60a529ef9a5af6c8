import { Button, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useCan } from '../auth/session';
import { useOffices } from '../offices/api';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditTable } from './AuditTable';
import { type AuditFilters, auditKeys, fetchAuditPage } from './api';

export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useState<AuditFilters>({});
  const offices = useOffices({ enabled: can('offices.read') });
  const events = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const officeName = (id: string) => offices.data?.find((o) => o.id === id)?.name ?? id;
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <AuditFiltersForm onApply={setFilters} />
      {events.isPending ? (
        <LoadingState />
      ) : events.isError && rows.length === 0 ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <Stack>
          <AuditTable events={rows} officeName={officeName} />
          {events.isFetchNextPageError ? (
            <QueryError error={events.error} onRetry={() => void events.fetchNextPage()} />
          ) : null}
          {events.hasNextPage ? (
            <Button
              variant="outline"
              style={{ alignSelf: 'flex-start' }}
              loading={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              {t('audit.older')}
            </Button>
          ) : (
            <Text size="sm">{t('audit.end')}</Text>
          )}
        </Stack>
      )}
    </>
  );
}
