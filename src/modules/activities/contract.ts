/**
 * Requests and responses of capacity-building activities (TACT trainings of authorities, workshops) and
 * information campaigns (Calais, TACT), and of their indicators. Browser-safe.
 */
import { z } from 'zod';
import { CountryCodeSchema, queryText, textLine, UuidSchema, VersionSchema } from '../../platform/contract';
import { SexSchema } from '../registry/contract';

export const ACTIVITY_KINDS = ['training', 'workshop', 'study_visit', 'conference'] as const;
export const PARTICIPANT_ROLES = [
  'police',
  'judiciary',
  'labour_inspection',
  'social_services',
  'health',
  'ngo',
  'local_authority',
  'border_guard',
  'consular',
  'other',
] as const;
export const CAMPAIGN_CHANNELS = [
  'radio',
  'television',
  'social_media',
  'print',
  'community_event',
  'school',
  'hotline',
  'other',
] as const;

export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export const ParticipantRoleSchema = z.enum(PARTICIPANT_ROLES);
export const CampaignChannelSchema = z.enum(CAMPAIGN_CHANNELS);
export const ParticipantSexSchema = SexSchema;
/** ISO 639-1 or 639-3 language code, lower case (sq, ar, uk, ckb...). */
export const LanguageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, 'language_code');
const isoDate = z.iso.date();

/**
 * The field error of an end date before the start date: `too_small` on `endDate`, with the start date as
 * the minimum, so the localised message says which date the end may not precede. Used by the schemas
 * (whole bodies) and by the updates (a stored date with a changed one).
 */
export function dateOrderIssue(startDate: string, endDate: string): z.core.$ZodIssue | undefined {
  if (endDate >= startDate) return undefined;
  return {
    code: 'too_small',
    origin: 'date',
    // zod types the minimum as a number; a date minimum is what z.date().min() reports too.
    minimum: startDate as unknown as number,
    inclusive: true,
    path: ['endDate'],
    input: endDate,
    message: '',
  };
}

function checkDates(value: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx): void {
  if (value.startDate === undefined || value.endDate === undefined) return;
  const issue = dateOrderIssue(value.startDate, value.endDate);
  // Without a message: zod (in the browser) or the server's catalogue words it in the reader's language.
  if (issue) ctx.addIssue({ ...issue, message: undefined });
}

// ---- capacity-building activities ------------------------------------------------------------------

/** Participants are counted per institution, country, sex and role: no names. */
export const ParticipantGroupSchema = z.strictObject({
  institution: textLine(200),
  country: CountryCodeSchema,
  sex: ParticipantSexSchema,
  role: ParticipantRoleSchema,
  count: z.number().int().min(1).max(10_000),
});
export type ParticipantGroup = z.infer<typeof ParticipantGroupSchema>;

const activityFields = {
  kind: ActivityKindSchema,
  title: textLine(300),
  topic: textLine(300),
  startDate: isoDate,
  endDate: isoDate,
  place: textLine(200),
  country: CountryCodeSchema,
  projectId: UuidSchema.nullable(),
  /** Replaced as a whole on update. */
  participants: z.array(ParticipantGroupSchema).max(500),
};

export const CreateActivitySchema = z
  .strictObject({
    ...activityFields,
    officeId: UuidSchema,
    projectId: activityFields.projectId.optional(),
    participants: activityFields.participants.default([]),
  })
  .superRefine(checkDates);
export type CreateActivityInput = z.infer<typeof CreateActivitySchema>;

// No defaults: an update that omits a field leaves it as it is.
export const UpdateActivitySchema = z
  .strictObject(activityFields)
  .partial()
  .extend({ version: VersionSchema })
  .superRefine(checkDates);
export type UpdateActivityInput = z.infer<typeof UpdateActivitySchema>;

