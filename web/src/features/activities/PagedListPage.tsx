import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ActivitiesNav } from './ActivitiesNav';

/** What the page reads of a paged list query (`useActivities`, `useCampaigns`). */
type PagedQuery<T> = Pick<
  UseInfiniteQueryResult<InfiniteData<{ items: T[]; total: number }>>,
  | 'data'
  | 'isPending'
  | 'isError'
  | 'error'
  | 'refetch'
  | 'hasNextPage'
  | 'isFetchingNextPage'
  | 'fetchNextPage'
>;

interface PagedListPageProps<T extends { id: string }> {
  title: string;
  intro: string;
  /** The text of the button that records a new entry; without it (no right to write), no button. */
  createLabel?: string;
  onCreate: () => void;
  /** The filter above the list. */
  filter: ReactNode;
  query: PagedQuery<T>;
  emptyText: string;
  countText: (total: number) => string;
  tableLabel: string;
  /** The header cells of the table's columns, before the actions column. */
  columns: ReactNode;
  /** The cells of an entry's row, before its edit button. */
  cells: (row: T) => ReactNode;
  /** Opens an entry for editing; without it (no right to write), no actions column. */
  onEdit?: (row: T) => void;
  /** The accessible name of an entry's edit button. */
  editLabel: (row: T) => string;
  /** Below the page, e.g. the form modal. */
  children?: ReactNode;
}

/** A page of the activities section: a filtered list loaded page by page, its entries recorded and edited. */
export function PagedListPage<T extends { id: string }>({
  title,
  intro,
  createLabel,
  onCreate,
  filter,
  query,
  emptyText,
  countText,
  tableLabel,
  columns,
  cells,
  onEdit,
  editLabel,
  children,
}: PagedListPageProps<T>) {
  const { t } = useTranslation();
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={title}
        intro={intro}
        actions={
          createLabel ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
              {createLabel}
            </Button>
          ) : null
        }
      />
      <ActivitiesNav />
      <Stack>
        {filter}
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <Text>{emptyText}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {countText(total)}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label={tableLabel} withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    {columns}
                    {onEdit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      {cells(row)}
                      {onEdit ? (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="light"
                            aria-label={editLabel(row)}
                            onClick={() => onEdit(row)}
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
            {query.hasNextPage ? (
              <Group>
                <Button
                  variant="default"
                  loading={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {t('activities.loadMore')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
      {children}
    </>
  );
}
