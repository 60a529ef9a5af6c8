import { Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { type CaseType, isTerminal, workflowOf } from '../../../../src/modules/cases/workflow';
import { AppModal } from '../../shared/components/AppModal';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { fetchCaseReferrals, type ReferralSummary, referralsKeys } from './api';
import { recipientLabel } from './labels';
import { type IssuedLink, PartnerLinkModal } from './PartnerLinkModal';
import { DueDate, ReferralKindBadge, ReferralStatusBadge } from './ReferralBadges';
import { SendReferralForm } from './SendReferralForm';
import { useCanIn } from './useCanIn';

/** The case page's "Referrals and transfers": what was asked so far, and the way to ask. */
export function CaseReferrals({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canIn = useCanIn();
  const [sending, setSending] = useState(false);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const referrals = useQuery({
    queryKey: referralsKeys.ofCase(detail.id),
    queryFn: ({ signal }) => fetchCaseReferrals(detail.id, signal),
  });
  const closed = isTerminal(workflowOf(detail.caseType as CaseType), detail.status);
  const maySend = canIn('referrals.send', detail.officeId) && !closed;

  return (
    <Section
      id="case-referrals"
      title={t('referrals.caseSection.title')}
      actions={
        maySend ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowsExchange size={14} aria-hidden />}
            onClick={() => setSending(true)}
          >
            {t('referrals.caseSection.send')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {closed && canIn('referrals.send', detail.officeId) ? (
          <Text size="sm" c="dimmed">
            {t('referrals.caseSection.closed')}
          </Text>
        ) : null}
        {referrals.isPending ? (
          <LoadingState />
        ) : referrals.isError ? (
          <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} />
        ) : referrals.data.length === 0 ? (
          <Text>{t('referrals.caseSection.none')}</Text>
        ) : (
          <CaseReferralsTable referrals={referrals.data} />
        )}
      </Stack>
      {maySend ? (
        <AppModal
          opened={sending}
          onClose={() => setSending(false)}
          title={t('referrals.send.title', { reference: detail.reference })}
          size="xl"
          closeOnClickOutside={false}
        >
          {sending ? (
            <SendReferralForm
              detail={detail}
              mayOverride={canIn('consents.override', detail.officeId)}
              onCancel={() => setSending(false)}
              onSent={(result, expiresAt) => {
                setSending(false);
                if (result.partnerPath && expiresAt)
                  setIssued({
                    partnerPath: result.partnerPath,
                    partnerName: result.referral.partnerName ?? '',
                    expiresAt,
                  });
              }}
            />
          ) : null}
        </AppModal>
      ) : null}
      <PartnerLinkModal link={issued} onClose={() => setIssued(null)} />
    </Section>
  );
}

function CaseReferralsTable({ referrals }: { referrals: ReferralSummary[] }) {
  const { t } = useTranslation();
  const sorted = [...referrals].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('referrals.table.caseLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('referrals.table.reference')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.kind')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.recipient')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.status')}</Table.Th>
              <Table.Th scope="col">{t('referrals.table.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/referrals/${r.id}`} size="sm" fw={600}>
                    {r.reference}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <ReferralKindBadge kind={r.kind} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{recipientLabel(r, t)}</Text>
                </Table.Td>
                <Table.Td>
                  <ReferralStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>
                  <DueDate dueOn={r.dueOn} overdue={r.overdue} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
