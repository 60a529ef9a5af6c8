import { officesGranting, type Permission } from '../../../../src/platform/permissions';
import { officesFromMemberships } from '../../shared/layout/currentOffice';
import { useMe } from '../auth/session';
import { useOffices } from './api';

export interface OfficeOption {
  id: string;
  name: string;
}

/**
 * The offices in which the signed-in user holds `permission`: from their memberships, or every active
 * office (GET /offices) when a global role grants it.
 */
export function useOfficesWith(permission: Permission): { offices: OfficeOption[]; isPending: boolean } {
  const me = useMe();
  const granted = officesGranting(me.memberships, permission);
  const all = useOffices({ enabled: granted === 'all' });
  if (granted === 'all') {
    return {
      offices: (all.data ?? []).filter((o) => o.active).map((o) => ({ id: o.id, name: o.name })),
      isPending: all.isPending,
    };
  }
  return {
    offices: officesFromMemberships(me.memberships)
      .filter((o) => granted.includes(o.officeId))
      .map((o) => ({ id: o.officeId, name: o.officeName })),
    isPending: false,
  };
}
