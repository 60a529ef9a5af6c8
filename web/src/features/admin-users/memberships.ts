import type { z } from 'zod';
import type { User } from '../../../../src/modules/identity/contract';
import type { Role } from '../../../../src/platform/permissions';

/** A row of the memberships editor; `''` while nothing is chosen yet. */
export interface MembershipRow {
  officeId: string;
  role: Role | '';
}

export function rowsFromUser(user: Pick<User, 'memberships'>): MembershipRow[] {
  return user.memberships.map((m) => ({ officeId: m.officeId, role: m.role }));
}

/** Flags a second row with the same office and role (zod `superRefine` helper). */
export function refineNoDuplicateMemberships(
  memberships: readonly { officeId: string; role: string }[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  memberships.forEach((m, index) => {
    const key = `${m.officeId}|${m.role}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        message: 'validation.duplicateMembership',
        path: ['memberships', index, 'role'],
      });
    }
    seen.add(key);
  });
}

/** A stable text form of a membership list, for comparisons. */
export function membershipsSignature(rows: readonly { officeId: string; role: string }[]): string {
  return rows
    .map((r) => `${r.officeId}|${r.role}`)
    .sort()
    .join(',');
}
