/** Shared helpers of the employment integration tests: employers, openings, profiles, placements, rows. */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import {
  employers,
  jobOpenings,
  placementFollowUps,
  placements,
  skillsProfiles,
} from '../../src/modules/employment/tables';
import { expectJson, type Session } from '../api/helpers';

export type EmployerBody = {
  id: string;
  officeId: string;
  officeCode: string;
  name: string;
  sector: string;
  country: string;
  location: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  openOpenings: number;
  version: number;
};
export type OpeningBody = {
  id: string;
  employer: { id: string; name: string };
  officeId: string;
  officeCode: string;
  title: string;
  description: string | null;
  sector: string;
  country: string;
  location: string;
  skills: string[];
  languages: string[];
  posts: number;
  filled: number;
  status: 'open' | 'closed';
  available: boolean;
  openedOn: string;
  version: number;
};
export type ProfileBody = {
  personId: string;
  educationLevel: string;
  workExperience: { title: string; sector: string; years: number }[];
  skills: string[];
  languages: string[];
  preferredSectors: string[];
  preferredLocations: string[];
  version: number;
};
export type ReasonBody = { code: string; points: number; max: number } & Record<string, unknown>;
export type FollowUpBody = {
  month: number;
  dueDate: string;
  status: 'upcoming' | 'due' | 'overdue' | 'done' | 'not_applicable';
  stillEmployed: boolean | null;
  checkedOn: string | null;
  note: string | null;
  recordedByName: string | null;
};
export type PlacementBody = {
  id: string;
  personId: string;
  personName: string | null;
  caseId: string | null;
  opening: { id: string; title: string; location: string };
  employer: { id: string; name: string };
  officeId: string;
  startDate: string;
  outcome: 'employed' | 'ended' | 'did_not_start';
  endedOn: string | null;
  recordedByName: string;
  followUps: FollowUpBody[];
  version: number;
};

export async function createEmployer(
  session: Session,
  officeId: string,
  overrides: Record<string, unknown> = {},
): Promise<EmployerBody> {
  const response = await session.inject({
    method: 'POST',
    url: '/api/employment/employers',
    payload: {
      name: 'Hawler Steel',
      sector: 'construction',
      country: 'IQ',
      location: 'Erbil',
      officeId,
      ...overrides,
    },
  });
  return expectJson<EmployerBody>(response, 201);
}

export async function createOpening(
  session: Session,
  employerId: string,
  overrides: Record<string, unknown> = {},
): Promise<OpeningBody> {
  const response = await session.inject({
    method: 'POST',
    url: '/api/employment/openings',
    payload: { employerId, title: 'Welder', posts: 1, ...overrides },
  });
  return expectJson<OpeningBody>(response, 201);
}

export async function updateOpening(
  session: Session,
  opening: { id: string; version: number },
  body: Record<string, unknown>,
): Promise<OpeningBody> {
  const response = await session.inject({
    method: 'PATCH',
    url: `/api/employment/openings/${opening.id}`,
    payload: { version: opening.version, ...body },
  });
  return expectJson<OpeningBody>(response);
}

export async function saveProfile(
  session: Session,
  personId: string,
  body: Record<string, unknown>,
): Promise<ProfileBody> {
  const response = await session.inject({
    method: 'PUT',
    url: `/api/persons/${personId}/skills-profile`,
    payload: { educationLevel: 'secondary', ...body },
  });
  return expectJson<ProfileBody>(response);
}

export function placementRequest(session: Session, body: Record<string, unknown>) {
  return session.inject({ method: 'POST', url: '/api/employment/placements', payload: body });
}

export async function place(
  session: Session,
  body: { personId: string; openingId: string; startDate?: string } & Record<string, unknown>,
): Promise<PlacementBody> {
  return expectJson<PlacementBody>(
    await placementRequest(session, { startDate: '2026-03-02', ...body }),
    201,
  );
}

export function followUpRequest(session: Session, placementId: string, body: Record<string, unknown>) {
  return session.inject({
    method: 'POST',
    url: `/api/employment/placements/${placementId}/follow-ups`,
    payload: body,
  });
}

const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);

export const placementCount = (db: Db, openingId?: string) =>
  n(
    db
      .select({ n: count() })
      .from(placements)
      .where(openingId ? eq(placements.openingId, openingId) : undefined),
  );
export const followUpCount = (db: Db, placementId: string) =>
  n(
    db.select({ n: count() }).from(placementFollowUps).where(eq(placementFollowUps.placementId, placementId)),
  );
export const employerCount = (db: Db) => n(db.select({ n: count() }).from(employers));
export const openingCount = (db: Db) => n(db.select({ n: count() }).from(jobOpenings));
export const profileCount = (db: Db) => n(db.select({ n: count() }).from(skillsProfiles));
