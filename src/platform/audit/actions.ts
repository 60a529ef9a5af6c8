/** Every kind of audit event. A new action is added here, so the log stays a closed vocabulary. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'auth.logout',
  'auth.password_changed',
  'access.denied',
  'user.created',
  'user.updated',
  'user.memberships_changed',
  'user.password_reset',
  'user.unlocked',
  'office.created',
  'office.updated',
  'project.created',
  'project.updated',
  'system.demo_loaded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
