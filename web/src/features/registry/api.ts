import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import { CaseSummarySchema } from '../../../../src/modules/cases/contract';
import {
  type AddConsentSchema,
  type AddDocumentSchema,
  AddedDocumentSchema,
  ConsentSchema,
  CreatePersonResultSchema,
  type CreatePersonSchema,
  type DocumentSchema,
  DuplicateCandidateSchema,
  type LinkHouseholdSchema,
  type MatchCheckSchema,
  MatchListSchema,
  MergeRecordSchema,
  type Person,
  PersonDetailSchema,
  PersonSchema,
  PersonSummarySchema,
  ScanSchema,
  type UpdatePersonSchema,
} from '../../../../src/modules/registry/contract';
import { api } from '../../shared/api/client';

export type PersonDetail = z.infer<typeof PersonDetailSchema>;
export type PersonDocument = z.infer<typeof DocumentSchema>;
export type PersonSummary = z.infer<typeof PersonSummarySchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type Match = z.infer<typeof CreatePersonResultSchema>['matches'][number];
export type MatchCheck = z.input<typeof MatchCheckSchema>;
export type MergeRecord = z.infer<typeof MergeRecordSchema>;
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;
export type DuplicateStatus = DuplicateCandidate['status'];
export type DuplicateScan = z.infer<typeof ScanSchema>;
export type CreatePerson = z.input<typeof CreatePersonSchema>;
export type UpdatePerson = z.output<typeof UpdatePersonSchema>;

const PersonListSchema = z.object({ items: z.array(PersonSummarySchema) });
const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) });
const DocumentNumberSchema = z.object({ number: z.string() });

export interface PersonSearch {
  q?: string;
  officeId?: string;
  nationality?: string;
  limit?: number;
}

export const personsKeys = {
  all: ['persons'] as const,
  lists: ['persons', 'list'] as const,
  list: (search: PersonSearch) => ['persons', 'list', search] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
  cases: (id: string) => ['persons', 'cases', id] as const,
  matches: (id: string) => ['persons', 'matches', id] as const,
  merges: (id: string) => ['persons', 'merges', id] as const,
};

export const duplicatesKeys = {
  all: ['duplicates'] as const,
  list: (status: DuplicateStatus) => ['duplicates', 'list', status] as const,
  scans: ['duplicates', 'scans'] as const,
};

const personPath = (id: string) => `/persons/${encodeURIComponent(id)}`;

export function searchPersons(search: PersonSearch, signal?: AbortSignal) {
  return api.get('/persons', PersonListSchema, { ...search }, signal).then((page) => page.items);
}

/** Created (`person` set) or, when probable matches exist and were not acknowledged, only `matches`. */
export function createPerson(body: CreatePerson) {
  return api.post('/persons', body, CreatePersonResultSchema);
}

export function fetchPerson(id: string, signal?: AbortSignal): Promise<PersonDetail> {
  return api.get(personPath(id), PersonDetailSchema, undefined, signal);
}

export function updatePerson(id: string, body: UpdatePerson): Promise<Person> {
  return api.patch(personPath(id), body, PersonSchema);
}

/** Adds a document; the answer names the records the user may read that hold the same document. */
export function addDocument(id: string, body: z.output<typeof AddDocumentSchema>) {
  return api.post(`${personPath(id)}/documents`, body, AddedDocumentSchema);
}

/** The full number of a document. The server records every such read in the audit log. */
export function revealDocumentNumber(id: string, documentId: string) {
  return api
    .get(`${personPath(id)}/documents/${encodeURIComponent(documentId)}/number`, DocumentNumberSchema)
    .then((result) => result.number);
}

export function removeDocument(id: string, documentId: string) {
  return api.delete(`${personPath(id)}/documents/${encodeURIComponent(documentId)}`);
}

export function addConsent(id: string, body: z.output<typeof AddConsentSchema>) {
  return api.post(`${personPath(id)}/consents`, body, ConsentSchema);
}

export function withdrawConsent(id: string, consentId: string, withdrawnOn: string) {
  return api.post(
    `${personPath(id)}/consents/${encodeURIComponent(consentId)}/withdraw`,
    { withdrawnOn },
    ConsentSchema,
  );
}

export function linkHousehold(id: string, body: z.output<typeof LinkHouseholdSchema>) {
  return api.put(`${personPath(id)}/household`, body, PersonDetailSchema);
}

