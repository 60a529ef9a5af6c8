import type { Me } from '../../../src/modules/identity/contract';
import type {
  Candidate,
  Employer,
  JobMatch,
  Opening,
  Placement,
  SkillsProfile,
} from '../features/employment/api';
import { makeMe } from './fixtures';
import { PERSON_ID } from './fixtures-cases';

export const ERBIL_ID = '13131313-1313-4131-8131-131313131313';
export const EMPLOYER_ID = '14141414-1414-4141-8141-141414141414';
export const OPENING_ID = '15151515-1515-4151-8151-151515151515';
export const PLACEMENT_ID = '16161616-1616-4161-8161-161616161616';
export const KARZAN_ID = '17171717-1717-4171-8171-171717171717';

/** A caseworker of the Erbil office (MAGNET II): employment and registry. */
export function makeErbilCaseworker(overrides: Partial<Me> = {}): Me {
  return makeMe({
    memberships: [{ officeId: ERBIL_ID, officeCode: 'ERBIL', officeName: 'Erbil', role: 'caseworker' }],
    permissions: [
      'offices.read',
      'projects.read',
      'persons.read',
      'persons.write',
      'employment.read',
      'employment.write',
    ],
    ...overrides,
  });
}

export function makeEmployer(overrides: Partial<Employer> = {}): Employer {
  return {
    id: EMPLOYER_ID,
    officeId: ERBIL_ID,
    officeCode: 'ERBIL',
    name: 'Hawler Steel',
    sector: 'construction',
    country: 'IQ',
    location: 'Erbil',
    contactName: 'Dilan Aziz',
    phone: '+964 750 000 0000',
    email: 'jobs@hawlersteel.example',
    openOpenings: 1,
    version: 1,
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  };
}

export function makeOpening(overrides: Partial<Opening> = {}): Opening {
  return {
    id: OPENING_ID,
    employer: { id: EMPLOYER_ID, name: 'Hawler Steel' },
    officeId: ERBIL_ID,
    officeCode: 'ERBIL',
    title: 'Soudeur',
    description: null,
    sector: 'construction',
    country: 'IQ',
    location: 'Erbil',
    skills: ['welding', 'forklift-driving', 'blueprint-reading'],
    languages: ['ku', 'ar'],
    posts: 2,
    filled: 1,
    status: 'open',
    available: true,
    openedOn: '2025-02-01',
    version: 3,
    createdAt: '2025-02-01T09:00:00.000Z',
    updatedAt: '2025-02-01T09:00:00.000Z',
    ...overrides,
  };
}

/** Karzan first (82): welding matched, forklift suggested by a job, blueprints missing; then Amina (35). */
export function makeCandidates(): Candidate[] {
  return [
    {
      person: {
        id: KARZAN_ID,
        reference: 'ERB-P-000007',
        givenName: 'Karzan',
        familyName: 'Hamad',
        sex: 'male',
        officeCode: 'ERBIL',
        placeOfOrigin: 'Erbil',
      },
      score: 82,
      reasons: [
        {
          code: 'skills',
          points: 22,
          max: 45,
          matched: ['welding'],
          related: ['forklift-driving'],
          missing: ['blueprint-reading'],
        },
        { code: 'sector', points: 20, max: 20, value: 'construction', via: 'experience' },
        { code: 'location', points: 20, max: 20, value: 'Erbil', via: 'origin' },
        { code: 'languages', points: 15, max: 15, matched: ['ku', 'ar'], missing: [] },
      ],
    },
    {
      person: {
        id: PERSON_ID,
        reference: 'PAR-P-000123',
        givenName: 'Amina',
        familyName: 'Haddad',
        sex: 'female',
        officeCode: 'ERBIL',
        placeOfOrigin: null,
      },
      score: 35,
      reasons: [
        {
          code: 'skills',
          points: 0,
          max: 45,
          matched: [],
          related: [],
          missing: ['welding', 'forklift-driving', 'blueprint-reading'],
        },
        { code: 'sector', points: 20, max: 20, value: 'construction', via: 'preference' },
        { code: 'location', points: 8, max: 20, value: 'IQ', via: 'country' },
        { code: 'languages', points: 4, max: 15, matched: ['ar'], missing: ['ku'] },
      ],
    },
  ];
}

export function makeProfile(overrides: Partial<SkillsProfile> = {}): SkillsProfile {
  return {
    personId: PERSON_ID,
    educationLevel: 'secondary',
    workExperience: [{ title: 'Welder', sector: 'construction', years: 4 }],
    skills: ['welding'],
    languages: ['ar'],
    preferredSectors: ['construction'],
    preferredLocations: ['Duhok'],
    version: 2,
    updatedAt: '2025-02-10T09:00:00.000Z',
    ...overrides,
  };
}

export function makeJobMatch(): JobMatch {
  const [, amina] = makeCandidates();
  return { opening: makeOpening(), score: 35, reasons: amina?.reasons ?? [] };
}

export function makePlacement(overrides: Partial<Placement> = {}): Placement {
  return {
    id: PLACEMENT_ID,
    personId: KARZAN_ID,
    personName: 'Karzan Hamad',
    caseId: null,
    opening: { id: OPENING_ID, title: 'Soudeur', location: 'Erbil' },
    employer: { id: EMPLOYER_ID, name: 'Hawler Steel' },
    officeId: ERBIL_ID,
    startDate: '2025-01-05',
    outcome: 'employed',
    endedOn: null,
    recordedByName: 'Dilan Aziz',
    followUps: [
      {
        month: 3,
        dueDate: '2025-04-05',
        status: 'done',
        stillEmployed: true,
        checkedOn: '2025-04-06',
        note: null,
        recordedByName: 'Dilan Aziz',
      },
      {
        month: 6,
        dueDate: '2025-07-05',
        status: 'upcoming',
        stillEmployed: null,
        checkedOn: null,
        note: null,
        recordedByName: null,
      },
    ],
    version: 2,
    createdAt: '2025-01-05T09:00:00.000Z',
    ...overrides,
  };
}
