import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/modules/identity/contract';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { useMe } from '../auth/session';
import { approveMembershipRequest, cancelMembershipRequest, rejectMembershipRequest, usersKeys } from './api';

type Pending = NonNullable<User['pendingMembershipChange']>;

/** "Paris: supervisor", one line per role, in the reader's language. */
export function MembershipLines({ memberships }: { memberships: Pending['memberships'] }) {
  const { t } = useTranslation();
  if (memberships.length === 0) return <Text size="sm">{t('memberships.empty')}</Text>;
  return (
    <List size="sm">
      {memberships.map((m) => (
        <List.Item key={`${m.officeId}-${m.role}`}>
          {t('home.membership', { office: m.officeName, role: t(`roles.${m.role}`) })}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * A change of an account's roles waiting for a second administrator: what is asked, by whom, and the
 * decisions this reader may take (another administrator approves or rejects; the one who asked withdraws).
 */
export function PendingMembershipChange({ userId, pending }: { userId: string; pending: Pending }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const mine = pending.requestedBy.id === me.user.id;
  const decidable = !mine && userId !== me.user.id;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: usersKeys.all });
    return Promise.resolve();
  };
  const approve = useActionMutation({
    showError: 'inline',
    mutationFn: () => approveMembershipRequest(pending.id, ''),
    successMessage: () => t('users.approvals.approved'),
    refresh,
  });
  const cancel = useActionMutation({
    showError: 'inline',
    mutationFn: () => cancelMembershipRequest(pending.id),
    successMessage: () => t('users.approvals.cancelled'),
    refresh,
  });
  const reject = useActionMutation({
    showError: 'inline',
    mutationFn: (reason: string) => rejectMembershipRequest(pending.id, reason),
    successMessage: () => t('users.approvals.rejected'),
    onSaved: () => setRejecting(false),
    refresh,
  });

  return (
    <Alert color="orange" variant="light" title={t('users.approvals.pendingTitle')} mb="md">
      <Stack gap="xs">
        <Text size="sm">
          {t('users.approvals.pendingIntro', {
            name: pending.requestedBy.name,
            date: format.dateTime(pending.requestedAt),
          })}
        </Text>
        <MembershipLines memberships={pending.memberships} />
        <Text size="sm" c="dimmed">
          {mine ? t('users.approvals.waitingForOther') : decidable ? null : t('users.approvals.notYours')}
        </Text>
        {approve.error ? <QueryError error={approve.error} /> : null}
        {cancel.error ? <QueryError error={cancel.error} /> : null}
        <Group gap="sm">
          {decidable ? (
            <>
              <Button size="xs" loading={approve.isPending} onClick={() => approve.run()}>
                {t('users.approvals.approve')}
              </Button>
              <Button size="xs" variant="outline" color="red" onClick={() => setRejecting(true)}>
                {t('users.approvals.reject')}
              </Button>
            </>
          ) : null}
          {mine ? (
            <Button size="xs" variant="outline" loading={cancel.isPending} onClick={() => cancel.run()}>
              {t('users.approvals.withdraw')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <AppModal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t('users.approvals.rejectTitle')}
      >
        {rejecting ? (
          <CommentForm
            commentLabel={t('users.approvals.reason')}
            required
            submitLabel={t('users.approvals.reject')}
            danger
            pending={reject.isPending}
            formError={reject.formError}
            onSubmit={(reason) => reject.run(reason)}
            onCancel={() => setRejecting(false)}
          />
        ) : null}
      </AppModal>
    </Alert>
  );
}
