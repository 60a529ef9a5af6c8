import { useCallback } from 'react';
import { officesGranting, type Permission } from '../../../../src/platform/permissions';
import { useMe } from '../auth/session';

/** Whether the signed-in user holds `permission` in `officeId` (not merely somewhere). */
export function useCanIn(): (permission: Permission, officeId: string | null | undefined) => boolean {
  const me = useMe();
  return useCallback(
    (permission: Permission, officeId: string | null | undefined) => {
      if (!officeId) return false;
      const granted = officesGranting(me.memberships, permission);
      return granted === 'all' || granted.includes(officeId);
    },
    [me.memberships],
  );
}
