/**
 * Donor reporting (DOMAIN.md, "Donor reporting"): a project's results framework (outcomes, outputs and their
 * indicators), reporting periods and their signed snapshots, manual values with evidence, the report with its
 * disaggregations and small-cell suppression, dashboards and exports. Browser-safe.
 */
import { z } from 'zod';
import { queryText, textBlock, textLine, UuidSchema, VersionSchema } from '../../platform/contract';

/** What a figure can be broken down by. */
export const BREAKDOWNS = [
  'sex',
  'age_band',
  'nationality',
  'host_country',
  'return_country',
  'vulnerability',
  'assistance_type',
  'assistance_mode',
  'assistance_timing',
  'office',
  'budget_line',
] as const;
export const BreakdownSchema = z.enum(BREAKDOWNS);
export type Breakdown = z.infer<typeof BreakdownSchema>;

/** A breakdown by one dimension, or by two at once (`sex*age_band`). */
export const BreakdownSpecSchema = z
  .string()
  .max(60)
  .regex(/^[a-z_*]+$/, 'unknown_breakdown')
  .refine((s) => {
    const parts = s.split('*');
    return (
      parts.length >= 1 &&
      parts.length <= 2 &&
      parts.every((p) => (BREAKDOWNS as readonly string[]).includes(p)) &&
      new Set(parts).size === parts.length
    );
  }, 'unknown_breakdown');
export type BreakdownSpec = string;
export const splitSpec = (spec: BreakdownSpec) => spec.split('*') as Breakdown[];

/** Units of measure of indicators. `persons` are counts of people: small cells are suppressed when shared. */
export const UNITS = ['persons', 'count', 'percent', 'eur', 'people_reached'] as const;
export const UnitSchema = z.enum(UNITS);

export const LocalisedSchema = z.strictObject({ fr: textLine(500), en: textLine(500) });
export const LocalisedBlockSchema = z.strictObject({ fr: textBlock(2000, 0), en: textBlock(2000, 0) });

// ---------------------------------------------------------------------------------------------------------
// The catalogue of computed indicator definitions.

export const DefinitionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.object({ fr: z.string(), en: z.string() }),
  /** Exactly what is counted: which records, which dates, which statuses. */
  counts: z.object({ fr: z.string(), en: z.string() }),
  unit: UnitSchema,
  /** Counts of persons (small cells suppressed in reports that leave the office). */
  personal: z.boolean(),
  breakdowns: z.array(BreakdownSchema),
  /** Not available yet (e.g. needs a module that does not exist); listed so managers see what is coming. */
  available: z.boolean(),
});
export type Definition = z.infer<typeof DefinitionSchema>;

// ---------------------------------------------------------------------------------------------------------
// The results framework.

export const NODE_KINDS = ['impact', 'outcome', 'output'] as const;
export const FrameworkNodeInputSchema = z.strictObject({
  kind: z.enum(NODE_KINDS),
  parentId: UuidSchema.nullable().default(null),
  code: textLine(20),
  title: LocalisedSchema,
});
export const FrameworkNodeUpdateSchema = z.strictObject({
  version: VersionSchema,
  code: textLine(20).optional(),
  title: LocalisedSchema.optional(),
});

const TargetNumber = z.number().finite().min(0).max(1e12);

export const IndicatorInputSchema = z
  .strictObject({
    nodeId: UuidSchema,
    code: textLine(20),
    title: LocalisedSchema,
    unit: UnitSchema,
    kind: z.enum(['computed', 'manual']),
    definition: z
      .strictObject({
        id: z.string().regex(/^[a-z0-9_]{1,60}$/, 'definition_id'),
        version: z.number().int().min(1),
      })
      .nullable()
      .default(null),
    baseline: TargetNumber.nullable().default(null),
    target: TargetNumber.nullable().default(null),
    meansOfVerification: LocalisedBlockSchema.default({ fr: '', en: '' }),
    breakdowns: z.array(BreakdownSpecSchema).max(12).default([]),
  })
  .refine((v) => (v.kind === 'computed') === (v.definition !== null), {
    path: ['definition'],
    message: 'definition_required_for_computed',
  });
export const IndicatorUpdateSchema = z.strictObject({
  version: VersionSchema,
  code: textLine(20).optional(),
  title: LocalisedSchema.optional(),
  baseline: TargetNumber.nullable().optional(),
  target: TargetNumber.nullable().optional(),
  meansOfVerification: LocalisedBlockSchema.optional(),
  breakdowns: z.array(BreakdownSpecSchema).max(12).optional(),
  /** Targets per period (null removes one). */
  periodTargets: z.record(UuidSchema, TargetNumber.nullable()).optional(),
});

