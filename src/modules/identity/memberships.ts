import type { Db } from '../../db/client';
import { AppError, type FieldError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { errorMessage } from '../../platform/i18n';
import type { Role } from '../../platform/permissions';
import * as repo from './repository';

export type MembershipInput = { officeId: string; role: Role };

/** Deduplicates memberships and checks every office exists and is active; field errors otherwise. */
export async function checkMemberships(
  db: Db,
  lang: Lang,
  input: MembershipInput[],
): Promise<MembershipInput[]> {
  const unique = [...new Map(input.map((m) => [`${m.officeId}|${m.role}`, m])).values()];
  const found = new Map(
    (await repo.findOffices(db, [...new Set(unique.map((m) => m.officeId))])).map((o) => [o.id, o]),
  );
  const fields: FieldError[] = [];
  input.forEach((m, i) => {
    const office = found.get(m.officeId);
    if (!office)
      fields.push({
        path: `memberships.${i}.officeId`,
        code: 'not_found',
        message: errorMessage(lang, 'not_found'),
      });
    else if (!office.active)
      fields.push({
        path: `memberships.${i}.officeId`,
        code: 'office_inactive',
        message: errorMessage(lang, 'office_inactive', { code: office.code }),
      });
  });
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
  return unique;
}

export function holdsAdministrator(memberships: { role: Role }[]): boolean {
  return memberships.some((m) => m.role === 'administrator');
}
