/** Requests and responses of resettlement: households, batches, health, clearances, movements. Browser-safe. */
import { z } from 'zod';
import { CountryCodeSchema, textBlock, textLine, UuidSchema, VersionSchema } from '../../platform/contract';

const isoDate = z.iso.date();

/** Conditions a movement must provide for a member (IATA special service request codes where they exist). */
export const TRAVEL_CONDITIONS = ['MEDICAL_ESCORT', 'WCHR', 'WCHS', 'WCHC', 'OXYG', 'STCR', 'MEDA'] as const;
export const TravelConditionSchema = z.enum(TRAVEL_CONDITIONS);
export const HEALTH_OUTCOMES = ['fit', 'fit_with_conditions', 'unfit', 'deferred'] as const;
export const DECISION_OUTCOMES = ['accepted', 'rejected', 'resubmit'] as const;
export const MEMBER_RELATIONSHIPS = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] as const;
export const MemberRelationshipSchema = z.enum(MEMBER_RELATIONSHIPS);

// ---- requests ------------------------------------------------------------------------------------

export const RecordReferralSchema = z.strictObject({
  version: VersionSchema,
  /** UNHCR, a government, an NGO... */
  agency: textLine(80),
  /** The agency's reference for the household (a UNHCR case number). */
  reference: textLine(40),
  /** This case's attachment holding the referral (classified as referral_document). */
  referralDocumentId: UuidSchema,
  /** The principal (the case's person) travels by right; these travel with them. */
  members: z
    .array(z.strictObject({ personId: UuidSchema, relationship: MemberRelationshipSchema }))
    .max(30)
    .default([]),
});

export const AddMemberSchema = z.strictObject({
  version: VersionSchema,
  personId: UuidSchema,
  relationship: MemberRelationshipSchema,
  reason: textBlock(2000),
});

export const SplitHouseholdSchema = z.strictObject({
  version: VersionSchema,
  /** The members who leave to form their own household. */
  memberIds: z.array(UuidSchema).min(1).max(30),
  /** One of them: the principal of the new household. */
  newPrincipalId: UuidSchema,
  reason: textBlock(2000),
});

export const MergeHouseholdsSchema = z.strictObject({
  version: VersionSchema,
  /** The household that joins this one (its case closes as merged). */
  otherCaseId: UuidSchema,
  otherVersion: VersionSchema,
  reason: textBlock(2000),
});

export const CreateBatchSchema = z.strictObject({
  projectId: UuidSchema,
  officeId: UuidSchema,
  kind: z.enum(['individual', 'dossier', 'selection_mission']),
  resettlementCountry: CountryCodeSchema,
  missionStart: isoDate.nullable().optional(),
  missionEnd: isoDate.nullable().optional(),
  label: textLine(200),
});
export const SetBatchHouseholdsSchema = z.strictObject({
  version: VersionSchema,
  caseIds: z.array(UuidSchema).max(500),
});
export const SubmitBatchSchema = z.strictObject({ version: VersionSchema, submittedOn: isoDate });

const decisionFields = {
  outcome: z.enum(DECISION_OUTCOMES),
  decidedOn: isoDate,
  /** This case's attachment holding the decision (classified as decision_letter). */
  decisionDocumentId: UuidSchema,
  comment: textBlock(2000, 0).optional(),
};
export const RecordDecisionSchema = z.strictObject({ version: VersionSchema, ...decisionFields });

export const RecordHealthSchema = z.strictObject({
  version: VersionSchema,
  personId: UuidSchema,
  assessedOn: isoDate,
  outcome: z.enum(HEALTH_OUTCOMES),
  /** Until when a fit result holds (required when fit). */
  validUntil: isoDate.nullable().optional(),
  travelConditions: z.array(TravelConditionSchema).max(TRAVEL_CONDITIONS.length).default([]),
  /** Health data: sealed, read only by medical and protection roles of the owning office. */
  findings: textBlock(5000).optional(),
});

export const RecordClearanceSchema = z.strictObject({
  version: VersionSchema,
  personId: UuidSchema,
  kind: z.enum(['exit_permit', 'visa']),
  number: textLine(40).regex(/^[\p{L}\p{N} /-]+$/u, 'document_number'),
  issuingCountry: CountryCodeSchema,
  validFrom: isoDate,
  validUntil: isoDate,
  documentId: UuidSchema.nullable().optional(),
});

export const StageGateSchema = z.strictObject({
  version: VersionSchema,
  comment: textBlock(2000, 0).optional(),
});

