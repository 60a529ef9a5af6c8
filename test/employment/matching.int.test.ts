/**
 * Matching through the API on a crafted MAGNET II example: a welder from Erbil who speaks Kurdish and
 * Arabic is proposed the Erbil building-site welding job before the Duhok workshop job, and that before a
 * hotel reception job in Erbil asking for English; closed, full and out-of-scope openings are never
 * proposed. The same ranking, the other way round, proposes returnees for an opening.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, expectProblem } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, registerPerson, signIn } from '../registry/helpers';
import {
  createEmployer,
  createOpening,
  type OpeningBody,
  type ProfileBody,
  place,
  type ReasonBody,
  saveProfile,
  updateOpening,
} from './helpers';

const USERS = ['cw.erbil@x.test', 'cw.berlin@x.test', 'pm.erbil@x.test'] as const;
type Email = (typeof USERS)[number];

type JobMatchesBody = {
  hasProfile: boolean;
  items: { opening: OpeningBody; score: number; reasons: ReasonBody[] }[];
};
type CandidatesBody = {
  openingAvailable: boolean;
  items: {
    person: { id: string; reference: string; givenName: string; familyName: string; officeCode: string };
    score: number;
    reasons: ReasonBody[];
  }[];
};

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let EBL: string;
let BER: string;
let welder: PersonBody;
let fromDuhok: PersonBody;
let receptionist: PersonBody;
let noProfile: PersonBody;
let welderProfile: ProfileBody;
const openings = {} as Record<'site' | 'workshop' | 'hotel' | 'closed' | 'full' | 'berlin', OpeningBody>;

const matchesOf = async (email: Email, personId: string) =>
  expectJson<JobMatchesBody>(
    await as(email).inject({ method: 'GET', url: `/api/persons/${personId}/job-matches` }),
  );
const candidatesOf = async (email: Email, openingId: string) =>
  expectJson<CandidatesBody>(
    await as(email).inject({ method: 'GET', url: `/api/employment/openings/${openingId}/candidates` }),
  );

beforeAll(async () => {
  t = await createTestApp();
  EBL = await t.office('EBL', 'origin', 'IQ');
  BER = await t.office('BER', 'host', 'DE');
  await t.user('cw.erbil@x.test', [['EBL', 'caseworker']]);
  await t.user('cw.berlin@x.test', [['BER', 'caseworker']]);
  await t.user('pm.erbil@x.test', [['EBL', 'project_manager']]);
  as = (await signIn(t, USERS)).as;
  const cw = as('cw.erbil@x.test');

  const steel = await createEmployer(cw, EBL, {
    name: 'Hawler Steel',
    sector: 'construction',
    location: 'Erbil',
  });
  const metal = await createEmployer(cw, EBL, {
    name: 'Duhok Metal Works',
    sector: 'manufacturing',
    location: 'Duhok',
  });
  const hotel = await createEmployer(cw, EBL, {
    name: 'Erbil Grand Hotel',
    sector: 'hospitality',
    location: 'Erbil',
  });
  openings.site = await createOpening(cw, steel.id, {
    title: 'Welder, building site',
    skills: ['welding'],
    languages: ['ku'],
  });
  openings.workshop = await createOpening(cw, metal.id, {
    title: 'Welder, workshop',
    skills: ['welding', 'metal fabrication'],
    languages: ['ku'],
  });
  openings.hotel = await createOpening(cw, hotel.id, {
    title: 'Receptionist',
    skills: ['customer service'],
    languages: ['en'],
  });
  // As good a fit as the building site, but closed; and another one with its only post taken.
  openings.closed = await createOpening(cw, steel.id, {
    title: 'Welder, bridge',
    skills: ['welding'],
    languages: ['ku'],
  });
  openings.closed = await updateOpening(cw, openings.closed, { status: 'closed' });
  openings.full = await createOpening(cw, steel.id, {
    title: 'Welder, tower',
    skills: ['welding'],
    languages: ['ku'],
  });
  // A perfect fit in another office's scope.
  const berlinCw = as('cw.berlin@x.test');
  const berlinSteel = await createEmployer(berlinCw, BER, { name: 'Erbil Partner GmbH', location: 'Erbil' });
  openings.berlin = await createOpening(berlinCw, berlinSteel.id, { skills: ['welding'], languages: ['ku'] });

  const iraqi = { nationalities: ['IQ'], languages: ['ku'], countryOfOrigin: 'IQ' };
  welder = await registerPerson(cw, EBL, {
    ...iraqi,
    givenName: 'Karwan',
    familyName: 'Aziz',
    sex: 'male',
    placeOfOrigin: 'Erbil',
  });
  fromDuhok = await registerPerson(cw, EBL, {
    ...iraqi,
    givenName: 'Dilshad',
    familyName: 'Barzani',
    sex: 'male',
    placeOfOrigin: 'Duhok',
  });
  receptionist = await registerPerson(cw, EBL, {
    ...iraqi,
    givenName: 'Shilan',
    familyName: 'Hassan',
    placeOfOrigin: 'Erbil',
  });
  noProfile = await registerPerson(cw, EBL, { ...iraqi, givenName: 'Rebin', familyName: 'Omar' });
  const filler = await registerPerson(cw, EBL, { ...iraqi, givenName: 'Hemin', familyName: 'Salih' });
  await place(cw, { personId: filler.id, openingId: openings.full.id });

  welderProfile = await saveProfile(cw, welder.id, {
    educationLevel: 'vocational',
    workExperience: [{ title: 'Welder', sector: 'construction', years: 6 }],
    skills: ['Welding', ' forklift '],
    languages: ['KU', 'ar'],
    preferredLocations: ['Erbil'],
  });
  await saveProfile(cw, fromDuhok.id, {
    workExperience: [{ title: 'Welder', sector: 'construction', years: 4 }],
    skills: ['welding'],
    languages: ['ku', 'ar'],
  });
  await saveProfile(cw, receptionist.id, {
    educationLevel: 'higher',
    workExperience: [{ title: 'Receptionist', sector: 'hospitality', years: 2 }],
    skills: ['customer service'],
    languages: ['ku', 'en'],
    preferredSectors: ['hospitality'],
    preferredLocations: ['Hewlêr'],
  });
});
afterAll(() => t.close());

describe('skills profiles', () => {
  it('stores skills and languages as normalised tags', () => {
    expect(welderProfile).toMatchObject({
      personId: welder.id,
      educationLevel: 'vocational',
      skills: ['welding', 'forklift'],
      languages: ['ku', 'ar'],
      version: 1,
    });
    expect(openings.workshop.skills).toEqual(['welding', 'metal-fabrication']);
  });
});

describe('openings for a returnee', () => {
  it('ranks the Erbil site > the Duhok workshop > the Erbil hotel asking for English, with the reasons', async () => {
    const body = await matchesOf('cw.erbil@x.test', welder.id);
    expect(body.hasProfile).toBe(true);
    expect(body.items.map((i) => [i.opening.title, i.score])).toEqual([
      ['Welder, building site', 100],
      ['Welder, workshop', 46],
      ['Receptionist', 20],
    ]);
    const [site, workshop, hotel] = body.items;
    expect(site?.reasons).toEqual([
      { code: 'skills', points: 45, max: 45, matched: ['welding'], related: [], missing: [] },
      { code: 'sector', points: 20, max: 20, value: 'construction', via: 'experience' },
      { code: 'location', points: 20, max: 20, value: 'Erbil', via: 'preference' },
      { code: 'languages', points: 15, max: 15, matched: ['ku'], missing: [] },
    ]);
    expect(workshop?.reasons).toContainEqual({
      code: 'skills',
      points: 23,
      max: 45,
      matched: ['welding'],
      related: [],
      missing: ['metal-fabrication'],
    });
    expect(workshop?.reasons).toContainEqual({
      code: 'location',
      points: 8,
      max: 20,
      value: 'IQ',
      via: 'country',
    });
    expect(hotel?.reasons).toContainEqual({
      code: 'languages',
      points: 0,
      max: 15,
      matched: [],
      missing: ['en'],
    });
  });

  it('never proposes a closed or full opening, nor one out of the reader’s scope', async () => {
    const ids = (await matchesOf('cw.erbil@x.test', welder.id)).items.map((i) => i.opening.id);
    expect(ids).not.toContain(openings.closed.id);
    expect(ids).not.toContain(openings.full.id);
    expect(ids).not.toContain(openings.berlin.id);
    expect(openings.closed).toMatchObject({ status: 'closed', available: false });
    const full = expectJson<OpeningBody>(
      await as('cw.erbil@x.test').inject({
        method: 'GET',
        url: `/api/employment/openings/${openings.full.id}`,
      }),
    );
    expect(full).toMatchObject({ status: 'open', posts: 1, filled: 1, available: false });
  });

  it('says when there is no profile to match, and hides people the reader may not see', async () => {
    expect(await matchesOf('cw.erbil@x.test', noProfile.id)).toEqual({ hasProfile: false, items: [] });
    for (const email of ['cw.berlin@x.test', 'pm.erbil@x.test'] as const) {
      expectProblem(
        await as(email).inject({ method: 'GET', url: `/api/persons/${welder.id}/job-matches` }),
        404,
        'not_found',
      );
      expectProblem(
        await as(email).inject({ method: 'GET', url: `/api/persons/${welder.id}/skills-profile` }),
        404,
        'not_found',
      );
    }
  });
});

describe('returnees for an opening', () => {
  it('ranks the welder from Erbil > the welder from Duhok > the receptionist', async () => {
    const body = await candidatesOf('cw.erbil@x.test', openings.site.id);
    expect(body.openingAvailable).toBe(true);
    expect(body.items.map((i) => [i.person.givenName, i.score])).toEqual([
      ['Karwan', 100],
      ['Dilshad', 88],
      ['Shilan', 35],
    ]);
    expect(body.items[1]?.reasons).toContainEqual({
      code: 'location',
      points: 8,
      max: 20,
      value: 'IQ',
      via: 'country',
    });
    // "Hewlêr" is how Shilan wrote Erbil.
    expect(body.items[2]?.reasons).toContainEqual({
      code: 'location',
      points: 20,
      max: 20,
      value: 'Erbil',
      via: 'preference',
    });
  });

  it('leaves out who is already placed in the opening', async () => {
    await place(as('cw.erbil@x.test'), { personId: fromDuhok.id, openingId: openings.workshop.id });
    const body = await candidatesOf('cw.erbil@x.test', openings.workshop.id);
    expect(body.openingAvailable).toBe(false);
    expect(body.items.map((i) => i.person.givenName)).not.toContain('Dilshad');
    // Its only post is taken: the workshop is no longer proposed.
    const ids = (await matchesOf('cw.erbil@x.test', welder.id)).items.map((i) => i.opening.id);
    expect(ids).toEqual([openings.site.id, openings.hotel.id]);
  });

  it('proposes only people the reader may see, and no opening out of scope', async () => {
    // Employment reader without access to people's records: the opening, but nobody for it.
    expect((await candidatesOf('pm.erbil@x.test', openings.site.id)).items).toEqual([]);
    expectProblem(
      await as('cw.berlin@x.test').inject({
        method: 'GET',
        url: `/api/employment/openings/${openings.site.id}/candidates`,
      }),
      404,
      'not_found',
    );
    expect((await candidatesOf('cw.berlin@x.test', openings.berlin.id)).items).toEqual([]);
  });
});
