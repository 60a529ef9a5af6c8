import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserShare } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CaseSummary } from '../../../../src/modules/cases/contract';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { casesKeys, fetchCasePage } from './api';
import { BulkAssignModal } from './BulkAssignModal';
import { CaseFiltersForm } from './CaseFiltersForm';
import { CasesTable } from './CasesTable';
import { type CaseFilters, filtersFromParams, filtersToParams, toCaseQuery } from './filters';
import { StatusCounts } from './StatusCounts';

export function CasesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const canAssign = can('cases.assign');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [debouncedQ] = useDebouncedValue(filters.q, 300);
  const query = useMemo(() => toCaseQuery({ ...filters, q: debouncedQ }), [filters, debouncedQ]);
  const [selected, setSelected] = useState<Map<string, CaseSummary>>(new Map());
  const [assigning, setAssigning] = useState(false);

  const setFilters = (next: CaseFilters) => {
    setParams(filtersToParams(next), { replace: true });
    setSelected(new Map());
  };

  const cases = useInfiniteQuery({
    queryKey: casesKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchCasePage(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const first = cases.data?.pages[0];

  const selection = canAssign
    ? {
        selected: new Set(selected.keys()) as ReadonlySet<string>,
        toggle: (c: CaseSummary, on: boolean) =>
          setSelected((current) => {
            const next = new Map(current);
            if (on) next.set(c.id, c);
            else next.delete(c.id);
            return next;
          }),
        toggleAll: (on: boolean) => setSelected(() => (on ? new Map(rows.map((c) => [c.id, c])) : new Map())),
      }
    : undefined;

  return (
    <>
      <PageHeader title={t('cases.title')} />
      <CaseFiltersForm value={filters} onChange={setFilters} />
      {first ? (
        <StatusCounts
          counts={first.countsByStatus}
          selected={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
        />
      ) : null}
      {cases.isPending ? (
        <LoadingState />
      ) : cases.isError && rows.length === 0 ? (
        <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <Stack>
          <Text role="status" size="sm" fw={600}>
            {t('cases.count', { count: format.number(first?.total ?? rows.length) })}
          </Text>
          {selection && selected.size > 0 ? (
            <Paper withBorder p="sm" bg="blue.0">
              <Group justify="space-between" gap="sm">
                <Text size="sm" fw={600} aria-live="polite">
                  {t('cases.bulk.selected', { count: selected.size })}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    leftSection={<IconUserShare size={14} aria-hidden />}
                    onClick={() => setAssigning(true)}
                  >
                    {t('cases.bulk.assign')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setSelected(new Map())}>
                    {t('cases.bulk.clear')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ) : null}
          {rows.length === 0 ? (
            <Text>{t('cases.empty')}</Text>
          ) : (
            <CasesTable cases={rows} selection={selection} />
          )}
          {cases.isFetchNextPageError ? (
            <QueryError error={cases.error} onRetry={() => void cases.fetchNextPage()} />
          ) : null}
          {cases.hasNextPage ? (
            <Button
              variant="outline"
              style={{ alignSelf: 'flex-start' }}
              loading={cases.isFetchingNextPage}
              onClick={() => void cases.fetchNextPage()}
            >
              {t('cases.loadMore')}
            </Button>
          ) : rows.length > 0 ? (
            <Text size="sm">{t('cases.end')}</Text>
          ) : null}
        </Stack>
      )}
      {canAssign ? (
        <BulkAssignModal
          opened={assigning}
          cases={[...selected.values()]}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            setSelected(new Map());
          }}
        />
      ) : null}
    </>
  );
}
