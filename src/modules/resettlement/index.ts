/**
 * Resettlement, household by household (ADR 0017): referral, submission batches and decisions, health,
 * orientation, exit permits and visas, movements with manifests, boarding, arrival and handover.
 */
export { warnExpiries } from './expiry-warnings';
export { resettlementFollowsPerson } from './follow-person';
export { stampMilestone } from './milestones';
export { resettlementRoutes } from './routes';
export { RESETTLEMENT_ACTIONS } from './stages';
