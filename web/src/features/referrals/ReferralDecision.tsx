import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { useAssignableUsers } from '../cases/useAssignableUsers';
import {
  acceptReferral,
  declineReferral,
  type ReferralDetail,
  revokeReferral,
  useRefreshReferral,
} from './api';
import { ReasonModal } from './ReasonModal';

/** Errors meaning "the referral is no longer where you saw it": refresh it so the right actions show. */
const STALE = [
  'referral_not_pending',
  'referral_not_revocable',
  'referral_case_closed',
  'not_found',
  'forbidden',
];

/** Accept or decline (receiving office, while pending), revoke (sending office): only what the server allows. */
export function ReferralDecision({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshReferral();
  const [action, setAction] = useState<'accept' | 'decline' | 'revoke' | null>(null);
  if (!referral.canRespond && !referral.canRevoke) return null;
  const close = () => setAction(null);
  const onError = (error: unknown) => {
    if (STALE.some((code) => isApiError(error, code))) void refresh(referral);
    return false;
  };
  const done = (message: string) => () => {
    notifications.show({ color: 'blue', message });
    void refresh(referral);
  };
  return (
    <Section id="referral-decision" title={t('referrals.detail.actionsTitle')}>
      <Group gap="sm">
        {referral.canRespond ? (
          <>
            <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setAction('accept')}>
              {t('referrals.detail.accept')}
            </Button>
            <Button
              variant="outline"
              color="red"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => setAction('decline')}
            >
              {t('referrals.detail.decline')}
            </Button>
          </>
        ) : null}
        {referral.canRevoke ? (
          <Button variant="outline" color="red" onClick={() => setAction('revoke')}>
            {t('referrals.detail.revoke')}
          </Button>
        ) : null}
      </Group>
      {referral.canRespond ? (
        <>
          <AppModal
            opened={action === 'accept'}
            onClose={close}
            title={t('referrals.detail.acceptTitle', { reference: referral.reference })}
            size="md"
          >
            {action === 'accept' ? <AcceptForm referral={referral} onError={onError} onDone={close} /> : null}
          </AppModal>
          <ReasonModal
            opened={action === 'decline'}
            title={t('referrals.detail.declineTitle', { reference: referral.reference })}
            reasonLabel={t('referrals.detail.reason')}
            submitLabel={t('referrals.detail.decline')}
            danger
            action={(reason) => declineReferral(referral.id, reason)}
            onSuccess={done(t('referrals.detail.declined'))}
            onError={onError}
            onClose={close}
          />
        </>
      ) : null}
      {referral.canRevoke ? (
        <ReasonModal
          opened={action === 'revoke'}
          title={t('referrals.detail.revokeTitle', { reference: referral.reference })}
          intro={t('referrals.detail.revokeIntro')}
          reasonLabel={t('referrals.detail.reason')}
          submitLabel={t('referrals.detail.revoke')}
          danger
          action={(reason) => revokeReferral(referral.id, reason)}
          onSuccess={done(t('referrals.detail.revoked'))}
          onError={onError}
          onClose={close}
        />
      ) : null}
    </Section>
  );
}

function AcceptForm({
  referral,
  onError,
  onDone,
}: {
  referral: ReferralDetail;
  onError: (error: unknown) => boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshReferral();
  const transfer = referral.kind === 'transfer';
  const assignable = useAssignableUsers(transfer ? referral.toOffice?.id : null);
  const [assignee, setAssignee] = useState('');
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () => acceptReferral(referral.id, transfer && assignee ? assignee : null),
    successMessage: () => t('referrals.detail.accepted'),
    onSaved: () => {
      onDone();
      void refresh(referral);
    },
    onError,
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">
          {transfer ? t('referrals.detail.acceptTransfer') : t('referrals.detail.acceptReferral')}
        </Text>
        <FormErrorAlert error={formError} />
        {transfer ? (
          assignable.isPending ? (
            <LoadingState />
          ) : (
            <NativeSelect
              label={t('referrals.detail.assignee')}
              name="assigneeId"
              value={assignee}
              onChange={(event) => setAssignee(event.currentTarget.value)}
              data={[
                { value: '', label: t('cases.unassigned') },
                ...assignable.users.map((u) => ({ value: u.id, label: u.displayName })),
              ]}
            />
          )
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('referrals.detail.accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
