/** The identity module's public surface: accounts, offices, memberships, sessions. */

export * as identityRepository from './repository';
export { identityRoutes } from './routes';
export { KNOWN_DEVICE_DAYS, purgeSignInRecords, resolveSession, type SessionPolicy } from './sessions';
export { memberships, offices, sessions, users } from './tables';
