import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../../src/modules/identity/contract';
import type { Permission } from '../../../../src/platform/permissions';
import { fetchMe, logout, meQueryKey } from './api';

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user; only for components rendered below `RequireAuth`. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside an authenticated route');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return useCallback((permission: Permission) => me.permissions.includes(permission), [me.permissions]);
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session is dropped locally whatever the server said.
    }
    await navigate('/login', { replace: true });
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
    notifications.show({ color: 'blue', message: t('header.signedOut') });
  }, [navigate, queryClient, t]);
}
