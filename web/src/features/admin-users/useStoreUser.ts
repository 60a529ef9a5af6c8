import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { User } from '../../../../src/modules/identity/contract';
import { usersKeys } from './api';

/** Puts a user returned by the server in the cache (detail) and marks the lists stale. */
export function useStoreUser(): (user: User) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (user: User) => {
      queryClient.setQueryData(usersKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: usersKeys.lists });
    },
    [queryClient],
  );
}
