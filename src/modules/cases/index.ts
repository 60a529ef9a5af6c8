export { assignCase } from './case-work';
export { openCase } from './open-case';
export { casesRoutes } from './routes';
export { decideApproval, transitionCase, updateCaseFields } from './transition-case';
export { findTransition, isTerminal, missingRequirements, workflowOf } from './workflow';
