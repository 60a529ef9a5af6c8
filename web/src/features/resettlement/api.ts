import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AttachmentSchema } from '../../../../src/modules/cases/contract';
import type { DocumentKind } from '../../../../src/modules/cases/workflow';
import {
  type AddMemberSchema,
  type ArrivalSchema,
  type AttendanceSchema,
  type BatchView,
  BatchViewSchema,
  type BoardingSchema,
  type CancelBookingSchema,
  type CreateBatchSchema,
  type CreateMovementSchema,
  type CreateOrientationSessionSchema,
  FunnelSchema,
  type HandoverSchema,
  HealthFindingsSchema,
  type HouseholdView,
  HouseholdViewSchema,
  type MergeHouseholdsSchema,
  type MovementView,
  MovementViewSchema,
  OrientationSessionViewSchema,
  PipelineSchema,
  type RecordClearanceSchema,
  type RecordDecisionSchema,
  type RecordHealthSchema,
  type RecordReferralSchema,
  type SplitHouseholdSchema,
  SplitResultSchema,
  type StageGateSchema,
  type UpdateMovementSchema,
} from '../../../../src/modules/resettlement/contract';
import { api, isApiError } from '../../shared/api/client';
import { conflictCurrent } from '../../shared/components/conflict';
import { casesKeys, uploadAttachment } from '../cases/api';

export type { BatchView, HouseholdView, MovementView };
export type Member = HouseholdView['members'][number];
export type Blocker = HouseholdView['blockers'][number];
export type Pipeline = z.infer<typeof PipelineSchema>;
export type PipelineItem = Pipeline['items'][number];
export type Funnel = z.infer<typeof FunnelSchema>;
export type OrientationSession = z.infer<typeof OrientationSessionViewSchema>;
export type Booking = MovementView['bookings'][number];
export type CaseDocument = z.infer<typeof AttachmentSchema>;

export type ReferralBody = z.input<typeof RecordReferralSchema>;
export type AddMemberBody = z.input<typeof AddMemberSchema>;
export type SplitBody = z.input<typeof SplitHouseholdSchema>;
export type MergeBody = z.input<typeof MergeHouseholdsSchema>;
export type DecisionBody = z.input<typeof RecordDecisionSchema>;
export type HealthBody = z.input<typeof RecordHealthSchema>;
export type ClearanceBody = z.input<typeof RecordClearanceSchema>;
export type StageGateBody = z.input<typeof StageGateSchema>;
export type HandoverBody = z.input<typeof HandoverSchema>;
export type CreateBatchBody = z.input<typeof CreateBatchSchema>;
export type CreateMovementBody = z.input<typeof CreateMovementSchema>;
export type UpdateMovementBody = z.input<typeof UpdateMovementSchema>;
export type BoardingBody = z.input<typeof BoardingSchema>;
export type ArrivalBody = z.input<typeof ArrivalSchema>;
export type CancelBookingBody = z.input<typeof CancelBookingSchema>;
export type SessionBody = z.input<typeof CreateOrientationSessionSchema>;
export type AttendanceBody = z.input<typeof AttendanceSchema>;

export const resettlementKeys = {
  all: ['resettlement'] as const,
  household: (caseId: string) => ['resettlement', 'household', caseId] as const,
  findings: (caseId: string, assessmentId: string) =>
    ['resettlement', 'findings', caseId, assessmentId] as const,
  pipeline: (projectId: string, blocked: boolean) =>
    ['resettlement', 'pipeline', projectId, blocked] as const,
  pipelines: ['resettlement', 'pipeline'] as const,
  funnel: (projectId: string) => ['resettlement', 'funnel', projectId] as const,
  batches: (projectId: string) => ['resettlement', 'batches', projectId] as const,
  batch: (id: string) => ['resettlement', 'batch', id] as const,
  movements: (projectId: string) => ['resettlement', 'movements', projectId] as const,
  movement: (id: string) => ['resettlement', 'movement', id] as const,
  sessions: (projectId: string) => ['resettlement', 'sessions', projectId] as const,
};

const enc = encodeURIComponent;
const householdPath = (caseId: string) => `/cases/${enc(caseId)}/resettlement`;
const batchPath = (id: string) => `/resettlement/batches/${enc(id)}`;
const movementPath = (id: string) => `/resettlement/movements/${enc(id)}`;
const H = HouseholdViewSchema;
const BatchListSchema = z.object({ items: z.array(BatchViewSchema) });
const MovementListSchema = z.object({ items: z.array(MovementViewSchema) });
const SessionListSchema = z.object({ items: z.array(OrientationSessionViewSchema) });

// ---- reads ---------------------------------------------------------------------------------------

