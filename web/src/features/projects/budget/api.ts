import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type CreateBudgetLineSchema,
  ExchangeRateSchema,
  ProjectBudgetSchema,
  type SetAllowanceSchema,
  type SetExchangeRateSchema,
  type UpdateBudgetLineSchema,
} from '../../../../../src/modules/finance/contract';
import { api, isApiError } from '../../../shared/api/client';
import { conflictCurrent } from '../../../shared/components/conflict';

export type ProjectBudget = z.infer<typeof ProjectBudgetSchema>;
export type BudgetLine = ProjectBudget['lines'][number];
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;
export type CreateLineBody = z.input<typeof CreateBudgetLineSchema>;
export type UpdateLineBody = z.input<typeof UpdateBudgetLineSchema>;
export type AllowanceBody = z.input<typeof SetAllowanceSchema>;
export type RateBody = z.input<typeof SetExchangeRateSchema>;

const RateListSchema = z.object({ items: z.array(ExchangeRateSchema) });

export const budgetKeys = {
  budget: (projectId: string) => ['budget', projectId] as const,
  rates: ['exchange-rates'] as const,
};

const projectPath = (id: string) => `/projects/${encodeURIComponent(id)}`;

export function useProjectBudget(projectId: string) {
  return useQuery({
    queryKey: budgetKeys.budget(projectId),
    queryFn: ({ signal }) =>
      api.get(`${projectPath(projectId)}/budget`, ProjectBudgetSchema, undefined, signal),
  });
}

export function useExchangeRates() {
  return useQuery({
    queryKey: budgetKeys.rates,
    queryFn: ({ signal }) =>
      api.get('/exchange-rates', RateListSchema, undefined, signal).then((r) => r.items),
  });
}

export const budgetApi = {
  createLine: (projectId: string, body: CreateLineBody) =>
    api.post(`${projectPath(projectId)}/budget-lines`, body, ProjectBudgetSchema),
  updateLine: (lineId: string, body: UpdateLineBody) =>
    api.patch(`/budget-lines/${encodeURIComponent(lineId)}`, body, ProjectBudgetSchema),
  setAllowance: (projectId: string, body: AllowanceBody) =>
    api.put(`${projectPath(projectId)}/allowance`, body, ProjectBudgetSchema),
  setRate: (body: RateBody) => api.put('/exchange-rates', body, z.object({ ok: z.literal(true) })),
};

export function useStoreBudget(): (budget: ProjectBudget) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (budget: ProjectBudget) => {
      queryClient.setQueryData(budgetKeys.budget(budget.projectId), budget);
      // Reintegration views show the lines and the allowance.
      void queryClient.invalidateQueries({ queryKey: ['reintegration'] });
    },
    [queryClient],
  );
}

/** On `409 version_conflict`, shows the budget as it is now and says so; true when handled that way. */
export function useBudgetConflict(projectId: string): (error: unknown) => boolean {
  const { t } = useTranslation();
  const store = useStoreBudget();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      const current = conflictCurrent(error, ProjectBudgetSchema);
      if (current) {
        store(current);
        notifications.show({ color: 'orange', message: t('budget.reloaded') });
        return true;
      }
      if (isApiError(error, 'version_conflict'))
        void queryClient.invalidateQueries({ queryKey: budgetKeys.budget(projectId) });
      return false;
    },
    [projectId, queryClient, store, t],
  );
}
