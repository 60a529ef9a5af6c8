import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import {
  CandidateListSchema,
  type CreateEmployerSchema,
  type CreateOpeningSchema,
  type Employer,
  EmployerSchema,
  type FollowUp,
  JobMatchListSchema,
  type Opening,
  OpeningSchema,
  type Placement,
  PlacementSchema,
  type RecordFollowUpSchema,
  type RecordPlacementSchema,
  type SaveProfileSchema,
  type SkillsProfile,
  SkillsProfileSchema,
  type UpdateEmployerSchema,
  type UpdateOpeningSchema,
  type UpdatePlacementSchema,
} from '../../../../src/modules/employment/contract';
import { api, isApiError, type QueryParams } from '../../shared/api/client';

export type { Employer, FollowUp, Opening, Placement, SkillsProfile };
export type Candidate = z.infer<typeof CandidateListSchema>['items'][number];
export type JobMatch = z.infer<typeof JobMatchListSchema>['items'][number];
export type CreateEmployerBody = z.input<typeof CreateEmployerSchema>;
export type UpdateEmployerBody = z.input<typeof UpdateEmployerSchema>;
export type CreateOpeningBody = z.input<typeof CreateOpeningSchema>;
export type UpdateOpeningBody = z.input<typeof UpdateOpeningSchema>;
export type SaveProfileBody = z.input<typeof SaveProfileSchema>;
export type PlacementBody = z.input<typeof RecordPlacementSchema>;
export type UpdatePlacementBody = z.input<typeof UpdatePlacementSchema>;
export type FollowUpBody = z.input<typeof RecordFollowUpSchema>;

export interface OpeningFilters extends QueryParams {
  status?: string;
  sector?: string;
  location?: string;
  employerId?: string;
}

export interface PlacementFilters extends QueryParams {
  openingId?: string;
  personId?: string;
  followUp?: string;
}

const EmployerListSchema = z.object({ items: z.array(EmployerSchema) });
const OpeningListSchema = z.object({ items: z.array(OpeningSchema) });
const PlacementListSchema = z.object({ items: z.array(PlacementSchema) });
const id = encodeURIComponent;

export const employmentKeys = {
  all: ['employment'] as const,
  employers: (q: QueryParams = {}) => ['employment', 'employers', q] as const,
  employer: (employerId: string) => ['employment', 'employer', employerId] as const,
  openings: (filters: OpeningFilters) => ['employment', 'openings', filters] as const,
  opening: (openingId: string) => ['employment', 'opening', openingId] as const,
  candidates: (openingId: string) => ['employment', 'candidates', openingId] as const,
  placements: (filters: PlacementFilters) => ['employment', 'placements', filters] as const,
  profile: (personId: string) => ['employment', 'profile', personId] as const,
  matches: (personId: string) => ['employment', 'matches', personId] as const,
};

export function useEmployers(query: QueryParams = {}) {
  return useQuery({
    queryKey: employmentKeys.employers(query),
    queryFn: ({ signal }): Promise<Employer[]> =>
      api.get('/employment/employers', EmployerListSchema, query, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useOpenings(filters: OpeningFilters) {
  return useQuery({
    queryKey: employmentKeys.openings(filters),
    queryFn: ({ signal }): Promise<Opening[]> =>
      api.get('/employment/openings', OpeningListSchema, filters, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useOpening(openingId: string) {
  return useQuery({
    queryKey: employmentKeys.opening(openingId),
    queryFn: ({ signal }) =>
      api.get(`/employment/openings/${id(openingId)}`, OpeningSchema, undefined, signal),
  });
}

export function useCandidates(openingId: string) {
  return useQuery({
    queryKey: employmentKeys.candidates(openingId),
    queryFn: ({ signal }) =>
      api.get(`/employment/openings/${id(openingId)}/candidates`, CandidateListSchema, undefined, signal),
  });
}

export function usePlacements(filters: PlacementFilters) {
  return useQuery({
    queryKey: employmentKeys.placements(filters),
    queryFn: ({ signal }): Promise<Placement[]> =>
      api.get('/employment/placements', PlacementListSchema, filters, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** The person's skills profile; null when none is recorded yet (the server answers 404). */
export function useSkillsProfile(personId: string) {
  return useQuery({
    queryKey: employmentKeys.profile(personId),
    queryFn: ({ signal }) =>
      api
        .get(`/persons/${id(personId)}/skills-profile`, SkillsProfileSchema, undefined, signal)
        .catch((error: unknown) => {
          if (isApiError(error, 'not_found')) return null;
          throw error;
        }),
  });
}

export function useJobMatches(personId: string) {
  return useQuery({
    queryKey: employmentKeys.matches(personId),
    queryFn: ({ signal }) =>
      api.get(`/persons/${id(personId)}/job-matches`, JobMatchListSchema, undefined, signal),
  });
}

export const employmentApi = {
  createEmployer: (body: CreateEmployerBody) => api.post('/employment/employers', body, EmployerSchema),
  updateEmployer: (employerId: string, body: UpdateEmployerBody) =>
    api.patch(`/employment/employers/${id(employerId)}`, body, EmployerSchema),
  createOpening: (body: CreateOpeningBody) => api.post('/employment/openings', body, OpeningSchema),
  updateOpening: (openingId: string, body: UpdateOpeningBody) =>
    api.patch(`/employment/openings/${id(openingId)}`, body, OpeningSchema),
  saveProfile: (personId: string, body: SaveProfileBody) =>
    api.put(`/persons/${id(personId)}/skills-profile`, body, SkillsProfileSchema),
  place: (body: PlacementBody) => api.post('/employment/placements', body, PlacementSchema),
  updatePlacement: (placementId: string, body: UpdatePlacementBody) =>
    api.patch(`/employment/placements/${id(placementId)}`, body, PlacementSchema),
  recordFollowUp: (placementId: string, body: FollowUpBody) =>
    api.post(`/employment/placements/${id(placementId)}/follow-ups`, body, PlacementSchema),
};

/** After any employment write: lists, openings (posts filled), candidates and matches may all change. */
export function useRefreshEmployment(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: employmentKeys.all }), [queryClient]);
}