export const IndicatorSchema = z.object({
  id: UuidSchema,
  nodeId: UuidSchema,
  code: z.string(),
  title: z.object({ fr: z.string(), en: z.string() }),
  unit: UnitSchema,
  kind: z.enum(['computed', 'manual']),
  definition: z.object({ id: z.string(), version: z.number().int() }).nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  periodTargets: z.record(z.string(), z.number()),
  meansOfVerification: z.object({ fr: z.string(), en: z.string() }),
  breakdowns: z.array(z.string()),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const FrameworkNodeSchema = z.object({
  id: UuidSchema,
  kind: z.enum(NODE_KINDS),
  parentId: UuidSchema.nullable(),
  code: z.string(),
  title: z.object({ fr: z.string(), en: z.string() }),
  version: z.number().int(),
});
export type FrameworkNode = z.infer<typeof FrameworkNodeSchema>;

// ---------------------------------------------------------------------------------------------------------
// Periods, manual values, snapshots.

export const PERIOD_KINDS = ['monthly', 'quarterly', 'interim', 'final', 'annual'] as const;
export const PeriodInputSchema = z
  .strictObject({
    kind: z.enum(PERIOD_KINDS),
    label: textLine(80),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
  })
  .refine((p) => p.endDate >= p.startDate, { path: ['endDate'], message: 'period_ends_before_start' });

export const PeriodSchema = z.object({
  id: UuidSchema,
  kind: z.enum(PERIOD_KINDS),
  label: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  snapshotId: UuidSchema.nullable(),
  version: z.number().int(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const ClosePeriodSchema = z.strictObject({
  version: VersionSchema,
  comment: textBlock(2000, 0).optional(),
});

export const ManualValueInputSchema = z.strictObject({
  /** The figure; a number, never text. */
  value: z.number().finite().min(-1e12).max(1e12),
  comment: textBlock(2000, 0).default(''),
  version: VersionSchema.optional(),
});
export const ManualValueDecisionSchema = z.strictObject({
  version: VersionSchema,
  decision: z.enum(['validated', 'returned']),
  comment: textBlock(2000, 0).default(''),
});

export const ManualValueSchema = z.object({
  indicatorId: UuidSchema,
  periodId: UuidSchema,
  value: z.number(),
  comment: z.string(),
  status: z.enum(['submitted', 'validated', 'returned']),
  enteredByName: z.string(),
  enteredAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  evidence: z
    .object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })
    .nullable(),
  version: z.number().int(),
});
export type ManualValue = z.infer<typeof ManualValueSchema>;

export const FrameworkSchema = z.object({
  projectId: UuidSchema,
  projectCode: z.string(),
  nodes: z.array(FrameworkNodeSchema),
  indicators: z.array(IndicatorSchema),
  periods: z.array(PeriodSchema),
  manualValues: z.array(ManualValueSchema),
  /** What the reader may do here. */
  can: z.object({ manage: z.boolean(), enter: z.boolean(), export: z.boolean() }),
});
export type Framework = z.infer<typeof FrameworkSchema>;

// ---------------------------------------------------------------------------------------------------------
// The report (also what the dashboards draw and the exports write).

/** A table of counts with margins; null is a suppressed cell. */
export const CrossTabSchema = z.object({
  spec: z.string(),
  dimensions: z.array(BreakdownSchema),
  total: z.number().nullable(),
  rows: z.record(z.string(), z.number().nullable()).optional(),
  cols: z.record(z.string(), z.number().nullable()).optional(),
  cells: z.record(z.string(), z.record(z.string(), z.number().nullable())).optional(),
});
export type CrossTabView = z.infer<typeof CrossTabSchema>;

export const SeriesPointSchema = z.object({
  periodId: UuidSchema,
  label: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** From the period's signed snapshot (closed) or computed now (open). */
  source: z.enum(['snapshot', 'live']),
});

export const ReportIndicatorSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  nodeId: UuidSchema,
  title: z.string(),
  unit: UnitSchema,
  kind: z.enum(['computed', 'manual']),
  definition: DefinitionSchema.nullable(),
  meansOfVerification: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  periodTarget: z.number().nullable(),
  /** In the period. */
  value: z.number().nullable(),
  /** From the project's start to the period's end. */
  cumulative: z.number().nullable(),
  /** cumulative / target, 0..n (null without a target or when the figure is suppressed). */
  progress: z.number().nullable(),
  /** A manual value's state (null for computed indicators). */
  manualStatus: z.enum(['missing', 'submitted', 'validated', 'returned']).nullable(),
  comment: z.string().nullable(),
  breakdowns: z.array(CrossTabSchema),
  series: z.array(SeriesPointSchema),
});
export type ReportIndicator = z.infer<typeof ReportIndicatorSchema>;

export const ChangeSchema = z.object({
  periodId: UuidSchema,
  periodLabel: z.string(),
  indicatorCode: z.string(),
  /** '' for the total, else `spec:row` or `spec:row:col`. */
  cell: z.string(),
  submitted: z.number().nullable(),
  now: z.number().nullable(),
});

export const ReportSchema = z.object({
  generatedAt: z.string(),
  language: z.enum(['fr', 'en']),
  project: z.object({
    id: UuidSchema,
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    donor: z.string().nullable(),
    cofunding: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    hostCountries: z.array(z.string()),
    originCountries: z.array(z.string()),
    owningOfficeCode: z.string(),
  }),
  period: PeriodSchema,
  /** Whole project or only the reader's offices; which offices' data the figures hold. */
  coverage: z.enum(['project', 'own_offices']),
  offices: z.array(z.string()),
  /** The reader may ask for one office's figures (not a reader under forced suppression, nor a donor). */
  officeFilter: z.boolean(),
  /** The figures of a closed period come from its signed snapshot. */
  source: z.enum(['snapshot', 'live']),
  snapshot: z
    .object({
      id: UuidSchema,
      closedAt: z.string(),
      closedByName: z.string(),
      signature: z.string(),
      valid: z.boolean(),
    })
    .nullable(),
  /** Small cells hidden (shared reports): how many, and the threshold. */
  suppression: z.object({
    applied: z.boolean(),
    threshold: z.number().int(),
    primary: z.number().int(),
    secondary: z.number().int(),
  }),
  nodes: z.array(FrameworkNodeSchema.extend({ title: z.string() })),
  indicators: z.array(ReportIndicatorSchema),
  /** Figures of closed periods that differ now from what was submitted. */
  changes: z.array(ChangeSchema),
  budget: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      currency: z.string(),
      budgetMinor: z.number(),
      spentMinor: z.number(),
    }),
  ),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportQuerySchema = z.strictObject({
  periodId: UuidSchema.optional(),
  /** Extra breakdowns beside each indicator's own (comma-separated specs). */
  breakdowns: queryText(400)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : []))
    .pipe(z.array(BreakdownSpecSchema).max(6)),
  officeId: UuidSchema.optional(),
  /** A report that leaves the office: small cells suppressed, whatever the reader may see. */
  shared: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  language: z.enum(['fr', 'en']).optional(),
});

