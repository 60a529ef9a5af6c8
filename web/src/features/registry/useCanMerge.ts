import { useCallback } from 'react';
import { officesGranting } from '../../../../src/platform/permissions';
import { useMe } from '../auth/session';

/**
 * Whether the signed-in user may merge records of these offices (by office code, as person summaries
 * name them): persons.merge in each of them. The server checks again; this only hides what would fail.
 */
export function useCanMerge(): (...officeCodes: string[]) => boolean {
  const me = useMe();
  return useCallback(
    (...officeCodes: string[]) => {
      if (!me.permissions.includes('persons.merge')) return false;
      const granted = officesGranting(me.memberships, 'persons.merge');
      if (granted === 'all') return true;
      const codes = new Set(
        me.memberships.filter((m) => granted.includes(m.officeId)).map((m) => m.officeCode),
      );
      return officeCodes.length > 0 && officeCodes.every((code) => codes.has(code));
    },
    [me.memberships, me.permissions],
  );
}
