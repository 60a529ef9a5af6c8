import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/format/useFormat';
import { caseTypeLabel } from '../cases/labels';
import type { ReferralSummary } from './api';
import { usePersonFacts } from './labels';
import { ConsentOverrideBadge, DueDate, ReferralKindBadge, ReferralStatusBadge } from './ReferralBadges';
import { ReferralRoute } from './ReferralRoute';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function ReferralsTable({ referrals, label }: { referrals: ReferralSummary[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const personFacts = usePersonFacts();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={980}>
        <Table aria-label={label} striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('referrals.table.reference')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.kind')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.caseType')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.person')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.route')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.requested')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.due')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referrals.map((r) => (
              <Table.Tr key={r.id} bg={r.overdue ? 'red.0' : undefined}>
                <Table.Th scope="row" style={NOWRAP}>
                  <Anchor component={Link} to={`/referrals/${r.id}`} fw={600} size="sm">
                    {r.reference}
                  </Anchor>
                </Table.Th>
                <Table.Td style={NOWRAP}>
                  <ReferralKindBadge kind={r.kind} />
                </Table.Td>
                <Table.Td>{caseTypeLabel(r.caseType, t)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{personFacts(r)}</Text>
                </Table.Td>
                <Table.Td>
                  <ReferralRoute referral={r} />
                </Table.Td>
                <Table.Td>
                  <time dateTime={r.requestedAt}>{format.date(r.requestedAt)}</time>
                </Table.Td>
                <Table.Td>
                  <DueDate dueOn={r.dueOn} overdue={r.overdue} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <ReferralStatusBadge status={r.status} />
                    {r.consentOverride ? <ConsentOverrideBadge short /> : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
