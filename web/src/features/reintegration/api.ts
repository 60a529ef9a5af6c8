import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type AddPlanItemSchema,
  type AssessmentInputSchema,
  type DeliveryInputSchema,
  type PlanDecisionSchema,
  type ReintegrationView,
  ReintegrationViewSchema,
  type ReturnPlanSchema,
  type UpdatePlanItemSchema,
} from '../../../../src/modules/reintegration/contract';
import { api, isApiError } from '../../shared/api/client';
import { conflictCurrent } from '../../shared/components/conflict';

export type { ReintegrationView };
export type Plan = NonNullable<ReintegrationView['plan']>;
export type PlanItem = Plan['items'][number];
export type Delivery = Plan['deliveries'][number];
export type PlanWarning = Plan['warnings'][number];
export type Assessment = NonNullable<ReintegrationView['assessment']>;
export type BudgetLineOption = ReintegrationView['budgetLines'][number];

/** Bodies as the server receives them: amounts still as typed. */
export type AssessmentBody = z.input<typeof AssessmentInputSchema>;
export type AddItemBody = z.input<typeof AddPlanItemSchema>;
export type UpdateItemBody = z.input<typeof UpdatePlanItemSchema>;
export type DeliveryBody = z.input<typeof DeliveryInputSchema>;

export const reintegrationKeys = {
  view: (caseId: string) => ['reintegration', caseId] as const,
};

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const itemPath = (id: string) => `/reintegration-plan-items/${encodeURIComponent(id)}`;
const S = ReintegrationViewSchema;

export function fetchReintegration(caseId: string, signal?: AbortSignal): Promise<ReintegrationView> {
  return api.get(`${casePath(caseId)}/reintegration`, S, undefined, signal);
}

export function useReintegration(caseId: string) {
  return useQuery({
    queryKey: reintegrationKeys.view(caseId),
    queryFn: ({ signal }) => fetchReintegration(caseId, signal),
  });
}

export const reintegrationApi = {
  recordAssessment: (caseId: string, body: AssessmentBody) =>
    api.post(`${casePath(caseId)}/needs-assessments`, body, S),
  addItem: (caseId: string, body: AddItemBody) =>
    api.post(`${casePath(caseId)}/reintegration-plan/items`, body, S),
  updateItem: (itemId: string, body: UpdateItemBody) => api.patch(itemPath(itemId), body, S),
  removeItem: (itemId: string, planVersion: number) =>
    api.post(`${itemPath(itemId)}/remove`, { planVersion }, S),
  submit: (caseId: string, planVersion: number) =>
    api.post(`${casePath(caseId)}/reintegration-plan/submit`, { planVersion }, S),
  approve: (caseId: string, body: z.input<typeof PlanDecisionSchema>) =>
    api.post(`${casePath(caseId)}/reintegration-plan/approve`, body, S),
  sendBack: (caseId: string, body: z.input<typeof ReturnPlanSchema>) =>
    api.post(`${casePath(caseId)}/reintegration-plan/return`, body, S),
  recordDelivery: (caseId: string, body: DeliveryBody) => api.post(`${casePath(caseId)}/deliveries`, body, S),
};

/** Puts the view the server answered with in the cache (every write answers with the whole view). */
export function useStoreReintegration(): (view: ReintegrationView) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (view: ReintegrationView) => queryClient.setQueryData(reintegrationKeys.view(view.caseId), view),
    [queryClient],
  );
}

/** Errors meaning "the plan is no longer as you saw it": show it as it is now, and the message. */
const STALE = ['plan_not_editable', 'plan_not_submitted', 'case_not_in_reintegration'];

/**
 * For writes on the plan: on `409 version_conflict` the view as it is now replaces the one on screen and
 * the user is told; returns true then (the dialog can close). Other errors stay for the form to show; those
 * about a stale state also refresh the view.
 */
export function useReintegrationError(caseId: string): (error: unknown) => boolean {
  const { t } = useTranslation();
  const store = useStoreReintegration();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      const current = conflictCurrent(error, ReintegrationViewSchema);
      if (current) {
        store(current);
        notifications.show({ color: 'orange', message: t('reintegration.reloaded') });
        return true;
      }
      if (isApiError(error, 'version_conflict') || STALE.some((code) => isApiError(error, code)))
        void queryClient.invalidateQueries({ queryKey: reintegrationKeys.view(caseId) });
      return false;
    },
    [caseId, queryClient, store, t],
  );
}
