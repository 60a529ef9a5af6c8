/** The case list's filters: kept in the address (shareable, restored by "back"), sent as GET /cases query. */
import type { CaseQuery, CaseSort } from './api';

export const CASE_SORTS: readonly CaseSort[] = [
  'updated_desc',
  'created_desc',
  'departure_asc',
  'reference_asc',
];

export interface CaseFilters {
  q: string;
  status: string[];
  caseType: string;
  projectId: string;
  officeId: string;
  /** '' (anyone), 'me', 'none' or a user id. */
  assignedTo: string;
  nationality: string;
  need: string;
  createdFrom: string;
  createdTo: string;
  updatedFrom: string;
  updatedTo: string;
  departureFrom: string;
  departureTo: string;
  sort: CaseSort;
}

export const NO_CASE_FILTERS: CaseFilters = {
  q: '',
  status: [],
  caseType: '',
  projectId: '',
  officeId: '',
  assignedTo: '',
  nationality: '',
  need: '',
  createdFrom: '',
  createdTo: '',
  updatedFrom: '',
  updatedTo: '',
  departureFrom: '',
  departureTo: '',
  sort: 'updated_desc',
};

type TextFilter = Exclude<keyof CaseFilters, 'status' | 'sort'>;
const TEXT_FILTERS: readonly TextFilter[] = [
  'q',
  'caseType',
  'projectId',
  'officeId',
  'assignedTo',
  'nationality',
  'need',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'departureFrom',
  'departureTo',
];

/** The filters that are behind "More filters". */
export const SECONDARY_FILTERS: readonly TextFilter[] = [
  'nationality',
  'need',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'departureFrom',
  'departureTo',
];

function isSort(value: string | null): value is CaseSort {
  return value !== null && (CASE_SORTS as readonly string[]).includes(value);
}

export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const filters: CaseFilters = { ...NO_CASE_FILTERS, status: [] };
  for (const key of TEXT_FILTERS) filters[key] = params.get(key) ?? '';
  filters.status = (params.get('status') ?? '').split(',').filter(Boolean);
  const sort = params.get('sort');
  if (isSort(sort)) filters.sort = sort;
  return filters;
}

export function filtersToParams(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_FILTERS) if (filters[key].trim()) params.set(key, filters[key].trim());
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.sort !== NO_CASE_FILTERS.sort) params.set('sort', filters.sort);
  return params;
}

/** The GET /cases query: empty filters left out, statuses joined with commas, the sort always explicit. */
export function toCaseQuery(filters: CaseFilters): CaseQuery {
  const query: CaseQuery = {};
  for (const key of TEXT_FILTERS) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  if (filters.status.length > 0) query.status = filters.status.join(',');
  query.sort = filters.sort;
  return query;
}
