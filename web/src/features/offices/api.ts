import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CreateOfficeSchema,
  type Office,
  OfficeSchema,
  type UpdateOfficeSchema,
} from '../../../../src/modules/identity/contract';
import { api } from '../../shared/api/client';

const OfficeListSchema = z.object({ items: z.array(OfficeSchema) });

export const officesQueryKey = ['offices'] as const;

export function fetchOffices(signal?: AbortSignal): Promise<Office[]> {
  return api.get('/offices', OfficeListSchema, undefined, signal).then((page) => page.items);
}

export function useOffices({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: officesQueryKey, queryFn: ({ signal }) => fetchOffices(signal), enabled });
}

export function createOffice(body: z.output<typeof CreateOfficeSchema>): Promise<Office> {
  return api.post('/offices', body, OfficeSchema);
}

export function updateOffice(id: string, body: z.output<typeof UpdateOfficeSchema>): Promise<Office> {
  return api.patch(`/offices/${encodeURIComponent(id)}`, body, OfficeSchema);
}
