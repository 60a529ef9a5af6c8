import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReferralKind, ReferralStatus } from '../../../../src/modules/referrals/sections';
import { useFormat } from '../../shared/format/useFormat';
import { kindLabel, referralStatusColor, referralStatusLabel } from './labels';

/** Mantine's badge label hides overflow, so a table column could shrink it to "Tra…": never narrower than its text. */
const NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const;

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={referralStatusColor(status)} variant="light" tt="none" style={NO_SHRINK}>
      {referralStatusLabel(status, t)}
    </Badge>
  );
}

export function ReferralKindBadge({ kind }: { kind: ReferralKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'transfer' ? 'violet' : 'blue'} variant="outline" tt="none" style={NO_SHRINK}>
      {kindLabel(kind, t)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="filled"
      tt="none"
      style={NO_SHRINK}
      leftSection={<IconClockExclamation size={12} aria-hidden />}
    >
      {t('referrals.overdue')}
    </Badge>
  );
}

/** Shared without a covering consent: audited and flagged in reports. `short` for tables. */
export function ConsentOverrideBadge({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="orange"
      variant="filled"
      tt="none"
      style={NO_SHRINK}
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
    >
      {short ? t('referrals.consentOverrideShort') : t('referrals.consentOverride')}
    </Badge>
  );
}

export function SensitiveSectionBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" tt="none" size="sm" leftSection={<IconLock size={10} aria-hidden />}>
      {t('referrals.sensitive')}
    </Badge>
  );
}

/** The answer's due date, in red with a badge once it has passed without an answer. */
export function DueDate({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const format = useFormat();
  return (
    <Group gap={4} wrap="wrap">
      <Text
        size="sm"
        c={overdue ? 'red.9' : undefined}
        fw={overdue ? 700 : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        <time dateTime={dueOn}>{format.date(dueOn)}</time>
      </Text>
      {overdue ? <OverdueBadge /> : null}
    </Group>
  );
}
