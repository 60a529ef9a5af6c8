import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import type { Blocker } from './api';
import { coverageText, whatLabel } from './labels';

/** What keeps members from travelling: one line per member and document, with the date it concerns. */
export function BlockerItems({ blockers }: { blockers: Blocker[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List size="sm" spacing={2}>
      {blockers.map((b) => (
        <List.Item key={`${b.personId}-${b.what}`}>
          {t('resettlement.blockers.item', {
            name: b.name,
            what: whatLabel(b.what, t),
            coverage: coverageText(b, t, format.calendarDate),
          })}
        </List.Item>
      ))}
    </List>
  );
}

/** The household's blockers, as a warning above its records. */
export function BlockerAlert({ blockers }: { blockers: Blocker[] }) {
  const { t } = useTranslation();
  if (blockers.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('resettlement.blockers.title')}
    >
      <Text size="sm" mb={4}>
        {t('resettlement.blockers.intro')}
      </Text>
      <BlockerItems blockers={blockers} />
    </Alert>
  );
}
