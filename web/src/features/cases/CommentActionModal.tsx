import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
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
  const mutation = useMutation({
    mutationFn: (comment: string) => action(comment),
    onSuccess: (saved) => {
      storeCase(saved);
      notifications.show({ color: 'blue', message: successMessage });
      onClose();
    },
    onError: (error) => {
      if (onCaseError(error)) onClose();
    },
  });
  return (
    <CommentForm
      commentLabel={commentLabel}
      required={required}
      submitLabel={submitLabel}
      danger={danger}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(comment) => mutation.mutate(comment)}
      onCancel={onClose}
    />
  );
}
