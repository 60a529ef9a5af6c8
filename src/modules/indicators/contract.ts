/** A project's indicators: persons assisted against the target, disaggregated; what reintegration, employment,
 * trainings and campaigns achieved. Browser-safe. */
import { z } from 'zod';
import { UuidSchema } from '../../platform/contract';
import { MoneySchema } from '../../platform/money';

/** A count that suppression may hide (null). */
const Cell = z.number().int().nullable();
const Breakdown = z.record(z.string(), Cell);

export const IndicatorQuerySchema = z.strictObject({
  /** Cases opened on or after / on or before (YYYY-MM-DD). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** For a report that leaves the office: counts of 1–4 persons are hidden. */
  suppress: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

export const ProjectIndicatorsSchema = z.object({
  projectId: UuidSchema,
  projectCode: z.string(),
  targetPersons: z.number().int().nullable(),
  /** Whole project (the owning office reports on every office) or only the reader's offices. */
  coverage: z.enum(['project', 'own_offices']),
  /** Some cell was actually hidden (the report was asked to suppress small cells and had some). */
  suppressed: z.boolean(),
  persons: z.object({
    total: Cell,
    returned: Cell,
    withApprovedPlan: Cell,
    bySex: Breakdown,
    byAgeBand: Breakdown,
    byNationality: Breakdown,
    byVulnerability: Breakdown,
  }),
  reintegration: z.object({
    deliveries: z.number().int(),
    delivered: z.array(MoneySchema),
    personsByDimension: Breakdown,
    personsByMode: Breakdown,
  }),
  employment: z.object({
    placements: Cell,
    persons: Cell,
    stillEmployed3Months: Cell,
    stillEmployed6Months: Cell,
  }),
  capacity: z.object({ activities: z.number().int(), peopleTrained: Cell, bySex: Breakdown }),
  campaigns: z.object({ count: z.number().int(), reach: Cell }),
});
export type ProjectIndicators = z.infer<typeof ProjectIndicatorsSchema>;
