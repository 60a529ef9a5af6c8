import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import {
  type Plan,
  type ReintegrationView,
  reintegrationApi,
  useReintegrationError,
  useStoreReintegration,
} from './api';

type Dialog = 'submit' | 'approve' | 'sendBack' | null;

/** Submit (the caseworker), approve or send back with a comment (a supervisor), as the flags allow. */
export function PlanDecisions({ view, plan }: { view: ReintegrationView; plan: Plan }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const activeItems = plan.items.filter((i) => !i.removed).length;
  const canSubmit = view.canEdit && plan.status === 'draft' && activeItems > 0;
  const canDecide = view.canApprove && plan.status === 'submitted';
  if (!canSubmit && !canDecide) return null;
  const close = () => setDialog(null);
  return (
    <>
      <Group gap="sm">
        {canSubmit ? (
          <Button onClick={() => setDialog('submit')}>{t('reintegration.plan.submit')}</Button>
        ) : null}
        {canDecide ? (
          <>
            <Button color="green" onClick={() => setDialog('approve')}>
              {t('reintegration.plan.approve')}
            </Button>
            <Button variant="outline" color="orange" onClick={() => setDialog('sendBack')}>
              {t('reintegration.plan.sendBack')}
            </Button>
          </>
        ) : null}
      </Group>
      {canSubmit ? (
        <SubmitDialog view={view} plan={plan} opened={dialog === 'submit'} onClose={close} />
      ) : null}
      {canDecide ? (
        <>
          <CommentDialog
            opened={dialog === 'approve'}
            view={view}
            title={t('reintegration.plan.approveTitle')}
            intro={t('reintegration.plan.approveIntro')}
            commentLabel={t('reintegration.plan.commentOptional')}
            submitLabel={t('reintegration.plan.approve')}
            successMessage={t('reintegration.plan.approvedDone')}
            action={(comment) =>
              reintegrationApi.approve(view.caseId, { planVersion: plan.version, comment: comment || null })
            }
            onClose={close}
          />
          <CommentDialog
            opened={dialog === 'sendBack'}
            view={view}
            title={t('reintegration.plan.sendBackTitle')}
            commentLabel={t('reintegration.plan.sendBackReason')}
            required
            submitLabel={t('reintegration.plan.sendBack')}
            successMessage={t('reintegration.plan.sentBack')}
            action={(comment) =>
              reintegrationApi.sendBack(view.caseId, { planVersion: plan.version, comment })
            }
            onClose={close}
          />
        </>
      ) : null}
    </>
  );
}

function SubmitDialog({
  view,
  plan,
  opened,
  onClose,
}: {
  view: ReintegrationView;
  plan: Plan;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const store = useStoreReintegration();
  const onStale = useReintegrationError(view.caseId);
  const mutation = useActionMutation({
    showError: 'inline',
    mutationFn: () => reintegrationApi.submit(view.caseId, plan.version),
    successMessage: () => t('reintegration.plan.submitted'),
    onSaved: (next) => {
      store(next);
      close();
    },
    recover: (error) => {
      const handled = onStale(error);
      if (handled) close();
      return handled;
    },
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      title={t('reintegration.plan.submitTitle')}
      message={t('reintegration.plan.submitConfirm')}
      confirmLabel={t('reintegration.plan.submit')}
      loading={mutation.isPending}
      error={mutation.formError ? <FormErrorAlert error={mutation.formError} /> : null}
      onConfirm={() => mutation.run()}
      onClose={close}
    />
  );
}

interface CommentDialogProps {
  opened: boolean;
  view: ReintegrationView;
  title: string;
  intro?: string;
  commentLabel: string;
  required?: boolean;
  submitLabel: string;
  successMessage: string;
  action: (comment: string) => Promise<ReintegrationView>;
  onClose: () => void;
}

function CommentDialog(props: CommentDialogProps) {
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {props.opened ? <CommentDialogForm {...props} /> : null}
    </AppModal>
  );
}

function CommentDialogForm({
  view,
  intro,
  commentLabel,
  required = false,
  submitLabel,
  successMessage,
  action,
  onClose,
}: CommentDialogProps) {
  const store = useStoreReintegration();
  const onStale = useReintegrationError(view.caseId);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: (comment: string) => action(comment),
    successMessage: () => successMessage,
    onSaved: (next) => {
      store(next);
      onClose();
    },
    recover: (error) => {
      const handled = onStale(error);
      if (handled) onClose();
      return handled;
    },
  });
  return (
    <CommentForm
      intro={intro}
      commentLabel={commentLabel}
      required={required}
      submitLabel={submitLabel}
      pending={isPending}
      formError={formError}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}
