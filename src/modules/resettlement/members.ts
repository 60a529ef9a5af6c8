/** A person named in a household change must travel with it. */
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { type Lang, validationMessage } from '../../platform/i18n';
import * as repo from './repository';

export async function assertActiveMember(
  db: Db,
  lang: Lang,
  caseId: string,
  personId: string,
  path = 'personId',
) {
  const members = await repo.activeMembersOf(db, [caseId]);
  const found = members.find((m) => m.member.personId === personId);
  if (found) return found;
  throw new AppError('validation_failed', {
    fields: [{ path, code: 'not_a_member', message: validationMessage(lang, 'not_a_member') }],
  });
}
