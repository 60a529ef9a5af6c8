import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type Project, ProjectSchema } from '../../../../src/modules/projects/contract';
import { api } from '../../shared/api/client';

const ProjectListSchema = z.object({ items: z.array(ProjectSchema) });

export const projectsQueryKey = ['projects'] as const;
export const projectKey = (id: string) => ['projects', 'detail', id] as const;

export function fetchProjects(signal?: AbortSignal): Promise<Project[]> {
  return api.get('/projects', ProjectListSchema, undefined, signal).then((page) => page.items);
}

export function useProjects(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: projectsQueryKey,
    queryFn: ({ signal }) => fetchProjects(signal),
    enabled: options.enabled ?? true,
  });
}

export function fetchProject(id: string, signal?: AbortSignal): Promise<Project> {
  return api.get(`/projects/${encodeURIComponent(id)}`, ProjectSchema, undefined, signal);
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKey(id), queryFn: ({ signal }) => fetchProject(id, signal) });
}
