/**
 * Finding people by what a user types: a document number (exact, by blind index), a name in any script or
 * spelling (by phonetic keys: "محمد الحسن" finds "Mohammed Al-Hassan", with the reasons), or part of a name
 * as typed so far (by substring). One function for the registry and the case list.
 */
import type { Actor, Ctx } from '../../platform/actor';
import { scopeOf } from '../../platform/actor';
import type { FieldCipher } from '../../platform/field-crypto';
import type { PersonSummary } from './contract';
import { normaliseDocumentNumber, normaliseName } from './names';
import { searchByName } from './person-matching';
import { caseVisibility } from './person-views';
import * as repo from './repository';

export type PeopleQuery = { q?: string; officeId?: string; nationality?: string; limit: number };

export async function findPeople(
  ctx: Pick<Ctx, 'db'> & { actor: Actor },
  cipher: FieldCipher,
  query: PeopleQuery,
): Promise<PersonSummary[]> {
  const scope = scopeOf(ctx.actor, 'persons.read');
  const visibility = caseVisibility(ctx.actor);
  const { q, ...filter } = query;
  const text = q ? normaliseName(q) : undefined;
  const documentIndex = q && /\d/.test(q) ? cipher.blindIndex(normaliseDocumentNumber(q)) : undefined;
  const literal = await repo.searchPersons(ctx.db, scope, { ...filter, text, documentIndex }, visibility);
  if (!q || !/\p{L}/u.test(q)) return literal;
  const phonetic = (await searchByName(ctx.db, scope, q, query.limit)).filter(
    (m) =>
      (!filter.officeId || m.row.owningOfficeId === filter.officeId) &&
      (!filter.nationality || m.row.nationalities.includes(filter.nationality)),
  );
  if (phonetic.length === 0) return literal;
  const [codes, counts] = await Promise.all([
    repo.officeCodes(ctx.db, [...new Set(phonetic.map((m) => m.row.owningOfficeId))]),
    repo.caseCounts(
      ctx.db,
      phonetic.map((m) => m.row.id),
      visibility,
    ),
  ]);
  const ranked: PersonSummary[] = phonetic.map((m) => ({
    ...repo.summary(m.row, codes.get(m.row.owningOfficeId) ?? '', counts.get(m.row.id) ?? 0),
    match: { score: Math.round(m.score * 1000) / 1000, reasons: m.reasons },
  }));
  const seen = new Set(ranked.map((p) => p.id));
  // Document holders and names typed in part come after the ranked name matches.
  return [...ranked, ...literal.filter((p) => !seen.has(p.id))].slice(0, query.limit);
}
