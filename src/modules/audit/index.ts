export { verifyAuditChain } from '../../platform/audit/verify';
export { searchAuditEvents } from './repository';
export { auditRoutes } from './routes';
