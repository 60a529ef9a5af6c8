/** Requests and responses of referrals, transfers, their threads, partner links and notifications. Browser-safe. */
import { z } from 'zod';
import { textBlock, textLine, UuidSchema } from '../../platform/contract';
import { CaseTypeSchema } from '../cases/contract';
import { DocumentSchema, HouseholdMemberSchema } from '../registry/contract';
import { REFERRAL_KINDS, REFERRAL_SECTIONS, REFERRAL_STATUSES } from './sections';

export const ReferralKindSchema = z.enum(REFERRAL_KINDS);
export const ReferralSectionSchema = z.enum(REFERRAL_SECTIONS);
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);

export const PartnerSchema = z.strictObject({
  name: textLine(200),
  /** Who at the partner receives the link (for the sender's record; Passerelle sends no e-mail). */
  contact: textLine(200).nullable().optional(),
});

export const SendReferralSchema = z
  .strictObject({
    kind: ReferralKindSchema,
    /** Another office of the agency, or... */
    toOfficeId: UuidSchema.nullable().optional(),
    /** ...an external service provider without an account (referrals only). */
    partner: PartnerSchema.nullable().optional(),
    sections: z.array(ReferralSectionSchema).min(1).max(REFERRAL_SECTIONS.length),
    /** Why, and what is asked of the receiver: the part the receiver reads before accepting. */
    summary: textBlock(2000),
    reintegrationNeeds: textBlock(4000).nullable().optional(),
    /** The recorded consent covering this recipient and purpose. */
    consentId: UuidSchema.nullable().optional(),
    /** Without a covering consent: why sharing is nonetheless necessary (consent-override permission). */
    overrideJustification: textBlock(2000, 20).nullable().optional(),
    /** Days the receiver has to answer before the referral is overdue. */
    responseDays: z.number().int().min(1).max(90).default(7),
    /** After a transfer, how long the sending office follows the person's progress. */
    followUpMonths: z.number().int().min(0).max(36).default(12),
    /** Partner links: how long the link stays valid. */
    linkValidDays: z.number().int().min(1).max(90).default(30),
  })
  .superRefine((v, ctx) => {
    const targets = (v.toOfficeId ? 1 : 0) + (v.partner ? 1 : 0);
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: ['toOfficeId'], message: 'referral_target' });
    if (v.partner && v.kind === 'transfer')
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'transfer_to_partner' });
  });
export type SendReferralInput = z.infer<typeof SendReferralSchema>;

export const DeclineSchema = z.strictObject({ reason: textBlock(2000) });
export const AcceptSchema = z.strictObject({
  /** Transfers: who in the receiving office continues the case. */
  assigneeId: UuidSchema.nullable().optional(),
});
export const RevokeSchema = z.strictObject({ reason: textBlock(2000) });
export const MessageInputSchema = z.strictObject({ body: textBlock(4000) });

const OfficeRefSchema = z.object({ id: UuidSchema, code: z.string(), name: z.string() });

export const ReferralMessageSchema = z.object({
  id: UuidSchema,
  authorName: z.string(),
  side: z.enum(['sender', 'receiver']),
  body: z.string(),
  createdAt: z.string(),
});

