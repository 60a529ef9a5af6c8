import { NativeSelect, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { type Campaign, useCampaigns } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { DateRange } from './DateRange';
import { CAMPAIGN_CHANNELS, channelLabel } from './labels';
import { PagedListPage } from './PagedListPage';

/** Information campaigns in countries of origin: channel, countries, languages, dates, reach. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [channel, setChannel] = useState('');
  const campaigns = useCampaigns({ channel: channel || undefined });
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const canWrite = can('activities.write');
  return (
    <PagedListPage
      title={t('activities.campaigns.title')}
      intro={t('activities.campaigns.intro')}
      createLabel={canWrite ? t('activities.campaigns.create') : undefined}
      onCreate={() => setEditing('new')}
      filter={
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
      }
      query={campaigns}
      emptyText={t('activities.campaigns.empty')}
      countText={(count) => t('activities.campaigns.count', { count })}
      tableLabel={t('activities.campaigns.tableLabel')}
      columns={
        <>
          <Table.Th scope="col">{t('activities.fields.title')}</Table.Th>
          <Table.Th scope="col">{t('activities.fields.channel')}</Table.Th>
          <Table.Th scope="col">{t('activities.fields.countries')}</Table.Th>
          <Table.Th scope="col">{t('activities.fields.languages')}</Table.Th>
          <Table.Th scope="col">{t('activities.activities.dates')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('activities.fields.reach')}
          </Table.Th>
          <Table.Th scope="col">{t('activities.fields.project')}</Table.Th>
        </>
      }
      cells={(campaign) => (
        <>
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
        </>
      )}
      onEdit={canWrite ? setEditing : undefined}
      editLabel={(campaign) => t('activities.campaigns.editLabel', { title: campaign.title })}
    >
      {canWrite ? (
        <CampaignFormModal
          campaign={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </PagedListPage>
  );
}
