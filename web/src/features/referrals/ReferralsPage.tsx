import { Button, Checkbox, Group, NativeSelect, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REFERRAL_STATUSES } from '../../../../src/modules/referrals/sections';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { type Direction, fetchReferrals, type ReferralQuery, referralsKeys } from './api';
import { isReferralStatus, referralStatusLabel } from './labels';
import { ReferralsTable } from './ReferralsTable';

/** The query in the URL (?direction=outgoing&status=pending&overdue=true), so that it can be shared and kept. */
function useReferralQuery(): [ReferralQuery, (next: Partial<ReferralQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const query: ReferralQuery = {
    direction: params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming',
    status: isReferralStatus(status) ? status : undefined,
    overdue: params.get('overdue') === 'true',
  };
  const update = (next: Partial<ReferralQuery>) => {
    const merged = { ...query, ...next };
    const search = new URLSearchParams();
    if (merged.direction === 'outgoing') search.set('direction', 'outgoing');
    if (merged.status) search.set('status', merged.status);
    if (merged.overdue) search.set('overdue', 'true');
    setParams(search, { replace: true });
  };
  return [query, update];
}

/** Incoming and outgoing referrals of the user's offices, by status, overdue ones highlighted. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const [query, update] = useReferralQuery();
  return (
    <>
      <PageHeader
        title={t('referrals.title')}
        intro={t('referrals.intro')}
        actions={
          <Button
            component={Link}
            to="/referrals/dashboard"
            variant="light"
            leftSection={<IconChartBar size={16} aria-hidden />}
          >
            {t('referrals.dashboardLink')}
          </Button>
        }
      />
      <Tabs
        value={query.direction}
        onChange={(value) => update({ direction: value === 'outgoing' ? 'outgoing' : 'incoming' })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('referrals.tabs.label')} mb="md">
          <Tabs.Tab value="incoming">{t('referrals.tabs.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('referrals.tabs.outgoing')}</Tabs.Tab>
        </Tabs.List>
        {(['incoming', 'outgoing'] as const).map((direction) => (
          <Tabs.Panel key={direction} value={direction}>
            <ReferralsList query={{ ...query, direction }} update={update} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function ReferralsList({
  query,
  update,
}: {
  query: ReferralQuery;
  update: (next: Partial<ReferralQuery>) => void;
}) {
  const { t } = useTranslation();
  const referrals = useQuery({
    queryKey: referralsKeys.list(query),
    queryFn: ({ signal }) => fetchReferrals(query, signal),
    placeholderData: keepPreviousData,
  });
  const label = (direction: Direction) =>
    direction === 'incoming' ? t('referrals.table.incomingLabel') : t('referrals.table.outgoingLabel');
  return (
    <Stack>
      <Group align="flex-end" gap="lg">
        <NativeSelect
          label={t('referrals.filters.status')}
          name="status"
          value={query.status ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            update({ status: isReferralStatus(value) ? value : undefined });
          }}
          data={[
            { value: '', label: t('referrals.filters.allStatuses') },
            ...REFERRAL_STATUSES.map((s) => ({ value: s, label: referralStatusLabel(s, t) })),
          ]}
        />
        <Checkbox
          mb={8}
          label={t('referrals.filters.overdueOnly')}
          checked={query.overdue ?? false}
          onChange={(event) => update({ overdue: event.currentTarget.checked })}
        />
      </Group>
      {referrals.isPending ? (
        <LoadingState />
      ) : referrals.isError ? (
        <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : (
        <>
          <VisuallyHidden role="status">
            {t('referrals.count', { count: referrals.data.length })}
          </VisuallyHidden>
          {referrals.data.length === 0 ? (
            <Text>{t('referrals.empty')}</Text>
          ) : (
            <ReferralsTable referrals={referrals.data} label={label(query.direction)} />
          )}
        </>
      )}
    </Stack>
  );
}
