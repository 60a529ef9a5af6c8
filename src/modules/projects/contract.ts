/** Projects (programmes) and their targets. Browser-safe. */
import { z } from 'zod';
import { UuidSchema } from '../../platform/contract';

export const ProjectSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  name: z.string(),
  summary: z.object({ fr: z.string(), en: z.string() }),
  kind: z.enum(['avrr_vot', 'labour_reintegration', 'resettlement', 'protection', 'information']),
  donor: z.string().nullable(),
  cofunding: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hostCountries: z.array(z.string()),
  originCountries: z.array(z.string()),
  targetPersons: z.number().int().nullable(),
  owningOfficeId: UuidSchema,
  owningOfficeCode: z.string(),
  participatingOfficeIds: z.array(UuidSchema),
  version: z.number().int(),
});
export type Project = z.infer<typeof ProjectSchema>;
