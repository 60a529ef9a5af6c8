import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { useFormat } from '../../shared/format/useFormat';
import { approveCase, rejectCase } from './api';
import { CommentActionModal } from './CommentActionModal';
import { statusLabel } from './labels';

/** A step waiting for a supervisor's decision; approve and reject for those who may decide. */
export function ApprovalBanner({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const pending = detail.pendingTransition;
  if (!pending) return null;
  const state = statusLabel(pending.to, t);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconHourglass aria-hidden />}
      title={t('cases.approval.title', { state })}
      role="region"
      aria-label={t('cases.approval.title', { state })}
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('cases.approval.body', {
            name: pending.requestedByName,
            state,
            date: format.dateTime(pending.requestedAt),
          })}
        </Text>
        {pending.comment ? (
          <Text size="sm">{t('cases.approval.comment', { comment: pending.comment })}</Text>
        ) : null}
        {detail.canApprove ? (
          <Group gap="sm">
            <Button size="xs" onClick={() => setDeciding('approve')}>
              {t('cases.approval.approve')}
            </Button>
            <Button size="xs" color="red" variant="outline" onClick={() => setDeciding('reject')}>
              {t('cases.approval.reject')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" fw={600}>
            {t('cases.approval.waiting')}
          </Text>
        )}
      </Stack>
      {detail.canApprove ? (
        <>
          <CommentActionModal
            opened={deciding === 'approve'}
            caseId={detail.id}
            title={t('cases.approval.approveTitle', { state })}
            commentLabel={t('cases.approval.commentOptional')}
            submitLabel={t('cases.approval.approve')}
            successMessage={t('cases.approval.approved')}
            action={(comment) =>
              approveCase(detail.id, { version: detail.version, ...(comment ? { comment } : {}) })
            }
            onClose={() => setDeciding(null)}
          />
          <CommentActionModal
            opened={deciding === 'reject'}
            caseId={detail.id}
            title={t('cases.approval.rejectTitle', { state })}
            commentLabel={t('cases.approval.rejectReason')}
            required
            danger
            submitLabel={t('cases.approval.reject')}
            successMessage={t('cases.approval.rejected')}
            action={(comment) => rejectCase(detail.id, { version: detail.version, comment })}
            onClose={() => setDeciding(null)}
          />
        </>
      ) : null}
    </Alert>
  );
}
