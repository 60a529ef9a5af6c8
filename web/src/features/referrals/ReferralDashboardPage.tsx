import { Anchor, Group, Paper, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { type DashboardRow, fetchDashboard, referralsKeys } from './api';

const COUNTS = ['pending', 'overdue', 'accepted', 'declined'] as const;

/** Per office: incoming and outgoing referrals by state, median time to answer, consent overrides. */
export function ReferralDashboardPage() {
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: referralsKeys.dashboard,
    queryFn: ({ signal }) => fetchDashboard(signal),
  });
  return (
    <>
      <Anchor component={Link} to="/referrals" size="sm" mb="md" display="inline-block">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('referrals.dashboard.backToList')}
        </Group>
      </Anchor>
      <PageHeader title={t('referrals.dashboard.title')} intro={t('referrals.dashboard.intro')} />
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : dashboard.data.length === 0 ? (
        <Text>{t('referrals.dashboard.empty')}</Text>
      ) : (
        <DashboardTable rows={dashboard.data} />
      )}
    </>
  );
}

function DashboardTable({ rows }: { rows: DashboardRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sorted = [...rows].sort((a, b) => a.office.code.localeCompare(b.office.code));
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={960}>
        <Table
          aria-label={t('referrals.dashboard.tableLabel')}
          withColumnBorders
          striped
          verticalSpacing="sm"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2}>
                {t('referrals.dashboard.office')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={4} ta="center">
                {t('referrals.dashboard.incoming')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={4} ta="center">
                {t('referrals.dashboard.outgoing')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t('referrals.dashboard.median')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t('referrals.dashboard.overrides')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {(['incoming', 'outgoing'] as const).flatMap((direction) =>
                COUNTS.map((count) => (
                  <Table.Th scope="col" key={`${direction}-${count}`}>
                    {t(`referrals.dashboard.${count}`)}
                  </Table.Th>
                )),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((row) => (
              <Table.Tr key={row.office.id}>
                <Table.Th scope="row">
                  {row.office.name} ({row.office.code})
                </Table.Th>
                {(['incoming', 'outgoing'] as const).flatMap((direction) =>
                  COUNTS.map((count) => (
                    <Table.Td
                      key={`${direction}-${count}`}
                      c={count === 'overdue' && row[direction].overdue > 0 ? 'red.9' : undefined}
                      fw={count === 'overdue' && row[direction].overdue > 0 ? 700 : undefined}
                    >
                      {format.number(row[direction][count])}
                    </Table.Td>
                  )),
                )}
                <Table.Td>
                  {row.medianResponseHours === null
                    ? t('common.none')
                    : t('referrals.dashboard.hours', { hours: format.number(row.medianResponseHours) })}
                </Table.Td>
                <Table.Td
                  c={row.consentOverrides > 0 ? 'orange.9' : undefined}
                  fw={row.consentOverrides > 0 ? 700 : undefined}
                >
                  {format.number(row.consentOverrides)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
