/** Requests and responses of cases, their timeline, notes, tasks and attachments. Browser-safe. */
import { z } from 'zod';
import {
  CountryCodeSchema,
  queryText,
  textBlock,
  textLine,
  UuidSchema,
  VersionSchema,
} from '../../platform/contract';
import { SpecificNeedSchema } from '../registry/contract';
import { ALL_STATUSES, CASE_TYPE_CODES, CLOSURE_REASONS, DOCUMENT_KINDS } from './workflow';

export const CaseTypeSchema = z.enum(CASE_TYPE_CODES);
export const CaseStatusSchema = z.enum(ALL_STATUSES as [string, ...string[]]);
export const ClosureReasonSchema = z.enum(CLOSURE_REASONS);
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export const MedicalFitnessSchema = z.enum(['pending', 'fit', 'unfit']);
const isoDate = z.iso.date();

const UserRefSchema = z.object({ id: UuidSchema, name: z.string() });

export const CaseSummarySchema = z.object({
  id: UuidSchema,
  reference: z.string(),
  personId: UuidSchema,
  personName: z.string(),
  personNameOriginal: z.string().nullable(),
  nationalities: z.array(z.string()),
  caseType: CaseTypeSchema,
  sensitive: z.boolean(),
  status: z.string(),
  pendingTransitionTo: z.string().nullable(),
  projectId: UuidSchema.nullable(),
  projectCode: z.string().nullable(),
  officeId: UuidSchema,
  officeCode: z.string(),
  assignedTo: UserRefSchema.nullable(),
  departureDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** In a text search: how the person was found by name (any script or spelling), and why. */
  personMatch: z
    .object({ score: z.number(), reasons: z.array(z.looseObject({ code: z.string() })) })
    .optional(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseEventSchema = z.object({
  id: UuidSchema,
  kind: z.enum([
    'opened',
    'transition',
    'approval_requested',
    'approved',
    'rejected',
    'assigned',
    'reopened',
    'updated',
    'referred',
    'referral_answered',
    'transferred',
  ]),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string(),
  comment: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});

export const NoteSchema = z.object({
  id: UuidSchema,
  body: z.string(),
  confidential: z.boolean(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const TaskSchema = z.object({
  id: UuidSchema,
  caseId: UuidSchema,
  caseReference: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  assignee: UserRefSchema.nullable(),
  done: z.boolean(),
  overdue: z.boolean(),
  version: z.number().int(),
});

export const AttachmentSchema = z.object({
  id: UuidSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  documentKind: DocumentKindSchema.nullable(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});
export const AttachmentUploadQuerySchema = z.strictObject({ documentKind: DocumentKindSchema.optional() });
export const ClassifyAttachmentSchema = z.strictObject({ documentKind: DocumentKindSchema.nullable() });

export const AvailableTransitionSchema = z.object({
  to: z.string(),
  approval: z.boolean(),
  requires: z.array(z.string()),
  /** Kinds of document the step requires attached (absent: none). */
  requiresDocuments: z.array(z.string()).optional(),
  /** Set when only the owning module's action takes the step (the case page says where). */
  action: z.string().optional(),
  /** Unmet requirements: fields, and `document:<kind>`. */
  missing: z.array(z.string()),
});

export const CaseDetailSchema = CaseSummarySchema.extend({
  householdId: UuidSchema.nullable(),
  closureReason: z.string().nullable(),
  travelDocumentReady: z.boolean(),
  medicalFitness: MedicalFitnessSchema.nullable(),
  declarationSignedOn: z.string().nullable(),
  hostCountry: z.string().nullable(),
  returnCountry: z.string().nullable(),
  pendingTransition: z
    .object({
      to: z.string(),
      requestedByName: z.string(),
      requestedAt: z.string(),
      comment: z.string().nullable(),
    })
    .nullable(),
  workflowStates: z.array(z.string()),
  availableTransitions: z.array(AvailableTransitionSchema),
  canApprove: z.boolean(),
  canReopen: z.boolean(),
  canAssign: z.boolean(),
  canSeeConfidential: z.boolean(),
  timeline: z.array(CaseEventSchema),
  notes: z.array(NoteSchema),
  tasks: z.array(TaskSchema),
  attachments: z.array(AttachmentSchema),
  version: z.number().int(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(1000)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(30));

export const CaseListQuerySchema = z.strictObject({
  q: queryText(200).optional(),
  status: csv(CaseStatusSchema).optional(),
  caseType: csv(CaseTypeSchema).optional(),
  projectId: UuidSchema.optional(),
  officeId: UuidSchema.optional(),
  /** A user id, `me` or `none`. */
  assignedTo: z.union([UuidSchema, z.enum(['me', 'none'])]).optional(),
  nationality: CountryCodeSchema.optional(),
  need: SpecificNeedSchema.optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  updatedFrom: isoDate.optional(),
  updatedTo: isoDate.optional(),
  departureFrom: isoDate.optional(),
  departureTo: isoDate.optional(),
  sort: z.enum(['updated_desc', 'created_desc', 'departure_asc', 'reference_asc']).default('updated_desc'),
  cursor: queryText(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseListSchema = z.object({
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().nullable(),
  /** Cases per status matching every filter but the status filter. */
  countsByStatus: z.record(z.string(), z.number().int()),
  total: z.number().int(),
});

export const OpenCaseSchema = z.strictObject({
  personId: UuidSchema,
  caseType: CaseTypeSchema,
  projectId: UuidSchema.nullable().optional(),
  officeId: UuidSchema,
  assignedTo: UuidSchema.nullable().optional(),
  hostCountry: CountryCodeSchema.nullable().optional(),
  returnCountry: CountryCodeSchema.nullable().optional(),
});

const caseFields = {
  travelDocumentReady: z.boolean(),
  medicalFitness: MedicalFitnessSchema.nullable(),
  declarationSignedOn: isoDate.nullable(),
  departureDate: isoDate.nullable(),
  hostCountry: CountryCodeSchema.nullable(),
  returnCountry: CountryCodeSchema.nullable(),
  projectId: UuidSchema.nullable(),
};
export const CaseFieldsSchema = z.strictObject(caseFields).partial();
export const UpdateCaseSchema = CaseFieldsSchema.extend({ version: VersionSchema });

export const TransitionRequestSchema = z.strictObject({
  version: VersionSchema,
  to: CaseStatusSchema,
  comment: textBlock(2000, 0).optional(),
  closureReason: ClosureReasonSchema.optional(),
  /** Required fields asked for at the moment of the transition. */
  fields: CaseFieldsSchema.optional(),
});
export const DecisionSchema = z.strictObject({
  version: VersionSchema,
  comment: textBlock(2000, 0).optional(),
});
export const RejectSchema = z.strictObject({ version: VersionSchema, comment: textBlock(2000) });
export const ReopenSchema = z.strictObject({ version: VersionSchema, reason: textBlock(2000) });
export const AssignSchema = z.strictObject({ version: VersionSchema, assigneeId: UuidSchema.nullable() });
export const BulkAssignSchema = z.strictObject({
  caseIds: z.array(UuidSchema).min(1).max(500),
  assigneeId: UuidSchema.nullable(),
});
export const BulkAssignResultSchema = z.object({ assigned: z.number().int(), notFound: z.array(UuidSchema) });

export const CreateNoteSchema = z.strictObject({
  body: textBlock(10_000),
  confidential: z.boolean().default(false),
});
export const CreateTaskSchema = z.strictObject({
  title: textLine(300),
  dueDate: isoDate.nullable().optional(),
  assigneeId: UuidSchema.nullable().optional(),
});
export const UpdateTaskSchema = z.strictObject({
  version: VersionSchema,
  title: textLine(300).optional(),
  dueDate: isoDate.nullable().optional(),
  assigneeId: UuidSchema.nullable().optional(),
  done: z.boolean().optional(),
});
export const TaskListQuerySchema = z.strictObject({
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  includeDone: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
