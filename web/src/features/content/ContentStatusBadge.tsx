import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import type { ContentStatus } from './api';
import { displayStatus, STATUS_COLORS, statusLabel } from './labels';

interface ContentStatusBadgeProps {
  status: ContentStatus;
  revision: number;
  publishedRevision: number | null;
  publishAt: string | null;
}

/**
 * The item's state in words: a scheduled item says when it goes out; a published item edited again says
 * that changes are pending, and where its new revision stands (draft, in review, approved).
 */
export function ContentStatusBadge({
  status,
  revision,
  publishedRevision,
  publishAt,
}: ContentStatusBadgeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = displayStatus({ status, revision, publishedRevision });
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={STATUS_COLORS[shown]} variant="light" tt="none">
        {shown === 'changes_pending' ? t('content.statuses.changes_pending') : statusLabel(status, t)}
      </Badge>
      {shown === 'scheduled' && publishAt ? (
        <Text size="xs">{t('content.status.scheduledFor', { time: format.dateTime(publishAt) })}</Text>
      ) : null}
      {shown === 'changes_pending' ? (
        <Text size="xs">{t('content.status.workingDraft', { status: statusLabel(status, t) })}</Text>
      ) : null}
    </Stack>
  );
}
