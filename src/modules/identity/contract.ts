/** Requests and responses of accounts, offices, memberships and sessions. Browser-safe. */
import { z } from 'zod';
import {
  CountryCodeSchema,
  LocaleSchema,
  plainString,
  queryText,
  secretText,
  textBlock,
  textLine,
  UuidSchema,
  VersionSchema,
} from '../../platform/contract';
import { PERMISSIONS, ROLES } from '../../platform/permissions';

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSIONS);
export const EmailSchema = plainString().trim().toLowerCase().max(254).pipe(z.email());
/** Long passphrases are encouraged; 12 characters is the floor (NIST SP 800-63B). */
export const NewPasswordSchema = secretText(12, 200);

export const LoginRequestSchema = z.strictObject({
  email: textLine(254).toLowerCase(),
  password: secretText(1, 200),
});

export const OfficeSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  name: z.string(),
  country: z.string(),
  city: z.string(),
  region: z.string().nullable(),
  kind: z.enum(['host', 'origin']),
  active: z.boolean(),
  version: z.number().int(),
});
export type Office = z.infer<typeof OfficeSchema>;

export const OfficeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3,8}$/, 'office_code');

export const CreateOfficeSchema = z.strictObject({
  code: OfficeCodeSchema,
  name: textLine(120),
  country: CountryCodeSchema,
  city: textLine(120),
  region: textLine(120).nullable().optional(),
  kind: z.enum(['host', 'origin']),
});
export const UpdateOfficeSchema = z.strictObject({
  version: VersionSchema,
  name: textLine(120).optional(),
  city: textLine(120).optional(),
  region: textLine(120).nullable().optional(),
  kind: z.enum(['host', 'origin']).optional(),
  active: z.boolean().optional(),
});

export const MembershipSchema = z.object({
  officeId: UuidSchema,
  officeCode: z.string(),
  officeName: z.string(),
  role: RoleSchema,
});
export const MembershipInputSchema = z.strictObject({ officeId: UuidSchema, role: RoleSchema });

/** A change of roles waiting for a second administrator (ADR 0005). */
export const PendingMembershipChangeSchema = z.object({
  id: UuidSchema,
  /** The whole set of roles asked for. */
  memberships: z.array(MembershipSchema),
  requestedBy: z.object({ id: UuidSchema, name: z.string() }),
  requestedAt: z.string(),
});

export const UserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  status: z.enum(['active', 'disabled']),
  /**
   * End of the latest delay on sign-ins to this account from addresses that are not known devices (after
   * many failures from everywhere); may be past. Null when there is none.
   */
  signInDelayedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  memberships: z.array(MembershipSchema),
  /** A change of this account's roles waiting for a second administrator's approval. */
  pendingMembershipChange: PendingMembershipChangeSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const MembershipRequestStatusSchema = z.enum(['pending', 'approved', 'rejected', 'cancelled']);
export const MembershipRequestSchema = PendingMembershipChangeSchema.extend({
  user: z.object({ id: UuidSchema, email: z.string(), displayName: z.string() }),
  /** The account's roles now, to compare with what is asked. */
  currentMemberships: z.array(MembershipSchema),
  status: MembershipRequestStatusSchema,
  decidedBy: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type MembershipRequest = z.infer<typeof MembershipRequestSchema>;
export const MembershipRequestListQuerySchema = z.strictObject({
  status: MembershipRequestStatusSchema.default('pending'),
});
export const ApproveMembershipRequestSchema = z.strictObject({ comment: textBlock(2000, 0).optional() });
export const RejectMembershipRequestSchema = z.strictObject({ reason: textBlock(2000) });

export const UserListQuerySchema = z.strictObject({
  q: queryText(200).optional(),
  officeId: UuidSchema.optional(),
  role: RoleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const CreateUserSchema = z.strictObject({
  email: EmailSchema,
  displayName: textLine(120),
  locale: LocaleSchema.default('fr'),
  /** Omit to have a temporary password generated and shown once. */
  password: NewPasswordSchema.optional(),
  memberships: z.array(MembershipInputSchema).max(50).default([]),
});
export const UpdateUserSchema = z.strictObject({
  version: VersionSchema,
  displayName: textLine(120).optional(),
  locale: LocaleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const SetMembershipsSchema = z.strictObject({
  version: VersionSchema,
  memberships: z.array(MembershipInputSchema).max(50),
});
export const UserWithPasswordSchema = z.object({
  user: UserSchema,
  temporaryPassword: z.string().optional(),
});

export const ChangePasswordSchema = z.strictObject({
  currentPassword: secretText(1, 200),
  newPassword: NewPasswordSchema,
});

export const MeSchema = z.object({
  user: z.object({
    id: UuidSchema,
    email: z.string(),
    displayName: z.string(),
    locale: LocaleSchema,
    mustChangePassword: z.boolean(),
  }),
  memberships: z.array(MembershipSchema),
  /** Union of what every membership grants. */
  permissions: z.array(PermissionSchema),
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;
