/**
 * Matching through the API: the openings to propose to a returnee, and the returnees to propose for an
 * opening. What is compared is read within the reader's scope; the ranking is `matching.ts`.
 */

import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { findPerson } from '../registry';
import type { CandidateListSchema, JobMatchListSchema } from './contract';
import { isAvailable, type MatchProfile, rankCandidates, rankOpenings } from './matching';
import * as repo from './repository';
import { toOpening } from './views';

/** How many openings, or returnees with a profile, one ranking reads at most. */
const READ_BOUND = 2000;

const matchProfileOf = (
  profile: repo.ProfileRow,
  person: { placeOfOrigin: string | null; countryOfOrigin: string | null },
): MatchProfile => ({
  skills: profile.skills,
  languages: profile.languages,
  workExperience: profile.workExperience,
  preferredSectors: profile.preferredSectors,
  preferredLocations: profile.preferredLocations,
  origin: { place: person.placeOfOrigin, country: person.countryOfOrigin },
});

/** Open openings with a post left, in offices where the reader works on employment, best first. */
export async function jobMatches(
  ctx: ActorCtx,
  personId: string,
  limit: number,
): Promise<z.infer<typeof JobMatchListSchema>> {
  const person = await findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), personId);
  if (!person) throw notFound();
  const profile = await repo.findProfile(ctx.db, personId);
  if (!profile) return { hasProfile: false, items: [] };
  const openings = await repo.availableOpenings(ctx.db, scopeOf(ctx.actor, 'employment.read'), READ_BOUND);
  const ranked = rankOpenings(
    matchProfileOf(profile, person.row),
    openings.map((o) => ({ ...o.row, filled: o.filled, joined: o })),
  );
  return {
    hasProfile: true,
    items: ranked.slice(0, limit).map((r) => ({
      opening: toOpening(r.opening.joined),
      score: r.score,
      reasons: r.reasons,
    })),
  };
}

/** Returnees with a profile whom the reader may see, not yet placed in the opening, best first. */
export async function candidatesFor(
  ctx: ActorCtx,
  openingId: string,
  limit: number,
): Promise<z.infer<typeof CandidateListSchema>> {
  const opening = await repo.findOpening(ctx.db, scopeOf(ctx.actor, 'employment.read'), openingId);
  if (!opening) throw notFound();
  const rows = await repo.candidateProfiles(
    ctx.db,
    scopeOf(ctx.actor, 'persons.read'),
    opening.row,
    READ_BOUND,
  );
  const ranked = rankCandidates(
    opening.row,
    rows.map((r) => ({ ...r, profile: matchProfileOf(r.profile, r.person), officeCode: r.officeCode })),
  );
  return {
    openingAvailable: isAvailable({ ...opening.row, filled: opening.filled }),
    items: ranked.slice(0, limit).map(({ candidate: c, score, reasons }) => ({
      person: {
        id: c.person.id,
        reference: c.person.reference,
        givenName: c.person.givenName,
        familyName: c.person.familyName,
        sex: c.person.sex,
        officeCode: c.officeCode,
        placeOfOrigin: c.person.placeOfOrigin,
      },
      score,
      reasons,
    })),
  };
}
