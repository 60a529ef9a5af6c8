/** The registry's public surface: people, households, documents, consents. */

export { personSearchText, registerPerson } from './register-person';
export { findPerson, sealedSample, toPerson } from './repository';
export { registryRoutes } from './routes';
export { consents, households, identityDocuments, persons } from './tables';
