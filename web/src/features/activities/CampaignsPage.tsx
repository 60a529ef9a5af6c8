import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { ActivitiesNav } from './ActivitiesNav';
import { type Campaign, useCampaigns } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { DateRange } from './DateRange';
import { CAMPAIGN_CHANNELS, channelLabel } from './labels';

/** Information campaigns in countries of origin: channel, countries, languages, dates, reach. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [channel, setChannel] = useState('');
  const campaigns = useCampaigns({ channel: channel || undefined });
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const canWrite = can('activities.write');
  const rows = campaigns.data?.pages.flatMap((page) => page.items) ?? [];
  const total = campaigns.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('activities.campaigns.title')}
        intro={t('activities.campaigns.intro')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('activities.campaigns.create')}
            </Button>
          ) : null
        }
      />
      <ActivitiesNav />
      <Stack>
        <NativeSelect
          label={t('activities.fields.channel')}
          value={channel}
          onChange={(event) => setChannel(event.currentTarget.value)}
          maw={280}
          data={[
            { value: '', label: t('activities.campaigns.allChannels') },
            ...CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) })),
          ]}
        />
        {campaigns.isPending ? (
          <LoadingState />
        ) : campaigns.isError ? (
          <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : rows.length === 0 ? (
          <Text>{t('activities.campaigns.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('activities.campaigns.count', { count: total })}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label={t('activities.campaigns.tableLabel')} withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('activities.fields.title')}</Table.Th>
                    <Table.Th scope="col">{t('activities.fields.channel')}</Table.Th>
                    <Table.Th scope="col">{t('activities.fields.countries')}</Table.Th>
                    <Table.Th scope="col">{t('activities.fields.languages')}</Table.Th>
                    <Table.Th scope="col">{t('activities.activities.dates')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('activities.fields.reach')}
                    </Table.Th>
                    <Table.Th scope="col">{t('activities.fields.project')}</Table.Th>
                    {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((campaign) => (
                    <Table.Tr key={campaign.id}>
                      <Table.Th scope="row">
                        <bdi>{campaign.title}</bdi>
                      </Table.Th>
                      <Table.Td>{channelLabel(campaign.channel, t)}</Table.Td>
                      <Table.Td>{format.list(campaign.countries.map(format.country))}</Table.Td>
                      <Table.Td>{format.list(campaign.languages.map(format.language))}</Table.Td>
                      <Table.Td>
                        <DateRange start={campaign.startDate} end={campaign.endDate} />
                      </Table.Td>
                      <Table.Td ta="right">{format.number(campaign.reach)}</Table.Td>
                      <Table.Td>{campaign.projectCode ?? t('common.none')}</Table.Td>
                      {canWrite ? (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="light"
                            aria-label={t('activities.campaigns.editLabel', { title: campaign.title })}
                            onClick={() => setEditing(campaign)}
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
            {campaigns.hasNextPage ? (
              <Group>
                <Button
                  variant="default"
                  loading={campaigns.isFetchingNextPage}
                  onClick={() => void campaigns.fetchNextPage()}
                >
                  {t('activities.loadMore')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
      {canWrite ? (
        <CampaignFormModal
          campaign={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
