import type { z } from 'zod';
import { type ActorCtx, can, requirePermission, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { forbidden } from '../../platform/errors';
import { refuseRestricted, restrictedPaths } from '../../platform/restricted';
import { isSensitiveNeed } from '../../platform/sensitivity';
import type { CreatePersonSchema, Person, PersonMatch } from './contract';
import { MATCH_THRESHOLD, type MatchPerson } from './matching';
import { searchText } from './names';
import { likelyMatches, matchPersonOf, writeMatchKeys } from './person-matching';
import { caseVisibility, seesSensitive } from './person-views';
import * as repo from './repository';

export type RegisterPersonOptions = z.infer<typeof CreatePersonSchema>;
export type RegisterPersonResult = { person?: Person; matches: PersonMatch[] };

/** Shown before saving: candidates from this score up (MATCH_THRESHOLD and above are "likely"). */
export const REVIEW_THRESHOLD = 0.5;

/** Who a draft may be, among the people the actor can read: scored, with reasons, best first. */
export async function matchesOf(
  ctx: ActorCtx,
  draft: MatchPerson,
  excludeIds: string[] = [],
): Promise<PersonMatch[]> {
  const scope = scopeOf(ctx.actor, 'persons.read');
  const found = await likelyMatches(ctx.db, scope, draft, {
    threshold: REVIEW_THRESHOLD,
    limit: 10,
    excludeIds,
  });
  if (found.length === 0) return [];
  const [codes, counts] = await Promise.all([
    repo.officeCodes(ctx.db, [...new Set(found.map((m) => m.row.owningOfficeId))]),
    repo.caseCounts(
      ctx.db,
      found.map((m) => m.row.id),
      caseVisibility(ctx.actor),
    ),
  ]);
  return found.map((m) => ({
    person: repo.summary(m.row, codes.get(m.row.owningOfficeId) ?? '', counts.get(m.row.id) ?? 0),
    score: Math.round(m.score * 1000) / 1000,
    likely: m.score >= MATCH_THRESHOLD,
    reasons: m.reasons,
  }));
}

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
  // Trafficking codes are recorded only by those who may read them in this office.
  if (!seesSensitive(ctx.actor, officeId))
    refuseRestricted(ctx.lang, restrictedPaths('specificNeeds', fields.specificNeeds, isSensitiveNeed));
  if (!acknowledgeMatches) {
    const matches = await matchesOf(
      ctx,
      matchPersonOf('~draft', {
        ...fields,
        placeOfOrigin: fields.placeOfOrigin ?? null,
        fatherName: fields.fatherName ?? null,
        givenNameOriginal: fields.givenNameOriginal ?? null,
        familyNameOriginal: fields.familyNameOriginal ?? null,
        fatherNameOriginal: fields.fatherNameOriginal ?? null,
        birthDate: fields.birthDate ?? null,
      }),
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
    await writeMatchKeys(tx, row.id, row);
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
