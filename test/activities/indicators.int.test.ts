/**
 * The indicators donors ask for: activities and people trained (by sex, country, role, institution),
 * campaigns and reach (by country, channel), per project and period, for the offices in scope; small cells
 * suppressed when the report leaves the office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityIndicators } from '../../src/modules/activities';
import { expectProblem } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  activityInput,
  campaignInput,
  createActivity,
  createCampaign,
  type IndicatorsBody,
  indicators,
} from './helpers';

const USERS = [
  'pm.tirana@x.test',
  'sup.tirana@x.test',
  'com.tirana@x.test',
  'cw.tirana@x.test',
  'pm.paris@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let TIR: string;
let PAR: string;
let TACT: string;

const noRoles = {
  police: 0,
  judiciary: 0,
  labour_inspection: 0,
  social_services: 0,
  health: 0,
  ngo: 0,
  local_authority: 0,
  border_guard: 0,
  consular: 0,
  other: 0,
};
const noChannels = {
  radio: 0,
  television: 0,
  social_media: 0,
  print: 0,
  community_event: 0,
  school: 0,
  hotline: 0,
  other: 0,
};
const noKinds = { training: 0, workshop: 0, study_visit: 0, conference: 0 };

/** Tirana's TACT work: the training of 23 police officers and magistrates, a radio and a school campaign. */
const tiranaTact = (projectId: string): IndicatorsBody => ({
  projectId,
  from: null,
  to: null,
  suppression: { applied: false, threshold: null },
  suppressed: false,
  activities: {
    count: 1,
    byKind: { ...noKinds, training: 1 },
    peopleTrained: 23,
    bySex: { female: 9, male: 14, other: 0, unknown: 0 },
    byCountry: { AL: 23 },
    byRole: { ...noRoles, police: 16, judiciary: 7 },
    byInstitution: {
      'Albanian State Police': 16,
      'School of Magistrates': 5,
      'General Prosecution Office': 2,
    },
    institutionCount: 3,
  },
  campaigns: {
    count: 2,
    reach: 120_003,
    reachByCountry: { AL: 120_003, MK: 3 },
    reachByChannel: { ...noChannels, radio: 120_000, school: 3 },
  },
});

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  TACT = (await t.project('TACT', 'PAR', ['TIR'])).id;
  await t.user('pm.tirana@x.test', [['TIR', 'project_manager']]);
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  await t.user('com.tirana@x.test', [['TIR', 'communications']]);
  await t.user('cw.tirana@x.test', [['TIR', 'caseworker']]);
  await t.user('pm.paris@x.test', [['PAR', 'project_manager']]);
  as = (await signIn(t, USERS)).as;

  const pm = as('pm.tirana@x.test');
  await createActivity(pm, activityInput(TIR, { projectId: TACT }));
  // Outside the project, in 2016: counted only without the project filter.
  await createActivity(
    pm,
    activityInput(TIR, {
      kind: 'workshop',
      startDate: '2016-03-01',
      endDate: '2016-03-01',
      place: 'Shkodër',
      participants: [
        {
          institution: 'Shkodër Social Services',
          country: 'AL',
          sex: 'female',
          role: 'social_services',
          count: 6,
        },
      ],
    }),
  );
  await createCampaign(pm, campaignInput(TIR, { projectId: TACT }));
  await createCampaign(
    pm,
    campaignInput(TIR, {
      projectId: TACT,
      title: 'Pilot class on trafficking risks',
      channel: 'school',
      countries: ['AL', 'MK'],
      languages: ['sq', 'mk'],
      startDate: '2015-12-01',
      endDate: '2015-12-01',
      reach: 3,
    }),
  );
  // Paris, same project: never in Tirana's figures.
  const paris = as('pm.paris@x.test');
  await createActivity(
    paris,
    activityInput(PAR, {
      projectId: TACT,
      kind: 'conference',
      place: 'Paris',
      country: 'FR',
      startDate: '2015-09-01',
      endDate: '2015-09-01',
      participants: [
        { institution: 'Police aux frontières', country: 'FR', sex: 'male', role: 'border_guard', count: 25 },
        {
          institution: 'Police aux frontières',
          country: 'FR',
          sex: 'female',
          role: 'border_guard',
          count: 15,
        },
      ],
    }),
  );
  await createCampaign(
    paris,
    campaignInput(PAR, { projectId: TACT, channel: 'social_media', countries: ['AL'], reach: 5000 }),
  );
});
afterAll(() => t.close());

