import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A match score out of 100, never cut short. */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const color = score >= 70 ? 'green.8' : score >= 40 ? 'blue.8' : 'gray.7';
  return (
    <Text fw={700} c={color} style={{ whiteSpace: 'nowrap' }}>
      {t('employment.candidates.scoreValue', { score })}
    </Text>
  );
}
