import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Pagination,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { type ContentKind, type ContentStatus, PAGE_SIZE, useContentList } from './api';
import { ContentStatusBadge } from './ContentStatusBadge';
import { CONTENT_KINDS, CONTENT_STATUSES, kindLabel, statusLabel } from './labels';

interface Filters {
  status: ContentStatus | '';
  kind: ContentKind | '';
  q: string;
}

/** The public site's content, most recently changed first: filtered by status, kind and words, page by page. */
export function ContentListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>({ status: '', kind: '', q: '' });
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(filters.q.trim(), 300);
  const list = useContentList({
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(q ? { q } : {}),
    offset: (page - 1) * PAGE_SIZE,
  });
  const set = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t('content.list.title')}
        intro={t('content.list.intro')}
        actions={
          can('content.write') ? (
            <Button component={Link} to="/content/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('content.list.create')}
            </Button>
          ) : null
        }
      />
      <Stack>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is too recent for some supported browsers. */}
        <form
          role="search"
          aria-label={t('content.list.filters')}
          onSubmit={(event) => event.preventDefault()}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('content.list.search')}
              type="search"
              name="q"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={filters.q}
              onChange={(event) => set({ q: event.currentTarget.value })}
            />
            <NativeSelect
              label={t('content.fields.status')}
              name="status"
              value={filters.status}
              onChange={(event) => set({ status: event.currentTarget.value as Filters['status'] })}
              data={[
                { value: '', label: t('content.list.allStatuses') },
                ...CONTENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) })),
              ]}
            />
            <NativeSelect
              label={t('content.fields.kind')}
              name="kind"
              value={filters.kind}
              onChange={(event) => set({ kind: event.currentTarget.value as Filters['kind'] })}
              data={[
                { value: '', label: t('content.list.allKinds') },
                ...CONTENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) })),
              ]}
            />
          </SimpleGrid>
        </form>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status">
              {t('content.list.count', { count: total, total: format.number(total) })}
            </Text>
            {list.data.items.length === 0 ? (
              <Text>{t('content.list.empty')}</Text>
            ) : (
              <ScrollTable minWidth={800} label={t('content.list.tableLabel')}>
                <Table aria-label={t('content.list.tableLabel')} withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('content.fields.title')}</Table.Th>
                      <Table.Th scope="col">{t('content.fields.kind')}</Table.Th>
                      <Table.Th scope="col">{t('content.fields.status')}</Table.Th>
                      <Table.Th scope="col">{t('content.list.updated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Th scope="row">
                          <Anchor component={Link} to={`/content/${item.id}`} fw={600} lang={item.lang}>
                            <bdi>{item.title}</bdi>
                          </Anchor>
                          {item.tags.length > 0 ? (
                            <Text size="xs" c="dimmed">
                              {item.tags.join(', ')}
                            </Text>
                          ) : null}
                        </Table.Th>
                        <Table.Td>{kindLabel(item.kind, t)}</Table.Td>
                        <Table.Td>
                          <ContentStatusBadge
                            status={item.status}
                            revision={item.revision}
                            publishedRevision={item.publishedRevision}
                            publishAt={item.publishAt}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{format.dateTime(item.updatedAt)}</Text>
                          <Text size="xs" c="dimmed">
                            <bdi>{item.updatedBy.name}</bdi>
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
            {pages > 1 ? (
              <Group justify="center" component="nav" aria-label={t('content.list.pages')}>
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  getItemProps={(n) => ({ 'aria-label': t('content.list.page', { page: n }) })}
                  getControlProps={(control) => ({
                    'aria-label':
                      control === 'previous'
                        ? t('content.list.previous')
                        : control === 'next'
                          ? t('content.list.next')
                          : control === 'first'
                            ? t('content.list.first')
                            : t('content.list.last'),
                  })}
                />
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </>
  );
}
