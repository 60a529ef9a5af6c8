import { Alert, Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { User } from '../../../../src/modules/identity/contract';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { fetchUser, usersKeys } from './api';
import { PendingMembershipChange } from './PendingMembershipChange';
import { UserAccountPanel } from './UserAccountPanel';
import { UserMembershipsForm } from './UserMembershipsForm';
import { UserProfileForm } from './UserProfileForm';
import { UserStatusBadges } from './UserStatusBadges';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useQuery({ queryKey: usersKeys.detail(id), queryFn: ({ signal }) => fetchUser(id, signal) });
  usePageTitle(user.data?.displayName ?? t('users.title'));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/users" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('users.detail.backToList')}
        </Group>
      </Anchor>
      {user.isPending ? (
        <LoadingState />
      ) : user.isError ? (
        <QueryError error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <UserDetail user={user.data} />
      )}
    </Stack>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('users.manage');
  const format = useFormat();

  return (
    <>
      <PageHeader title={user.displayName} intro={user.email} actions={<UserStatusBadges user={user} />} />
      {canManage ? null : (
        <Alert color="blue" variant="light" role="note">
          {t('users.detail.readOnly')}
        </Alert>
      )}
      <DescriptionList
        label={t('users.detail.summaryLabel')}
        items={[
          { term: t('users.detail.createdAt'), description: format.dateTime(user.createdAt) },
          {
            term: t('users.detail.lastLoginAt'),
            description: user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.table.never'),
          },
          {
            term: t('users.detail.mustChangePassword'),
            description: user.mustChangePassword ? t('common.yes') : t('common.no'),
          },
        ]}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section id="user-profile" title={t('users.detail.profileTitle')}>
          {canManage ? (
            <UserProfileForm user={user} />
          ) : (
            <DescriptionList
              items={[
                { term: t('users.fields.displayName'), description: user.displayName },
                { term: t('users.fields.locale'), description: t(`language.${user.locale}`) },
              ]}
            />
          )}
        </Section>
        <Section id="user-memberships" title={t('users.detail.membershipsTitle')}>
          {canManage && user.pendingMembershipChange ? (
            <PendingMembershipChange userId={user.id} pending={user.pendingMembershipChange} />
          ) : null}
          {canManage ? (
            <UserMembershipsForm user={user} />
          ) : user.memberships.length === 0 ? (
            <Text>{t('memberships.empty')}</Text>
          ) : (
            <List>
              {user.memberships.map((m) => (
                <List.Item key={`${m.officeId}-${m.role}`}>
                  {t('home.membership', { office: m.officeName, role: t(`roles.${m.role}`) })}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
      {canManage ? (
        <Section id="user-account" title={t('users.detail.accountTitle')}>
          <UserAccountPanel user={user} />
        </Section>
      ) : null}
    </>
  );
}
