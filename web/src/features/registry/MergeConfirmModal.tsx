import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../shared/api/errors';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';

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
  error: unknown;
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
  error,
  onConfirm,
  onClose,
}: MergeConfirmModalProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
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
      error={error ? <FormErrorAlert error={{ message: describe(error), details: [] }} /> : null}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
