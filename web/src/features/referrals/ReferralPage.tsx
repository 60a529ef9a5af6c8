import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconFolder, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { Section } from '../../shared/components/Section';
import { usePageTitle } from '../../shared/components/usePageTitle';
import {
  fetchReferral,
  postReferralMessage,
  type ReferralDetail,
  referralsKeys,
  useRefreshReferral,
} from './api';
import { MessageThread } from './MessageThread';
import { PartnerLinkPanel } from './PartnerLinkPanel';
import { ProgressPanel } from './ProgressPanel';
import { ConsentOverrideBadge, OverdueBadge, ReferralKindBadge, ReferralStatusBadge } from './ReferralBadges';
import { ReferralDecision } from './ReferralDecision';
import { ReferralSummaryPanel } from './ReferralSummaryPanel';
import { SharedSections } from './SharedSections';

export function ReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: referralsKeys.detail(id),
    queryFn: ({ signal }) => fetchReferral(id, signal),
  });
  usePageTitle(detail.data?.reference ?? t('referrals.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/referrals" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('referrals.backToList')}
        </Group>
      </Anchor>
      {detail.isPending ? (
        <LoadingState />
      ) : detail.isError ? (
        isApiError(detail.error) && detail.error.status === 404 ? (
          <RecordNotFound title={t('referrals.detail.notFoundTitle')} body={t('referrals.detail.notFound')} />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )
      ) : (
        <ReferralView referral={detail.data} />
      )}
    </Stack>
  );
}

function ReferralView({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshReferral();
  const receiver = referral.side === 'receiver';
  const transferred = referral.kind === 'transfer' && referral.status === 'accepted';
  const sideName = (side: 'sender' | 'receiver') =>
    side === 'sender' ? referral.fromOffice.code : (referral.toOffice?.code ?? referral.partnerName ?? '');
  return (
    <>
      <PageHeader
        title={referral.reference}
        actions={
          <>
            <ReferralKindBadge kind={referral.kind} />
            <ReferralStatusBadge status={referral.status} />
            {referral.overdue ? <OverdueBadge /> : null}
            {referral.consentOverride ? <ConsentOverrideBadge /> : null}
          </>
        }
      />
      {receiver && transferred ? (
        <Alert color="green" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('referrals.detail.transferDone')}</Text>
            <Button
              component={Link}
              to={`/cases/${referral.caseId}`}
              size="xs"
              leftSection={<IconFolder size={14} aria-hidden />}
            >
              {t('referrals.detail.openCase', { reference: referral.caseReference })}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      <ReferralSummaryPanel referral={referral} />
      <ReferralDecision referral={referral} />
      {referral.progress ? <ProgressPanel progress={referral.progress} /> : null}
      {referral.shared ? (
        <Section
          id="referral-shared"
          title={receiver ? t('referrals.detail.sharedTitle') : t('referrals.detail.sharedSenderTitle')}
        >
          <SharedSections shared={referral.shared} idPrefix="referral-shared" />
        </Section>
      ) : receiver && referral.status === 'pending' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('referrals.detail.pendingReceiver')}</Text>
        </Alert>
      ) : null}
      {referral.partnerName && referral.side === 'sender' ? <PartnerLinkPanel referral={referral} /> : null}
      <Section id="referral-thread" title={t('referrals.detail.threadTitle')}>
        <MessageThread
          messages={referral.messages}
          sideName={sideName}
          onPost={
            referral.canMessage
              ? async (body) => {
                  await postReferralMessage(referral.id, body);
                  await refresh(referral);
                }
              : undefined
          }
        />
      </Section>
    </>
  );
}
