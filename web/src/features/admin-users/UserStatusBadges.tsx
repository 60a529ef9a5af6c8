import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/modules/identity/contract';
import { isDelayed } from './api';

export function UserStatusBadges({ user }: { user: Pick<User, 'status' | 'signInDelayedUntil'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={user.status === 'active' ? 'blue' : 'gray'} variant="light" tt="none">
        {t(`userStatus.${user.status}`)}
      </Badge>
      {isDelayed(user) ? (
        <Badge color="red" variant="light" tt="none">
          {t('userStatus.delayed')}
        </Badge>
      ) : null}
    </Group>
  );
}
