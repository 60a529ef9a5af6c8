import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../../src/modules/identity/contract';
import { useFormat } from '../../shared/format/useFormat';
import { UserStatusBadges } from './UserStatusBadges';

export function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={t('users.table.label')} striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.table.name')}</Table.Th>
              <Table.Th scope="col">{t('users.table.email')}</Table.Th>
              <Table.Th scope="col">{t('users.table.memberships')}</Table.Th>
              <Table.Th scope="col">{t('users.table.status')}</Table.Th>
              <Table.Th scope="col">{t('users.table.lastLogin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={600}>
                  <Anchor component={Link} to={`/admin/users/${user.id}`}>
                    {user.displayName}
                  </Anchor>
                </Table.Th>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  {user.memberships.length === 0 ? (
                    t('common.none')
                  ) : (
                    <Stack gap={2}>
                      {user.memberships.map((m) => (
                        <Text key={`${m.officeId}-${m.role}`} size="sm">
                          {t('home.membership', { office: m.officeName, role: t(`roles.${m.role}`) })}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <UserStatusBadges user={user} />
                </Table.Td>
                <Table.Td>
                  {user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.table.never')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
