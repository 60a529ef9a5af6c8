/** Needs assessments, reintegration plans (items, versions, approval) and deliveries. Browser-safe. */
import { z } from 'zod';
import { textBlock, textLine, UuidSchema, VersionSchema } from '../../platform/contract';
import { MoneyInputSchema, MoneySchema } from '../../platform/money';

const isoDate = z.iso.date();

export const DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export const DimensionSchema = z.enum(DIMENSIONS);
export const NEED_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export const SERVICE_TYPES = [
  'business_start_up',
  'vocational_training',
  'on_the_job_training',
  'job_placement',
  'housing',
  'medical_care',
  'psychosocial_counselling',
  'education_children',
  'legal_aid',
  'family_reunification',
  'material_assistance',
  'cash_allowance',
  'other',
] as const;
export const ServiceTypeSchema = z.enum(SERVICE_TYPES);
export const DELIVERY_MODES = ['cash', 'in_kind', 'voucher', 'referral'] as const;
export const DeliveryModeSchema = z.enum(DELIVERY_MODES);
export const ProviderKindSchema = z.enum(['in_house', 'partner']);
export const PlanStatusSchema = z.enum(['draft', 'submitted', 'approved']);

/** Case statuses in which reintegration is planned and delivered, per workflow. */
export const REINTEGRATION_STATUSES = [
  'reintegration_planning',
  'reintegration_assistance',
  'monitoring',
  'profiling',
  'matching',
  'placement',
  'follow_up',
] as const;

const DimensionInputSchema = z.strictObject({
  level: z.enum(NEED_LEVELS),
  notes: textBlock(4000, 0).nullable().optional(),
});
export const AssessmentInputSchema = z.strictObject({
  economic: DimensionInputSchema,
  social: DimensionInputSchema,
  psychosocial: DimensionInputSchema,
  assessedOn: isoDate,
});
export const AssessmentSchema = z.object({
  id: UuidSchema,
  economic: z.object({ level: z.enum(NEED_LEVELS), notes: z.string().nullable() }),
  social: z.object({ level: z.enum(NEED_LEVELS), notes: z.string().nullable() }),
  psychosocial: z.object({ level: z.enum(NEED_LEVELS), notes: z.string().nullable() }),
  assessedOn: z.string(),
  assessedByName: z.string(),
  createdAt: z.string(),
});

const itemFields = {
  dimension: DimensionSchema,
  serviceType: ServiceTypeSchema,
  description: textBlock(2000, 0).nullable().optional(),
  providerKind: ProviderKindSchema,
  providerName: textLine(200).nullable().optional(),
  deliveryMode: DeliveryModeSchema,
  planned: MoneyInputSchema,
  plannedDate: isoDate.nullable().optional(),
  budgetLineId: UuidSchema.nullable().optional(),
};
const partnerNamed = (v: { providerKind?: string; providerName?: string | null }, ctx: z.RefinementCtx) => {
  if (v.providerKind === 'partner' && !v.providerName)
    ctx.addIssue({ code: 'custom', path: ['providerName'], message: 'required' });
};
export const AddPlanItemSchema = z
  .strictObject({ ...itemFields, planVersion: VersionSchema.optional() })
  .superRefine(partnerNamed);
export const UpdatePlanItemSchema = z
  .strictObject({
    dimension: itemFields.dimension.optional(),
    serviceType: itemFields.serviceType.optional(),
    description: itemFields.description,
    providerKind: itemFields.providerKind.optional(),
    providerName: itemFields.providerName,
    deliveryMode: itemFields.deliveryMode.optional(),
    planned: MoneyInputSchema.optional(),
    plannedDate: itemFields.plannedDate,
    budgetLineId: itemFields.budgetLineId,
    planVersion: VersionSchema,
  })
  .superRefine(partnerNamed);
export const PlanVersionInputSchema = z.strictObject({ planVersion: VersionSchema });
export const PlanDecisionSchema = z.strictObject({
  planVersion: VersionSchema,
  comment: textBlock(2000, 0).nullable().optional(),
});
export const ReturnPlanSchema = z.strictObject({
  planVersion: VersionSchema,
  comment: textBlock(2000),
});

export const DeliveryInputSchema = z.strictObject({
  planItemId: UuidSchema,
  amount: MoneyInputSchema,
  deliveredOn: isoDate,
  vendor: textLine(200).nullable().optional(),
  receiptAttachmentId: UuidSchema.nullable().optional(),
  receiptConfirmedBy: textLine(200).nullable().optional(),
});

export const PlanItemSchema = z.object({
  id: UuidSchema,
  dimension: DimensionSchema,
  serviceType: ServiceTypeSchema,
  description: z.string().nullable(),
  providerKind: ProviderKindSchema,
  providerName: z.string().nullable(),
  deliveryMode: DeliveryModeSchema,
  planned: MoneySchema,
  plannedDate: z.string().nullable(),
  budgetLineId: UuidSchema.nullable(),
  budgetLineCode: z.string().nullable(),
  /** The amount in the approved version, or null when the item is not (yet) approved. */
  approved: MoneySchema.nullable(),
  delivered: MoneySchema,
  removed: z.boolean(),
  changedSinceApproval: z.boolean(),
});

export const DeliverySchema = z.object({
  id: UuidSchema,
  planItemId: UuidSchema,
  amount: MoneySchema,
  deliveredOn: z.string(),
  vendor: z.string().nullable(),
  receipt: z.object({ id: UuidSchema, fileName: z.string() }).nullable(),
  receiptConfirmedBy: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});

export const PlanWarningSchema = z.object({
  code: z.enum(['budget_line_exceeded', 'allowance_exceeded', 'exchange_rate_missing']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const PlanSchema = z.object({
  caseId: UuidSchema,
  status: PlanStatusSchema,
  approvedVersion: z.number().int().nullable(),
  items: z.array(PlanItemSchema),
  totals: z.object({
    planned: z.array(MoneySchema),
    approved: z.array(MoneySchema),
    delivered: z.array(MoneySchema),
  }),
  allowance: MoneySchema.nullable(),
  warnings: z.array(PlanWarningSchema),
  versions: z.array(
    z.object({
      number: z.number().int(),
      approvedByName: z.string(),
      approvedAt: z.string(),
      total: z.array(MoneySchema),
    }),
  ),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** The last supervisor decision: approved (a version was made) or sent back; null before any. */
  lastDecision: z.enum(['approved', 'returned']).nullable(),
  deliveries: z.array(DeliverySchema),
  version: z.number().int(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const ReintegrationViewSchema = z.object({
  caseId: UuidSchema,
  caseStatus: z.string(),
  inReintegration: z.boolean(),
  projectId: UuidSchema.nullable(),
  assessment: AssessmentSchema.nullable(),
  assessments: z.number().int(),
  plan: PlanSchema.nullable(),
  budgetLines: z.array(
    z.object({ id: UuidSchema, code: z.string(), label: z.string(), currency: z.string() }),
  ),
  canEdit: z.boolean(),
  canApprove: z.boolean(),
});
export type ReintegrationView = z.infer<typeof ReintegrationViewSchema>;