export function fetchHousehold(caseId: string, signal?: AbortSignal): Promise<HouseholdView> {
  return api.get(householdPath(caseId), H, undefined, signal);
}

export function useHousehold(caseId: string) {
  return useQuery({
    queryKey: resettlementKeys.household(caseId),
    queryFn: ({ signal }) => fetchHousehold(caseId, signal),
  });
}

export function usePipeline(projectId: string, blocked = false) {
  return useQuery({
    queryKey: resettlementKeys.pipeline(projectId, blocked),
    queryFn: ({ signal }) =>
      api.get('/resettlement/pipeline', PipelineSchema, { projectId, blocked: blocked || undefined }, signal),
    enabled: projectId !== '',
  });
}

export function useFunnel(projectId: string) {
  return useQuery({
    queryKey: resettlementKeys.funnel(projectId),
    queryFn: ({ signal }) => api.get('/resettlement/funnel', FunnelSchema, { projectId }, signal),
    enabled: projectId !== '',
  });
}

export function useBatches(projectId: string) {
  return useQuery({
    queryKey: resettlementKeys.batches(projectId),
    queryFn: ({ signal }) =>
      api.get('/resettlement/batches', BatchListSchema, { projectId }, signal).then((page) => page.items),
    enabled: projectId !== '',
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: resettlementKeys.batch(id),
    queryFn: ({ signal }) => api.get(batchPath(id), BatchViewSchema, undefined, signal),
  });
}

export function useMovements(projectId: string) {
  return useQuery({
    queryKey: resettlementKeys.movements(projectId),
    queryFn: ({ signal }) =>
      api
        .get('/resettlement/movements', MovementListSchema, { projectId }, signal)
        .then((page) => page.items),
    enabled: projectId !== '',
  });
}

export function useMovement(id: string) {
  return useQuery({
    queryKey: resettlementKeys.movement(id),
    queryFn: ({ signal }) => api.get(movementPath(id), MovementViewSchema, undefined, signal),
  });
}

export function useOrientationSessions(projectId: string, enabled = true) {
  return useQuery({
    queryKey: resettlementKeys.sessions(projectId),
    queryFn: ({ signal }) =>
      api
        .get('/resettlement/orientation-sessions', SessionListSchema, { projectId }, signal)
        .then((page) => page.items),
    enabled: enabled && projectId !== '',
  });
}

/** Health findings are sealed: read only on request (each read is audited), never cached for long. */
export function fetchFindings(caseId: string, assessmentId: string) {
  return api.get(`${householdPath(caseId)}/health/${enc(assessmentId)}/findings`, HealthFindingsSchema);
}

export function manifestUrl(movementId: string, format: 'pdf' | 'xlsx', reveal: boolean): string {
  return `/api${movementPath(movementId)}/manifest.${format}${reveal ? '?numbers=full' : ''}`;
}

// ---- writes --------------------------------------------------------------------------------------

/** Attaches a file to the case, classified as what a step requires (`?documentKind=`, ADR 0017 D4). */
export const uploadCaseDocument = (caseId: string, file: File, documentKind: DocumentKind) =>
  uploadAttachment(caseId, file, documentKind);

export const householdApi = {
  referral: (caseId: string, body: ReferralBody) => api.post(`${householdPath(caseId)}/referral`, body, H),
  addMember: (caseId: string, body: AddMemberBody) => api.post(`${householdPath(caseId)}/members`, body, H),
  split: (caseId: string, body: SplitBody) =>
    api.post(`${householdPath(caseId)}/split`, body, SplitResultSchema),
  merge: (caseId: string, body: MergeBody) => api.post(`${householdPath(caseId)}/merge`, body, H),
  decision: (caseId: string, body: DecisionBody) => api.post(`${householdPath(caseId)}/decision`, body, H),
  health: (caseId: string, body: HealthBody) => api.post(`${householdPath(caseId)}/health`, body, H),
  clearance: (caseId: string, body: ClearanceBody) =>
    api.post(`${householdPath(caseId)}/clearances`, body, H),
  clearHealth: (caseId: string, body: StageGateBody) =>
    api.post(`${householdPath(caseId)}/clear-health`, body, H),
  completeOrientation: (caseId: string, body: StageGateBody) =>
    api.post(`${householdPath(caseId)}/complete-orientation`, body, H),
  handover: (caseId: string, body: HandoverBody) => api.post(`${householdPath(caseId)}/handover`, body, H),
};

