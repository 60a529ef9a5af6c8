import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLock, IconLockOpen, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, UserSchema } from '../../../../src/modules/identity/contract';
import { useDescribeError } from '../../shared/api/errors';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { conflictCurrent } from '../../shared/components/conflict';
import { QueryError } from '../../shared/components/QueryStates';
import { TemporaryPasswordModal } from '../../shared/components/TemporaryPasswordModal';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { isDelayed, resetPassword, unlockUser, updateUser } from './api';
import { useStoreUser } from './useStoreUser';

type Pending = 'status' | 'reset' | null;

/** Enable/disable, password reset (temporary password shown once) and unlock. */
export function UserAccountPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useDescribeError();
  const storeUser = useStoreUser();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const disabling = user.status === 'active';

  const status = useActionMutation({
    showError: 'inline',
    mutationFn: () =>
      updateUser(user.id, { version: user.version, status: disabling ? 'disabled' : 'active' }),
    successMessage: (saved) =>
      saved.status === 'disabled' ? t('users.detail.disabled') : t('users.detail.enabled'),
    onSaved: (saved) => {
      storeUser(saved);
      setConfirming(null);
    },
    recover: (error) => {
      // Someone else changed the account: show it as it is now and let the user decide again.
      const current = conflictCurrent(error, UserSchema);
      if (!current) return false;
      storeUser(current);
      setConfirming(null);
      notifications.show({ color: 'red', message: describe(error) });
      return true;
    },
  });
  const reset = useActionMutation({
    showError: 'inline',
    mutationFn: () => resetPassword(user.id),
    onSaved: (result) => {
      storeUser(result.user);
      setConfirming(null);
      setTemporaryPassword(result.temporaryPassword);
    },
  });
  const unlock = useActionMutation({
    showError: 'inline',
    mutationFn: () => unlockUser(user.id),
    successMessage: () => t('users.detail.unlocked'),
    onSaved: storeUser,
  });

  const close = () => {
    setConfirming(null);
    status.reset();
    reset.reset();
  };

  return (
    <>
      {isDelayed(user) ? (
        <Text mb="sm">
          {t('users.detail.delayedUntil', { date: format.dateTime(user.signInDelayedUntil) })}
        </Text>
      ) : null}
      {unlock.error ? <QueryError error={unlock.error} /> : null}
      <Group gap="sm">
        <Button
          variant="outline"
          color={disabling ? 'red' : 'blue'}
          leftSection={
            disabling ? <IconLock size={16} aria-hidden /> : <IconUserCheck size={16} aria-hidden />
          }
          onClick={() => setConfirming('status')}
        >
          {disabling ? t('users.detail.disable') : t('users.detail.enable')}
        </Button>
        <Button
          variant="outline"
          leftSection={<IconKey size={16} aria-hidden />}
          onClick={() => setConfirming('reset')}
        >
          {t('users.detail.resetPassword')}
        </Button>
        {isDelayed(user) ? (
          <Button
            variant="outline"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            loading={unlock.isPending}
            onClick={() => unlock.run()}
          >
            {t('users.detail.unlock')}
          </Button>
        ) : null}
      </Group>
      <ConfirmModal
        opened={confirming === 'status'}
        title={disabling ? t('users.detail.disable') : t('users.detail.enable')}
        message={
          disabling
            ? t('users.detail.disableConfirm', { name: user.displayName })
            : t('users.detail.enableConfirm', { name: user.displayName })
        }
        confirmLabel={disabling ? t('users.detail.disable') : t('users.detail.enable')}
        danger={disabling}
        loading={status.isPending}
        error={status.error ? <QueryError error={status.error} /> : null}
        onConfirm={() => status.run()}
        onClose={close}
      />
      <ConfirmModal
        opened={confirming === 'reset'}
        title={t('users.detail.resetPassword')}
        message={t('users.detail.resetConfirm', { name: user.displayName })}
        confirmLabel={t('users.detail.resetPassword')}
        danger
        loading={reset.isPending}
        error={reset.error ? <QueryError error={reset.error} /> : null}
        onConfirm={() => reset.run()}
        onClose={close}
      />
      <TemporaryPasswordModal
        password={temporaryPassword}
        userName={user.displayName}
        onClose={() => setTemporaryPassword(null)}
      />
    </>
  );
}
