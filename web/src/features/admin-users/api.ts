import { z } from 'zod';
import {
  type CreateUserSchema,
  type MembershipRequest,
  MembershipRequestSchema,
  type SetMembershipsSchema,
  type UpdateUserSchema,
  type User,
  UserSchema,
  UserWithPasswordSchema,
} from '../../../../src/modules/identity/contract';
import type { Role } from '../../../../src/platform/permissions';
import { api } from '../../shared/api/client';

const UserListSchema = z.object({ items: z.array(UserSchema) });
const ResetPasswordResultSchema = z.object({ user: UserSchema, temporaryPassword: z.string() });

export interface UserFilters {
  q?: string;
  officeId?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

export const usersKeys = {
  all: ['users'] as const,
  membershipRequests: ['users', 'membership-requests'] as const,
  lists: ['users', 'list'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export function fetchUsers(filters: UserFilters, signal?: AbortSignal): Promise<User[]> {
  return api.get('/users', UserListSchema, { ...filters }, signal).then((page) => page.items);
}

export function fetchUser(id: string, signal?: AbortSignal): Promise<User> {
  return api.get(userPath(id), UserSchema, undefined, signal);
}

export function createUser(body: z.output<typeof CreateUserSchema>) {
  return api.post('/users', body, UserWithPasswordSchema);
}

export function updateUser(id: string, body: z.output<typeof UpdateUserSchema>): Promise<User> {
  return api.patch(userPath(id), body, UserSchema);
}

export function setMemberships(id: string, body: z.output<typeof SetMembershipsSchema>): Promise<User> {
  return api.put(`${userPath(id)}/memberships`, body, UserSchema);
}

const MembershipRequestListSchema = z.object({ items: z.array(MembershipRequestSchema) });
const requestPath = (id: string) => `/membership-requests/${encodeURIComponent(id)}`;

/** Changes of roles waiting for a second administrator. */
export function fetchPendingMembershipRequests(signal?: AbortSignal): Promise<MembershipRequest[]> {
  return api
    .get('/membership-requests', MembershipRequestListSchema, { status: 'pending' }, signal)
    .then((page) => page.items);
}

export function approveMembershipRequest(id: string, comment: string): Promise<MembershipRequest> {
  return api.post(`${requestPath(id)}/approve`, comment ? { comment } : {}, MembershipRequestSchema);
}

export function rejectMembershipRequest(id: string, reason: string): Promise<MembershipRequest> {
  return api.post(`${requestPath(id)}/reject`, { reason }, MembershipRequestSchema);
}

export function cancelMembershipRequest(id: string): Promise<MembershipRequest> {
  return api.post(`${requestPath(id)}/cancel`, {}, MembershipRequestSchema);
}

export function resetPassword(id: string) {
  return api.post(`${userPath(id)}/reset-password`, {}, ResetPasswordResultSchema);
}

export function unlockUser(id: string): Promise<User> {
  return api.post(`${userPath(id)}/unlock`, {}, UserSchema);
}

/** Sign-ins to the account from new devices are being delayed after many failed attempts. */
export function isDelayed(user: Pick<User, 'signInDelayedUntil'>, now = Date.now()): boolean {
  return user.signInDelayedUntil !== null && new Date(user.signInDelayedUntil).getTime() > now;
}
