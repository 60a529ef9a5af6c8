import { type AuditEvent, AuditPageSchema } from '../../../../src/modules/audit/contract';
import { api } from '../../shared/api/client';

export interface AuditFilters {
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  /** ISO date-times with offset (local day boundaries). */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  list: (filters: AuditFilters) => ['audit', filters] as const,
};

export function fetchAuditPage(filters: AuditFilters, before: number | undefined, signal?: AbortSignal) {
  return api.get('/audit', AuditPageSchema, { ...filters, before, limit: AUDIT_PAGE_SIZE }, signal);
}

export type { AuditEvent };
