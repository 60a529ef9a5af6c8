/** Matches, duplicate candidate pairs, scans and merge records, as the registry API returns them. */
import type { z } from 'zod';
import type {
  DuplicateCandidateSchema,
  MergeRecordSchema,
  PersonMatch,
  ScanSchema,
} from '../../../src/modules/registry/contract';
import { PARIS_ID } from './fixtures';
import { makePersonSummary, OTHER_PERSON_ID, PERSON_ID } from './fixtures-cases';

export const CANDIDATE_ID = 'c1c1c1c1-c1c1-4c1c-8c1c-c1c1c1c1c1c1';
export const SCAN_ID = 'd2d2d2d2-d2d2-4d2d-8d2d-d2d2d2d2d2d2';
export const MERGE_ID = 'e3e3e3e3-e3e3-4e3e-8e3e-e3e3e3e3e3e3';

/** Why "Mohammed Al-Hassan" (1990-03-12) and "Muhamad Alhasan" (1990-12-03) may be one person. */
export const PAIR_REASONS = [
  { code: 'name.variant', part: 'given', a: 'Mohammed', b: 'Muhamad' },
  { code: 'name.transliteration', part: 'family', a: 'Al-Hassan', b: 'Alhasan' },
  { code: 'birthDate.dayMonthSwapped' },
  { code: 'sex.same' },
  { code: 'nationality.same' },
  { code: 'place.conflict', a: 'Mossoul', b: 'Erbil' },
];

export const MOHAMMED = makePersonSummary({
  id: PERSON_ID,
  reference: 'PAR-P-000123',
  givenName: 'Mohammed',
  familyName: 'Al-Hassan',
  givenNameOriginal: 'محمد',
  familyNameOriginal: 'الحسن',
  sex: 'male',
  birthDate: '1990-03-12',
  birthDatePrecision: 'exact',
  nationalities: ['IQ'],
  caseCount: 1,
});

export const MUHAMAD = makePersonSummary({
  id: OTHER_PERSON_ID,
  reference: 'PAR-P-000200',
  givenName: 'Muhamad',
  familyName: 'Alhasan',
  givenNameOriginal: null,
  familyNameOriginal: null,
  sex: 'male',
  birthDate: '1990-12-03',
  birthDatePrecision: 'exact',
  nationalities: ['IQ'],
  caseCount: 0,
});

export function makeMatch(overrides: Partial<PersonMatch> = {}): PersonMatch {
  return { person: MUHAMAD, score: 0.934, likely: true, reasons: PAIR_REASONS, ...overrides };
}

type Candidate = z.infer<typeof DuplicateCandidateSchema>;
export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: CANDIDATE_ID,
    score: 0.934,
    reasons: PAIR_REASONS,
    status: 'open',
    foundAt: '2025-03-01T10:00:00.000Z',
    decidedByName: null,
    keptId: null,
    a: { ...MOHAMMED, fatherName: 'Ali', placeOfOrigin: 'Mossoul', aliases: [] },
    b: {
      ...MUHAMAD,
      fatherName: null,
      placeOfOrigin: 'Erbil',
      aliases: [{ name: 'Abu Ali', script: 'latin' }],
    },
    ...overrides,
  };
}

type Scan = z.infer<typeof ScanSchema>;
export function makeScan(overrides: Partial<Scan> = {}): Scan {
  return {
    id: SCAN_ID,
    officeId: PARIS_ID,
    status: 'done',
    automatic: false,
    startedByName: 'Alice Martin',
    startedAt: '2025-03-01T09:59:00.000Z',
    finishedAt: '2025-03-01T10:00:00.000Z',
    persons: 1200,
    comparisons: 5400,
    candidates: 3,
    newCandidates: 1,
    ...overrides,
  };
}

type MergeRecord = z.infer<typeof MergeRecordSchema>;
export function makeMergeRecord(overrides: Partial<MergeRecord> = {}): MergeRecord {
  return {
    id: MERGE_ID,
    mergedPersonId: OTHER_PERSON_ID,
    mergedReference: 'PAR-P-000200',
    mergedName: 'Muhamad Alhasan',
    mergedByName: 'Alice Martin',
    mergedAt: '2025-03-02T10:00:00.000Z',
    undoneAt: null,
    moved: { cases: 1, documents: 0, consents: 1, aliases: 1 },
    ...overrides,
  };
}
