/**
 * The registry's door: people, households, documents, consents. What other modules and the composition
 * root may use; everything else in this folder is internal (enforced by `.dependency-cruiser.cjs`).
 */
export { DocumentSchema, HouseholdMemberSchema, SexSchema, SpecificNeedSchema } from './contract';
export { runScheduledScan } from './duplicates';
export { findPeople } from './find-people';
export { handOverPerson } from './hand-over';
export { normaliseDocumentNumber, normaliseName } from './names';
export { refreshStaleMatchKeys } from './person-matching';
export { toDocument } from './person-views';
export { personSearchText, registerPerson } from './register-person';
export {
  documentsOf,
  findConsent,
  findPerson,
  householdMembers,
  type PersonRow,
  sealedSample,
  toPerson,
} from './repository';
export { registryRoutes } from './routes';
export type { SpecificNeedCode } from './specific-needs';
export { consents, households, identityDocuments, persons } from './tables';