export const ActivitySummarySchema = z.object({
  id: UuidSchema,
  officeId: UuidSchema,
  officeCode: z.string(),
  projectId: UuidSchema.nullable(),
  projectCode: z.string().nullable(),
  kind: ActivityKindSchema,
  title: z.string(),
  topic: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  country: z.string(),
  /** Sum of the participant counts. */
  participantCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

export const ActivitySchema = ActivitySummarySchema.extend({
  participants: z.array(
    z.object({
      institution: z.string(),
      country: z.string(),
      sex: ParticipantSexSchema,
      role: ParticipantRoleSchema,
      count: z.number().int(),
    }),
  ),
});
export type Activity = z.infer<typeof ActivitySchema>;

const listPaging = {
  officeId: UuidSchema.optional(),
  projectId: UuidSchema.optional(),
  country: CountryCodeSchema.optional(),
  /** Start date on or after. */
  from: isoDate.optional(),
  /** Start date on or before. */
  to: isoDate.optional(),
  cursor: queryText(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const ActivityListQuerySchema = z.strictObject({ ...listPaging, kind: ActivityKindSchema.optional() });
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

export const ActivityListSchema = z.object({
  items: z.array(ActivitySummarySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

// ---- information campaigns ---------------------------------------------------------------------------

const campaignFields = {
  title: textLine(300),
  channel: CampaignChannelSchema,
  countries: z.array(CountryCodeSchema).min(1).max(60),
  languages: z.array(LanguageCodeSchema).min(1).max(30),
  startDate: isoDate,
  endDate: isoDate,
  /** People reached (audience estimate or attendance). */
  reach: z.number().int().min(0).max(2_147_483_647),
  projectId: UuidSchema.nullable(),
};

export const CreateCampaignSchema = z
  .strictObject({ ...campaignFields, officeId: UuidSchema, projectId: campaignFields.projectId.optional() })
  .superRefine(checkDates);
export type CreateCampaignInput = z.infer<typeof CreateCampaignSchema>;

export const UpdateCampaignSchema = z
  .strictObject(campaignFields)
  .partial()
  .extend({ version: VersionSchema })
  .superRefine(checkDates);
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignSchema>;

export const CampaignSchema = z.object({
  id: UuidSchema,
  officeId: UuidSchema,
  officeCode: z.string(),
  projectId: UuidSchema.nullable(),
  projectCode: z.string().nullable(),
  title: z.string(),
  channel: CampaignChannelSchema,
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  reach: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignListQuerySchema = z.strictObject({
  ...listPaging,
  /** Campaigns running in this country (one of their countries). */
  country: CountryCodeSchema.optional(),
  channel: CampaignChannelSchema.optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;

export const CampaignListSchema = z.object({
  items: z.array(CampaignSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

// ---- indicators --------------------------------------------------------------------------------------

export const IndicatorsQuerySchema = z
  .strictObject({
    projectId: UuidSchema.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Donor-facing: counts of persons from 1 to 4 are replaced by null. */
    suppress: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from === undefined || v.to === undefined || v.to >= v.from) return;
    ctx.addIssue({
      code: 'too_small',
      origin: 'date',
      minimum: v.from as unknown as number,
      inclusive: true,
      path: ['to'],
      input: v.to,
    });
  });

/** A count of persons; null when suppressed as a small cell. */
const Cell = z.number().int().nullable();
const Cells = z.record(z.string(), Cell);

export const IndicatorsSchema = z.object({
  projectId: UuidSchema.nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Small-cell suppression was asked for (the report leaves the office). */
  suppression: z.object({ applied: z.boolean(), threshold: z.number().int().nullable() }),
  /** At least one count was replaced by null. */
  suppressed: z.boolean(),
  activities: z.object({
    count: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    /** Participations: someone trained twice counts twice (participants are not named). */
    peopleTrained: Cell,
    bySex: Cells,
    byCountry: Cells,
    byRole: Cells,
    byInstitution: Cells,
    institutionCount: z.number().int(),
  }),
  campaigns: z.object({
    count: z.number().int(),
    reach: Cell,
    /** A campaign in several countries counts its whole reach in each: these do not add up to `reach`. */
    reachByCountry: Cells,
    reachByChannel: Cells,
  }),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;
