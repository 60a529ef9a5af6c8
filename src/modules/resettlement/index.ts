/**
 * Resettlement, household by household (ADR 0017): referral, submission batches and decisions, health,
 * orientation, exit permits and visas, movements with manifests, boarding, arrival and handover.
 */
export { bookHousehold } from './book-household';
export { clearHealth } from './clear-health';
export { completeOrientation } from './complete-orientation';
export { createBatch } from './create-batch';
export { createMovement } from './create-movement';
export { warnExpiries } from './expiry-warnings';
export { resettlementFollowsPerson } from './follow-person';
export { stampMilestone } from './milestones';
export { createOrientationSession, setAttendance } from './orientation';
export { recordArrival } from './record-arrival';
export { recordBoarding } from './record-boarding';
export { recordClearance } from './record-clearance';
export { recordDecision } from './record-decision';
export { recordHandover } from './record-handover';
export { recordHealth } from './record-health';
export { recordReferral } from './record-referral';
export { resettlementRoutes } from './routes';
export { setBatchHouseholds } from './set-batch-households';
export { splitHousehold } from './split-household';
export { RESETTLEMENT_ACTIONS } from './stages';
export { submitBatch } from './submit-batch';
