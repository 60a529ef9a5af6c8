/**
 * Employers, job openings and skills profiles: office scoping (another office's records do not exist),
 * optimistic concurrency, audit of every change, and bad input refused field by field with nothing saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, registerPerson, signIn } from '../registry/helpers';
import {
  createEmployer,
  createOpening,
  type EmployerBody,
  employerCount,
  type OpeningBody,
  openingCount,
  type ProfileBody,
  placementCount,
  placementRequest,
  profileCount,
  saveProfile,
  updateOpening,
} from './helpers';

const USERS = [
  'cw.erbil@x.test',
  'sup.erbil@x.test',
  'me.erbil@x.test',
  'cw.berlin@x.test',
  'mixed@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let EBL: string;
let BER: string;
let employer: EmployerBody;
let opening: OpeningBody;
let person: PersonBody;

async function counts() {
  return {
    employers: await employerCount(t.db),
    openings: await openingCount(t.db),
    profiles: await profileCount(t.db),
    placements: await placementCount(t.db),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  EBL = await t.office('EBL', 'origin', 'IQ');
  BER = await t.office('BER', 'host', 'DE');
  await t.user('cw.erbil@x.test', [['EBL', 'caseworker']]);
  await t.user('sup.erbil@x.test', [['EBL', 'supervisor']]);
  await t.user('me.erbil@x.test', [['EBL', 'me_officer']]);
  await t.user('cw.berlin@x.test', [['BER', 'caseworker']]);
  // Sees Erbil's people, but works on employment only in Berlin.
  await t.user('mixed@x.test', [
    ['EBL', 'protection_officer'],
    ['BER', 'caseworker'],
  ]);
  as = (await signIn(t, USERS)).as;
  person = await registerPerson(as('cw.erbil@x.test'), EBL, {
    givenName: 'Karwan',
    familyName: 'Aziz',
    nationalities: ['IQ'],
    languages: ['ku'],
  });
});
afterAll(() => t.close());

describe('employers', () => {
  it('records an employer in an office, audited', async () => {
    const seq = await lastAuditSeq(t.db);
    employer = await createEmployer(as('cw.erbil@x.test'), EBL, {
      name: 'Hawler Steel',
      contactName: 'Sherwan Ahmed',
      phone: '+964 750 000 0000',
      email: 'HR@hawler-steel.example',
    });
    expect(employer).toMatchObject({
      officeId: EBL,
      officeCode: 'EBL',
      name: 'Hawler Steel',
      sector: 'construction',
      country: 'IQ',
      location: 'Erbil',
      email: 'hr@hawler-steel.example',
      openOpenings: 0,
      version: 1,
    });
    const event = await expectOneEvent(t.db, seq, {
      action: 'employer.created',
      officeId: EBL,
      recordType: 'employer',
      recordId: employer.id,
    });
    expect(event.changes).toMatchObject({ name: { new: 'Hawler Steel' }, sector: { new: 'construction' } });
  });

  it('edits it with the version it was based on; a stale version is a 409 with the employer as it is', async () => {
    const cw = as('cw.erbil@x.test');
    const seq = await lastAuditSeq(t.db);
    const edited = expectJson<EmployerBody>(
      await cw.inject({
        method: 'PATCH',
        url: `/api/employment/employers/${employer.id}`,
        payload: { version: 1, location: 'Duhok' },
      }),
    );
    expect(edited).toMatchObject({ location: 'Duhok', version: 2 });
    const event = await expectOneEvent(t.db, seq, { action: 'employer.updated', recordId: employer.id });
    expect(event.changes).toEqual({ location: { old: 'Erbil', new: 'Duhok' } });
    const stale = expectProblem(
      await cw.inject({
        method: 'PATCH',
        url: `/api/employment/employers/${employer.id}`,
        payload: { version: 1, location: 'Zakho' },
      }),
      409,
      'version_conflict',
    );
    expect(stale.current).toMatchObject({ location: 'Duhok', version: 2 });
    employer = edited;
  });

  it('does not exist for another office (404), which cannot create one in Erbil either (403)', async () => {
    const berlin = as('cw.berlin@x.test');
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await berlin.inject({ method: 'GET', url: `/api/employment/employers/${employer.id}` }),
      404,
      'not_found',
    );
    expectProblem(
      await berlin.inject({
        method: 'PATCH',
        url: `/api/employment/employers/${employer.id}`,
        payload: { version: 2, name: 'x' },
      }),
      404,
      'not_found',
    );
    expect(
      expectJson<{ items: EmployerBody[] }>(
        await berlin.inject({ method: 'GET', url: '/api/employment/employers' }),
      ).items,
    ).toEqual([]);
    const before = await counts();
    expectProblem(
      await berlin.inject({
        method: 'POST',
        url: '/api/employment/employers',
        payload: { name: 'x', sector: 'retail', country: 'IQ', location: 'Erbil', officeId: EBL },
      }),
      403,
      'forbidden',
    );
    expect(await counts()).toEqual(before);
    await expectNoEvent(t.db, seq);
    // Readers of the office see it; only writers change it.
    const list = expectJson<{ items: EmployerBody[] }>(
      await as('me.erbil@x.test').inject({ method: 'GET', url: '/api/employment/employers?q=hawler' }),
    );
    expect(list.items.map((e) => e.id)).toEqual([employer.id]);
  });
});

describe('job openings', () => {
  it('posts an opening with the employer’s sector and place unless given, in the employer’s office', async () => {
    const seq = await lastAuditSeq(t.db);
    opening = await createOpening(as('cw.erbil@x.test'), employer.id, {
      title: 'Welder',
      skills: ['Welding', 'welding', 'Forklift driving'],
      languages: ['KU', 'ar'],
      posts: 2,
    });
    expect(opening).toMatchObject({
      employer: { id: employer.id, name: 'Hawler Steel' },
      officeId: EBL,
      sector: 'construction',
      country: 'IQ',
      location: 'Duhok',
      skills: ['welding', 'forklift-driving'],
      languages: ['ku', 'ar'],
      posts: 2,
      filled: 0,
      status: 'open',
      available: true,
      openedOn: '2026-03-02',
      version: 1,
    });
    await expectOneEvent(t.db, seq, {
      action: 'opening.created',
      recordType: 'job_opening',
      recordId: opening.id,
    });
  });

  it('closes it with the version; a second edit on the same version is a 409 with the opening as it is', async () => {
    const cw = as('cw.erbil@x.test');
    const sup = as('sup.erbil@x.test');
    const seq = await lastAuditSeq(t.db);
    const closed = await updateOpening(cw, opening, { status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', available: false, version: 2 });
    const event = await expectOneEvent(t.db, seq, { action: 'opening.updated', recordId: opening.id });
    expect(event.changes).toEqual({ status: { old: 'open', new: 'closed' } });
    const conflict = expectProblem(
      await sup.inject({
        method: 'PATCH',
        url: `/api/employment/openings/${opening.id}`,
        payload: { version: opening.version, posts: 4 },
      }),
      409,
      'version_conflict',
    );
    expect(conflict.current).toMatchObject({ id: opening.id, status: 'closed', posts: 2, version: 2 });
    opening = await updateOpening(sup, closed, { status: 'open', posts: 3 });
    expect(opening).toMatchObject({ status: 'open', posts: 3, version: 3 });
  });

  it('filters the list by status, sector, location and employer', async () => {
    const cw = as('cw.erbil@x.test');
    const hotel = await createEmployer(cw, EBL, { name: 'Erbil Grand Hotel', sector: 'hospitality' });
    const reception = await createOpening(cw, hotel.id, { title: 'Receptionist', languages: ['en'] });
    await updateOpening(cw, await createOpening(cw, hotel.id, { title: 'Cook' }), { status: 'closed' });
    const titles = async (query: string) =>
      expectJson<{ items: OpeningBody[] }>(
        await cw.inject({ method: 'GET', url: `/api/employment/openings${query}` }),
      )
        .items.map((o) => o.title)
        .sort();
    expect(await titles('')).toEqual(['Cook', 'Receptionist', 'Welder']);
    expect(await titles('?status=open')).toEqual(['Receptionist', 'Welder']);
    expect(await titles('?status=closed')).toEqual(['Cook']);
    expect(await titles('?sector=hospitality&status=open')).toEqual(['Receptionist']);
    expect(await titles('?location=ERBIL')).toEqual(['Cook', 'Receptionist']);
    expect(await titles(`?employerId=${employer.id}`)).toEqual(['Welder']);
    expect(reception.location).toBe('Erbil');
  });

  it('does not exist for another office (404): not readable, editable, nor a base for an opening', async () => {
    const berlin = as('cw.berlin@x.test');
    const seq = await lastAuditSeq(t.db);
    const before = await counts();
    expectProblem(
      await berlin.inject({ method: 'GET', url: `/api/employment/openings/${opening.id}` }),
      404,
      'not_found',
    );
    expectProblem(
      await berlin.inject({
        method: 'PATCH',
        url: `/api/employment/openings/${opening.id}`,
        payload: { version: opening.version, status: 'closed' },
      }),
      404,
      'not_found',
    );
    expectProblem(
      await berlin.inject({
        method: 'POST',
        url: '/api/employment/openings',
        payload: { employerId: employer.id, title: 'x', posts: 1 },
      }),
      404,
      'not_found',
    );
    expect(
      expectJson<{ items: OpeningBody[] }>(
        await berlin.inject({ method: 'GET', url: '/api/employment/openings' }),
      ).items,
    ).toEqual([]);
    // An employment reader cannot post or edit.
    expectProblem(
      await as('me.erbil@x.test').inject({
        method: 'PATCH',
        url: `/api/employment/openings/${opening.id}`,
        payload: { version: opening.version, status: 'closed' },
      }),
      403,
      'forbidden',
    );
    expect(await counts()).toEqual(before);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['access.denied']);
  });
});

describe('skills profiles', () => {
  let profile: ProfileBody;

  it('creates the profile without a version, then replaces it with one', async () => {
    const cw = as('cw.erbil@x.test');
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await cw.inject({ method: 'GET', url: `/api/persons/${person.id}/skills-profile` }),
      404,
      'not_found',
    );
    profile = await saveProfile(cw, person.id, {
      workExperience: [{ title: 'Welder', sector: 'construction', years: 6 }],
      skills: ['Welding'],
      languages: ['ku', 'AR'],
      preferredSectors: ['construction', 'construction'],
      preferredLocations: ['Erbil'],
    });
    expect(profile).toMatchObject({
      personId: person.id,
      skills: ['welding'],
      languages: ['ku', 'ar'],
      preferredSectors: ['construction'],
      version: 1,
    });
    await expectOneEvent(t.db, seq, {
      action: 'skills_profile.saved',
      officeId: EBL,
      recordType: 'person',
      recordId: person.id,
    });
    const replaced = await saveProfile(cw, person.id, { version: 1, skills: ['welding', 'forklift'] });
    expect(replaced).toMatchObject({ skills: ['welding', 'forklift'], languages: [], version: 2 });
    expect(
      expectJson<ProfileBody>(
        await cw.inject({ method: 'GET', url: `/api/persons/${person.id}/skills-profile` }),
      ),
    ).toEqual(replaced);
    profile = replaced;
  });

  it('answers a save on a stale or missing version with 409 and the profile as it is', async () => {
    const cw = as('cw.erbil@x.test');
    const seq = await lastAuditSeq(t.db);
    for (const version of [undefined, 1]) {
      const conflict = expectProblem(
        await cw.inject({
          method: 'PUT',
          url: `/api/persons/${person.id}/skills-profile`,
          payload: { educationLevel: 'none', ...(version ? { version } : {}) },
        }),
        409,
        'version_conflict',
      );
      expect(conflict.current).toMatchObject({ version: 2, skills: ['welding', 'forklift'] });
    }
    await expectNoEvent(t.db, seq);
  });

  it('is saved only with employment.write in the person’s office; the person must be within reach', async () => {
    const seq = await lastAuditSeq(t.db);
    const body = { educationLevel: 'none', version: profile.version };
    // Sees the person, but works on employment in Berlin only.
    expectProblem(
      await as('mixed@x.test').inject({
        method: 'PUT',
        url: `/api/persons/${person.id}/skills-profile`,
        payload: body,
      }),
      403,
      'forbidden',
    );
    // Does not see the person at all.
    expectProblem(
      await as('cw.berlin@x.test').inject({
        method: 'PUT',
        url: `/api/persons/${person.id}/skills-profile`,
        payload: body,
      }),
      404,
      'not_found',
    );
    await expectNoEvent(t.db, seq);
    expect(
      expectJson<ProfileBody>(
        await as('mixed@x.test').inject({ method: 'GET', url: `/api/persons/${person.id}/skills-profile` }),
      ).version,
    ).toBe(2);
  });
});

describe('bad input', () => {
  /** Sends, expects 400 with field errors on exactly these paths, and checks nothing was saved or audited. */
  async function refused(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown, paths: string[]) {
    const seq = await lastAuditSeq(t.db);
    const before = await counts();
    const problem = expectProblem(
      await as('cw.erbil@x.test').inject({ method, url, payload: payload as object }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([...paths].sort());
    for (const error of problem.errors ?? []) expect(error.message).not.toBe('');
    expect(await counts()).toEqual(before);
    await expectNoEvent(t.db, seq);
    return problem;
  }

  it('refuses negative, zero and non-numeric posts', async () => {
    const base = { employerId: employer.id, title: 'Welder' };
    await refused('POST', '/api/employment/openings', { ...base, posts: -1 }, ['posts']);
    await refused('POST', '/api/employment/openings', { ...base, posts: 0 }, ['posts']);
    await refused('POST', '/api/employment/openings', { ...base, posts: '2' }, ['posts']);
    await refused('POST', '/api/employment/openings', { ...base, posts: 1.5 }, ['posts']);
    await refused(
      'PATCH',
      `/api/employment/openings/${opening.id}`,
      { version: opening.version, posts: -3 },
      ['posts'],
    );
  });

  it('refuses an unknown sector, country, language or status', async () => {
    const problem = await refused(
      'POST',
      '/api/employment/employers',
      { name: 'x', sector: 'mining', country: 'Iraq', location: 'Erbil', officeId: EBL },
      ['sector', 'country'],
    );
    expect(problem.errors?.find((e) => e.path === 'country')?.message).toBe(
      'Utilisez un code pays ISO à deux lettres (FR, AL, MA...).',
    );
    await refused(
      'POST',
      '/api/employment/openings',
      { employerId: employer.id, title: 'x', posts: 1, sector: 'Construction', languages: ['english'] },
      ['sector', 'languages.0'],
    );
    await refused(
      'PATCH',
      `/api/employment/openings/${opening.id}`,
      { version: opening.version, status: 'paused' },
      ['status'],
    );
    await refused(
      'PUT',
      `/api/persons/${person.id}/skills-profile`,
      {
        educationLevel: 'phd',
        workExperience: [{ title: 'Welder', sector: 'welding', years: -1 }],
        preferredSectors: ['steel'],
        version: 2,
      },
      ['educationLevel', 'workExperience.0.sector', 'workExperience.0.years', 'preferredSectors.0'],
    );
  });

  it('refuses unknown fields, naming them', async () => {
    const problem = await refused(
      'POST',
      '/api/employment/openings',
      { employerId: employer.id, title: 'x', posts: 1, status: 'closed', salary: 900 },
      ['status', 'salary'],
    );
    expect(problem.errors?.every((e) => e.code === 'unknown_field')).toBe(true);
    await refused('PATCH', `/api/employment/employers/${employer.id}`, { version: 2, officeId: BER }, [
      'officeId',
    ]);
    await refused(
      'PATCH',
      `/api/employment/openings/${opening.id}`,
      { version: opening.version, employerId: employer.id },
      ['employerId'],
    );
  });

  it('refuses missing and malformed placement and follow-up fields', async () => {
    await refused('POST', '/api/employment/placements', { personId: person.id, openingId: opening.id }, [
      'startDate',
    ]);
    await refused(
      'POST',
      '/api/employment/placements',
      { personId: 'someone', openingId: opening.id, startDate: '2026-02-30' },
      ['personId', 'startDate'],
    );
    await refused(
      'PATCH',
      '/api/employment/placements/00000000-0000-4000-8000-000000000000',
      { version: 1, outcome: 'fired' },
      ['outcome'],
    );
    await refused(
      'POST',
      '/api/employment/placements/00000000-0000-4000-8000-000000000000/follow-ups',
      { month: 4, stillEmployed: 'yes' },
      ['month', 'stillEmployed'],
    );
    // A placement with a valid body but into nothing that exists.
    expectProblem(
      await placementRequest(as('cw.erbil@x.test'), {
        personId: person.id,
        openingId: '00000000-0000-4000-8000-000000000000',
        startDate: '2026-03-02',
      }),
      404,
      'not_found',
    );
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = expectJson<{ paths: Record<string, unknown> }>(
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/employment/employers',
        '/api/employment/openings/{id}/candidates',
        '/api/persons/{id}/skills-profile',
        '/api/persons/{id}/job-matches',
        '/api/employment/placements/{id}/follow-ups',
      ]),
    );
  });
});
