import { Badge, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { statusColor, statusLabel } from './labels';

/** The status of a case, with "approval pending" next to it while a step waits for a decision. */
export function CaseStatusBadge({ status, pendingTo }: { status: string; pendingTo?: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={statusColor(status)} variant="light" tt="none">
        {statusLabel(status, t)}
      </Badge>
      {pendingTo ? (
        <Badge color={statusColor(status, true)} variant="outline" tt="none">
          {t('cases.pendingApproval')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Trafficking cases: special-category data, shown only to staff with cases.sensitive. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
      {t('cases.sensitive')}
    </Badge>
  );
}
