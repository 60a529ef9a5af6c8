import { Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { statusColor, statusLabel } from '../cases/labels';
import type { ReferralDetail } from './api';

type Progress = NonNullable<ReferralDetail['progress']>;

/** After a transfer, what the former owner follows, read-only: the step, milestones, monitoring scores. */
export function ProgressPanel({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const format = useFormat();
  const milestones = [...progress.milestones].sort((a, b) => a.at.localeCompare(b.at));
  const monitoring = [...progress.monitoring].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section id="referral-progress" title={t('referrals.progress.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('referrals.progress.intro', { date: format.date(progress.until) })}
        </Text>
        <DescriptionList
          items={[
            {
              term: t('referrals.progress.status'),
              description: (
                <Badge color={statusColor(progress.status)} variant="light" tt="none">
                  {statusLabel(progress.status, t)}
                </Badge>
              ),
            },
          ]}
        />
        <Title order={3} size="h4">
          {t('referrals.progress.milestones')}
        </Title>
        {milestones.length === 0 ? (
          <Text size="sm">{t('referrals.progress.noMilestones')}</Text>
        ) : (
          <List type="ordered" size="sm">
            {milestones.map((m) => (
              <List.Item key={`${m.at}-${m.toStatus}`}>
                {statusLabel(m.toStatus, t)} · <time dateTime={m.at}>{format.date(m.at)}</time>
              </List.Item>
            ))}
          </List>
        )}
        <Title order={3} size="h4">
          {t('referrals.progress.monitoring')}
        </Title>
        {monitoring.length === 0 ? (
          <Text size="sm">{t('referrals.progress.noMonitoring')}</Text>
        ) : (
          <Table aria-label={t('referrals.progress.monitoringTable')} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referrals.progress.date')}</Table.Th>
                <Table.Th scope="col">{t('referrals.progress.dimension')}</Table.Th>
                <Table.Th scope="col">{t('referrals.progress.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {monitoring.map((m) => (
                <Table.Tr key={`${m.at}-${m.dimension}`}>
                  <Table.Td>{format.date(m.at)}</Table.Td>
                  <Table.Td>{m.dimension}</Table.Td>
                  <Table.Td>{format.number(m.score)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Section>
  );
}
