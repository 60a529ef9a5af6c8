import { Chip, Fieldset, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ALL_STATUSES } from '../../../../src/modules/cases/workflow';
import { useFormat } from '../../shared/format/useFormat';
import { statusLabel } from './labels';

interface StatusCountsProps {
  counts: Record<string, number>;
  selected: string[];
  onChange: (selected: string[]) => void;
}

/**
 * The number of cases per status (for every filter but the status), as toggles that filter by status.
 * Several can be on at once.
 */
export function StatusCounts({ counts, selected, onChange }: StatusCountsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const known = ALL_STATUSES as readonly string[];
  const statuses = [
    ...known.filter((s) => (counts[s] ?? 0) > 0 || selected.includes(s)),
    // A status this version does not know still gets a chip.
    ...Object.keys(counts).filter((s) => !known.includes(s) && (counts[s] ?? 0) > 0),
  ];
  return (
    <Fieldset legend={t('cases.filters.statusLegend')} variant="unstyled" mb="md">
      {statuses.length === 0 ? (
        <Text size="sm">{t('cases.filters.noStatus')}</Text>
      ) : (
        <Group gap="xs">
          {statuses.map((status) => (
            <Chip
              key={status}
              size="sm"
              variant="outline"
              checked={selected.includes(status)}
              onChange={(checked) =>
                onChange(checked ? [...selected, status] : selected.filter((s) => s !== status))
              }
            >
              {t('cases.filters.statusChip', {
                status: statusLabel(status, t),
                count: format.number(counts[status] ?? 0),
              })}
            </Chip>
          ))}
        </Group>
      )}
    </Fieldset>
  );
}
