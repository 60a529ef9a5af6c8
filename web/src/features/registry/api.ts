import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import { CaseSummarySchema } from '../../../../src/modules/cases/contract';
import {
  type AddConsentSchema,
  type AddDocumentSchema,
  ConsentSchema,
  CreatePersonResultSchema,
  type CreatePersonSchema,
  DocumentSchema,
  type LinkHouseholdSchema,
  type Person,
  PersonDetailSchema,
  PersonSchema,
  PersonSummarySchema,
  type UpdatePersonSchema,
} from '../../../../src/modules/registry/contract';
import { api } from '../../shared/api/client';

export type PersonDetail = z.infer<typeof PersonDetailSchema>;
export type PersonDocument = z.infer<typeof DocumentSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type Match = z.infer<typeof CreatePersonResultSchema>['matches'][number];
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

export function addDocument(id: string, body: z.output<typeof AddDocumentSchema>) {
  return api.post(`${personPath(id)}/documents`, body, DocumentSchema);
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
