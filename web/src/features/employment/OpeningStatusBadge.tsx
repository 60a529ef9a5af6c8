import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Opening } from './api';

/** Open (with posts left), full (every post filled) or closed. */
export function OpeningStatusBadge({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const state = opening.status === 'closed' ? 'closed' : opening.available ? 'open' : 'full';
  const color = { open: 'green', full: 'orange', closed: 'gray' }[state];
  return (
    <Badge color={color} variant="light" tt="none">
      {t(`employment.openings.states.${state}`)}
    </Badge>
  );
}
