import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../shared/api/errors';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
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
  const describe = useDescribeError();
  const store = useStoreReintegration();
  const onStale = useReintegrationError(view.caseId);
  const mutation = useMutation({
    mutationFn: () => reintegrationApi.submit(view.caseId, plan.version),
    onSuccess: (next) => {
      store(next);
      notifications.show({ color: 'blue', message: t('reintegration.plan.submitted') });
      close();
    },
    onError: (error) => {
      if (onStale(error)) close();
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
      error={
        mutation.isError ? (
          <FormErrorAlert error={{ message: describe(mutation.error), details: [] }} />
        ) : null
      }
      onConfirm={() => mutation.mutate()}
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
  const mutation = useMutation({
    mutationFn: (comment: string) => action(comment),
    onSuccess: (next) => {
      store(next);
      notifications.show({ color: 'blue', message: successMessage });
      onClose();
    },
    onError: (error) => {
      if (onStale(error)) onClose();
    },
  });
  return (
    <CommentForm
      intro={intro}
      commentLabel={commentLabel}
      required={required}
      submitLabel={submitLabel}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(comment) => mutation.mutate(comment)}
      onCancel={onClose}
    />
  );
}
