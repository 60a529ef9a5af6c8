import { Button, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { TemporaryPasswordModal } from '../../shared/components/TemporaryPasswordModal';
import { useCan } from '../auth/session';
import { useOffices } from '../offices/api';
import { fetchUsers, type UserFilters, usersKeys } from './api';
import { type CreatedUser, CreateUserModal } from './CreateUserModal';
import { PendingApprovalsPanel } from './PendingApprovalsPanel';
import { UserFiltersForm, type UserFilterValues } from './UserFiltersForm';
import { UsersTable } from './UsersTable';

const NO_FILTERS: UserFilterValues = { q: '', officeId: '', role: '', status: '' };

function toQuery(values: UserFilterValues): UserFilters {
  const q = values.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(values.officeId ? { officeId: values.officeId } : {}),
    ...(values.role ? { role: values.role } : {}),
    ...(values.status ? { status: values.status } : {}),
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('users.manage');
  const [filters, setFilters] = useState<UserFilterValues>(NO_FILTERS);
  const [debouncedQ] = useDebouncedValue(filters.q, 300);
  const query = toQuery({ ...filters, q: debouncedQ });
  const offices = useOffices({ enabled: can('offices.read') });
  const users = useQuery({
    queryKey: usersKeys.list(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      {canManage ? <PendingApprovalsPanel /> : null}
      <UserFiltersForm value={filters} onChange={setFilters} offices={offices.data} />
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <VisuallyHidden role="status">{t('users.count', { count: users.data.length })}</VisuallyHidden>
          {users.data.length === 0 ? <Text>{t('users.empty')}</Text> : <UsersTable users={users.data} />}
        </>
      )}
      {canManage ? (
        <>
          <CreateUserModal
            opened={creating}
            onClose={() => setCreating(false)}
            onCreated={(result) => {
              setCreating(false);
              if (result.temporaryPassword) setCreated(result);
            }}
          />
          <TemporaryPasswordModal
            password={created?.temporaryPassword ?? null}
            userName={created?.user.displayName ?? ''}
            onClose={() => setCreated(null)}
          />
        </>
      ) : null}
    </>
  );
}
