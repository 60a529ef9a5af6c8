/** Requests and responses of the registry: people, households, documents, consents. Browser-safe. */
import { z } from 'zod';
import {
  CountryCodeSchema,
  plainString,
  queryText,
  textLine,
  UuidSchema,
  VersionSchema,
} from '../../platform/contract';
import { SPECIFIC_NEED_CODES } from './specific-needs';

export const SexSchema = z.enum(['female', 'male', 'other', 'unknown']);
export const BirthDatePrecisionSchema = z.enum(['exact', 'month', 'year', 'estimated']);
export const ScriptSchema = z.enum(['latin', 'arabic', 'cyrillic', 'other']);
export const DocumentTypeSchema = z.enum([
  'passport',
  'national_id',
  'laissez_passer',
  'residence_permit',
  'birth_certificate',
  'refugee_card',
  'other',
]);
export const RelationshipSchema = z.enum([
  'principal',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other_relative',
  'other',
]);
export const SpecificNeedSchema = z.enum(SPECIFIC_NEED_CODES);
const LanguageSchema = z.string().regex(/^[a-z]{2,3}$/, 'language_code');
const isoDate = z.iso.date();

/** A name: trimmed, bounded, with at least one letter (in any script): "---" or "?" is not a name. */
const nameLine = (max: number) => textLine(max).regex(/\p{L}/u, 'name_letters');

export const AliasSchema = z.strictObject({ name: nameLine(200), script: ScriptSchema });

const personFields = {
  givenName: nameLine(100),
  familyName: nameLine(100),
  fatherName: nameLine(100).nullable().optional(),
  /** The same names as written in the person's own script (Arabic, Cyrillic...). */
  givenNameOriginal: nameLine(100).nullable().optional(),
  familyNameOriginal: nameLine(100).nullable().optional(),
  fatherNameOriginal: nameLine(100).nullable().optional(),
  originalScript: ScriptSchema.nullable().optional(),
  sex: SexSchema,
  birthDate: isoDate.nullable().optional(),
  birthDatePrecision: BirthDatePrecisionSchema,
  nationalities: z.array(CountryCodeSchema).max(5),
  languages: z.array(LanguageSchema).max(10),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ().-]*$/, 'phone')
    .nullable()
    .optional(),
  email: plainString().trim().toLowerCase().max(254).pipe(z.email()).nullable().optional(),
  address: textLine(300).nullable().optional(),
  placeOfOrigin: textLine(200).nullable().optional(),
  countryOfOrigin: CountryCodeSchema.nullable().optional(),
  specificNeeds: z.array(SpecificNeedSchema).max(20),
  aliases: z.array(AliasSchema).max(20),
};
// No defaults in the shared fields: an update that omits a field must leave it as it is.
const PersonFieldsSchema = z.strictObject(personFields);

export const CreatePersonSchema = PersonFieldsSchema.extend({
  birthDatePrecision: BirthDatePrecisionSchema.default('exact'),
  nationalities: personFields.nationalities.default([]),
  languages: personFields.languages.default([]),
  specificNeeds: personFields.specificNeeds.default([]),
  aliases: personFields.aliases.default([]),
  officeId: UuidSchema,
  /** Register despite probable matches (the user has looked at them). */
  acknowledgeMatches: z.boolean().default(false),
});
export const UpdatePersonSchema = PersonFieldsSchema.partial().extend({ version: VersionSchema });

export const DocumentSchema = z.object({
  id: UuidSchema,
  type: DocumentTypeSchema,
  /** Masked unless the full number was asked for: "•••••4567". */
  number: z.string(),
  issuingCountry: z.string().nullable(),
  expiryDate: z.string().nullable(),
});
export const AddDocumentSchema = z.strictObject({
  type: DocumentTypeSchema,
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[A-Za-z0-9 /-]+$/, 'document_number'),
  issuingCountry: CountryCodeSchema.nullable().optional(),
  expiryDate: isoDate.nullable().optional(),
});

export const ConsentSchema = z.object({
  id: UuidSchema,
  purpose: z.string(),
  recipient: z.string(),
  givenBy: z.enum(['self', 'guardian', 'representative']),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
});
export const AddConsentSchema = z.strictObject({
  purpose: z.enum([
    'assistance',
    'return_travel',
    'reintegration',
    'referral',
    'data_sharing',
    'medical',
    'media',
  ]),
  recipient: textLine(200),
  givenBy: z.enum(['self', 'guardian', 'representative']).default('self'),
  givenOn: isoDate,
});
export const WithdrawConsentSchema = z.strictObject({ withdrawnOn: isoDate });

export const HouseholdMemberSchema = z.object({
  personId: UuidSchema,
  name: z.string(),
  relationship: RelationshipSchema,
  sex: SexSchema,
  birthDate: z.string().nullable(),
});

