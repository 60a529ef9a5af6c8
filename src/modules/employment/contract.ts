/**
 * Requests and responses of return-to-employment support (MAGNET II): employers, job openings, skills
 * profiles, matching, placements and their follow-ups. Browser-safe.
 */
import { z } from 'zod';
import {
  CountryCodeSchema,
  plainString,
  queryText,
  textBlock,
  textLine,
  UuidSchema,
  VersionSchema,
} from '../../platform/contract';
import { SexSchema } from '../registry/contract';

/** The closed list of sectors of employers, openings, work experience and preferences. */
export const SECTORS = [
  'agriculture',
  'construction',
  'manufacturing',
  'retail',
  'hospitality',
  'transport',
  'health',
  'education',
  'ict',
  'services',
  'crafts',
  'public_sector',
  'other',
] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

export const EDUCATION_LEVELS = ['none', 'primary', 'secondary', 'vocational', 'higher'] as const;
export const EducationLevelSchema = z.enum(EDUCATION_LEVELS);

export const OPENING_STATUSES = ['open', 'closed'] as const;
export const OpeningStatusSchema = z.enum(OPENING_STATUSES);

export const PLACEMENT_OUTCOMES = ['employed', 'ended', 'did_not_start'] as const;
export const PlacementOutcomeSchema = z.enum(PLACEMENT_OUTCOMES);

/** "Still employed?" is asked this many months after the start. */
export const FOLLOW_UP_MONTHS = [3, 6] as const;
export const FollowUpMonthSchema = z.literal(FOLLOW_UP_MONTHS);
export const FOLLOW_UP_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'not_applicable'] as const;

const isoDate = z.iso.date();

/**
 * A skill as a normalised tag: lower case, words joined by single hyphens ("Forklift  driving" →
 * "forklift-driving"); words are letters of any script and digits, with + # . inside ("c++", "node.js").
 */
export const SkillTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/[\s_-]+/g, '-').replace(/^-|-$/g, ''))
  .pipe(
    z
      .string()
      .min(1)
      .max(60)
      .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}+#.]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}+#.]*)*$/u, 'skill_tag'),
  );
/** A language as an ISO 639 code, lower case ('ku', 'ar', 'en', 'ckb'). */
export const LanguageTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().regex(/^[a-z]{2,3}$/, 'language_code'));

/** A list of tags, duplicates removed (after normalisation), order kept. */
const tags = <T extends z.ZodType<string, string>>(tag: T, max: number) =>
  z
    .array(tag)
    .max(max)
    .transform((list) => [...new Set(list)]);

export const SkillListSchema = tags(SkillTagSchema, 40);
export const LanguageListSchema = tags(LanguageTagSchema, 10);

// ---- employers -----------------------------------------------------------------------------------

const employerFields = {
  name: textLine(200),
  sector: SectorSchema,
  country: CountryCodeSchema,
  /** Town or city in the origin country (Erbil, Duhok, Sulaymaniyah...). */
  location: textLine(120),
  contactName: textLine(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ().-]*$/, 'phone')
    .nullable()
    .optional(),
  email: plainString().trim().toLowerCase().max(254).pipe(z.email()).nullable().optional(),
};
export const CreateEmployerSchema = z.strictObject({ ...employerFields, officeId: UuidSchema });
export const UpdateEmployerSchema = z
  .strictObject(employerFields)
  .partial()
  .extend({ version: VersionSchema });

