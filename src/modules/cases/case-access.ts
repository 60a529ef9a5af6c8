import type { Actor } from '../../platform/actor';
import { can } from '../../platform/actor';
import { PERMISSIONS, ROLE_DEFINITIONS, type Role } from '../../platform/permissions';
import type { ActorRoles } from './workflow';

/** The actor's permissions and roles as they apply in one office (global roles included). */
export function rolesIn(actor: Actor, officeId: string): ActorRoles {
  const roles = new Set<Role>(
    actor.memberships
      .filter((m) => m.officeId === officeId || ROLE_DEFINITIONS[m.role].scope === 'global')
      .map((m) => m.role),
  );
  return { roles, permissions: new Set(PERMISSIONS.filter((p) => can(actor, p, officeId))) };
}
