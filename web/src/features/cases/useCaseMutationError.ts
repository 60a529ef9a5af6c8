import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseDetailSchema } from '../../../../src/modules/cases/contract';
import { isApiError } from '../../shared/api/client';
import { conflictCurrent } from '../../shared/components/conflict';
import { casesKeys, useStoreCase } from './api';

/** Errors meaning "the case is no longer where you saw it": the page must show it as it is now. */
const STALE_STATE = [
  'approval_pending',
  'transition_not_allowed',
  'case_closed',
  'case_not_closed',
  'no_pending_approval',
];

/**
 * For actions on a case (transition, approval, assignment…): on `409 version_conflict` the case as it is
 * now replaces the one on screen and the user is told; returns true when the error was handled that way
 * (the dialog can close). Other errors stay for the dialog to show; those about a stale state also
 * refresh the case so the offered actions are right again.
 */
export function useCaseMutationError(caseId: string): (error: unknown) => boolean {
  const { t } = useTranslation();
  const storeCase = useStoreCase();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      const current = conflictCurrent(error, CaseDetailSchema);
      if (current) {
        storeCase(current);
        notifications.show({ color: 'orange', message: t('cases.detail.reloaded') });
        return true;
      }
      if (isApiError(error, 'version_conflict') || STALE_STATE.some((code) => isApiError(error, code))) {
        void queryClient.invalidateQueries({ queryKey: casesKeys.detail(caseId) });
      }
      return false;
    },
    [caseId, queryClient, storeCase, t],
  );
}
