import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { useStoreCase } from './api';
import { useCaseMutationError } from './useCaseMutationError';

interface CommentActionModalProps {
  opened: boolean;
  caseId: string;
  title: string;
  commentLabel: string;
  /** A comment (reason) is required, e.g. to reject or reopen. */
  required?: boolean;
  submitLabel: string;
  danger?: boolean;
  successMessage: string;
  action: (comment: string) => Promise<CaseDetail>;
  onClose: () => void;
}

/** A decision on a case that takes a comment: approve, reject, reopen. */
export function CommentActionModal(props: CommentActionModalProps) {
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {props.opened ? <CommentActionForm {...props} /> : null}
    </AppModal>
  );
}

function CommentActionForm({
  caseId,
  commentLabel,
  required = false,
  submitLabel,
  danger,
  successMessage,
  action,
  onClose,
}: CommentActionModalProps) {
  const storeCase = useStoreCase();
  const onCaseError = useCaseMutationError(caseId);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: (comment: string) => action(comment),
    successMessage: () => successMessage,
    onSaved: (saved) => {
      storeCase(saved);
      onClose();
    },
    recover: (error) => {
      const handled = onCaseError(error);
      if (handled) onClose();
      return handled;
    },
  });
  return (
    <CommentForm
      commentLabel={commentLabel}
      required={required}
      submitLabel={submitLabel}
      danger={danger}
      pending={isPending}
      formError={formError}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}
