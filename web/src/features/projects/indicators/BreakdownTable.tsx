import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountCell } from './CountCell';

interface BreakdownTableProps {
  /** The table's accessible name and caption, e.g. "Personnes par sexe". */
  title: string;
  /** The first column's heading, e.g. "Sexe". */
  keyLabel: string;
  counts: Record<string, number | null>;
  labelOf: (key: string) => string;
}

/** One disaggregation: a row per category, largest first, hidden cells last. */
export function BreakdownTable({ title, keyLabel, counts, labelOf }: BreakdownTableProps) {
  const { t } = useTranslation();
  const rows = Object.entries(counts).sort(([a, x], [b, y]) => (y ?? -1) - (x ?? -1) || a.localeCompare(b));
  return (
    <Table withTableBorder captionSide="top">
      <Table.Caption>
        <Text size="sm" fw={600} ta="start">
          {title}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{keyLabel}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('indicators.persons')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={2}>{t('indicators.noData')}</Table.Td>
          </Table.Tr>
        ) : (
          rows.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                {labelOf(key)}
              </Table.Th>
              <Table.Td ta="right">
                <CountCell value={value} />
              </Table.Td>
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
}