export const batchApi = {
  create: (body: CreateBatchBody) => api.post('/resettlement/batches', body, BatchViewSchema),
  setHouseholds: (id: string, body: { version: number; caseIds: string[] }) =>
    api.put(`${batchPath(id)}/households`, body, BatchViewSchema),
  submit: (id: string, body: { version: number; submittedOn: string }) =>
    api.post(`${batchPath(id)}/submit`, body, BatchViewSchema),
};

export const orientationApi = {
  create: (body: SessionBody) =>
    api.post('/resettlement/orientation-sessions', body, OrientationSessionViewSchema),
  attendance: (id: string, body: AttendanceBody) =>
    api.put(`/resettlement/orientation-sessions/${enc(id)}/attendance`, body, OrientationSessionViewSchema),
};

const M = MovementViewSchema;
export const movementApi = {
  create: (body: CreateMovementBody) => api.post('/resettlement/movements', body, M),
  update: (id: string, body: UpdateMovementBody) => api.patch(movementPath(id), body, M),
  book: (id: string, body: { version: number; caseId: string; caseVersion: number }) =>
    api.post(`${movementPath(id)}/bookings`, body, M),
  cancelBooking: (id: string, bookingId: string, body: CancelBookingBody) =>
    api.post(`${movementPath(id)}/bookings/${enc(bookingId)}/cancel`, body, M),
  boarding: (id: string, body: BoardingBody) => api.put(`${movementPath(id)}/boarding`, body, M),
  arrival: (id: string, body: ArrivalBody) => api.post(`${movementPath(id)}/arrival`, body, M),
};

// ---- cache and conflicts -------------------------------------------------------------------------

/**
 * Puts a household the server answered with in the cache; its case (status, timeline, actions) and the
 * lists that show it are read again.
 */
export function useStoreHousehold(): (household: HouseholdView) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (household: HouseholdView) => {
      queryClient.setQueryData(resettlementKeys.household(household.caseId), household);
      void queryClient.invalidateQueries({ queryKey: casesKeys.detail(household.caseId) });
      void queryClient.invalidateQueries({ queryKey: casesKeys.lists });
      void queryClient.invalidateQueries({ queryKey: resettlementKeys.pipelines });
    },
    [queryClient],
  );
}

/** After a write that touches households elsewhere (a batch, a movement): read them all again. */
export function useRefreshResettlement(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    void queryClient.invalidateQueries({ queryKey: casesKeys.all });
    await queryClient.invalidateQueries({ queryKey: resettlementKeys.all });
  }, [queryClient]);
}

/** Codes meaning "the household is no longer as you saw it": read it again, and show the message. */
const STALE = [
  'transition_not_allowed',
  'household_locked',
  'household_not_referred',
  'resettlement_not_submitted',
  'handover_not_arrived',
  'approval_pending',
  'case_closed',
];

/**
 * For writes on a household: on `409 version_conflict` the household as it is now replaces the one on screen
 * (or is read again when the server answered with the case) and the user is told; the form stays open with
 * what they typed, to check it and save again with the new version. Returns true when handled that way.
 */
export function useHouseholdConflict(caseId: string): (error: unknown) => boolean {
  const { t } = useTranslation();
  const store = useStoreHousehold();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error, 'version_conflict')) {
        const current = conflictCurrent(error, HouseholdViewSchema);
        if (current) store(current);
        else {
          void queryClient.invalidateQueries({ queryKey: resettlementKeys.household(caseId) });
          void queryClient.invalidateQueries({ queryKey: casesKeys.detail(caseId) });
        }
        notifications.show({ color: 'orange', message: t('resettlement.reloaded') });
        return true;
      }
      if (STALE.some((code) => isApiError(error, code))) {
        void queryClient.invalidateQueries({ queryKey: resettlementKeys.household(caseId) });
        void queryClient.invalidateQueries({ queryKey: casesKeys.detail(caseId) });
      }
      return false;
    },
    [caseId, queryClient, store, t],
  );
}

/** The same for a batch or a movement, which carry their own version: the one answered goes in the cache. */
export function useRecordConflict(kind: 'batch' | 'movement'): (error: unknown) => boolean {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error, 'version_conflict')) return false;
      const current =
        kind === 'batch'
          ? conflictCurrent(error, BatchViewSchema)
          : conflictCurrent(error, MovementViewSchema);
      if (current)
        queryClient.setQueryData(
          kind === 'batch' ? resettlementKeys.batch(current.id) : resettlementKeys.movement(current.id),
          current,
        );
      else void queryClient.invalidateQueries({ queryKey: resettlementKeys.all });
      notifications.show({
        color: 'orange',
        message: t(kind === 'batch' ? 'resettlement.batches.reloaded' : 'resettlement.movements.reloaded'),
      });
      return true;
    },
    [kind, queryClient, t],
  );
}
