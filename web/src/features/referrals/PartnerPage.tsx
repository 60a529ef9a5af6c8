import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconLock, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { FullPageMessage, PublicChrome, PublicLinkError } from '../../shared/layout/PublicPage';
import {
  fetchPartnerView,
  type PartnerView,
  partnerAccept,
  partnerDecline,
  partnerMessage,
  referralsKeys,
} from './api';
import { isSensitiveSection, sectionLabel } from './labels';
import { MessageThread } from './MessageThread';
import { ReasonModal } from './ReasonModal';
import { ReferralStatusBadge } from './ReferralBadges';
import { SharedSections } from './SharedSections';

/**
 * What a partner organisation sees through its link: public (no account, no app navigation), only the
 * referral's summary, then the shared sections once accepted, and the thread.
 */
export function PartnerPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  // Once declined, the link stops working: the page says so itself rather than asking the server again.
  const [declined, setDeclined] = useState<string | null>(null);
  const view = useQuery({
    queryKey: referralsKeys.partner(token),
    queryFn: ({ signal }) => fetchPartnerView(token, signal),
    // Every visit is audited: no polling, no refetch on focus.
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <PublicChrome>
      {declined ? (
        <FullPageMessage
          title={t('partner.declinedTitle')}
          body={t('partner.declinedBody', { reference: declined })}
        />
      ) : view.isPending ? (
        <LoadingState />
      ) : view.isError ? (
        <PublicLinkError
          error={view.error}
          onRetry={() => void view.refetch()}
          texts={{
            invalidTitle: t('partner.invalidTitle'),
            invalid: t('partner.invalid'),
            expiredTitle: t('partner.expiredTitle'),
            expired: t('partner.expired'),
          }}
        />
      ) : (
        <PartnerReferral token={token} view={view.data} onDeclined={setDeclined} />
      )}
    </PublicChrome>
  );
}

function PartnerReferral({
  token,
  view,
  onDeclined,
}: {
  token: string;
  view: PartnerView;
  onDeclined: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const title = t('partner.title', { reference: view.reference });
  usePageTitle(title);
  const refresh = () => queryClient.invalidateQueries({ queryKey: referralsKeys.partner(token) });
  const open = view.status === 'pending' || view.status === 'accepted';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1}>{title}</Title>
          <ReferralStatusBadge status={view.status} />
        </Group>
        <Text c="dimmed">
          {t('partner.intro', {
            office: `${view.fromOffice.name} (${view.fromOffice.code})`,
            partner: view.partnerName,
          })}
        </Text>
      </Stack>
      <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
        <Text size="sm">{t('partner.confidential')}</Text>
      </Alert>
      <Section id="partner-summary" title={t('partner.summary')}>
        <DescriptionList
          items={[
            { term: t('partner.from'), description: `${view.fromOffice.name} (${view.fromOffice.code})` },
            { term: t('partner.person'), description: view.personInitials },
            {
              term: t('partner.sections'),
              description: view.sections
                .filter((s) => !isSensitiveSection(s))
                .map((s) => sectionLabel(s, t))
                .join(', '),
            },
            {
              term: t('referrals.detail.summary'),
              description: (
                <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {view.summary}
                </Text>
              ),
            },
            { term: t('partner.expires'), description: format.dateTime(view.expiresAt) },
          ]}
        />
      </Section>
      {view.status === 'pending' ? (
        <PartnerDecision
          token={token}
          reference={view.reference}
          onAccepted={refresh}
          onDeclined={() => onDeclined(view.reference)}
        />
      ) : null}
      {view.shared ? (
        <Section id="partner-shared" title={t('partner.sharedTitle')}>
          <SharedSections shared={view.shared} idPrefix="partner-shared" />
        </Section>
      ) : view.status === 'pending' ? (
        <Alert color="blue" variant="light">
          <Text size="sm">{t('partner.pendingNote')}</Text>
        </Alert>
      ) : null}
      <Section id="partner-thread" title={t('partner.threadTitle', { office: view.fromOffice.code })}>
        <MessageThread
          messages={view.messages}
          sideName={(side) => (side === 'sender' ? view.fromOffice.code : view.partnerName)}
          postLabel={t('partner.feedback')}
          onPost={
            open
              ? async (body) => {
                  await partnerMessage(token, body);
                  await refresh();
                }
              : undefined
          }
        />
      </Section>
    </Stack>
  );
}

function PartnerDecision({
  token,
  reference,
  onAccepted,
  onDeclined,
}: {
  token: string;
  reference: string;
  onAccepted: () => unknown;
  onDeclined: () => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'accept' | 'decline' | null>(null);
  const accept = useActionMutation({
    showError: 'inline',
    mutationFn: () => partnerAccept(token),
    successMessage: () => t('partner.accepted'),
    onSaved: () => {
      setAction(null);
      void onAccepted();
    },
  });
  return (
    <Section id="partner-decision" title={t('partner.decisionTitle')}>
      <Group gap="sm">
        <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setAction('accept')}>
          {t('partner.accept')}
        </Button>
        <Button
          variant="outline"
          color="red"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => setAction('decline')}
        >
          {t('partner.decline')}
        </Button>
      </Group>
      <ConfirmModal
        opened={action === 'accept'}
        title={t('partner.accept')}
        message={t('partner.acceptConfirm')}
        confirmLabel={t('partner.accept')}
        loading={accept.isPending}
        error={accept.formError ? <FormErrorAlert error={accept.formError} /> : null}
        onConfirm={() => accept.run()}
        onClose={() => {
          setAction(null);
          accept.reset();
        }}
      />
      <ReasonModal
        opened={action === 'decline'}
        title={t('partner.declineTitle', { reference })}
        reasonLabel={t('partner.reason')}
        submitLabel={t('partner.decline')}
        danger
        action={(reason) => partnerDecline(token, reason)}
        onSuccess={onDeclined}
        onClose={() => setAction(null)}
      />
    </Section>
  );
}
