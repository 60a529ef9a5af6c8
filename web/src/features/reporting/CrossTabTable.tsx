import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../shared/components/ScrollTable';
import type { CrossTab } from './api';
import { Figure } from './Figure';
import { useReportingLabels } from './labels';

type Counts = Record<string, number | null>;

/** Categories largest first, hidden ones after the shown ones, then by name. */
export function orderedKeys(counts: Counts, labelOf: (key: string) => string): string[] {
  return Object.keys(counts).sort((a, b) => {
    const x = counts[a] ?? null;
    const y = counts[b] ?? null;
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    return (y ?? 0) - (x ?? 0) || labelOf(a).localeCompare(labelOf(b));
  });
}

/** The first dimension's counts of a table (its rows, or its columns when it has only those). */
export function marginOf(table: CrossTab): Counts {
  return table.rows ?? table.cols ?? {};
}

interface CrossTabTableProps {
  table: CrossTab;
  /** The caption, e.g. "Personnes assistées par sexe". */
  caption: string;
  unit: string;
  threshold: number;
}

/**
 * One breakdown of an indicator: a category per row and the total, or, for two dimensions, the matrix with
 * its margins (row and column totals). A hidden cell reads "hidden"; an absent cell of a matrix is 0.
 */
export function CrossTabTable({ table, caption, unit, threshold }: CrossTabTableProps) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const [first, second] = table.dimensions;
  const multi = table.dimensions.includes('vulnerability');
  const cell = (value: number | null | undefined) => (
    <Figure value={value ?? null} unit={unit} absence="hidden" threshold={threshold} />
  );
  if (!first) return null;
  if (!second) {
    const counts = marginOf(table);
    const keys = orderedKeys(counts, (k) => labels.value(first, k));
    return (
      <Stack gap={4}>
        <ScrollTable minWidth={260} label={caption}>
          <Table withTableBorder captionSide="top" striped>
            <Table.Caption>
              <Text size="sm" fw={600} ta="start">
                {caption}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{labels.dimension(first)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.unit(unit)}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={2}>{t('reporting.crossTab.empty')}</Table.Td>
                </Table.Tr>
              ) : (
                keys.map((key) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={400}>
                      {labels.value(first, key)}
                    </Table.Th>
                    <Table.Td ta="right">{cell(counts[key])}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('reporting.crossTab.total')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {cell(table.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollTable>
        {multi ? (
          <Text size="xs" c="dimmed">
            {t('reporting.crossTab.multiValued')}
          </Text>
        ) : null}
      </Stack>
    );
  }

  const rowCounts: Counts = { ...table.rows };
  const colCounts: Counts = { ...table.cols };
  for (const [r, inner] of Object.entries(table.cells ?? {})) {
    if (!(r in rowCounts)) rowCounts[r] = 0;
    for (const c of Object.keys(inner)) if (!(c in colCounts)) colCounts[c] = 0;
  }
  const rowKeys = orderedKeys(rowCounts, (k) => labels.value(first, k));
  const colKeys = orderedKeys(colCounts, (k) => labels.value(second, k));
  const inner = (r: string, c: string) => {
    const row = table.cells?.[r];
    if (row && c in row) return row[c] ?? null;
    return 0;
  };
  return (
    <Stack gap={4}>
      <ScrollTable minWidth={Math.max(320, 140 + colKeys.length * 100)} label={caption}>
        <Table withTableBorder withColumnBorders captionSide="top">
          <Table.Caption>
            <Text size="sm" fw={600} ta="start">
              {caption}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {t('reporting.crossTab.corner', {
                  rows: labels.dimension(first),
                  cols: labels.dimension(second),
                })}
              </Table.Th>
              {colKeys.map((c) => (
                <Table.Th key={c} scope="col" ta="right">
                  {labels.value(second, c)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('reporting.crossTab.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rowKeys.map((r) => (
              <Table.Tr key={r}>
                <Table.Th scope="row" fw={400}>
                  {labels.value(first, r)}
                </Table.Th>
                {colKeys.map((c) => (
                  <Table.Td key={c} ta="right">
                    {cell(inner(r, c))}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {cell(rowCounts[r])}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('reporting.crossTab.total')}</Table.Th>
              {colKeys.map((c) => (
                <Table.Td key={c} ta="right" fw={600}>
                  {cell(colCounts[c])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {cell(table.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
      {multi ? (
        <Text size="xs" c="dimmed">
          {t('reporting.crossTab.multiValued')}
        </Text>
      ) : null}
    </Stack>
  );
}
