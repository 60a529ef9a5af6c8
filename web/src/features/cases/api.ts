import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import {
  type AssignSchema,
  AttachmentSchema,
  BulkAssignResultSchema,
  type CaseDetail,
  CaseDetailSchema,
  CaseListSchema,
  type CreateNoteSchema,
  type CreateTaskSchema,
  type DecisionSchema,
  NoteSchema,
  type OpenCaseSchema,
  type RejectSchema,
  type ReopenSchema,
  TaskSchema,
  type TransitionRequestSchema,
  type UpdateCaseSchema,
  type UpdateTaskSchema,
} from '../../../../src/modules/cases/contract';
import type { DocumentKind } from '../../../../src/modules/cases/workflow';
import { api, apiRequest, type QueryParams } from '../../shared/api/client';
import { personsKeys } from '../registry/api';

export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseTask = z.infer<typeof TaskSchema>;
export type CaseNote = z.infer<typeof NoteSchema>;
export type CaseAttachment = z.infer<typeof AttachmentSchema>;
export type CaseEvent = CaseDetail['timeline'][number];
export type AvailableTransition = CaseDetail['availableTransitions'][number];
export type TransitionRequest = z.output<typeof TransitionRequestSchema>;
export type UpdateCase = z.output<typeof UpdateCaseSchema>;

const TaskListSchema = z.object({ items: z.array(TaskSchema) });

export type CaseSort = 'updated_desc' | 'created_desc' | 'departure_asc' | 'reference_asc';

/** The list filters, as GET /cases takes them (statuses and types joined by commas). */
export interface CaseQuery extends QueryParams {
  q?: string;
  status?: string;
  caseType?: string;
  projectId?: string;
  officeId?: string;
  assignedTo?: string;
  nationality?: string;
  need?: string;
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  departureFrom?: string;
  departureTo?: string;
  sort?: CaseSort;
}

export const CASE_PAGE_SIZE = 50;
/** The largest attachment the server accepts. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const casesKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (query: CaseQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  myTasks: ['tasks', 'mine'] as const,
  myTaskList: (overdueOnly: boolean) => ['tasks', 'mine', { overdueOnly }] as const,
};

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function fetchCasePage(query: CaseQuery, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/cases', CaseListSchema, { ...query, cursor, limit: CASE_PAGE_SIZE }, signal);
}

export function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return api.get(casePath(id), CaseDetailSchema, undefined, signal);
}

export function openCase(body: z.output<typeof OpenCaseSchema>): Promise<CaseDetail> {
  return api.post('/cases', body, CaseDetailSchema);
}

export function updateCase(id: string, body: UpdateCase): Promise<CaseDetail> {
  return api.patch(casePath(id), body, CaseDetailSchema);
}

export function transitionCase(id: string, body: TransitionRequest): Promise<CaseDetail> {
  return api.post(`${casePath(id)}/transitions`, body, CaseDetailSchema);
}

export function approveCase(id: string, body: z.output<typeof DecisionSchema>): Promise<CaseDetail> {
  return api.post(`${casePath(id)}/approve`, body, CaseDetailSchema);
}

export function rejectCase(id: string, body: z.output<typeof RejectSchema>): Promise<CaseDetail> {
  return api.post(`${casePath(id)}/reject`, body, CaseDetailSchema);
}

export function reopenCase(id: string, body: z.output<typeof ReopenSchema>): Promise<CaseDetail> {
  return api.post(`${casePath(id)}/reopen`, body, CaseDetailSchema);
}

export function assignCase(id: string, body: z.output<typeof AssignSchema>): Promise<CaseDetail> {
  return api.put(`${casePath(id)}/assignee`, body, CaseDetailSchema);
}

export function bulkAssign(caseIds: string[], assigneeId: string | null) {
  return api.post('/cases/bulk-assign', { caseIds, assigneeId }, BulkAssignResultSchema);
}

export function addNote(id: string, body: z.output<typeof CreateNoteSchema>): Promise<CaseNote> {
  return api.post(`${casePath(id)}/notes`, body, NoteSchema);
}

export function addTask(id: string, body: z.output<typeof CreateTaskSchema>): Promise<CaseTask> {
  return api.post(`${casePath(id)}/tasks`, body, TaskSchema);
}

export function updateTask(taskId: string, body: z.output<typeof UpdateTaskSchema>): Promise<CaseTask> {
  return api.patch(`/tasks/${encodeURIComponent(taskId)}`, body, TaskSchema);
}

/** The signed-in user's tasks. */
export function fetchMyTasks(overdueOnly: boolean, signal?: AbortSignal): Promise<CaseTask[]> {
  return api
    .get(
      '/tasks',
      TaskListSchema,
      { overdue: overdueOnly ? 'true' : undefined, includeDone: 'false' },
      signal,
    )
    .then((page) => page.items);
}

/** Attaches a file; `documentKind` says what it is, when a step requires a document of that kind. */
export function uploadAttachment(
  id: string,
  file: File,
  documentKind?: DocumentKind,
): Promise<CaseAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest(`${casePath(id)}/attachments`, {
    method: 'POST',
    body: form,
    query: { documentKind },
    schema: AttachmentSchema,
  });
}

export function attachmentUrl(caseId: string, attachmentId: string): string {
  return `/api${casePath(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

function storeCase(queryClient: QueryClient, detail: CaseDetail) {
  queryClient.setQueryData(casesKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: casesKeys.lists });
  void queryClient.invalidateQueries({ queryKey: personsKeys.cases(detail.personId) });
}

/** Puts a case returned by the server in the cache and marks the lists that show it stale. */
export function useStoreCase(): (detail: CaseDetail) => void {
  const queryClient = useQueryClient();
  return useCallback((detail: CaseDetail) => storeCase(queryClient, detail), [queryClient]);
}

/** After a change inside a case (note, task, attachment): fetch it again, and the task lists. */
export function useRefreshCase(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string) => {
      void queryClient.invalidateQueries({ queryKey: casesKeys.myTasks });
      await queryClient.invalidateQueries({ queryKey: casesKeys.detail(id) });
    },
    [queryClient],
  );
}
