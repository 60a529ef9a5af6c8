/**
 * Project indicators: persons assisted against the target, disaggregated, with returns; trainings feeding
 * people trained; the owning office reporting on the whole project and another office on its own cases;
 * small cells hidden for a report that leaves the office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, expectProblem } from '../api/helpers';
import { openCase, tickingClock, walk } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';

const USERS = [
  'sup.paris@x.test',
  'sup.tirana@x.test',
  'pm.paris@x.test',
  'pm.tirana@x.test',
  'me.rabat@x.test',
] as const;
type Email = (typeof USERS)[number];
type Indicators = {
  coverage: string;
  targetPersons: number | null;
  persons: {
    total: number | null;
    returned: number | null;
    bySex: Record<string, number | null>;
    byAgeBand: Record<string, number | null>;
    byNationality: Record<string, number | null>;
    byVulnerability: Record<string, number | null>;
  };
  capacity: { activities: number; peopleTrained: number | null };
  campaigns: { count: number; reach: number | null };
};

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let projectId: string;
const get = async (email: Email, query = '') =>
  expectJson<Indicators>(
    await as(email).inject({ method: 'GET', url: `/api/projects/${projectId}/indicators${query}` }),
  );

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  const PAR = await t.office('PAR');
  const TIR = await t.office('TIR', 'origin', 'AL');
  await t.office('RAB', 'origin', 'MA');
  projectId = (await t.project('TACT', 'PAR', ['TIR'])).id;
  await t.user('sup.paris@x.test', [['PAR', 'supervisor']]);
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  await t.user('pm.paris@x.test', [['PAR', 'project_manager']]);
  await t.user('pm.tirana@x.test', [['TIR', 'project_manager']]);
  await t.user('me.rabat@x.test', [['RAB', 'me_officer']]);
  as = (await signIn(t, USERS)).as;
  // Paris: six Albanian women (one a minor, two at risk), three of whom return; Tirana: two adult men.
  for (let i = 0; i < 6; i++) {
    const person = await registerPerson(as('sup.paris@x.test'), PAR, {
      givenName: `Person${i}`,
      familyName: 'Paris',
      sex: 'female',
      nationalities: ['AL'],
      birthDate: i === 0 ? '2015-01-01' : '1990-01-01',
      specificNeeds: i < 2 ? ['WR-WR'] : [],
    });
    let c = await openCase(as('sup.paris@x.test'), { personId: person.id, officeId: PAR, projectId });
    if (i < 3) {
      c = await walk(as('sup.paris@x.test'), c, ['counselling', 'eligibility', 'travel_preparation']);
      const patched = await as('sup.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        payload: {
          version: c.version,
          travelDocumentReady: true,
          medicalFitness: 'fit',
          declarationSignedOn: '2026-01-02',
          departureDate: '2026-01-03',
        },
      });
      c = await walk(as('sup.paris@x.test'), expectJson(patched), ['ready_to_travel', 'departed']);
    }
  }
  for (let i = 0; i < 2; i++) {
    const person = await registerPerson(as('sup.tirana@x.test'), TIR, {
      givenName: `Man${i}`,
      familyName: 'Tirana',
      sex: 'male',
      nationalities: ['AL'],
    });
    await openCase(as('sup.tirana@x.test'), { personId: person.id, officeId: TIR, projectId });
  }
  expectJson(
    await as('pm.tirana@x.test').inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        officeId: TIR,
        projectId,
        kind: 'training',
        title: 'Identification of victims of trafficking',
        topic: 'Victim identification and referral',
        startDate: '2026-01-10',
        endDate: '2026-01-11',
        place: 'Tirana',
        country: 'AL',
        participants: [
          { institution: 'Albanian State Police', country: 'AL', sex: 'female', role: 'police', count: 7 },
          { institution: 'Albanian State Police', country: 'AL', sex: 'male', role: 'police', count: 9 },
        ],
      },
    }),
    201,
  );
});
afterAll(() => t.close());

describe('project indicators', () => {
  it('counts the whole project for the owning office, disaggregated', async () => {
    const r = await get('pm.paris@x.test');
    expect(r.coverage).toBe('project');
    expect(r.persons).toMatchObject({
      total: 8,
      returned: 3,
      bySex: { female: 6, male: 2 },
      byAgeBand: { minor: 1, adult: 7 },
      byNationality: { AL: 8 },
      byVulnerability: { WR: 2 },
    });
    expect(r.capacity).toEqual({
      activities: 1,
      peopleTrained: 16,
      bySex: { female: 7, male: 9, other: 0, unknown: 0 },
    });
  });

  it('counts only its own cases for a participating office', async () => {
    const r = await get('pm.tirana@x.test');
    expect(r.coverage).toBe('own_offices');
    expect(r.persons.total).toBe(2);
  });

  it('hides small cells in a report that leaves the office', async () => {
    const r = await get('pm.paris@x.test', '?suppress=true');
    expect(r.persons.total).toBe(8);
    expect(r.persons.returned).toBeNull();
    expect(r.persons.byAgeBand.minor).toBeNull();
    // With one cell hidden, the next smallest goes too: the total would give it away.
    expect(r.persons.bySex).toEqual({ female: null, male: null });
  });

  it('does not exist for an office outside the project, and refuses bad periods', async () => {
    expectProblem(
      await as('me.rabat@x.test').inject({ method: 'GET', url: `/api/projects/${projectId}/indicators` }),
      404,
      'not_found',
    );
    expectProblem(
      await as('pm.paris@x.test').inject({
        method: 'GET',
        url: `/api/projects/${projectId}/indicators?from=2026-13-01`,
      }),
      400,
      'validation_failed',
    );
  });
});
