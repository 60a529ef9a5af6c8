/** Contract-shaped views of employment records. */
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../platform/actor';
import type { Employer, Opening, Placement, Sector, SkillsProfile } from './contract';
import { isAvailable } from './matching';
import * as repo from './repository';
import { followUpsOf } from './schedule';

export const todayOf = (ctx: Pick<ActorCtx, 'clock'>) => ctx.clock.now().toISOString().slice(0, 10);

export function toEmployer(r: repo.EmployerJoined): Employer {
  return {
    id: r.row.id,
    officeId: r.row.officeId,
    officeCode: r.officeCode,
    name: r.row.name,
    sector: r.row.sector as Sector,
    country: r.row.country,
    location: r.row.location,
    contactName: r.row.contactName,
    phone: r.row.phone,
    email: r.row.email,
    openOpenings: r.openOpenings,
    version: r.row.version,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

export function toOpening(r: repo.OpeningJoined): Opening {
  return {
    id: r.row.id,
    employer: { id: r.row.employerId, name: r.employerName },
    officeId: r.row.officeId,
    officeCode: r.officeCode,
    title: r.row.title,
    description: r.row.description,
    sector: r.row.sector as Sector,
    country: r.row.country,
    location: r.row.location,
    skills: r.row.skills,
    languages: r.row.languages,
    posts: r.row.posts,
    filled: r.filled,
    status: r.row.status,
    available: isAvailable({ status: r.row.status, posts: r.row.posts, filled: r.filled }),
    openedOn: r.row.openedOn,
    version: r.row.version,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

export function toProfile(row: repo.ProfileRow): SkillsProfile {
  return {
    personId: row.personId,
    educationLevel: row.educationLevel,
    workExperience: row.workExperience.map((e) => ({
      title: e.title,
      sector: e.sector as Sector,
      years: e.years,
    })),
    skills: row.skills,
    languages: row.languages,
    preferredSectors: row.preferredSectors as Sector[],
    preferredLocations: row.preferredLocations,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Placements with their follow-ups as of `today`. */
export async function toPlacements(
  db: Db,
  rows: repo.PlacementJoined[],
  today: string,
): Promise<Placement[]> {
  const followUps = await repo.followUpsOf(
    db,
    rows.map((r) => r.row.id),
  );
  return rows.map((r) => ({
    id: r.row.id,
    personId: r.row.personId,
    personName: r.personName,
    caseId: r.row.caseId,
    opening: { id: r.row.openingId, title: r.openingTitle, location: r.openingLocation },
    employer: { id: r.employerId, name: r.employerName },
    officeId: r.row.officeId,
    startDate: r.row.startDate,
    outcome: r.row.outcome,
    endedOn: r.row.endedOn,
    recordedByName: r.row.recordedByName,
    followUps: followUpsOf(
      r.row,
      followUps.filter((f) => f.placementId === r.row.id),
      today,
    ),
    version: r.row.version,
    createdAt: r.row.createdAt.toISOString(),
  }));
}

export async function toPlacement(db: Db, row: repo.PlacementJoined, today: string): Promise<Placement> {
  const [view] = await toPlacements(db, [row], today);
  if (!view) throw new Error('unreachable');
  return view;
}
