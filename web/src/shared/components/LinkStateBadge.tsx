import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where a link for someone without an account stands. */
export type LinkState = 'active' | 'expired' | 'revoked';

const COLOR: Record<LinkState, string> = { active: 'green', expired: 'gray', revoked: 'red' };

export function LinkStateBadge({ state }: { state: LinkState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" tt="none">
      {t(`links.${state}`)}
    </Badge>
  );
}
