/** The registry's public surface: people, households, documents, consents. */

export { type ConsentWithdrawnListener, onConsentWithdrawn } from './person-records';
export { personSearchText, registerPerson } from './register-person';
export { findPerson, isSensitiveNeed, sealedSample, toPerson } from './repository';
export { registryRoutes } from './routes';
export { consents, households, identityDocuments, persons } from './tables';