/** What the receiver sees before accepting, and what lists show. No names: initials, sex, age, nationality. */
export const ReferralSummarySchema = z.object({
  id: UuidSchema,
  reference: z.string(),
  kind: ReferralKindSchema,
  status: ReferralStatusSchema,
  caseId: UuidSchema,
  caseReference: z.string(),
  /** Trafficking case types are shown as plain AVRR unless trafficking details travel. */
  caseType: CaseTypeSchema,
  fromOffice: OfficeRefSchema,
  toOffice: OfficeRefSchema.nullable(),
  partnerName: z.string().nullable(),
  personInitials: z.string(),
  personSex: z.string(),
  personAgeYears: z.number().int().nullable(),
  nationalities: z.array(z.string()),
  returnCountry: z.string().nullable(),
  sections: z.array(ReferralSectionSchema),
  summary: z.string(),
  consentOverride: z.boolean(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  respondedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  revokedReason: z.string().nullable(),
  followUpUntil: z.string().nullable(),
  /** The actor's side of this referral. */
  side: z.enum(['sender', 'receiver']),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const SharedPersonSchema = z.object({
  givenName: z.string(),
  familyName: z.string(),
  fatherName: z.string().nullable(),
  givenNameOriginal: z.string().nullable(),
  familyNameOriginal: z.string().nullable(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.string(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  placeOfOrigin: z.string().nullable(),
  countryOfOrigin: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** Exactly the shared sections: a key is present only when its section travels. */
export const SharedCaseSchema = z.object({
  identity: SharedPersonSchema.optional(),
  documents: z.array(DocumentSchema).optional(),
  needsSummary: z.array(z.string()).optional(),
  reintegrationNeeds: z.string().nullable().optional(),
  medicalFitness: z.object({ fitness: z.string().nullable(), needs: z.array(z.string()) }).optional(),
  household: z.array(HouseholdMemberSchema.omit({ personId: true })).optional(),
  caseHistory: z
    .object({
      steps: z.array(z.object({ toStatus: z.string().nullable(), kind: z.string(), at: z.string() })),
      notes: z.array(z.object({ body: z.string(), authorName: z.string(), createdAt: z.string() })),
    })
    .optional(),
  attachments: z
    .array(
      z.object({
        fileName: z.string(),
        contentType: z.string(),
        sizeBytes: z.number(),
        createdAt: z.string(),
      }),
    )
    .optional(),
  traffickingDetails: z.object({ victimOfTrafficking: z.boolean(), needs: z.array(z.string()) }).optional(),
  confidentialNotes: z
    .array(z.object({ body: z.string(), authorName: z.string(), createdAt: z.string() }))
    .optional(),
});
export type SharedCase = z.infer<typeof SharedCaseSchema>;

/** After a transfer, what the former owner follows: steps and milestones, never the content. */
export const ProgressSchema = z.object({
  status: z.string(),
  milestones: z.array(z.object({ toStatus: z.string(), at: z.string() })),
  /** Reintegration monitoring scores, when they exist. */
  monitoring: z.array(z.object({ at: z.string(), dimension: z.string(), score: z.number() })),
  until: z.string(),
});

export const ReferralDetailSchema = ReferralSummarySchema.extend({
  messages: z.array(ReferralMessageSchema),
  /** Present for the receiver of an accepted referral, and for the sender (what travels). */
  shared: SharedCaseSchema.nullable(),
  /** Present for the former owner of a transferred case, during the follow-up period. */
  progress: ProgressSchema.nullable(),
  partnerLink: z
    .object({ expiresAt: z.string(), revoked: z.boolean(), lastVisitAt: z.string().nullable() })
    .nullable(),
  canRespond: z.boolean(),
  canRevoke: z.boolean(),
  canMessage: z.boolean(),
  version: z.number().int(),
});
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>;

export const ReferralListQuerySchema = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: ReferralStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ReferralListSchema = z.object({ items: z.array(ReferralSummarySchema) });

export const SendReferralResultSchema = z.object({
  referral: ReferralSummarySchema,
  /** Partner referrals: the link's path on this server, shown once (only its hash is kept). */
  partnerPath: z.string().nullable(),
});

export const PartnerLinkResultSchema = z.object({ partnerPath: z.string(), expiresAt: z.string() });

export const ReferralTargetSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  name: z.string(),
  country: z.string(),
});

export const DashboardRowSchema = z.object({
  office: OfficeRefSchema,
  incoming: z.object({
    pending: z.number(),
    overdue: z.number(),
    accepted: z.number(),
    declined: z.number(),
  }),
  outgoing: z.object({
    pending: z.number(),
    overdue: z.number(),
    accepted: z.number(),
    declined: z.number(),
  }),
  /** Median hours from request to answer of the office's incoming referrals; null without answers. */
  medianResponseHours: z.number().nullable(),
  consentOverrides: z.number(),
});
export const DashboardSchema = z.object({ offices: z.array(DashboardRowSchema) });

/** The partner's page: the same summary, the shared sections once accepted, the thread. */
export const PartnerViewSchema = z.object({
  reference: z.string(),
  status: ReferralStatusSchema,
  fromOffice: OfficeRefSchema,
  partnerName: z.string(),
  summary: z.string(),
  sections: z.array(ReferralSectionSchema),
  personInitials: z.string(),
  expiresAt: z.string(),
  shared: SharedCaseSchema.nullable(),
  messages: z.array(ReferralMessageSchema),
});
export const PartnerTokenParamsSchema = z.strictObject({ token: z.string().min(10).max(200) });

export const NOTIFICATION_KINDS = [
  'referral.received',
  'referral.accepted',
  'referral.declined',
  'referral.revoked',
  'referral.message',
  'referral.overdue',
] as const;
export const NotificationSchema = z.object({
  id: UuidSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  referralId: UuidSchema,
  referralReference: z.string(),
  officeCode: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), unread: z.number() });
