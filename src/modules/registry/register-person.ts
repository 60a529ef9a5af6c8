import type { z } from 'zod';
import { type ActorCtx, can, requirePermission, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { forbidden } from '../../platform/errors';
import type { CreatePersonSchema, Person, PersonSummary } from './contract';
import { normaliseName, searchText } from './names';
import { caseVisibility } from './person-views';
import * as repo from './repository';

export type RegisterPersonOptions = z.infer<typeof CreatePersonSchema>;
export type RegisterPersonResult = {
  person?: Person;
  matches: { person: PersonSummary; reasons: string[] }[];
};

export function personSearchText(p: {
  givenName: string;
  familyName: string;
  fatherName?: string | null;
  givenNameOriginal?: string | null;
  familyNameOriginal?: string | null;
  fatherNameOriginal?: string | null;
  aliases: { name: string }[];
}): string {
  return searchText([
    `${p.givenName} ${p.familyName}`,
    p.fatherName,
    [p.givenNameOriginal, p.familyNameOriginal].filter(Boolean).join(' '),
    p.fatherNameOriginal,
    ...p.aliases.map((a) => a.name),
  ]);
}

/**
 * Registers a person in an office. Unless the user has acknowledged them, probable existing records
 * (same names, compatible date of birth) are returned instead, so the same person is not registered twice.
 */
export async function registerPerson(
  ctx: ActorCtx,
  options: RegisterPersonOptions,
): Promise<RegisterPersonResult> {
  requirePermission(ctx.actor, 'persons.write');
  if (!can(ctx.actor, 'persons.write', options.officeId)) throw forbidden();
  const { officeId, acknowledgeMatches, ...fields } = options;
  if (!acknowledgeMatches) {
    const matches = await repo.probableMatches(
      ctx.db,
      scopeOf(ctx.actor, 'persons.read'),
      {
        givenKey: normaliseName(fields.givenName),
        familyKey: normaliseName(fields.familyName),
        birthDate: fields.birthDate ?? null,
        birthYearOnly: fields.birthDatePrecision !== 'exact',
      },
      caseVisibility(ctx.actor),
    );
    if (matches.length > 0) return { matches };
  }
  return ctx.db.transaction(async (tx) => {
    const codes = await repo.officeCodes(tx, [officeId]);
    const officeCode = codes.get(officeId);
    if (!officeCode) throw forbidden();
    const row = await repo.insertPerson(tx, {
      ...fields,
      reference: await repo.nextPersonReference(tx, officeCode),
      owningOfficeId: officeId,
      searchText: personSearchText(fields),
      createdBy: ctx.actor.userId,
    });
    const person = repo.toPerson(row, officeCode, true);
    await recordAudit(tx, ctx, {
      action: 'person.created',
      officeId,
      recordType: 'person',
      recordId: row.id,
      changes: diffFields(null, person as unknown as Record<string, unknown>, PERSON_AUDITED),
    });
    return { person, matches: [] };
  });
}

export const PERSON_AUDITED = [
  'givenName',
  'familyName',
  'fatherName',
  'givenNameOriginal',
  'familyNameOriginal',
  'fatherNameOriginal',
  'originalScript',
  'sex',
  'birthDate',
  'birthDatePrecision',
  'nationalities',
  'languages',
  'phone',
  'email',
  'address',
  'placeOfOrigin',
  'countryOfOrigin',
  'specificNeeds',
  'aliases',
] as const;
