import type { Me } from '../../../src/modules/identity/contract';
import type { Activity, Campaign } from '../features/activities/api';
import { makeMe } from './fixtures';
import { TIRANA_ID } from './fixtures-referrals';

export const ACTIVITY_ID = '18181818-1818-4181-8181-181818181818';
export const CAMPAIGN_ID = '19191919-1919-4191-8191-191919191919';

/** An M&E officer in Tirana (TACT): records trainings and campaigns. */
export function makeMeOfficer(overrides: Partial<Me> = {}): Me {
  return makeMe({
    memberships: [{ officeId: TIRANA_ID, officeCode: 'TIRANA', officeName: 'Tirana', role: 'me_officer' }],
    permissions: [
      'offices.read',
      'projects.read',
      'budgets.read',
      'activities.read',
      'activities.write',
      'reports.read',
    ],
    ...overrides,
  });
}

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: ACTIVITY_ID,
    officeId: TIRANA_ID,
    officeCode: 'TIRANA',
    projectId: null,
    projectCode: 'TACT',
    kind: 'training',
    title: 'Identification des victimes de la traite',
    topic: 'Orientation vers les services',
    startDate: '2025-03-10',
    endDate: '2025-03-12',
    place: 'Tirana',
    country: 'AL',
    participantCount: 18,
    participants: [
      { institution: 'Police d’État', country: 'AL', sex: 'female', role: 'police', count: 7 },
      { institution: 'Police d’État', country: 'AL', sex: 'male', role: 'police', count: 11 },
    ],
    version: 1,
    createdAt: '2025-03-12T16:00:00.000Z',
    updatedAt: '2025-03-12T16:00:00.000Z',
    ...overrides,
  };
}

export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: CAMPAIGN_ID,
    officeId: TIRANA_ID,
    officeCode: 'TIRANA',
    projectId: null,
    projectCode: null,
    title: 'Les risques de la migration irrégulière',
    channel: 'radio',
    countries: ['AL', 'MA'],
    languages: ['sq', 'ar'],
    startDate: '2025-04-01',
    endDate: '2025-04-30',
    reach: 250_000,
    version: 1,
    createdAt: '2025-04-01T09:00:00.000Z',
    updatedAt: '2025-04-01T09:00:00.000Z',
    ...overrides,
  };
}