export const PortfolioQuerySchema = z.strictObject({
  officeId: UuidSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const PortfolioSchema = z.object({
  generatedAt: z.string(),
  scope: z.enum(['mission', 'office']),
  officeCode: z.string().nullable(),
  projects: z.array(
    z.object({
      id: UuidSchema,
      code: z.string(),
      name: z.string(),
      donor: z.string().nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      /** Days elapsed / total days of the project (0..1). */
      timeElapsed: z.number().nullable(),
      headline: z
        .object({
          indicatorId: UuidSchema,
          code: z.string(),
          title: z.string(),
          value: z.number().nullable(),
          target: z.number().nullable(),
          progress: z.number().nullable(),
        })
        .nullable(),
      indicators: z.number().int(),
      onTrack: z.number().int(),
      behind: z.number().int(),
      /** Null when the figures do not cover the whole project (an office's portfolio) or it has no budget. */
      budgetMinor: z.number().nullable(),
      spentMinor: z.number().nullable(),
      currency: z.string().nullable(),
    }),
  ),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;

// ---------------------------------------------------------------------------------------------------------
// Exports.

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf', 'iati'] as const;
export const ExportInputSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  periodId: UuidSchema.optional(),
  language: z.enum(['fr', 'en']).default('fr'),
  breakdowns: z.array(BreakdownSpecSchema).max(6).default([]),
  /** Exports leave the office: suppressed unless the reader may see every office's cells and asks otherwise. */
  shared: z.boolean().default(true),
});
export const ExportSchema = z.object({
  id: UuidSchema,
  projectId: UuidSchema,
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().int(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  requestedByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
  error: z.string().nullable(),
});
export type ReportExport = z.infer<typeof ExportSchema>;

export const DonorViewerInputSchema = z.strictObject({ userId: UuidSchema });
