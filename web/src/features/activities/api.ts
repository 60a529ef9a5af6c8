import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import {
  type Activity,
  ActivityListSchema,
  ActivitySchema,
  type ActivitySummary,
  type Campaign,
  CampaignListSchema,
  CampaignSchema,
  type CreateActivitySchema,
  type CreateCampaignSchema,
  type UpdateActivitySchema,
  type UpdateCampaignSchema,
} from '../../../../src/modules/activities/contract';
import { api, type QueryParams } from '../../shared/api/client';

export type { Activity, ActivitySummary, Campaign };
export type CreateActivityBody = z.input<typeof CreateActivitySchema>;
export type UpdateActivityBody = z.input<typeof UpdateActivitySchema>;
export type CreateCampaignBody = z.input<typeof CreateCampaignSchema>;
export type UpdateCampaignBody = z.input<typeof UpdateCampaignSchema>;
export type ActivityPage = z.infer<typeof ActivityListSchema>;
export type CampaignPage = z.infer<typeof CampaignListSchema>;

export const PAGE_SIZE = 50;

export const activitiesKeys = {
  all: ['activities'] as const,
  activities: (filters: QueryParams) => ['activities', 'list', filters] as const,
  activity: (id: string) => ['activities', 'detail', id] as const,
  campaigns: (filters: QueryParams) => ['activities', 'campaigns', filters] as const,
};

function fetchActivityPage(
  filters: QueryParams,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  return api.get('/activities', ActivityListSchema, { ...filters, cursor, limit: PAGE_SIZE }, signal);
}

function fetchCampaignPage(
  filters: QueryParams,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CampaignPage> {
  return api.get('/campaigns', CampaignListSchema, { ...filters, cursor, limit: PAGE_SIZE }, signal);
}

export function useActivities(filters: QueryParams) {
  return useInfiniteQuery({
    queryKey: activitiesKeys.activities(filters),
    queryFn: ({ pageParam, signal }) => fetchActivityPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCampaigns(filters: QueryParams) {
  return useInfiniteQuery({
    queryKey: activitiesKeys.campaigns(filters),
    queryFn: ({ pageParam, signal }) => fetchCampaignPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One activity with its participant groups (the list has only their total). */
export function useActivity(id: string | null) {
  return useQuery({
    queryKey: activitiesKeys.activity(id ?? ''),
    queryFn: ({ signal }): Promise<Activity> =>
      api.get(`/activities/${encodeURIComponent(id ?? '')}`, ActivitySchema, undefined, signal),
    enabled: id !== null,
  });
}

export const activitiesApi = {
  createActivity: (body: CreateActivityBody) => api.post('/activities', body, ActivitySchema),
  updateActivity: (id: string, body: UpdateActivityBody) =>
    api.patch(`/activities/${encodeURIComponent(id)}`, body, ActivitySchema),
  createCampaign: (body: CreateCampaignBody) => api.post('/campaigns', body, CampaignSchema),
  updateCampaign: (id: string, body: UpdateCampaignBody) =>
    api.patch(`/campaigns/${encodeURIComponent(id)}`, body, CampaignSchema),
};

/** After a write: every list (and the project indicators, which count trainings and reach). */
export function useRefreshActivities(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    await queryClient.invalidateQueries({ queryKey: activitiesKeys.all });
  }, [queryClient]);
}