export const PersonSchema = z.object({
  id: UuidSchema,
  reference: z.string(),
  officeId: UuidSchema,
  officeCode: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  fatherName: z.string().nullable(),
  givenNameOriginal: z.string().nullable(),
  familyNameOriginal: z.string().nullable(),
  fatherNameOriginal: z.string().nullable(),
  originalScript: ScriptSchema.nullable(),
  sex: SexSchema,
  birthDate: z.string().nullable(),
  birthDatePrecision: BirthDatePrecisionSchema,
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  placeOfOrigin: z.string().nullable(),
  countryOfOrigin: z.string().nullable(),
  specificNeeds: z.array(z.string()),
  aliases: z.array(z.object({ name: z.string(), script: ScriptSchema })),
  householdId: UuidSchema.nullable(),
  relationship: RelationshipSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonSummarySchema = PersonSchema.pick({
  id: true,
  reference: true,
  officeCode: true,
  givenName: true,
  familyName: true,
  givenNameOriginal: true,
  familyNameOriginal: true,
  sex: true,
  birthDate: true,
  birthDatePrecision: true,
  nationalities: true,
}).extend({
  caseCount: z.number().int(),
  /** Found by name across scripts and spellings: how well, and why. */
  match: z.object({ score: z.number(), reasons: z.array(z.looseObject({ code: z.string() })) }).optional(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PersonDetailSchema = PersonSchema.extend({
  documents: z.array(DocumentSchema),
  consents: z.array(ConsentSchema),
  household: z.array(HouseholdMemberSchema),
});

export const PersonSearchQuerySchema = z.strictObject({
  q: queryText(200).optional(),
  officeId: UuidSchema.optional(),
  nationality: CountryCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Why two records may be one person: a stable code and its parameters (see matching/types.ts MatchReason). */
/** A document just added, and the records the user may read that hold the same document (proposed for review). */
export const AddedDocumentSchema = DocumentSchema.extend({ sameDocumentAs: z.array(PersonSummarySchema) });

export const MatchReasonSchema = z.looseObject({ code: z.string() });
export const MatchSchema = z.object({
  person: PersonSummarySchema,
  /** 0–1: the probability-like score of the matcher. */
  score: z.number(),
  /** At or above the shipped threshold (MATCH_THRESHOLD). */
  likely: z.boolean(),
  reasons: z.array(MatchReasonSchema),
});
export type PersonMatch = z.infer<typeof MatchSchema>;
export const CreatePersonResultSchema = z.object({
  person: PersonSchema.optional(),
  matches: z.array(MatchSchema),
});

export const LinkHouseholdSchema = z.strictObject({
  /** Join this person's household (or start one with them as principal). */
  principalPersonId: UuidSchema,
  relationship: RelationshipSchema,
});

// ---- matching and duplicates ---------------------------------------------------------------------

/** A draft (or edited) person to check against the registry before saving. */
export const MatchCheckSchema = CreatePersonSchema.omit({ officeId: true, acknowledgeMatches: true }).extend({
  /** When editing: the record itself is not its own duplicate. */
  personId: UuidSchema.optional(),
});
export const MatchListSchema = z.object({ matches: z.array(MatchSchema) });

export const DuplicateSideSchema = PersonSummarySchema.extend({
  fatherName: z.string().nullable(),
  placeOfOrigin: z.string().nullable(),
  aliases: z.array(z.object({ name: z.string(), script: ScriptSchema })),
});
export const DuplicateCandidateSchema = z.object({
  id: UuidSchema,
  score: z.number(),
  reasons: z.array(MatchReasonSchema),
  status: z.enum(['open', 'merged', 'different']),
  foundAt: z.string(),
  decidedByName: z.string().nullable(),
  a: DuplicateSideSchema,
  b: DuplicateSideSchema,
  /** A merged pair: the record that was kept (its merge history can undo the merge). */
  keptId: UuidSchema.nullable(),
});
export const DuplicateListQuerySchema = z.strictObject({
  status: z.enum(['open', 'merged', 'different']).default('open'),
  officeId: UuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const StartScanSchema = z.strictObject({ officeId: UuidSchema.nullable().default(null) });
export const ScanSchema = z.object({
  id: UuidSchema,
  officeId: UuidSchema.nullable(),
  status: z.enum(['running', 'done', 'failed']),
  /** Started by Passerelle itself (the periodic scan of the whole registry), not by a person. */
  automatic: z.boolean(),
  startedByName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  persons: z.number().nullable(),
  comparisons: z.number().nullable(),
  candidates: z.number().nullable(),
  newCandidates: z.number().nullable(),
});
export const MergeSchema = z.strictObject({ keepId: UuidSchema, mergeId: UuidSchema });
export const KeepSchema = z.strictObject({ keepId: UuidSchema });
export const MergeRecordSchema = z.object({
  id: UuidSchema,
  mergedPersonId: UuidSchema,
  mergedReference: z.string(),
  mergedName: z.string(),
  mergedByName: z.string(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
  moved: z.object({ cases: z.number(), documents: z.number(), consents: z.number(), aliases: z.number() }),
});