export function leaveHousehold(id: string) {
  return api.delete(`${personPath(id)}/household`);
}

export function fetchPersonCases(id: string, signal?: AbortSignal) {
  return api.get(`${personPath(id)}/cases`, CaseListSchema, undefined, signal).then((page) => page.items);
}

// ---- matching and duplicates -------------------------------------------------------------------------

const MergeRecordListSchema = z.object({ items: z.array(MergeRecordSchema) });
const DuplicateListSchema = z.object({
  items: z.array(DuplicateCandidateSchema),
  reachingOutside: z.number().int(),
});
const ScanListSchema = z.object({ items: z.array(ScanSchema) });
const MergedSchema = z.object({ mergeId: z.string() });

/** Who a person being edited (or registered) may already be, before saving: scored, best first. */
export function checkMatches(body: MatchCheck): Promise<Match[]> {
  return api.post('/persons/match-check', body, MatchListSchema).then((result) => result.matches);
}

export function fetchPersonMatches(id: string, signal?: AbortSignal): Promise<Match[]> {
  return api.get(`${personPath(id)}/matches`, MatchListSchema, undefined, signal).then((r) => r.matches);
}

/** The records merged into a person, newest first (undone ones included). */
export function fetchPersonMerges(id: string, signal?: AbortSignal): Promise<MergeRecord[]> {
  return api.get(`${personPath(id)}/merges`, MergeRecordListSchema, undefined, signal).then((r) => r.items);
}

/** Merges `mergeId` into `keepId` (same person): its cases, documents, consents and aliases move. */
export function mergePersons(body: { keepId: string; mergeId: string }) {
  return api.post('/persons/merge', body, MergedSchema);
}

export function undoMerge(mergeId: string) {
  return api.post(`/person-merges/${encodeURIComponent(mergeId)}/undo`, {});
}

/** The pairs of one status, and how many open pairs reach into offices the reviewer does not review. */
export function fetchDuplicates(
  status: DuplicateStatus,
  signal?: AbortSignal,
): Promise<{ items: DuplicateCandidate[]; reachingOutside: number }> {
  return api.get('/duplicates', DuplicateListSchema, { status }, signal);
}

export function fetchScans(signal?: AbortSignal): Promise<DuplicateScan[]> {
  return api.get('/duplicates/scans', ScanListSchema, undefined, signal).then((r) => r.items);
}

/** Starts a scan of one office (or of every office where the user reviews duplicates, with `null`). */
export function startScan(officeId: string | null) {
  return api.post('/duplicates/scans', { officeId }, z.object({ scanId: z.string() }));
}

/** Decides a candidate pair is one person: merges the other record into `keepId`. */
export function mergeCandidate(candidateId: string, keepId: string) {
  return api.post(`/duplicates/${encodeURIComponent(candidateId)}/merge`, { keepId }, MergedSchema);
}

/** Decides a candidate pair is two people: never proposed again. */
export function markDifferent(candidateId: string) {
  return api.post(`/duplicates/${encodeURIComponent(candidateId)}/different`, {});
}

/** After a merge or its undoing: every person, list, match and candidate pair may have changed. */
export function useRefreshAfterMerge(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: personsKeys.all }),
      queryClient.invalidateQueries({ queryKey: duplicatesKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
    ]);
  }, [queryClient]);
}

function storePerson(queryClient: QueryClient, person: Person | PersonDetail) {
  queryClient.setQueryData<PersonDetail>(personsKeys.detail(person.id), (old) =>
    old ? { ...old, ...person } : 'documents' in person ? person : old,
  );
  void queryClient.invalidateQueries({ queryKey: personsKeys.lists });
}

/** Puts a person returned by the server in the cache (merged into the detail) and marks lists stale. */
export function useStorePerson(): (person: Person | PersonDetail) => void {
  const queryClient = useQueryClient();
  return useCallback((person: Person | PersonDetail) => storePerson(queryClient, person), [queryClient]);
}

/** After a change to a person's documents, consents or household: fetch the record again. */
export function useRefreshPerson(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string) => {
      void queryClient.invalidateQueries({ queryKey: personsKeys.lists });
      await queryClient.invalidateQueries({ queryKey: personsKeys.detail(id) });
    },
    [queryClient],
  );
}
