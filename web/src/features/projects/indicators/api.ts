import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type ProjectIndicators,
  ProjectIndicatorsSchema,
} from '../../../../../src/modules/indicators/contract';
import { api } from '../../../shared/api/client';

export type { ProjectIndicators };

export function useProjectIndicators(projectId: string, suppress: boolean) {
  return useQuery({
    queryKey: ['indicators', projectId, { suppress }] as const,
    queryFn: ({ signal }) =>
      api.get(
        `/projects/${encodeURIComponent(projectId)}/indicators`,
        ProjectIndicatorsSchema,
        { suppress: suppress ? 'true' : 'false' },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
