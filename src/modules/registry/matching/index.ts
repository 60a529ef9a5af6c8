/**
 * Matching persons across scripts and spellings: name keys, pairwise comparison with reasons, blocking
 * keys for lookups, and batch duplicate detection. Pure TypeScript, no database access.
 */

export { type CandidateMatch, rankCandidates } from './candidates';
export { comparePersons } from './compare';
export { type CandidatePair, type DedupOptions, type DedupStats, findDuplicatePairs } from './dedup';
export { blockingKeys, frequencyKeys } from './keys';
export { MAX_NAME_LENGTH, type NameToken, nameKey, nameTokens } from './normalise';
export { rankSearch } from './search';
export type {
  BirthPrecision,
  MatchDocument,
  MatchPerson,
  MatchReason,
  MatchReasonCode,
  MatchResult,
  NameFrequencies,
  NamePart,
  PersonName,
  Sex,
} from './types';
export {
  assertMatchableName,
  checkName,
  checkPerson,
  type NameCheck,
  type NameProblem,
  NameValidationError,
} from './validate';
export { MATCH_THRESHOLD } from './weights';