/** A link for the receiving country's reception partner (ADR 0018): who receives the household, and where. */
export const ReceptionLinkInputSchema = z.strictObject({
  /** The reception organisation. */
  partnerName: textLine(200),
  /** Who to reach there (name, telephone, e-mail), shown to the partner as the receiving contact. */
  partnerContact: textLine(200),
  /** Where the household is received (a reception centre, a town). */
  receptionPlace: textLine(200),
  validDays: z.number().int().min(1).max(90).default(30),
});

export const HandoverSchema = z.strictObject({
  version: VersionSchema,
  handedOverOn: isoDate,
  /** The reception service (and person) that received the household. */
  receivedBy: textLine(200),
  documentId: UuidSchema.nullable().optional(),
  /** A link for the reception partner, issued with the handover (its path is in the answer, once). */
  receptionLink: ReceptionLinkInputSchema.optional(),
});

/** The reception partner's confirmation, through its link. */
export const ReceptionConfirmSchema = z.strictObject({
  /** The day the household was received. */
  receivedOn: isoDate,
  /** Who at the reception service confirms. */
  confirmedBy: textLine(200),
  note: textBlock(2000).optional(),
});
export const ReceptionTokenParamsSchema = z.strictObject({ token: z.string().min(10).max(200) });

export const CreateOrientationSessionSchema = z.strictObject({
  projectId: UuidSchema,
  officeId: UuidSchema,
  heldOn: isoDate,
  place: textLine(200),
  language: z.string().regex(/^[a-z]{2,3}$/, 'language_code'),
  facilitator: textLine(200),
});
export const AttendanceSchema = z.strictObject({
  version: VersionSchema,
  attendance: z
    .array(z.strictObject({ personId: UuidSchema, present: z.boolean() }))
    .min(1)
    .max(500),
});

