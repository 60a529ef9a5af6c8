/** Shared helpers of the activities integration tests: bodies, calls through the API, row counts. */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { activityParticipants, campaigns, capacityActivities } from '../../src/modules/activities/tables';
import { expectJson, type Session } from '../api/helpers';

export type ParticipantBody = {
  institution: string;
  country: string;
  sex: string;
  role: string;
  count: number;
};
export type ActivityBody = {
  id: string;
  officeId: string;
  officeCode: string;
  projectId: string | null;
  projectCode: string | null;
  kind: string;
  title: string;
  topic: string;
  startDate: string;
  endDate: string;
  place: string;
  country: string;
  participantCount: number;
  participants: ParticipantBody[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type ActivityListBody = {
  items: Omit<ActivityBody, 'participants'>[];
  nextCursor: string | null;
  total: number;
};
export type CampaignBody = {
  id: string;
  officeId: string;
  officeCode: string;
  projectId: string | null;
  projectCode: string | null;
  title: string;
  channel: string;
  countries: string[];
  languages: string[];
  startDate: string;
  endDate: string;
  reach: number;
  version: number;
};
export type CampaignListBody = { items: CampaignBody[]; nextCursor: string | null; total: number };
type Cells = Record<string, number | null>;
export type IndicatorsBody = {
  projectId: string | null;
  from: string | null;
  to: string | null;
  suppression: { applied: boolean; threshold: number | null };
  suppressed: boolean;
  activities: {
    count: number;
    byKind: Record<string, number>;
    peopleTrained: number | null;
    bySex: Cells;
    byCountry: Cells;
    byRole: Cells;
    byInstitution: Cells;
    institutionCount: number;
  };
  campaigns: { count: number; reach: number | null; reachByCountry: Cells; reachByChannel: Cells };
};

/**
 * The TACT training of Albanian authorities in Tirana: 23 participants, police and judiciary, counted by
 * institution, sex and role.
 */
export const TIRANA_PARTICIPANTS: ParticipantBody[] = [
  { institution: 'Albanian State Police', country: 'AL', sex: 'female', role: 'police', count: 4 },
  { institution: 'Albanian State Police', country: 'AL', sex: 'male', role: 'police', count: 12 },
  { institution: 'School of Magistrates', country: 'AL', sex: 'female', role: 'judiciary', count: 5 },
  { institution: 'General Prosecution Office', country: 'AL', sex: 'male', role: 'judiciary', count: 2 },
];

export function activityInput(officeId: string, overrides: Record<string, unknown> = {}) {
  return {
    officeId,
    kind: 'training',
    title: 'Identification and referral of victims of trafficking',
    topic: 'National referral mechanism',
    startDate: '2015-10-12',
    endDate: '2015-10-14',
    place: 'Tirana',
    country: 'AL',
    participants: TIRANA_PARTICIPANTS,
    ...overrides,
  };
}

export function campaignInput(officeId: string, overrides: Record<string, unknown> = {}) {
  return {
    officeId,
    title: 'Safe migration: know your rights',
    channel: 'radio',
    countries: ['AL'],
    languages: ['sq'],
    startDate: '2015-11-02',
    endDate: '2015-11-29',
    reach: 120_000,
    ...overrides,
  };
}

export async function createActivity(session: Session, body: Record<string, unknown>): Promise<ActivityBody> {
  return expectJson<ActivityBody>(
    await session.inject({ method: 'POST', url: '/api/activities', payload: body }),
    201,
  );
}
export async function createCampaign(session: Session, body: Record<string, unknown>): Promise<CampaignBody> {
  return expectJson<CampaignBody>(
    await session.inject({ method: 'POST', url: '/api/campaigns', payload: body }),
    201,
  );
}
export async function listActivities(session: Session, query = ''): Promise<ActivityListBody> {
  return expectJson<ActivityListBody>(
    await session.inject({ method: 'GET', url: `/api/activities${query}` }),
  );
}
export async function listCampaigns(session: Session, query = ''): Promise<CampaignListBody> {
  return expectJson<CampaignListBody>(await session.inject({ method: 'GET', url: `/api/campaigns${query}` }));
}
export async function indicators(session: Session, query = ''): Promise<IndicatorsBody> {
  return expectJson<IndicatorsBody>(
    await session.inject({ method: 'GET', url: `/api/activities/indicators${query}` }),
  );
}

/** Rows of the three tables: bad input must leave them as they were. */
export async function tableCounts(db: Db) {
  const n = async (table: typeof capacityActivities | typeof activityParticipants | typeof campaigns) =>
    Number((await db.select({ n: count() }).from(table))[0]?.n ?? 0);
  return {
    activities: await n(capacityActivities),
    participants: await n(activityParticipants),
    campaigns: await n(campaigns),
  };
}

export async function participantRows(db: Db, activityId: string) {
  return db
    .select({
      institution: activityParticipants.institution,
      country: activityParticipants.country,
      sex: activityParticipants.sex,
      role: activityParticipants.role,
      count: activityParticipants.count,
    })
    .from(activityParticipants)
    .where(eq(activityParticipants.activityId, activityId));
}
