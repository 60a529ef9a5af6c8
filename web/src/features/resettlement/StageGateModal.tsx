import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { type HouseholdView, householdApi } from './api';
import { useHouseholdSave } from './useHouseholdSave';

export type StageGate = 'clearHealth' | 'completeOrientation';

interface StageGateModalProps {
  gate: StageGate | null;
  household: HouseholdView;
  onClose: () => void;
}

/**
 * A step the module checks member by member (every member fit to travel; orientation attended): what is
 * missing comes back per member and is listed above the comment.
 */
export function StageGateModal({ gate, household, onClose }: StageGateModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={gate !== null}
      onClose={onClose}
      title={gate ? t(`resettlement.gates.${gate}.title`) : ''}
      size="md"
    >
      {gate ? <StageGateForm gate={gate} household={household} onClose={onClose} /> : null}
    </AppModal>
  );
}

function StageGateForm({
  gate,
  household,
  onClose,
}: {
  gate: StageGate;
  household: HouseholdView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useHouseholdSave<Record<string, never>, string>({
    caseId: household.caseId,
    members: household.members,
    mutationFn: (comment) => {
      const body = { version: household.version, ...(comment ? { comment } : {}) };
      return gate === 'clearHealth'
        ? householdApi.clearHealth(household.caseId, body)
        : householdApi.completeOrientation(household.caseId, body);
    },
    successMessage: () => t(`resettlement.gates.${gate}.done`),
    onDone: onClose,
  });
  return (
    <CommentForm
      intro={t(`resettlement.gates.${gate}.intro`)}
      commentLabel={t('resettlement.gates.comment')}
      submitLabel={t(`resettlement.gates.${gate}.submit`)}
      pending={save.isPending}
      formError={save.formError}
      onSubmit={save.submit}
      onCancel={onClose}
    />
  );
}
