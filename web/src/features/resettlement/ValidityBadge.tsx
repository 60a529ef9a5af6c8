import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { validityOf } from './labels';

/** "Valid until 30 June 2026", flagged when it has run out or runs out within the warning days. */
export function ValidityBadge({ validUntil, label }: { validUntil: string | null; label?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!validUntil) return <Text size="sm">{t('common.none')}</Text>;
  const validity = validityOf(validUntil, today());
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">
        {label
          ? t('resettlement.validity.untilWith', { label, date: format.calendarDate(validUntil) })
          : t('resettlement.validity.until', { date: format.calendarDate(validUntil) })}
      </Text>
      {validity.state === 'expired' ? (
        <Badge color="red" variant="light" size="sm">
          {t('resettlement.validity.expired')}
        </Badge>
      ) : validity.state === 'soon' ? (
        <Badge color="orange" variant="light" size="sm">
          {t('resettlement.validity.expiresIn', { count: validity.days })}
        </Badge>
      ) : null}
    </Group>
  );
}
