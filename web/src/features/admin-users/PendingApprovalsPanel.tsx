import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { fetchPendingMembershipRequests, usersKeys } from './api';
import { MembershipLines } from './PendingMembershipChange';

/**
 * Changes of roles waiting for a second administrator, at the top of the users page so that the other
 * administrators see them. Nothing is shown when none is waiting.
 */
export function PendingApprovalsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const requests = useQuery({
    queryKey: usersKeys.membershipRequests,
    queryFn: ({ signal }) => fetchPendingMembershipRequests(signal),
  });
  if (requests.isPending) return null;
  if (requests.isError) return <QueryError error={requests.error} onRetry={() => void requests.refetch()} />;
  if (requests.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pending-approvals">
      <Title order={2} size="h4" id="pending-approvals" mb="xs">
        {t('users.approvals.panelTitle', { count: requests.data.length })}
      </Title>
      <Text size="sm" mb="sm">
        {t('users.approvals.panelIntro')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.approvals.account')}</Table.Th>
              <Table.Th>{t('users.approvals.now')}</Table.Th>
              <Table.Th>{t('users.approvals.asked')}</Table.Th>
              <Table.Th>{t('users.approvals.askedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.data.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/users/${request.user.id}`}>
                    {request.user.displayName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <MembershipLines memberships={request.currentMemberships} />
                </Table.Td>
                <Table.Td>
                  <MembershipLines memberships={request.memberships} />
                </Table.Td>
                <Table.Td>
                  {t('users.approvals.byOn', {
                    name: request.requestedBy.name,
                    date: format.dateTime(request.requestedAt),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
