import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { User } from '../../../../src/modules/identity/contract';
import { ROLE_DEFINITIONS } from '../../../../src/platform/permissions';
import { api } from '../../shared/api/client';
import { useCan } from '../auth/session';

/** Active users holding, in `officeId`, a role that may work on cases (cases.write). */
export function assignableIn(users: User[], officeId: string): User[] {
  return users
    .filter(
      (user) =>
        user.status === 'active' &&
        user.memberships.some(
          (m) =>
            m.officeId === officeId &&
            (ROLE_DEFINITIONS[m.role].permissions as readonly string[]).includes('cases.write'),
        ),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const AssigneesSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

/** The people a case of `officeId` can be assigned to (GET /api/cases/assignees: no user-admin rights needed). */
export function useAssignableUsers(officeId: string | null | undefined) {
  const can = useCan();
  const enabled = Boolean(officeId) && can('cases.read');
  const query = useQuery({
    queryKey: ['cases', 'assignees', officeId ?? ''],
    queryFn: ({ signal }) =>
      api.get('/cases/assignees', AssigneesSchema, { officeId: officeId ?? '' }, signal),
    enabled,
  });
  return {
    users: officeId && query.data ? query.data.items.map((u) => ({ id: u.id, displayName: u.name })) : [],
    isPending: enabled && query.isPending,
    error: query.error,
  };
}
