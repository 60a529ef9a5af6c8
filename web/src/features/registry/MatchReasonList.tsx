import { Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type MatchReason, matchReasonLabel, reasonSense } from './matchReasons';

const ICONS = { agrees: IconCheck, differs: IconAlertTriangle, neutral: IconMinus } as const;
const COLORS = { agrees: 'green.9', differs: 'orange.9', neutral: 'gray.7' } as const;

/**
 * Why two records may be one person, one reason a line. The sentence says whether it agrees or differs
 * ("Sexe différent"); the icon only repeats it.
 */
export function MatchReasonList({ reasons, label }: { reasons: readonly MatchReason[]; label?: string }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} listStyleType="none" pl={0} aria-label={label}>
      {reasons.map((reason, index) => {
        const sense = reasonSense(reason);
        const Icon = ICONS[sense];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no identity; the list never reorders.
          <List.Item key={index}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text span c={COLORS[sense]} lh={1} pt={2} style={{ flexShrink: 0 }}>
                <Icon size={14} aria-hidden />
              </Text>
              <Text span size="sm">
                {matchReasonLabel(reason, t)}
              </Text>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
