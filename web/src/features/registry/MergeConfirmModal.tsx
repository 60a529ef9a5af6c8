import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import type { FormErrorState } from '../../shared/forms/useServerErrors';

export interface MergeSide {
  name: string;
  reference: string;
}

interface MergeConfirmModalProps {
  /** The pair to merge (null: closed). */
  pair: { kept: MergeSide; merged: MergeSide } | null;
  /** Said after the explanation, e.g. that pending edits are saved first. */
  note?: string;
  loading: boolean;
  /** The merge's last failure (from `useActionMutation`). */
  formError: FormErrorState | null;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * "Same person": what a merge does (everything of the merged record moves to the kept one), and that it
 * can be undone, before it is done.
 */
export function MergeConfirmModal({
  pair,
  note,
  loading,
  formError,
  onConfirm,
  onClose,
}: MergeConfirmModalProps) {
  const { t } = useTranslation();
  const message = pair
    ? t('registry.merge.message', {
        merged: pair.merged.name,
        mergedReference: pair.merged.reference,
        kept: pair.kept.name,
        keptReference: pair.kept.reference,
      })
    : '';
  return (
    <ConfirmModal
      opened={pair !== null}
      title={t('registry.merge.title')}
      message={note ? `${message} ${note}` : message}
      confirmLabel={t('registry.merge.confirm')}
      danger
      loading={loading}
      error={formError ? <FormErrorAlert error={formError} /> : null}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