describe('indicators through the API', () => {
  it('counts the Tirana training and campaigns for the project, for every reader of the office', async () => {
    for (const email of ['pm.tirana@x.test', 'sup.tirana@x.test', 'com.tirana@x.test'] as const) {
      expect(await indicators(as(email), `?projectId=${TACT}`)).toEqual(tiranaTact(TACT));
    }
  });

  it('suppresses small cells of persons when the report leaves the office', async () => {
    const report = await indicators(as('pm.tirana@x.test'), `?projectId=${TACT}&suppress=true`);
    const full = tiranaTact(TACT);
    expect(report).toEqual({
      ...full,
      suppression: { applied: true, threshold: 5 },
      suppressed: true,
      activities: {
        ...full.activities,
        // 2 is small; 5 is hidden with it, or 23 - 16 would give the 2 back.
        byInstitution: {
          'Albanian State Police': 16,
          'School of Magistrates': null,
          'General Prosecution Office': null,
        },
      },
      campaigns: {
        ...full.campaigns,
        reachByCountry: { AL: null, MK: null },
        reachByChannel: { ...noChannels, radio: null, school: null },
      },
    });
    // Zero stays zero; counts of activities and institutions are not counts of persons.
    expect(report.activities.bySex.other).toBe(0);
    expect(report.activities.count).toBe(1);
  });

  it('takes every project and filters the period by start date', async () => {
    const pm = as('pm.tirana@x.test');
    const all = await indicators(pm);
    expect(all.activities).toMatchObject({
      count: 2,
      byKind: { ...noKinds, training: 1, workshop: 1 },
      peopleTrained: 29,
      bySex: { female: 15, male: 14, other: 0, unknown: 0 },
      byRole: { ...noRoles, police: 16, judiciary: 7, social_services: 6 },
      institutionCount: 4,
    });
    expect(all.projectId).toBeNull();
    const in2016 = await indicators(pm, '?from=2016-01-01&to=2016-12-31');
    expect(in2016).toMatchObject({
      from: '2016-01-01',
      to: '2016-12-31',
      activities: { count: 1, peopleTrained: 6, byCountry: { AL: 6 } },
      campaigns: { count: 0, reach: 0, reachByCountry: {}, reachByChannel: noChannels },
    });
    const with2016Small = await indicators(pm, '?from=2016-01-01&suppress=true');
    expect(with2016Small).toMatchObject({ suppressed: false, activities: { peopleTrained: 6 } });
  });

  it('keeps each office to its own figures', async () => {
    const paris = await indicators(as('pm.paris@x.test'), `?projectId=${TACT}`);
    expect(paris.activities).toMatchObject({
      count: 1,
      peopleTrained: 40,
      byCountry: { FR: 40 },
      byRole: { ...noRoles, border_guard: 40 },
    });
    expect(paris.campaigns).toMatchObject({ count: 1, reach: 5000, reachByCountry: { AL: 5000 } });
  });

  it('refuses a period that ends before it starts, bad flags, and readers without activities.read', async () => {
    const pm = as('pm.tirana@x.test');
    const problem = expectProblem(
      await pm.inject({ method: 'GET', url: '/api/activities/indicators?from=2016-01-01&to=2015-12-31' }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['to', 'too_small']]);
    expectProblem(
      await pm.inject({ method: 'GET', url: '/api/activities/indicators?suppress=yes' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await as('cw.tirana@x.test').inject({ method: 'GET', url: '/api/activities/indicators' }),
      403,
      'forbidden',
    );
  });
});

describe('activityIndicators()', () => {
  it('computes over the scope it is given', async () => {
    const both = await activityIndicators(t.db, 'all', { projectId: TACT });
    expect(both.activities).toMatchObject({ count: 2, peopleTrained: 63, byCountry: { AL: 23, FR: 40 } });
    expect(both.campaigns).toMatchObject({ count: 3, reach: 125_003 });
    expect(await activityIndicators(t.db, [TIR], { projectId: TACT })).toEqual(tiranaTact(TACT));
    const none = await activityIndicators(t.db, [], {});
    expect(none.activities).toMatchObject({ count: 0, peopleTrained: 0, byCountry: {}, institutionCount: 0 });
    expect(none.campaigns).toMatchObject({ count: 0, reach: 0 });
  });

  it('suppresses on request, with a total under the threshold hidden too', async () => {
    const report = await activityIndicators(t.db, [PAR], { to: '2015-12-31', suppress: true });
    expect(report.suppressed).toBe(false);
    expect(report.activities.peopleTrained).toBe(40);
    const tiny = await activityIndicators(t.db, [TIR], {
      from: '2015-12-01',
      to: '2015-12-01',
      suppress: true,
    });
    expect(tiny.campaigns).toMatchObject({ count: 1, reach: null, reachByChannel: { school: null } });
    expect(tiny.suppressed).toBe(true);
  });
});
