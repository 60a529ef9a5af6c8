/** Requests and responses of accounts, offices, memberships and sessions. Browser-safe. */
import { z } from 'zod';
import {
  CountryCodeSchema,
  LocaleSchema,
  textLine,
  UuidSchema,
  VersionSchema,
} from '../../platform/contract';
import { PERMISSIONS, ROLES } from '../../platform/permissions';

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSIONS);
export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Long passphrases are encouraged; 12 characters is the floor (NIST SP 800-63B). */
export const NewPasswordSchema = z.string().min(12).max(200);

export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
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

export const UserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  memberships: z.array(MembershipSchema),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
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
  currentPassword: z.string().min(1).max(200),
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