export const EmployerSchema = z.object({
  id: UuidSchema,
  officeId: UuidSchema,
  officeCode: z.string(),
  name: z.string(),
  sector: SectorSchema,
  country: z.string(),
  location: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openOpenings: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Employer = z.infer<typeof EmployerSchema>;

export const EmployerListQuerySchema = z.strictObject({
  officeId: UuidSchema.optional(),
  sector: SectorSchema.optional(),
  /** Part of the name. */
  q: queryText(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

// ---- job openings --------------------------------------------------------------------------------

const openingFields = {
  title: textLine(200),
  description: textBlock(5000, 0).nullable().optional(),
  sector: SectorSchema,
  country: CountryCodeSchema,
  location: textLine(120),
  skills: SkillListSchema,
  languages: LanguageListSchema,
  /** Number of posts: at least one. */
  posts: z.number().int().min(1).max(10_000),
};
export const CreateOpeningSchema = z.strictObject({
  ...openingFields,
  employerId: UuidSchema,
  /** The employer's sector, country and location when not given. */
  sector: SectorSchema.optional(),
  country: CountryCodeSchema.optional(),
  location: textLine(120).optional(),
  skills: SkillListSchema.default([]),
  languages: LanguageListSchema.default([]),
  /** Today when not given. */
  openedOn: isoDate.optional(),
});
export const UpdateOpeningSchema = z
  .strictObject({ ...openingFields, status: OpeningStatusSchema })
  .partial()
  .extend({ version: VersionSchema });

export const OpeningSchema = z.object({
  id: UuidSchema,
  employer: z.object({ id: UuidSchema, name: z.string() }),
  officeId: UuidSchema,
  officeCode: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  sector: SectorSchema,
  country: z.string(),
  location: z.string(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  posts: z.number().int(),
  /** Placements that started (employed or ended since): they take a post. */
  filled: z.number().int(),
  status: OpeningStatusSchema,
  /** Open with a post left: proposed by matching and open to placements. */
  available: z.boolean(),
  openedOn: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opening = z.infer<typeof OpeningSchema>;

export const OpeningListQuerySchema = z.strictObject({
  status: OpeningStatusSchema.optional(),
  sector: SectorSchema.optional(),
  /** Town or city, compared without case. */
  location: textLine(120).optional(),
  employerId: UuidSchema.optional(),
  officeId: UuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

// ---- skills profiles -----------------------------------------------------------------------------

export const WorkExperienceSchema = z.strictObject({
  title: textLine(120),
  sector: SectorSchema,
  years: z.number().min(0).max(60),
});

export const SaveProfileSchema = z.strictObject({
  educationLevel: EducationLevelSchema,
  workExperience: z.array(WorkExperienceSchema).max(20).default([]),
  skills: SkillListSchema.default([]),
  languages: LanguageListSchema.default([]),
  preferredSectors: z
    .array(SectorSchema)
    .max(SECTORS.length)
    .transform((list) => [...new Set(list)])
    .default([]),
  /** Towns or cities where the person would work. */
  preferredLocations: z
    .array(textLine(120))
    .max(10)
    .transform((list) => [...new Set(list)])
    .default([]),
  /** The version the edit is based on; omitted when the person has no profile yet. */
  version: VersionSchema.optional(),
});

export const SkillsProfileSchema = z.object({
  personId: UuidSchema,
  educationLevel: EducationLevelSchema,
  workExperience: z.array(z.object({ title: z.string(), sector: SectorSchema, years: z.number() })),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  preferredSectors: z.array(SectorSchema),
  preferredLocations: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SkillsProfile = z.infer<typeof SkillsProfileSchema>;

// ---- matching ------------------------------------------------------------------------------------

const points = { points: z.number().int(), max: z.number().int() };
/** Why a returnee and an opening match: one entry per component, with the points it earned. */
export const MatchReasonSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('skills'),
    ...points,
    matched: z.array(z.string()),
    /** Required skills not listed but suggested by a job the person has held. */
    related: z.array(z.string()),
    missing: z.array(z.string()),
  }),
  z.object({
    code: z.literal('sector'),
    ...points,
    value: SectorSchema,
    via: z.enum(['preference', 'experience']).nullable(),
  }),
  z.object({
    code: z.literal('location'),
    ...points,
    value: z.string(),
    via: z.enum(['preference', 'origin', 'country']).nullable(),
  }),
  z.object({
    code: z.literal('languages'),
    ...points,
    matched: z.array(z.string()),
    missing: z.array(z.string()),
  }),
]);
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const MatchQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const JobMatchSchema = z.object({
  opening: OpeningSchema,
  score: z.number().int(),
  reasons: z.array(MatchReasonSchema),
});
export const JobMatchListSchema = z.object({
  /** False when the person has no skills profile yet: nothing can be proposed. */
  hasProfile: z.boolean(),
  items: z.array(JobMatchSchema),
});

export const CandidatePersonSchema = z.object({
  id: UuidSchema,
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  sex: SexSchema,
  officeCode: z.string(),
  placeOfOrigin: z.string().nullable(),
});
export const CandidateSchema = z.object({
  person: CandidatePersonSchema,
  score: z.number().int(),
  reasons: z.array(MatchReasonSchema),
});
export const CandidateListSchema = z.object({
  /** Whether the opening can take a placement now (open, with a post left). */
  openingAvailable: z.boolean(),
  items: z.array(CandidateSchema),
});

// ---- placements ----------------------------------------------------------------------------------

export const RecordPlacementSchema = z.strictObject({
  personId: UuidSchema,
  openingId: UuidSchema,
  startDate: isoDate,
  /** The person's case the placement belongs to (counts for its project). */
  caseId: UuidSchema.nullable().optional(),
});

export const UpdatePlacementSchema = z.strictObject({
  version: VersionSchema,
  outcome: PlacementOutcomeSchema.optional(),
  /** Required when the outcome is `ended`; cleared otherwise. */
  endedOn: isoDate.nullable().optional(),
});

export const RecordFollowUpSchema = z.strictObject({
  month: FollowUpMonthSchema,
  stillEmployed: z.boolean(),
  /** Today when not given. */
  checkedOn: isoDate.optional(),
  note: textBlock(2000, 0).nullable().optional(),
});

export const FollowUpSchema = z.object({
  month: z.number().int(),
  dueDate: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  stillEmployed: z.boolean().nullable(),
  checkedOn: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const PlacementSchema = z.object({
  id: UuidSchema,
  personId: UuidSchema,
  /** Null when the reader may not see the person's record (another office's returnee). */
  personName: z.string().nullable(),
  caseId: UuidSchema.nullable(),
  opening: z.object({ id: UuidSchema, title: z.string(), location: z.string() }),
  employer: z.object({ id: UuidSchema, name: z.string() }),
  officeId: UuidSchema,
  startDate: z.string(),
  outcome: PlacementOutcomeSchema,
  endedOn: z.string().nullable(),
  recordedByName: z.string(),
  followUps: z.array(FollowUpSchema),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Placement = z.infer<typeof PlacementSchema>;

export const PlacementListQuerySchema = z.strictObject({
  openingId: UuidSchema.optional(),
  personId: UuidSchema.optional(),
  /** Only placements with a follow-up in this state. */
  followUp: z.enum(['due', 'overdue']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
