/** Reading and verifying the audit log. Browser-safe. */
import { z } from 'zod';
import { queryText, UuidSchema } from '../../platform/contract';

export const AuditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUserId: UuidSchema.nullable(),
  actorEmail: z.string().nullable(),
  officeId: UuidSchema.nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  changes: z
    .record(z.string(), z.object({ old: z.unknown().optional(), new: z.unknown().optional() }))
    .nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
  /**
   * The event is about a beneficiary (a person, their case, referral, plan, placement) and the reader may
   * not read beneficiaries' data in its office: its changes and details are withheld (null), the rest shown.
   */
  withheld: z.boolean(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

const isoDateTime = z.iso.datetime({ offset: true }).or(z.iso.date());

export const AuditQuerySchema = z.strictObject({
  actor: queryText(254).optional(),
  recordType: queryText(60).optional(),
  recordId: queryText(100).optional(),
  action: queryText(100).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** Keyset pagination: events with a sequence number below this one. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  nextBefore: z.number().int().nullable(),
});