const LegSchema = z.strictObject({
  carrier: textLine(80),
  flightNumber: z.string().regex(/^[A-Z0-9]{2,3}\d{1,4}[A-Z]?$/, 'flight_number'),
  fromAirport: z.string().regex(/^[A-Z]{3}$/, 'airport_code'),
  toAirport: z.string().regex(/^[A-Z]{3}$/, 'airport_code'),
  departsAt: z.iso.datetime({ offset: true }),
  arrivesAt: z.iso.datetime({ offset: true }),
});
const EscortSchema = z.strictObject({
  name: textLine(200),
  kind: z.enum(['medical', 'operational']),
  organisation: textLine(200).nullable().optional(),
  /** The household a medical escort accompanies. */
  forCaseId: UuidSchema.nullable().optional(),
});
export const CreateMovementSchema = z.strictObject({
  projectId: UuidSchema,
  officeId: UuidSchema,
  seatCount: z.number().int().min(1).max(1000),
  destinationCountry: CountryCodeSchema,
  legs: z.array(LegSchema).min(1).max(6),
  escorts: z.array(EscortSchema).max(30).default([]),
});
export const UpdateMovementSchema = z.strictObject({
  version: VersionSchema,
  seatCount: z.number().int().min(1).max(1000).optional(),
  legs: z.array(LegSchema).min(1).max(6).optional(),
  escorts: z.array(EscortSchema).max(30).optional(),
  /** A planned movement may be cancelled (with no household booked on it). */
  status: z.literal('cancelled').optional(),
});
export const BookHouseholdSchema = z.strictObject({
  version: VersionSchema,
  caseId: UuidSchema,
  caseVersion: VersionSchema,
});
export const CancelBookingSchema = z.strictObject({
  version: VersionSchema,
  caseVersion: VersionSchema,
  reason: textBlock(2000),
});
export const BoardingSchema = z.strictObject({
  version: VersionSchema,
  passengers: z
    .array(
      z.strictObject({
        personId: UuidSchema,
        status: z.enum(['boarded', 'no_show']),
        reason: textBlock(2000).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export const ArrivalSchema = z.strictObject({
  version: VersionSchema,
  arrivedAt: z.iso.datetime({ offset: true }),
});

export const ManifestQuerySchema = z.strictObject({
  /** `full` prints whole document numbers: only with manifests.reveal in the movement's office (audited). */
  numbers: z.enum(['masked', 'full']).default('masked'),
});
export const FunnelQuerySchema = z.strictObject({ projectId: UuidSchema, officeId: UuidSchema.optional() });
export const PipelineQuerySchema = z.strictObject({
  projectId: UuidSchema,
  officeId: UuidSchema.optional(),
  blocked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

// ---- responses -----------------------------------------------------------------------------------

const ClearanceViewSchema = z.object({
  id: UuidSchema,
  numberTail: z.string(),
  issuingCountry: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
});
const CoverageSchema = z.object({ status: z.string(), date: z.string().optional() });
export const BlockerSchema = z.object({
  personId: UuidSchema,
  name: z.string(),
  what: z.enum(['fitToTravel', 'exit_permit', 'visa']),
  coverage: CoverageSchema,
});

export const ReceptionConfirmationSchema = z.object({
  receivedOn: z.string(),
  confirmedByName: z.string(),
  note: z.string().nullable(),
  confirmedAt: z.string(),
});
/** A reception link as the office sees it (never its token). */
export const ReceptionLinkViewSchema = z.object({
  id: UuidSchema,
  partnerName: z.string(),
  partnerContact: z.string(),
  receptionPlace: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  status: z.enum(['live', 'expired', 'revoked']),
  confirmation: ReceptionConfirmationSchema.nullable(),
});
/** A link just issued: its path is given once (only its hash is kept). */
export const ReceptionLinkIssuedSchema = z.object({
  link: ReceptionLinkViewSchema,
  partnerPath: z.string(),
  expiresAt: z.string(),
});

export const HouseholdViewSchema = z.object({
  caseId: UuidSchema,
  caseReference: z.string(),
  status: z.string(),
  projectId: UuidSchema.nullable(),
  officeId: UuidSchema,
  version: z.number().int(),
  referral: z
    .object({ agency: z.string(), reference: z.string(), documentId: UuidSchema.nullable() })
    .nullable(),
  members: z.array(
    z.object({
      personId: UuidSchema,
      name: z.string(),
      nameOriginal: z.string().nullable(),
      relationship: z.string(),
      sex: z.string(),
      birthDate: z.string().nullable(),
      birthDatePrecision: z.string(),
      minor: z.boolean().nullable(),
      needs: z.array(z.string()),
      health: z
        .object({
          id: UuidSchema,
          assessedOn: z.string(),
          outcome: z.enum(HEALTH_OUTCOMES),
          validUntil: z.string().nullable(),
          travelConditions: z.array(z.string()),
          hasFindings: z.boolean(),
        })
        .nullable(),
      exitPermit: ClearanceViewSchema.nullable(),
      visa: ClearanceViewSchema.nullable(),
      attendedOrientation: z.boolean(),
    }),
  ),
  formerMembers: z.array(
    z.object({
      personId: UuidSchema,
      name: z.string(),
      leftOn: z.string(),
      leftReason: z.string().nullable(),
      leftToCaseId: UuidSchema.nullable(),
    }),
  ),
  milestones: z.record(z.string(), z.string().nullable()),
  submissions: z.array(
    z.object({
      batchId: UuidSchema,
      reference: z.string(),
      batchStatus: z.string(),
      outcome: z.string(),
      decidedOn: z.string().nullable(),
    }),
  ),
  booking: z
    .object({
      bookingId: UuidSchema,
      movementId: UuidSchema,
      movementReference: z.string(),
      departureDate: z.string(),
      status: z.string(),
    })
    .nullable(),
  blockers: z.array(BlockerSchema),
  handedOverOn: z.string().nullable(),
  handedOverTo: z.string().nullable(),
  /** Whether this reader may open health findings (health.read in the owning office). */
  canSeeFindings: z.boolean(),
  /** Links issued to the reception partner, newest first, with the partner's confirmation. */
  receptionLinks: z.array(ReceptionLinkViewSchema),
});
export type HouseholdView = z.infer<typeof HouseholdViewSchema>;

/** The handover's answer: the household, and the reception link issued with it (its path, once). */
export const HandoverResultSchema = HouseholdViewSchema.extend({
  receptionLink: ReceptionLinkIssuedSchema.nullable(),
});

/**
 * What the reception partner sees through its link: the arrival section only. Names, birth years and sex of
 * the travelling members, the flight and arrival, assistance codes that are neither medical nor trafficking,
 * where and by whom the household is received. Never health findings, document numbers or protection data.
 */
export const ReceptionPartnerViewSchema = z.object({
  caseReference: z.string(),
  fromOffice: z.string(),
  partnerName: z.string(),
  receptionPlace: z.string(),
  receivingContact: z.string(),
  expiresAt: z.string(),
  household: z.object({
    principal: z.string(),
    members: z.array(
      z.object({
        name: z.string(),
        nameOriginal: z.string().nullable(),
        relationship: z.string(),
        sex: z.string(),
        birthYear: z.number().int().nullable(),
        /** Specific needs (not medical, not trafficking) and mobility assistance (WCHR, WCHS, WCHC). */
        assistance: z.array(z.string()),
      }),
    ),
  }),
  arrival: z
    .object({
      status: z.enum(['expected', 'arrived']),
      date: z.string(),
      destinationCountry: z.string(),
      flights: z.array(
        z.object({
          carrier: z.string(),
          flightNumber: z.string(),
          fromAirport: z.string(),
          toAirport: z.string(),
          departsAt: z.string(),
          arrivesAt: z.string(),
        }),
      ),
    })
    .nullable(),
  confirmation: ReceptionConfirmationSchema.nullable(),
});
export type ReceptionPartnerView = z.infer<typeof ReceptionPartnerViewSchema>;

export const SplitResultSchema = z.object({
  household: HouseholdViewSchema,
  newHousehold: HouseholdViewSchema,
});
export const HealthFindingsSchema = z.object({
  assessmentId: UuidSchema,
  personId: UuidSchema,
  findings: z.string().nullable(),
});

export const BatchViewSchema = z.object({
  id: UuidSchema,
  reference: z.string(),
  projectId: UuidSchema,
  officeId: UuidSchema,
  kind: z.string(),
  resettlementCountry: z.string(),
  missionStart: z.string().nullable(),
  missionEnd: z.string().nullable(),
  label: z.string(),
  status: z.string(),
  submittedOn: z.string().nullable(),
  households: z.array(
    z.object({
      caseId: UuidSchema,
      caseReference: z.string(),
      principalName: z.string(),
      caseStatus: z.string(),
      caseVersion: z.number().int(),
      members: z.number().int(),
      outcome: z.string(),
      decidedOn: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
});
export type BatchView = z.infer<typeof BatchViewSchema>;

export const OrientationSessionViewSchema = z.object({
  id: UuidSchema,
  projectId: UuidSchema,
  officeId: UuidSchema,
  heldOn: z.string(),
  place: z.string(),
  language: z.string(),
  facilitator: z.string(),
  attendance: z.array(
    z.object({ personId: UuidSchema, caseId: UuidSchema, name: z.string(), present: z.boolean() }),
  ),
  version: z.number().int(),
});

export const MovementViewSchema = z.object({
  id: UuidSchema,
  reference: z.string(),
  projectId: UuidSchema,
  officeId: UuidSchema,
  status: z.string(),
  seatCount: z.number().int(),
  seatsUsed: z.number().int(),
  destinationCountry: z.string(),
  departureDate: z.string(),
  arrivalDate: z.string(),
  arrivedAt: z.string().nullable(),
  legs: z.array(
    z.object({
      seq: z.number().int(),
      carrier: z.string(),
      flightNumber: z.string(),
      fromAirport: z.string(),
      toAirport: z.string(),
      departsAt: z.string(),
      arrivesAt: z.string(),
    }),
  ),
  escorts: z.array(
    z.object({
      id: UuidSchema,
      name: z.string(),
      kind: z.string(),
      organisation: z.string().nullable(),
      forCaseId: UuidSchema.nullable(),
    }),
  ),
  bookings: z.array(
    z.object({
      id: UuidSchema,
      caseId: UuidSchema,
      caseReference: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
      passengers: z.array(
        z.object({
          personId: UuidSchema,
          name: z.string(),
          seatRequired: z.boolean(),
          boarding: z.string(),
          boardingReason: z.string().nullable(),
        }),
      ),
    }),
  ),
  version: z.number().int(),
});
export type MovementView = z.infer<typeof MovementViewSchema>;

export const FunnelSchema = z.object({
  projectId: UuidSchema,
  /** Where households are now. */
  current: z.array(z.object({ stage: z.string(), households: z.number().int(), persons: z.number().int() })),
  /** Households (and their persons) that ever reached each stage, conversion from the stage before, median days. */
  stages: z.array(
    z.object({
      stage: z.string(),
      reached: z.number().int(),
      persons: z.number().int(),
      conversion: z.number().nullable(),
      medianDaysFromPrevious: z.number().nullable(),
    }),
  ),
  exits: z.object({ rejected: z.number().int(), withdrawn: z.number().int(), merged: z.number().int() }),
});

export const PipelineSchema = z.object({
  items: z.array(
    z.object({
      caseId: UuidSchema,
      caseReference: z.string(),
      principalName: z.string(),
      status: z.string(),
      members: z.number().int(),
      blockers: z.array(BlockerSchema),
    }),
  ),
});
