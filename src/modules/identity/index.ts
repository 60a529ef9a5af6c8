/** The identity module's public surface: accounts, offices, memberships, sessions. */

export { CreateUserSchema, NewPasswordSchema } from './contract';
export * as identityRepository from './repository';
export { identityRoutes } from './routes';
export { DEVICE_COOKIE, deviceCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
export {
  actorOf,
  KNOWN_DEVICE_DAYS,
  purgeSignInRecords,
  resolveSession,
  type SessionPolicy,
} from './sessions';
export { memberships, offices, sessions, users } from './tables';
