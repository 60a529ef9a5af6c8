import { describe, expect, it } from 'vitest';
import { CreateActivitySchema, CreateCampaignSchema, UpdateActivitySchema } from './contract';

const OFFICE = '0190a3c4-0000-7000-8000-000000000001';
const activity = {
  officeId: OFFICE,
  kind: 'training',
  title: 'Identification of victims of trafficking',
  topic: 'Referral mechanism',
  startDate: '2015-10-12',
  endDate: '2015-10-14',
  place: 'Tirana',
  country: 'AL',
  participants: [{ institution: 'State Police', country: 'AL', sex: 'female', role: 'police', count: 7 }],
};
const campaign = {
  officeId: OFFICE,
  title: 'Know the risks',
  channel: 'radio',
  countries: ['AL'],
  languages: ['sq'],
  startDate: '2015-11-01',
  endDate: '2015-11-30',
  reach: 120000,
};

const issuesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; code: string }[] };
}) => result.error?.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) ?? [];

describe('activity contract', () => {
  it('accepts a training with counted participants and a one-day activity', () => {
    expect(CreateActivitySchema.safeParse(activity).success).toBe(true);
    expect(CreateActivitySchema.safeParse({ ...activity, endDate: activity.startDate }).success).toBe(true);
  });

  it('refuses an end before the start as a field error on endDate', () => {
    expect(issuesOf(CreateActivitySchema.safeParse({ ...activity, endDate: '2015-10-11' }))).toEqual([
      { path: 'endDate', code: 'too_small' },
    ]);
    expect(
      issuesOf(
        UpdateActivitySchema.safeParse({ version: 1, startDate: '2015-10-12', endDate: '2015-10-01' }),
      ),
    ).toEqual([{ path: 'endDate', code: 'too_small' }]);
  });

  it.each([
    [{ count: 0 }, 'participants.0.count', 'too_small'],
    [{ count: 10_001 }, 'participants.0.count', 'too_big'],
    [{ count: 2.5 }, 'participants.0.count', 'invalid_type'],
    [{ role: 'prosecutor' }, 'participants.0.role', 'invalid_value'],
    [{ sex: 'x' }, 'participants.0.sex', 'invalid_value'],
    [{ country: 'Albania' }, 'participants.0.country', 'invalid_format'],
    [{ name: 'Arben' }, 'participants.0', 'unrecognized_keys'],
  ])('refuses participant %j', (change, path, code) => {
    const body = { ...activity, participants: [{ ...activity.participants[0], ...change }] };
    expect(issuesOf(CreateActivitySchema.safeParse(body))).toEqual([{ path, code }]);
  });

  it('refuses unknown fields and an unknown kind', () => {
    expect(issuesOf(CreateActivitySchema.safeParse({ ...activity, budget: 1 }))).toEqual([
      { path: '', code: 'unrecognized_keys' },
    ]);
    expect(issuesOf(CreateActivitySchema.safeParse({ ...activity, kind: 'party' }))).toEqual([
      { path: 'kind', code: 'invalid_value' },
    ]);
  });
});

describe('campaign contract', () => {
  it('accepts a campaign and a reach of zero', () => {
    expect(CreateCampaignSchema.safeParse(campaign).success).toBe(true);
    expect(CreateCampaignSchema.safeParse({ ...campaign, reach: 0 }).success).toBe(true);
  });

  it.each([
    [{ channel: 'billboard' }, 'channel', 'invalid_value'],
    [{ countries: [] }, 'countries', 'too_small'],
    [{ languages: [] }, 'languages', 'too_small'],
    [{ languages: ['Albanian'] }, 'languages.0', 'invalid_format'],
    [{ reach: -1 }, 'reach', 'too_small'],
    [{ reach: 1.5 }, 'reach', 'invalid_type'],
    [{ endDate: '2015-10-31' }, 'endDate', 'too_small'],
  ])('refuses %j', (change, path, code) => {
    expect(issuesOf(CreateCampaignSchema.safeParse({ ...campaign, ...change }))).toEqual([{ path, code }]);
  });
});
